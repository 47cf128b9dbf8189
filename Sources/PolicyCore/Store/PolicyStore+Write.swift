import Foundation
import PolicyExtraction
import SQLiteDB

extension PolicyStore {
    /// What writing an issue from a file would do. Decided here and only
    /// here, for a dry run and inside the write transaction alike.
    public enum WritePlan: Sendable, Equatable {
        /// A file with the same SHA-256 is already in the database (at
        /// `existingPath`, which may be this file's own path).
        case unchanged(existingPath: String)
        /// No issue comes from this path yet.
        case insert
        /// The file at this path was ingested before with other content:
        /// its issue is replaced.
        case replace(issueID: Int64)
    }

    /// What writing a prepared issue did.
    public enum WriteOutcome: Sendable, Equatable {
        case inserted(issueID: Int64)
        case replaced(issueID: Int64)
        case unchanged(existingPath: String)
    }

    /// SHA-256 → source path of every ingested file: a snapshot that lets
    /// ingest skip decoding and parsing files it already holds. The
    /// outcome is still decided by `plan(sha256:sourcePath:)`.
    public func knownDigests() throws -> [String: String] {
        var digests: [String: String] = [:]
        for row in try database.rows("SELECT sha256, source_path FROM issues") {
            digests[try row.decode("sha256")] = try row.decode("source_path")
        }
        return digests
    }

    /// What writing a file with this digest at this path would do.
    public func plan(sha256: String, sourcePath: String) throws -> WritePlan {
        if let existing = try database.cached("SELECT source_path FROM issues WHERE sha256 = ?").rows([sha256]).first {
            return .unchanged(existingPath: try existing.decode("source_path"))
        }
        if let previous = try database.cached("SELECT id FROM issues WHERE source_path = ?").rows([sourcePath]).first {
            return .replace(issueID: try previous.decode("id"))
        }
        return .insert
    }

    /// Writes one issue, its articles, links and extraction in one
    /// transaction; an issue already ingested from the same path is deleted
    /// first (its articles and everything extracted from them go with it).
    public func write(_ prepared: PreparedIssue, at date: Date = Date()) throws -> WriteOutcome {
        try forgettingStoriesOnRollback { try writeInTransaction(prepared, at: date) }
    }

    /// Runs a write; if it fails (rolled back), drops the fingerprints
    /// cached for story matching: the ids of the articles it wrote will be
    /// given to others.
    func forgettingStoriesOnRollback<T>(_ write: () throws -> T) throws -> T {
        do {
            return try write()
        } catch {
            candidateFingerprints = StoryCandidateCache()
            throw error
        }
    }

    private func writeInTransaction(_ prepared: PreparedIssue, at date: Date) throws -> WriteOutcome {
        try database.transaction(.immediate) {
            let plan = try plan(sha256: prepared.sha256, sourcePath: prepared.source.absolutePath)
            var departing: [DepartingCopy] = []
            switch plan {
            case .unchanged(let existingPath):
                return .unchanged(existingPath: existingPath)
            case .replace(let previous):
                departing = try leaveStories(issueID: previous)
                try database.execute("DELETE FROM issues WHERE id = ?", [previous])
                try deleteUnmentionedPolicies()
            case .insert:
                break
            }
            try assignPendingStories()
            let issue = prepared.issue
            try database.execute("""
                INSERT INTO issues (publication, issue_date, date_precision, number, cumulative_number, source_file,
                                    source_path, sha256, bytes, format, encoding, ingested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [issue.publication, issue.date, issue.datePrecision.rawValue, issue.number, issue.cumulativeNumber, prepared.source.name,
                      prepared.source.absolutePath, prepared.sha256, prepared.byteCount, prepared.format.rawValue,
                      prepared.encoding.rawValue, Self.timestamp(date)])
            let issueID = database.lastInsertRowID
            let articleIDs = try insertArticles(prepared.articles, issueID: issueID, issueDate: issue.date)
            var links = RowBatch(table: "article_links", columns: ["article_id", "position", "url"])
            for (article, articleID) in zip(prepared.articles, articleIDs) {
                for (position, url) in article.parsed.urls.enumerated() { links.append([articleID, position + 1, url]) }
            }
            try insert(links)
            var warnings = RowBatch(table: "issue_warnings", columns: ["issue_id", "position", "kind", "message"])
            for (position, warning) in issue.reading.warnings.enumerated() {
                warnings.append([issueID, position + 1, warning.kind.rawValue, warning.message])
            }
            try insert(warnings)
            let written = Array(zip(prepared.articles, articleIDs))
            try writeExtraction(of: written)
            try applyCorrections(to: written)
            try assignStories(written, departing: departing)
            try settleStories(Set(departing.map(\.storyID)))
            if case .replace = plan { return .replaced(issueID: issueID) }
            return .inserted(issueID: issueID)
        }
    }

    /// Deletes the issue with this digest and everything stored from it, in
    /// one transaction (a pull removes what the hub no longer holds).
    public func deleteIssue(sha256: String) throws {
        try database.transaction(.immediate) {
            var departing: [DepartingCopy] = []
            for issue in try database.rows("SELECT id FROM issues WHERE sha256 = ?", [sha256]) {
                departing += try leaveStories(issueID: try issue.decode("id"))
            }
            try database.execute("DELETE FROM issues WHERE sha256 = ?", [sha256])
            try settleStories(Set(departing.map(\.storyID)))
            try deleteUnmentionedPolicies()
        }
    }

    /// Folds the write-ahead log into the database file, so that the file
    /// stands alone. "TRUNCATE: This mode works the same way as RESTART with
    /// the addition that it also truncates the log file to zero bytes";
    /// readers still in the log make it wait (up to the busy timeout) or
    /// leave part of the log for later, which is not an error here.
    public func checkpoint() {
        try? database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Inserts articles with ids of our choosing, many rows per statement.
    ///
    /// The full-text index is kept by a trigger, and FTS5 writes its pending
    /// terms to disk as a new segment at the end of every statement that
    /// changed it (its xSavepoint/xRelease "sync" the index): one statement
    /// per article would mean one small segment per article and endless
    /// merging. One statement per batch keeps that to one flush per batch,
    /// as a bulk INSERT … SELECT into FTS5 has.
    ///
    /// Ids follow the articles' dates (`ArticleIDs`).
    func insertArticles(_ articles: [PreparedArticle], issueID: Int64, issueDate: String?) throws -> [Int64] {
        var batch = RowBatch(table: "articles", columns: ["id", "issue_id", "position", "section", "page", "title", "body",
                                                           "source", "region_code", "published_on", "sort_date"])
        var ids: [Int64] = []
        var taken = Set<Int64>()
        for prepared in articles {
            let article = prepared.parsed
            let sortDate = article.date ?? issueDate ?? ""
            let id = try articleID(day: ArticleIDs.dayKey(sortDate), taken: &taken)
            ids.append(id)
            batch.append([id, issueID, article.position, article.section, article.page, article.title,
                          article.body, article.source, prepared.regionCode, article.date, sortDate])
        }
        try insert(batch)
        return ids
    }

    /// The next id of `day`'s slots after those used, or, when they are
    /// full, the first free id after them (a later day's: an id never names
    /// a day before its article's). `taken` holds the ids this batch has
    /// given out and not yet written.
    /// - Complexity: two primary-key lookups, more only when a day spills over.
    func articleID(day: Int64, taken: inout Set<Int64>) throws -> Int64 {
        let first = ArticleIDs.firstID(ofDay: day), end = (day + 1) * ArticleIDs.slotsPerDay
        let used = try database.cached("SELECT max(id) AS id FROM articles WHERE id >= ? AND id < ?")
            .rows([first, end]).first?.decodeIfPresent("id", as: Int64.self)
        var id = max(first, (used ?? first - 1) + 1, (taken.filter { $0 >= first && $0 < end }.max() ?? first - 1) + 1)
        let exists = try database.cached("SELECT 1 AS found FROM articles WHERE id = ?")
        while try taken.contains(id) || !exists.rows([id]).isEmpty { id += 1 }
        taken.insert(id)
        return id
    }

    /// The id after the largest in `table`; inside the write transaction no
    /// one else can take it.
    func nextID(_ table: String) throws -> Int64 {
        try database.cached("SELECT coalesce(max(id), 0) + 1 AS next FROM \(table)").rows().first?.decode("next") ?? 1
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

    /// `2025-03-10T08:00:00Z`. The format style is Swift code; making an
    /// `ISO8601DateFormatter` per issue cost the writer 5% of an ingest.
    static func timestamp(_ date: Date) -> String {
        date.formatted(.iso8601)
    }

    /// Policies no article names any more, after an issue was replaced.
    func deleteUnmentionedPolicies() throws {
        try database.execute("""
            DELETE FROM policies WHERE NOT EXISTS (SELECT 1 FROM policy_mentions m WHERE m.policy_id = policies.id)
            """)
    }

    /// Writes the policies, targets and goals of a file's articles.
    func writeExtraction(of articles: [(article: PreparedArticle, id: Int64)]) throws {
        var mentions = RowBatch(table: "policy_mentions", columns: ["policy_id", "article_id", "alias", "start", "end"])
        var targets = RowBatch(table: "targets", columns: ["id", "article_id", "policy_id", "region_code", "year",
                                                           "year_source", "text", "start", "end"])
        var goals = RowBatch(table: "goals", columns: ["id", "article_id", "policy_id", "target_id", "kind", "metric",
                                                       "comparator", "value_exact", "value", "unit", "stretch", "year",
                                                       "year_source", "region_code", "metric_key"])
        var evidence = RowBatch(table: "goal_evidence", columns: ["goal_id", "position", "article_id", "start", "end", "text"])
        var nextTarget = try nextID("targets")
        var nextGoal = try nextID("goals")
        var lineKeys = LineKeyMaker()
        for (article, articleID) in articles {
            let extraction = article.extraction
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
            // A value that is no number (the number layer drops them; this is
            // the store's own guard) would fail the whole issue's write.
            for (index, goal) in extraction.goals.enumerated() where !goal.value.isNaN {
                goals.append([nextGoal, articleID, goal.policyIndex.map { policyIDs[$0] },
                              goal.targetIndex.map { firstTarget + Int64($0) }, goal.kind.rawValue, goal.metric,
                              goal.comparator.rawValue, goal.value.description,
                              NSDecimalNumber(decimal: goal.value).doubleValue, goal.unit, goal.stretch, goal.year,
                              goal.yearSource.rawValue, goal.regionCode,
                              try article.metricKeys?[index] ?? lineKeys.key(metric: goal.metric, regionCode: goal.regionCode, in: self)])
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
        // "RETURNING ... returns one row for each database row that is
        // inserted or updated", so the upsert always gives one.
        guard let row = rows.first else {
            throw SQLiteError(.internal, message: "no row returned for policy \(policy.title)")
        }
        return try row.decode("id")
    }
}
