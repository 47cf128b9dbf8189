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

    /// Prepares and writes bulletins held in memory, each as one issue under
    /// the path given (generated corpora, tests).
    @discardableResult
    public func ingest(_ documents: [(path: String, text: String)]) throws -> [WriteOutcome] {
        let preparer = IssuePreparer(gazetteer: try gazetteer())
        return try documents.map { try write(try preparer.prepare(path: $0.path, bytes: Array($0.text.utf8))) }
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
            var links = RowBatch(table: "article_links", columns: ["article_id", "position", "url"])
            for (article, articleID) in zip(issue.articles, articleIDs) {
                for (position, url) in article.urls.enumerated() { links.append([articleID, position + 1, url]) }
            }
            try insert(links)
            try writeExtraction(of: issue.articles.indices.map { (issue.articles[$0], prepared.extractions[$0], articleIDs[$0]) })
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
        let first = try nextID("articles")
        var batch = RowBatch(table: "articles", columns: ["id", "issue_id", "position", "section", "page", "title", "body",
                                                           "source", "region_code", "published_on"])
        for (offset, article) in articles.enumerated() {
            batch.append([first + Int64(offset), issueID, article.position, article.section, article.page, article.title,
                          article.body, article.source, article.regionCode, article.date])
        }
        try insert(batch)
        return articles.indices.map { first + Int64($0) }
    }

    /// The id after the largest in `table`; inside the write transaction no
    /// one else can take it.
    func nextID(_ table: String) throws -> Int64 {
        (try database.cached("SELECT coalesce(max(id), 0) + 1 FROM \(table)").rows().first?[0].int64) ?? 1
    }

    /// Rows for one table, written with as few statements as possible:
    /// every statement that may abort opens a statement journal (and tells
    /// FTS5 of a savepoint), so a file's goals go in a handful of
    /// statements rather than one per row.
    struct RowBatch {
        let table: String
        let columns: [String]
        var rows: [[any DatabaseValueConvertible]] = []

        init(table: String, columns: [String]) {
            self.table = table
            self.columns = columns
        }

        mutating func append(_ row: [any DatabaseValueConvertible]) {
            rows.append(row)
        }
    }

    func insert(_ batch: RowBatch) throws {
        // "The maximum number of host parameters ... defaults to 32766"; stay well below.
        let perStatement = max(1, 4000 / batch.columns.count)
        let tuple = "(" + Array(repeating: "?", count: batch.columns.count).joined(separator: ", ") + ")"
        for start in stride(from: 0, to: batch.rows.count, by: perStatement) {
            let chunk = batch.rows[start..<min(batch.rows.count, start + perStatement)]
            let statement = try database.cached("""
                INSERT INTO \(batch.table) (\(batch.columns.joined(separator: ", "))) VALUES \(Array(repeating: tuple, count: chunk.count).joined(separator: ", "))
                """)
            try statement.execute(Array(chunk.joined()))
        }
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

    /// Writes the policies, targets and goals of a file's articles.
    func writeExtraction(of articles: [(article: ParsedArticle, extraction: ArticleExtraction, id: Int64)]) throws {
        var mentions = RowBatch(table: "policy_mentions", columns: ["policy_id", "article_id", "alias", "start", "end"])
        var targets = RowBatch(table: "targets", columns: ["id", "article_id", "policy_id", "region_code", "year",
                                                           "year_source", "text", "start", "end"])
        var goals = RowBatch(table: "goals", columns: ["id", "article_id", "policy_id", "target_id", "kind", "metric",
                                                       "comparator", "value_exact", "value", "unit", "stretch", "year",
                                                       "year_source", "region_code"])
        var evidence = RowBatch(table: "goal_evidence", columns: ["goal_id", "position", "article_id", "start", "end", "text"])
        var nextTarget = try nextID("targets")
        var nextGoal = try nextID("goals")
        for (article, extraction, articleID) in articles {
            var policyIDs: [Int64] = []
            for policy in extraction.policies {
                let id = try upsert(policy)
                policyIDs.append(id)
                mentions.append([id, articleID, policy.alias, policy.start, policy.end])
            }
            let firstTarget = nextTarget
            for target in extraction.targets {
                let region = target.policyIndex.flatMap { extraction.policies[$0].regionCode } ?? article.regionCode
                targets.append([nextTarget, articleID, target.policyIndex.map { policyIDs[$0] }, region, target.year,
                                target.yearSource.rawValue, target.text, target.start, target.end])
                nextTarget += 1
            }
            for goal in extraction.goals {
                goals.append([nextGoal, articleID, goal.policyIndex.map { policyIDs[$0] },
                              goal.targetIndex.map { firstTarget + Int64($0) }, goal.kind.rawValue, goal.metric,
                              goal.comparator.rawValue, goal.value.description,
                              NSDecimalNumber(decimal: goal.value).doubleValue, goal.unit, goal.stretch, goal.year,
                              goal.yearSource.rawValue, goal.regionCode])
                for (position, span) in goal.evidence.enumerated() {
                    evidence.append([nextGoal, position + 1, articleID, span.start, span.end, span.text])
                }
                nextGoal += 1
            }
        }
        for batch in [mentions, targets, goals, evidence] { try insert(batch) }
    }

    /// One row per policy across articles: inserted, or completed with what
    /// was still unknown. Returns its id.
    func upsert(_ policy: ExtractedPolicy) throws -> Int64 {
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
        return id
    }
}
