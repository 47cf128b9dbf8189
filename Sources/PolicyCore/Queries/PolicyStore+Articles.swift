import Foundation
import PolicyExtraction
import SQLiteDB

extension PolicyStore {
    /// Articles matching `filter`, in issue order.
    public func articles(_ filter: RecordFilter = RecordFilter(), page: Page = .all) throws -> [ArticleRow] {
        var conditions = SQLConditions()
        conditions.append(filter, columns: .articles)
        return try database.prepare("""
            SELECT a.id, i.publication, \(ArticleDateSQL.date) AS issue_date, \(ArticleDateSQL.precision) AS date_precision,
                   i.number AS issue_number,
                   i.cumulative_number, a.section, a.position, a.title, a.region_code,
                   (SELECT name FROM regions r WHERE r.code = a.region_code) AS region_name, a.source,
                   (SELECT json_group_array(url) FROM (SELECT url FROM article_links l WHERE l.article_id = a.id
                                                       ORDER BY l.position)) AS urls,
                   length(a.body) AS body_chars
            FROM articles a JOIN issues i ON i.id = a.issue_id\(conditions.whereClause)
            ORDER BY i.issue_date, a.issue_id, a.position\(page.clause)
            """).rows(conditions.values + page.values).map(ArticleRow.init(row:))
    }

    /// One article whole: its listing row, body, the policies it names, its
    /// targets and its goals (every kind); nil when there is no such id.
    public func article(id: Int64) throws -> ArticleDetail? {
        let rows = try database.prepare("""
            SELECT a.id, i.publication, \(ArticleDateSQL.date) AS issue_date, \(ArticleDateSQL.precision) AS date_precision,
                   i.number AS issue_number,
                   i.cumulative_number, a.section, a.position, a.title, a.region_code,
                   (SELECT name FROM regions r WHERE r.code = a.region_code) AS region_name, a.source,
                   (SELECT json_group_array(url) FROM (SELECT url FROM article_links l WHERE l.article_id = a.id
                                                       ORDER BY l.position)) AS urls,
                   length(a.body) AS body_chars, a.body, i.source_file
            FROM articles a JOIN issues i ON i.id = a.issue_id WHERE a.id = ?
            """).rows([id])
        guard let row = rows.first else { return nil }
        let mentions = try database.prepare("""
            SELECT m.policy_id, p.title, m.alias, m.start, m.end, p.start_year, p.end_year
            FROM policy_mentions m JOIN policies p ON p.id = m.policy_id
            WHERE m.article_id = ? ORDER BY m.start
            """).rows([id]).map(PolicyMention.init(row:))
        let targets = try database.prepare("""
            SELECT id, article_id, policy_id, policy_title, region_code, region_name, year, year_source, text, start,
                   end, goal_ids
            FROM v_targets WHERE article_id = ? ORDER BY start
            """).rows([id]).map(TargetRow.init(row:))
        var detail = ArticleDetail(article: try ArticleRow(row: row), body: try row.decode("body"),
                             sourceFile: try row.decode("source_file"), policies: mentions, targets: targets,
                             // Rejected goals too: the article shows what was decided about each.
                             goals: try goals(GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases), articleID: id,
                                                         includeRejected: true)))
        detail.appearances = try storyAppearances(ofArticle: id)
        return detail
    }
}

extension ArticleRow {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), publication: try row.decode("publication"),
                  issueDate: try row.decodeIfPresent("issue_date"),
                  datePrecision: DatePrecision(column: try row.decodeIfPresent("date_precision")), issueNumber: try row.decodeIfPresent("issue_number"),
                  cumulativeNumber: try row.decodeIfPresent("cumulative_number"), section: try row.decodeIfPresent("section"),
                  position: try row.decode("position"), title: try row.decode("title"),
                  regionCode: try row.decodeIfPresent("region_code"), regionName: try row.decodeIfPresent("region_name"),
                  source: try row.decodeIfPresent("source"), urls: try row.decodeJSON("urls"),
                  bodyChars: try row.decode("body_chars"))
    }
}

extension PolicyMention {
    init(row: Row) throws {
        self.init(policyID: try row.decode("policy_id"), title: try row.decode("title"),
                  alias: try row.decodeIfPresent("alias"), start: try row.decode("start"), end: try row.decode("end"),
                  startYear: try row.decodeIfPresent("start_year"), endYear: try row.decodeIfPresent("end_year"))
    }
}
