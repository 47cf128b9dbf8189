import Foundation

/// One article as a line of a JSON Lines batch (no newline), as ingest reads it.
public enum JSONLinesArticle {
    public static func line(_ title: String, _ body: String, _ publication: String, _ issue: Int, _ date: String) throws -> String {
        let object: [String: Any] = ["title": title, "body": body, "publication": publication, "issue": issue, "date": date]
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }
}
