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

    /// SHA-256 → source path of every ingested file.
    public func knownDigests() throws -> [String: String] {
        var digests: [String: String] = [:]
        for row in try database.rows("SELECT sha256, source_path FROM issues") {
            if let digest = row["sha256"].string { digests[digest] = row["source_path"].string ?? "" }
        }
        return digests
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
                try deleteUnmentionedPolicies()
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
            let articleIDs = try insertArticles(issue.articles, issueID: issueID)
            for (article, articleID) in zip(issue.articles, articleIDs) {
                for (position, url) in article.urls.enumerated() {
                    try database.execute("INSERT INTO article_links (article_id, position, url) VALUES (?, ?, ?)",
                                         [articleID, position + 1, url])
                }
                try writeExtraction(article.extraction, articleID: articleID, articleRegion: article.regionCode)
            }
            return previous == nil ? .inserted(issueID: issueID) : .replaced(issueID: issueID)
        }
    }

    /// Inserts articles with ids of our choosing, many rows per statement.
    ///
    /// The full-text index is kept by a trigger, and FTS5 writes its pending
    /// terms to disk as a new segment at the end of every statement that
    /// changed it (its xSavepoint/xRelease "sync" the index): one statement
    /// per article would mean one small segment per article and endless
    /// merging. One statement per batch keeps that to one flush per batch,
    /// as a bulk INSERT … SELECT into FTS5 has.
    func insertArticles(_ articles: [ParsedArticle], issueID: Int64) throws -> [Int64] {
        // Inside this write transaction no one else can take these ids.
        let first = (try database.scalar("SELECT coalesce(max(id), 0) + 1 FROM articles").int64) ?? 1
        let batch = 200
        var ids: [Int64] = []
        for start in stride(from: 0, to: articles.count, by: batch) {
            let chunk = articles[start..<min(articles.count, start + batch)]
            let placeholders = Array(repeating: "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", count: chunk.count).joined(separator: ", ")
            let statement = try database.cached("""
                INSERT INTO articles (id, issue_id, position, section, page, title, body, source, region_code, published_on)
                VALUES \(placeholders)
                """)
            var values: [any DatabaseValueConvertible] = []
            values.reserveCapacity(chunk.count * 10)
            for article in chunk {
                let id = first + Int64(ids.count)
                ids.append(id)
                values += [id, issueID, article.position, article.section, article.page, article.title, article.body,
                           article.source, article.regionCode, article.date] as [any DatabaseValueConvertible]
            }
            try statement.execute(values)
        }
        return ids
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }

    /// Policies no article names any more, after an issue was replaced.
    func deleteUnmentionedPolicies() throws {
        try database.execute("""
            DELETE FROM policies WHERE NOT EXISTS (SELECT 1 FROM policy_mentions m WHERE m.policy_id = policies.id)
            """)
    }

    /// Writes the policies, targets and goals of one article.
    func writeExtraction(_ extraction: ArticleExtraction, articleID: Int64, articleRegion: String?) throws {
        var policyIDs: [Int64] = []
        for policy in extraction.policies {
            // One row per policy across articles: fill in what is still unknown.
            let statement = try database.cached("""
                INSERT INTO policies (title, title_key, region_code, start_year, end_year, effective_from, effective_until)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (title_key) DO UPDATE SET
                    region_code = coalesce(policies.region_code, excluded.region_code),
                    start_year = coalesce(policies.start_year, excluded.start_year),
                    end_year = coalesce(policies.end_year, excluded.end_year),
                    effective_from = coalesce(policies.effective_from, excluded.effective_from),
                    effective_until = coalesce(policies.effective_until, excluded.effective_until)
                RETURNING id
                """)
            let rows = try statement.rows([policy.title, policy.title.comparisonKey, policy.regionCode, policy.startYear,
                                           policy.endYear, policy.effectiveFrom, policy.effectiveUntil])
            guard let id = rows.first?[0].int64 else { throw PolicyError("policy \(policy.title) was not stored") }
            policyIDs.append(id)
            try database.execute("""
                INSERT INTO policy_mentions (policy_id, article_id, alias, start, end) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (policy_id, article_id) DO NOTHING
                """, [id, articleID, policy.alias, policy.start, policy.end])
        }
        var targetIDs: [Int64] = []
        for target in extraction.targets {
            let policyID = target.policyIndex.map { policyIDs[$0] }
            let region = target.policyIndex.flatMap { extraction.policies[$0].regionCode } ?? articleRegion
            try database.execute("""
                INSERT INTO targets (article_id, policy_id, region_code, year, year_source, text, start, end)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, [articleID, policyID, region, target.year, target.yearSource.rawValue, target.text,
                      target.start, target.end])
            targetIDs.append(database.lastInsertRowID)
        }
        for goal in extraction.goals {
            try database.execute("""
                INSERT INTO goals (article_id, policy_id, target_id, kind, metric, comparator, value_exact, value, unit,
                                   stretch, year, year_source, region_code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [articleID, goal.policyIndex.map { policyIDs[$0] }, goal.targetIndex.map { targetIDs[$0] },
                      goal.kind.rawValue, goal.metric, goal.comparator.rawValue, goal.value.description,
                      NSDecimalNumber(decimal: goal.value).doubleValue, goal.unit, goal.stretch, goal.year,
                      goal.yearSource.rawValue, goal.regionCode])
            let goalID = database.lastInsertRowID
            for (position, span) in goal.evidence.enumerated() {
                try database.execute("""
                    INSERT INTO goal_evidence (goal_id, position, article_id, start, end, text) VALUES (?, ?, ?, ?, ?, ?)
                    """, [goalID, position + 1, articleID, span.start, span.end, span.text])
            }
        }
    }
}
