import Foundation
import SQLiteDB

extension PolicyStore {
    /// What writing a prepared issue did.
    public enum WriteOutcome: Sendable, Equatable {
        /// A new issue.
        case inserted(issueID: Int64)
        /// The file at this path was ingested before with other content; its
        /// issue was replaced.
        case replaced(issueID: Int64)
        /// A file with the same SHA-256 is already in the database.
        case unchanged(existingPath: String)
    }

    /// The source path of an issue ingested from a file with this digest.
    public func existingPath(sha256: String) throws -> String? {
        try database.cached("SELECT source_path FROM issues WHERE sha256 = ?").rows([sha256]).first?["source_path"].string
    }

    /// Writes one issue, its articles and links in one transaction; an issue
    /// already ingested from the same path is deleted first (its articles
    /// and everything extracted from them go with it).
    public func write(_ prepared: PreparedIssue, at date: Date = Date()) throws -> WriteOutcome {
        try database.transaction(.immediate) {
            if let path = try existingPath(sha256: prepared.sha256) {
                return .unchanged(existingPath: path)
            }
            let previous = try database.cached("SELECT id FROM issues WHERE source_path = ?")
                .rows([prepared.sourcePath]).first?["id"].int64
            if let previous {
                try database.execute("DELETE FROM issues WHERE id = ?", [previous])
            }
            let issue = prepared.issue
            try database.execute("""
                INSERT INTO issues (publication, issue_date, number, cumulative_number, source_file, source_path,
                                    sha256, bytes, format, encoding, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [issue.publication, issue.date, issue.number, issue.cumulativeNumber, prepared.sourceFile,
                      prepared.sourcePath, prepared.sha256, prepared.byteCount, prepared.format.rawValue,
                      prepared.encoding.rawValue, Self.timestamp(date)])
            let issueID = database.lastInsertRowID
            for article in issue.articles {
                try database.execute("""
                    INSERT INTO articles (issue_id, position, section, page, title, body, source, region_code)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, [issueID, article.position, article.section, article.page, article.title, article.body,
                          article.source, article.regionCode])
                let articleID = database.lastInsertRowID
                for (position, url) in article.urls.enumerated() {
                    try database.execute("INSERT INTO article_links (article_id, position, url) VALUES (?, ?, ?)",
                                         [articleID, position + 1, url])
                }
            }
            return previous == nil ? .inserted(issueID: issueID) : .replaced(issueID: issueID)
        }
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
