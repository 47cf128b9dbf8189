import Foundation
import SQLiteDB

extension PolicyStore {
    /// Every article, in issue order.
    public func articles() throws -> [ArticleRow] {
        try database.prepare("""
            SELECT id, publication, issue_date, issue_number, cumulative_number, section, position, title,
                   region_code, region_name, source, urls, body_chars
            FROM v_articles
            ORDER BY issue_date, issue_id, position
            """).rows().map(ArticleRow.init(row:))
    }
}

extension ArticleRow {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), publication: try row.decode("publication"),
                  issueDate: try row.decodeIfPresent("issue_date"), issueNumber: try row.decodeIfPresent("issue_number"),
                  cumulativeNumber: try row.decodeIfPresent("cumulative_number"), section: try row.decodeIfPresent("section"),
                  position: try row.decode("position"), title: try row.decode("title"),
                  regionCode: try row.decodeIfPresent("region_code"), regionName: try row.decodeIfPresent("region_name"),
                  source: try row.decodeIfPresent("source"), urls: try row.decodeJSON("urls"),
                  bodyChars: try row.decode("body_chars"))
    }
}
