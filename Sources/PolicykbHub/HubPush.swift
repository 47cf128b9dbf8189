import Foundation
import PolicyCore
import PostgresClient
import SQLiteDB

/// `policykb push`: sends a local knowledge base's issues to the hub, one
/// transaction per issue.
///
/// - Idempotent: an issue whose sha256 the hub holds is skipped.
/// - A file with the same publication, date and name but other content
///   replaces the hub's issue (`HubIdentity.replaceKey`), as ingest replaces
///   a changed file.
/// - Safe with many pushers: ids are content digests, so two pushers of one
///   issue write the same rows and the unique key on sha256 keeps one; each
///   transaction takes advisory locks on the issue's digest and replace key
///   (in that order, so that no two wait for each other), and a shared lock
///   that a replacing push, which deletes policies no article names any
///   more, takes exclusively. Policies are upserted in key order. A deadlock
///   or serialization failure is retried.
/// - Resumable: a killed push leaves whole issues; the next one skips them.
public struct HubPush {
    public struct Summary: Sendable, Equatable {
        public var inserted = 0
        public var replaced = 0
        public var skipped = 0
        public var articles = 0
        public var rows = 0
        /// Corrections added to the hub or changed there.
        public var corrections = 0
        /// Stories of this file that joined stories the hub held apart.
        public var storiesJoined = 0
    }

    let hub: HubConnection
    let store: PolicyStore
    let pusher: String
    /// Called after each issue with (done, total).
    var progress: (Int, Int) -> Void = { _, _ in }

    /// Advisory lock keys (any fixed numbers): policies' clean-up, and the
    /// class of per-issue locks.
    static let policyLock = "7064707985754111"
    /// Taken by a push of corrections (`pushCorrections`).
    static let correctionLock = "7064707985754112"
    /// Shared by each issue's transaction, exclusive while stories are
    /// joined (`joinStories`): a story row an issue names is not merged
    /// away under it.
    static let storyLock = "7064707985754113"

    public init(hub: HubConnection, store: PolicyStore, progress: @escaping (Int, Int) -> Void = { _, _ in }) {
        self.hub = hub
        self.store = store
        pusher = (ProcessInfo.processInfo.hostName) + ":" + URL(fileURLWithPath: store.path).standardizedFileURL.path
        self.progress = progress
    }

    struct LocalIssue {
        let id: Int64
        let sha256: String
        let replaceKey: String
    }

    public func run() throws -> Summary {
        var summary = Summary()
        // Rows are read an issue at a time (`IssueRows`), once each: a
        // reader's memory map (PolicyStore's .read) would leave every page
        // of the file resident, which was most of push's 557 MB peak at
        // 100,000 articles. Plain reads keep only SQLite's page cache.
        try store.database.execute("PRAGMA mmap_size = 0")
        try syncRegions()
        let issues = try store.database.rows("SELECT id, sha256, publication, issue_date, source_file FROM issues ORDER BY id").map { row in
            LocalIssue(id: try row.decode("id"), sha256: try row.decode("sha256"),
                       replaceKey: HubIdentity.replaceKey(publication: try row.decode("publication"),
                                                          date: try row.decodeIfPresent("issue_date"),
                                                          sourceFile: try row.decode("source_file")))
        }
        let held = Set(try hub.run("listing the hub's issues", "SELECT sha256 FROM issues").rows.compactMap { $0[0] })
        // Pushers of overlapping files must not prepare the same issue in
        // step: each starts at a place of its own (its process id, spread
        // over the list), claims an issue before reading its rows (a
        // session lock that is free or not: no waiting) and leaves one
        // another pusher holds for the end, by when it is mostly sent. The
        // order does not matter to the result: ids are digests, and of two
        // versions of an issue the one ingested later wins either way.
        let start = issues.isEmpty ? 0 : Int((UInt64(ProcessInfo.processInfo.processIdentifier) &* 2_654_435_761) % UInt64(issues.count))
        let stories = try LocalStories(store.database)
        var deferred: [LocalIssue] = []
        var done = 0
        for index in issues.indices {
            let issue = issues[(start + index) % issues.count]
            if try held.contains(issue.sha256) || isSent(issue) {
                summary.skipped += 1
            } else if try claim(issue) {
                defer { release(issue) }
                try push(issue, stories: stories, into: &summary)
            } else {
                deferred.append(issue)
                continue
            }
            done += 1
            progress(done, issues.count)
        }
        for issue in deferred {
            if try isSent(issue) { summary.skipped += 1 } else { try push(issue, stories: stories, into: &summary) }
            done += 1
            progress(done, issues.count)
        }
        summary.corrections = try pushCorrections()
        summary.storiesJoined = try joinStories(stories)
        return summary
    }

    /// Whether the hub holds the issue now (another pusher may have sent it).
    func isSent(_ issue: LocalIssue) throws -> Bool {
        !(try hub.run("looking up the issue", "SELECT 1 FROM issues WHERE sha256 = $1", [issue.sha256]).rows.isEmpty)
    }

    /// Claims the issue for this pusher unless another holds it (a session
    /// advisory lock, dropped with the connection if the push is killed).
    func claim(_ issue: LocalIssue) throws -> Bool {
        try hub.run("claiming the issue", "SELECT pg_try_advisory_lock(hashtextextended($1, 3))", [issue.sha256]).scalar == "t"
    }

    func release(_ issue: LocalIssue) {
        _ = try? hub.run("releasing the issue", "SELECT pg_advisory_unlock(hashtextextended($1, 3))", [issue.sha256])
    }

    /// Regions and their names come from the SQLite migrations, the same on
    /// every machine; the first push (and one from a newer binary) adds
    /// what the hub lacks.
    func syncRegions() throws {
        let local = try store.database.scalar("SELECT count(*) FROM regions").int ?? 0
        let remote = Int(try hub.run("counting regions", "SELECT count(*) FROM regions").scalar ?? "0") ?? 0
        let localNames = try store.database.scalar("SELECT count(*) FROM region_names").int ?? 0
        let remoteNames = Int(try hub.run("counting region names", "SELECT count(*) FROM region_names").scalar ?? "0") ?? 0
        guard local != remote || localNames != remoteNames else { return }
        var regions = HubRows("regions", [("code", "text"), ("name", "text"), ("short_name", "text"), ("abbreviation", "text"),
                                          ("level", "text"), ("parent_code", "text")], suffix: "ON CONFLICT DO NOTHING")
        for row in try store.database.rows("SELECT code, name, short_name, abbreviation, level, parent_code FROM regions ORDER BY code") {
            regions.append(row.values.map(\.text))
        }
        var names = HubRows("region_names", [("name", "text"), ("code", "text"), ("kind", "text"), ("priority", "integer")],
                            suffix: "ON CONFLICT DO NOTHING")
        for row in try store.database.rows("SELECT name, code, kind, priority FROM region_names ORDER BY name, code") {
            names.append(row.values.map(\.text))
        }
        try inTransaction("adding regions") {
            try hub.insert(regions)
            try hub.insert(names)
        }
    }

    /// One issue in one transaction, retried on a deadlock or serialization failure.
    func push(_ issue: LocalIssue, stories: LocalStories, into summary: inout Summary) throws {
        let rows = try IssueRows(store: store, issueID: issue.id, pusher: pusher, localStories: stories)
        var exclusive = false
        for attempt in 1...5 {
            do {
                let outcome = try inTransaction("pushing \(rows.sourceFile)") { () throws -> Outcome in
                    try write(rows, exclusive: exclusive)
                }
                switch outcome {
                case .inserted: summary.inserted += 1
                case .replaced: summary.replaced += 1
                case .present: summary.skipped += 1
                case .needsExclusive:
                    exclusive = true
                    continue
                }
                if outcome != .present {
                    summary.articles += rows.articles.rows.count
                    summary.rows += rows.rowCount
                }
                return
            } catch let error as HubError where attempt < 5 && error.isTransient {
                continue
            }
        }
    }

    enum Outcome: Equatable {
        case inserted, replaced, present, needsExclusive
    }

    func write(_ rows: IssueRows, exclusive: Bool) throws(HubError) -> Outcome {
        let lockMode = exclusive ? "pg_advisory_xact_lock" : "pg_advisory_xact_lock_shared"
        try hub.run("locking", "SELECT \(lockMode)(\(Self.policyLock))")
        try hub.run("locking", "SELECT pg_advisory_xact_lock_shared(\(Self.storyLock))")
        try hub.run("locking the issue", "SELECT pg_advisory_xact_lock(hashtextextended($1, 1))", [rows.sha256])
        try hub.run("locking the issue", "SELECT pg_advisory_xact_lock(hashtextextended($1, 2))", [rows.replaceKey])
        if try hub.run("looking up the issue", "SELECT 1 FROM issues WHERE sha256 = $1", [rows.sha256]).rows.count > 0 {
            return .present
        }
        let versions = try hub.run("looking up the issue", "SELECT id, ingested_at FROM issues WHERE replace_key = $1",
                                   [rows.replaceKey]).rows
        // The version ingested last wins: an older copy of the file on
        // another machine does not replace it back at every push.
        if versions.contains(where: { ($0[1] ?? "") > rows.ingestedAt }) { return .present }
        let previous = versions.compactMap { $0[0] }
        if !previous.isEmpty {
            guard exclusive else { return .needsExclusive }
            let ids = "{" + previous.joined(separator: ",") + "}"
            // The policies the old issue named, then the issue and its rows
            // (ON DELETE CASCADE), then those policies no article names now.
            let named = try hub.run("replacing the issue", """
                SELECT DISTINCT m.policy_id FROM policy_mentions m JOIN articles a ON a.id = m.article_id
                WHERE a.issue_id = ANY($1::bigint[])
                """, [ids]).rows.compactMap { $0[0] }
            try hub.run("replacing the issue", "DELETE FROM issues WHERE id = ANY($1::bigint[])", [ids])
            try hub.run("replacing the issue", """
                DELETE FROM policies p WHERE p.id = ANY($1::bigint[])
                AND NOT EXISTS (SELECT 1 FROM policy_mentions m WHERE m.policy_id = p.id)
                """, ["{" + named.joined(separator: ",") + "}"])
        }
        try hub.insert(rows.issue)
        try hub.insert(rows.articles)
        try hub.insert(rows.links)
        try hub.insert(rows.warnings)
        try hub.insert(rows.policies)
        try hub.insert(rows.mentions)
        try hub.insert(rows.targets)
        try hub.insert(rows.goals)
        try hub.insert(rows.evidence)
        try hub.insert(rows.stories)
        try hub.insert(rows.articleStories)
        return previous.isEmpty ? .inserted : .replaced
    }

    /// Every story of more than one copy here, sent as its copies' hub ids:
    /// the hub merges the stories holding them into the earliest
    /// (`policykb_join_stories`), so that machines which each pushed part
    /// of a story, or pushed issues another machine had already sent,
    /// converge on one story. Idempotent; also drops stories left without
    /// copies by replaced issues. One transaction, retried like an issue's.
    func joinStories(_ stories: LocalStories) throws -> Int {
        let pairs = stories.joinPairs
        for attempt in 1...5 {
            do {
                return try inTransaction("joining stories") { () throws -> Int in
                    try hub.run("locking", "SELECT pg_advisory_xact_lock(\(Self.storyLock))")
                    var joined = 0
                    // Whole stories per statement, about 20,000 copies each.
                    var start = 0
                    while start < pairs.count {
                        var end = min(pairs.count, start + 20_000)
                        while end < pairs.count, pairs[end].group == pairs[end - 1].group { end += 1 }
                        let chunk = pairs[start..<end]
                        joined += Int(try hub.run("joining stories", "SELECT policykb_join_stories($1::bigint[], $2::bigint[])",
                                                  ["{" + chunk.map { String($0.article) }.joined(separator: ",") + "}",
                                                   "{" + chunk.map { String($0.group) }.joined(separator: ",") + "}"]).scalar ?? "0") ?? 0
                        start = end
                    }
                    try hub.run("dropping stories without copies", """
                        DELETE FROM stories s WHERE NOT EXISTS (SELECT 1 FROM article_stories st WHERE st.story_id = s.id)
                        """)
                    return joined
                }
            } catch let error as HubError where attempt < 5 && error.isTransient {
                continue
            }
        }
        return 0
    }

    func inTransaction<T>(_ what: String, _ body: () throws -> T) throws -> T {
        do {
            return try hub.connection.transaction(body)
        } catch let error as PostgresError {
            throw hub.wrap(error, what)
        }
    }
}

extension HubError {
    /// A deadlock, a serialization failure or a unique key taken by a
    /// concurrent pusher between our check and our insert: worth a retry.
    var isTransient: Bool {
        guard case .failed(_, _, _, let state) = self else { return false }
        return ["40P01", "40001", "23505"].contains(state ?? "")
    }
}

extension DatabaseValue {
    /// The value as text for a hub parameter; nil for NULL.
    var text: String? {
        switch self {
        case .null: nil
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): value
        case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
        }
    }
}
