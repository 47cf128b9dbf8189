import Foundation
import PolicyCore
import PolicyExtraction
import PolicyNumbers
import PolicykbDigest
import PostgresClient

/// `policykb pull`: builds or refreshes a local SQLite copy of the hub.
///
/// Incremental: the hub's list of issue digests is compared with the local
/// file's, and only issues the copy lacks are fetched. Each is written
/// through `PolicyStore.write`, as ingest writes a file (one transaction;
/// local ids, the search index and policies as ingest makes them). Its
/// source path is `/policykb-hub/<digest of its replace key>/<file name>`,
/// so that an issue the hub replaced replaces the local one in the same
/// transaction. Issues the hub no longer holds are deleted, one transaction
/// each. A reader (`serve`) sees each issue whole.
public struct HubPull {
    public struct Summary: Sendable, Equatable {
        public var added = 0
        public var replaced = 0
        public var removed = 0
        public var unchanged = 0
        /// Corrections added to the local file or changed there.
        public var corrections = 0
    }

    let hub: HubConnection
    let store: PolicyStore
    var progress: (Int, Int) -> Void

    static let pathPrefix = "/policykb-hub/"

    public init(hub: HubConnection, store: PolicyStore, progress: @escaping (Int, Int) -> Void = { _, _ in }) {
        self.hub = hub
        self.store = store
        self.progress = progress
    }

    public func run() throws -> Summary {
        var summary = Summary()
        let remote = try hub.run("listing the hub's issues", "SELECT sha256 FROM issues ORDER BY source_path, sha256")
            .rows.compactMap { $0[0] }
        // In the order of the first pusher's paths, as its ingest wrote
        // them: local ids (which break ties in listings) then agree with
        // that machine's.
        // Corrections first: the issues written next take them as ingest
        // does, and those already here are corrected again where changed.
        summary.corrections = try store.mergeCorrections(Array(try hub.corrections().values))
        let local = Set(try store.knownDigests().keys)
        let missing = remote.filter { !local.contains($0) }
        summary.unchanged = remote.count - missing.count
        for (index, sha256) in missing.enumerated() {
            // Fetched in one snapshot, so that a push in between cannot
            // tear the issue.
            let prepared: PreparedIssue? = try {
                do {
                    try hub.connection.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                    defer { _ = try? hub.connection.execute("COMMIT") }
                    return try fetch(sha256)
                } catch let error as PostgresError {
                    throw hub.wrap(error, "reading an issue")
                }
            }()
            guard let prepared else { continue }
            let date = ISO8601DateFormatter().date(from: prepared.ingestedAt) ?? Date()
            switch try store.write(prepared.issue, at: date) {
            case .inserted: summary.added += 1
            case .replaced: summary.replaced += 1
            case .unchanged: summary.unchanged += 1
            }
            progress(index + 1, missing.count)
        }
        let held = Set(remote)
        for (sha256, path) in try store.knownDigests() where !held.contains(sha256) && path.hasPrefix(Self.pathPrefix) {
            try store.deleteIssue(sha256: sha256)
            summary.removed += 1
        }
        store.checkpoint()
        return summary
    }

    struct PreparedIssue {
        let issue: PolicyCore.PreparedIssue
        let ingestedAt: String
    }

    /// The hub's rows of one issue as ingest would have prepared them.
    func fetch(_ sha256: String) throws -> PreparedIssue? {
        let c = hub.connection
        guard let issueRow = try c.execute("""
            SELECT id, replace_key, publication, issue_date, number, cumulative_number, source_file, bytes, format, encoding,
                   ingested_at, date_precision FROM issues WHERE sha256 = $1
            """, [sha256]).rows.first else { return nil }
        let issueID = issueRow[0] ?? ""
        func int(_ text: String?) -> Int? { text.flatMap { Int($0) } }
        var parsed = ParsedIssue(publication: issueRow[2] ?? "", date: issueRow[3], number: int(issueRow[4]),
                                 cumulativeNumber: int(issueRow[5]))
        parsed.datePrecision = DatePrecision(rawValue: issueRow[11] ?? "") ?? .day
        for warning in try c.execute("SELECT kind, message FROM issue_warnings WHERE issue_id = $1 ORDER BY position",
                                     [issueID]).rows {
            guard let kind = IngestWarning.Kind(rawValue: warning[0] ?? "") else {
                throw HubError.local("hub issue \(sha256.prefix(12)): unknown warning kind \(warning[0] ?? "")")
            }
            parsed.reading.warnings.append(IngestWarning(kind, warning[1] ?? ""))
        }
        let articleRows = try c.execute("""
            SELECT id, position, section, page, published_on, region_code, source, title, body,
                   (SELECT array_to_json(coalesce(array_agg(url ORDER BY position), '{}'))::text FROM article_links l
                    WHERE l.article_id = a.id) AS urls
            FROM articles a WHERE issue_id = $1 ORDER BY position
            """, [issueID]).rows
        let inIssue = "article_id IN (SELECT id FROM articles WHERE issue_id = $1)"
        let mentions = try c.execute("""
            SELECT m.article_id, p.id, p.title, m.alias, p.region_code, p.start_year, p.end_year, p.effective_from,
                   p.effective_until, m.start, m."end"
            FROM policy_mentions m JOIN policies p ON p.id = m.policy_id WHERE m.\(inIssue) ORDER BY m.article_id, m.start, p.title_key
            """, [issueID]).rows
        let targets = try c.execute("""
            SELECT article_id, id, policy_id, year, year_source, text, start, "end" FROM targets WHERE \(inIssue)
            ORDER BY article_id, id
            """, [issueID]).rows
        let goals = try c.execute("""
            SELECT g.article_id, g.id, g.policy_id, g.target_id, g.kind, g.metric, g.comparator, g.value_exact, g.unit,
                   g.stretch, g.year, g.year_source, g.region_code,
                   (SELECT json_agg(json_build_array(e.start, e."end", e.text) ORDER BY e.position)::text
                    FROM goal_evidence e WHERE e.goal_id = g.id) AS evidence
            FROM goals g WHERE g.\(inIssue) ORDER BY g.article_id, g.id
            """, [issueID]).rows
        // Goals keep their order of the pushing machine (its local ids),
        // which the digests do not: order them by the digest's index.
        let goalOrder = Self.indexOrder(goals.map { $0[1] ?? "" }, sha256: sha256, kind: "goal")
        let targetOrder = Self.indexOrder(targets.map { $0[1] ?? "" }, sha256: sha256, kind: "target")

        var articles: [PolicyCore.PreparedArticle] = []
        for row in articleRows {
            let articleID = row[0] ?? ""
            let urls = (try? JSONDecoder().decode([String].self, from: Data((row[9] ?? "[]").utf8))) ?? []
            let article = ParsedArticle(position: int(row[1]) ?? 0, section: row[2], page: int(row[3]), title: row[7] ?? "",
                                        body: row[8] ?? "", source: row[6], urls: urls, date: row[4])
            var extraction = ArticleExtraction()
            var policyIndex: [String: Int] = [:]
            for mention in mentions where mention[0] == articleID {
                policyIndex[mention[1] ?? ""] = extraction.policies.count
                extraction.policies.append(ExtractedPolicy(
                    title: mention[2] ?? "", alias: mention[3], regionCode: mention[4], startYear: int(mention[5]),
                    endYear: int(mention[6]), effectiveFrom: mention[7], effectiveUntil: mention[8],
                    start: int(mention[9]) ?? 0, end: int(mention[10]) ?? 0))
            }
            var targetIndex: [String: Int] = [:]
            for target in targetOrder.map({ targets[$0] }) where target[0] == articleID {
                guard let yearSource = YearSource(rawValue: target[4] ?? "") else {
                    throw HubError.local("hub issue \(sha256.prefix(12)): unknown year source \(target[4] ?? "")")
                }
                targetIndex[target[1] ?? ""] = extraction.targets.count
                extraction.targets.append(ExtractedTarget(
                    year: int(target[3]) ?? 0, yearSource: yearSource, text: target[5] ?? "", start: int(target[6]) ?? 0,
                    end: int(target[7]) ?? 0, scopes: [], policyIndex: target[2].flatMap { policyIndex[$0] }))
            }
            for goal in goalOrder.map({ goals[$0] }) where goal[0] == articleID {
                guard let kind = ExtractedGoal.Kind(rawValue: goal[4] ?? ""),
                      let comparator = Comparator(rawValue: goal[6] ?? ""),
                      let value = Decimal(string: goal[7] ?? "", locale: Locale(identifier: "en_US_POSIX")),
                      let yearSource = YearSource(rawValue: goal[11] ?? "") else {
                    throw HubError.local("hub issue \(sha256.prefix(12)): goal \(goal[1] ?? "") cannot be read")
                }
                let spans = (try? JSONSerialization.jsonObject(with: Data((goal[13] ?? "[]").utf8))) as? [[Any]] ?? []
                extraction.goals.append(ExtractedGoal(
                    kind: kind, metric: goal[5] ?? "", comparator: comparator, value: value, unit: goal[8],
                    stretch: goal[9] == "1", year: int(goal[10]), yearSource: yearSource,
                    policyIndex: goal[2].flatMap { policyIndex[$0] }, targetIndex: goal[3].flatMap { targetIndex[$0] },
                    regionCode: goal[12],
                    evidence: spans.map { EvidenceSpan(start: ($0[0] as? Int) ?? 0, end: ($0[1] as? Int) ?? 0,
                                                       text: ($0[2] as? String) ?? "") }))
            }
            articles.append(PolicyCore.PreparedArticle(parsed: article, regionCode: row[5], extraction: extraction))
        }
        parsed.articles = articles.map(\.parsed)
        var digest = SHA256()
        digest.update(Array((issueRow[1] ?? "").utf8))
        let path = Self.pathPrefix + digest.finalizeHex().prefix(16) + "/" + (issueRow[6] ?? "issue")
        let format = PolicyCore.PreparedIssue.Format(rawValue: issueRow[8] ?? "") ?? .bulletin
        let encoding = TextEncoding(rawValue: issueRow[9] ?? "") ?? .utf8
        let prepared = PolicyCore.PreparedIssue(source: SourceFile(path: path), sha256: sha256, byteCount: int(issueRow[7]) ?? 0,
                                                format: format, encoding: encoding, issue: parsed, articles: articles)
        return PreparedIssue(issue: prepared, ingestedAt: issueRow[10] ?? "")
    }

    /// Row indices ordered by the n of the digest each id was made from
    /// ("<sha256>/<kind>/<n>"), which is the pushing file's id order.
    static func indexOrder(_ ids: [String], sha256: String, kind: String) -> [Int] {
        var index: [String: Int] = [:]
        var n = 0
        while index.count < ids.count && n < ids.count * 2 + 16 {
            let id = String(HubIdentity.id("\(sha256)/\(kind)/\(n)"))
            index[id] = n
            n += 1
        }
        return ids.indices.sorted { (index[ids[$0]] ?? Int.max, $0) < (index[ids[$1]] ?? Int.max, $1) }
    }
}
