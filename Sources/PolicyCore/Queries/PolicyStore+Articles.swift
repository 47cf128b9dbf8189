import Foundation
import SQLiteDB

extension PolicyStore {
    /// Every article, in issue order.
    public func articles() throws -> [ArticleRow] {
        let statement = try database.prepare("""
            SELECT id, publication, issue_date, issue_number, cumulative_number, section, position, title,
                   region_code, region_name, source, urls, body_chars
            FROM v_articles
            ORDER BY issue_date, issue_id, position
            """)
        var rows: [ArticleRow] = []
        while try statement.step() {
            rows.append(ArticleRow(
                id: statement.int64(0), publication: statement.text(1), issueDate: statement.optionalText(2),
                issueNumber: statement.optionalInt(3), cumulativeNumber: statement.optionalInt(4),
                section: statement.optionalText(5), position: statement.int(6), title: statement.text(7),
                regionCode: statement.optionalText(8), regionName: statement.optionalText(9),
                source: statement.optionalText(10), urls: Self.decodeList(statement.text(11)),
                bodyChars: statement.int(12)))
        }
        return rows
    }

    /// A JSON array of strings, as `json_group_array` makes it.
    static func decodeList(_ json: String) -> [String] {
        guard let data = json.data(using: .utf8),
              let list = try? JSONSerialization.jsonObject(with: data) as? [String] else { return [] }
        return list
    }
}
