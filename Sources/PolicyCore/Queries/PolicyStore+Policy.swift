import Foundation
import PolicyExtraction
import SQLiteDB

/// An article that names a policy.
public struct PolicyArticleMention: Sendable, Equatable {
    public let articleID: Int64
    public let articleTitle: String
    public let issueDate: String?
    public var datePrecision: DatePrecision = .day
    public let publication: String
    public let issueNumber: Int?
    /// The short name this article gives the policy (以下简称《行动计划》).
    public let alias: String?
}

/// One policy whole: its row, every article naming it in date order, and
/// its targets and goals (every kind) by horizon year.
public struct PolicyDetail: Sendable, Equatable {
    public let policy: PolicyRow
    public let mentions: [PolicyArticleMention]
    public let targets: [TargetRow]
    public let goals: [GoalRow]
}

extension PolicyStore {
    /// The policy with this id, or nil.
    public func policy(id: Int64) throws -> PolicyDetail? {
        guard let row = try database.prepare("""
            SELECT id, title, alias, region_code, region_name, start_year, end_year, effective_from, effective_until,
                   article_ids
            FROM v_policies WHERE id = ?
            """).rows([id]).first else { return nil }
        // One row per article (an article may name the policy twice).
        let mentions = try database.prepare("""
            SELECT a.id AS article_id, a.title AS article_title, \(ArticleDateSQL.date) AS issue_date,
                   \(ArticleDateSQL.precision) AS date_precision,
                   i.publication, i.number AS issue_number,
                   (SELECT m2.alias FROM policy_mentions m2 WHERE m2.policy_id = ?1 AND m2.article_id = a.id
                    AND m2.alias IS NOT NULL ORDER BY m2.start LIMIT 1) AS alias
            FROM articles a JOIN issues i ON i.id = a.issue_id
            WHERE a.id IN (SELECT article_id FROM policy_mentions WHERE policy_id = ?1)
            ORDER BY coalesce(a.published_on, i.issue_date), a.issue_id, a.position
            """).rows([id]).map {
                PolicyArticleMention(articleID: try $0.decode("article_id"), articleTitle: try $0.decode("article_title"),
                                     issueDate: try $0.decodeIfPresent("issue_date"),
                                     datePrecision: DatePrecision(column: try $0.decodeIfPresent("date_precision")),
                                     publication: try $0.decode("publication"),
                                     issueNumber: try $0.decodeIfPresent("issue_number"),
                                     alias: try $0.decodeIfPresent("alias"))
            }
        let targets = try database.prepare("""
            SELECT id, article_id, policy_id, policy_title, region_code, region_name, year, year_source, text, start,
                   end, goal_ids
            FROM v_targets WHERE policy_id = ? ORDER BY year, article_id, start
            """).rows([id]).map(TargetRow.init(row:))
        var filter = GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases))
        filter.policyID = id
        let goals = try goals(filter).sorted { ($0.year ?? Int.max, $0.articleID, $0.id) < ($1.year ?? Int.max, $1.articleID, $1.id) }
        return PolicyDetail(policy: try PolicyRow(row: row), mentions: mentions, targets: targets, goals: goals)
    }
}
