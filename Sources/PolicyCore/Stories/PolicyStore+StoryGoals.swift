import Foundation
import SQLiteDB

/// Goals counted once per story: the same goal (kind, metric with scripts
/// folded, comparator, value, unit, year, region) in several copies of one
/// story is one row, that of the earliest copy the filter keeps, citing
/// every copy (its `copies`, and the evidence of each).
extension PolicyStore {
    /// The condition that keeps a goal of `v_goals` only when no earlier
    /// copy of its story (smaller article id, which follows dates) has the
    /// same goal among the goals `conditions` keep. The conditions are
    /// written again inside, where their column names mean the other
    /// copy's goal (`g2`).
    static func firstCopyCondition(_ conditions: SQLConditions) -> (sql: String, values: [any DatabaseValueConvertible]) {
        ("""
        NOT EXISTS (
            SELECT 1 FROM v_goals g2
            WHERE g2.article_id IN (
                SELECT other.article_id FROM article_stories mine
                JOIN stories s ON s.id = mine.story_id AND s.copies > 1
                JOIN article_stories other ON other.story_id = mine.story_id AND other.article_id < mine.article_id
                WHERE mine.article_id = v_goals.article_id)
              AND \(goalKeyEquals("g2", "v_goals"))\(conditions.andClause))
        """, conditions.values)
    }

    /// Two goals that say the same thing.
    static func goalKeyEquals(_ a: String, _ b: String) -> String {
        """
        \(a).kind = \(b).kind AND \(a).comparator = \(b).comparator AND \(a).value_exact = \(b).value_exact \
        AND \(a).unit IS \(b).unit AND \(a).year IS \(b).year AND \(a).region_code IS \(b).region_code \
        AND policykb_fold(\(a).metric) = policykb_fold(\(b).metric)
        """
    }

    /// `goals` with the copies of each: the same goal in the story's other
    /// copies (whatever the filter), their articles and evidence.
    func withCopies(_ goals: [GoalRow]) throws -> [GoalRow] {
        guard !goals.isEmpty else { return goals }
        let shared = try database.prepare("""
            SELECT st.article_id FROM article_stories st JOIN stories s ON s.id = st.story_id AND s.copies > 1
            WHERE st.article_id IN (SELECT value FROM json_each(?))
            """).rows([JSONList.encode(Array(Set(goals.map(\.articleID))).sorted())])
        let inStories = Set(try shared.map { try $0.decode("article_id", as: Int64.self) })
        guard !inStories.isEmpty else { return goals }
        let copies = try database.cached("""
            SELECT g2.id, g2.article_id, g2.evidence, g2.publication, g2.issue_number, g2.issue_date
            FROM v_goals g1
            JOIN article_stories mine ON mine.article_id = g1.article_id
            JOIN article_stories other ON other.story_id = mine.story_id AND other.article_id <> mine.article_id
            JOIN v_goals g2 ON g2.article_id = other.article_id
            WHERE g1.id = ? AND \(Self.goalKeyEquals("g2", "g1"))
            ORDER BY g2.article_id, g2.id
            """)
        return try goals.map { goal in
            guard inStories.contains(goal.articleID) else { return goal }
            var goal = goal
            for row in try copies.rows([goal.id]) {
                let evidence: [EvidenceRow] = try row.decodeJSON("evidence")
                goal.copies.append(GoalCopy(goalID: try row.decode("id"), articleID: try row.decode("article_id"),
                                            publication: try row.decodeIfPresent("publication"),
                                            issueNumber: try row.decodeIfPresent("issue_number"),
                                            issueDate: try row.decodeIfPresent("issue_date"), evidence: evidence))
            }
            return goal
        }
    }
}

/// The same goal in another copy of the goal's story.
public struct GoalCopy: Sendable, Equatable {
    public let goalID: Int64
    public let articleID: Int64
    public let publication: String?
    public let issueNumber: Int?
    public let issueDate: String?
    public let evidence: [EvidenceRow]
}
