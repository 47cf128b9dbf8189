import Foundation
import PolicyExtraction
import SQLiteDB

/// What to search, how to filter and how much to return.
public struct SearchRequest: Sendable {
    public enum Facet: String, Sendable, CaseIterable {
        case region, section, year
    }

    /// The order of the hits.
    public enum Sort: String, Sendable, CaseIterable {
        /// Best first: BM25, ties to the newest.
        case relevance
        /// By the article's date (else its issue's), newest first; undated last.
        case newest
        /// Oldest first; undated last.
        case oldest
    }

    /// The FTS5 expression to match.
    public var expression: String
    /// Phrases to mark in snippets.
    public var phrases: [String]
    /// At most this many hits; nil for all.
    public var limit: Int?
    public var offset = 0
    /// Region (of the article), section, dates and policy.
    public var records = RecordFilter()
    /// Only articles with target or incentive goals.
    public var hasGoals = false
    /// Only articles with a goal for this horizon year.
    public var goalYear: Int?
    public var facets: [Facet] = []
    /// Give each hit its `ScoreExplanation`.
    public var explain = false
    public var sort = Sort.relevance
    /// Newest first counts matches up to this many and then says "at least"
    /// (`SearchResults.totalIsExact`), as Elasticsearch's `track_total_hits`
    /// does at 10,000: the page itself is settled after a few dozen matches,
    /// and counting every match would cost what ranking them does. With
    /// facets, which count every match, the total is exact.
    public static let exactTotalUpTo = 1_000

    /// The parsed query (nil for a raw FTS5 expression).
    public var query: SearchQuery?
    /// Keep only matches with every phrase in the script typed (the index
    /// matches traditional and simplified alike).
    public var exactScript = false
    /// List every copy of a story; by default a story shows once, with its
    /// number of copies, and totals and facets count stories.
    public var allCopies = false

    public init(query: SearchQuery, limit: Int? = 20) {
        expression = query.fts5Expression
        phrases = query.positivePhrases
        self.query = query
        self.limit = limit
    }

    /// Raw FTS5 syntax, passed through unchanged.
    public init(rawExpression: String, limit: Int? = 20) {
        expression = rawExpression
        phrases = (try? SearchQuery.parse(rawExpression).positivePhrases) ?? []
        self.limit = limit
    }
}

/// A value of a facet and how many matching articles have it.
public struct FacetCount: Sendable, Equatable {
    public let value: String?
    public let label: String?
    public let count: Int
}

public struct SearchResults: Sendable {
    /// Matching articles: exact, or at least this many when `totalIsExact`
    /// is false (newest first without facets counts up to
    /// `SearchRequest.exactTotalUpTo`).
    public let total: Int
    public let totalIsExact: Bool
    public let hits: [SearchHit]
    public let facets: [(facet: SearchRequest.Facet, counts: [FacetCount])]

    public init(total: Int, totalIsExact: Bool = true, hits: [SearchHit],
                facets: [(facet: SearchRequest.Facet, counts: [FacetCount])] = []) {
        self.total = total
        self.totalIsExact = totalIsExact
        self.hits = hits
        self.facets = facets
    }
}

extension PolicyStore {
    /// Articles matching a query, best first.
    public func search(_ query: SearchQuery, limit: Int?) throws -> SearchResults {
        try search(SearchRequest(query: query, limit: limit))
    }

    /// The FROM and WHERE of a search's matching articles (s: the index, a:
    /// articles, i: issues), and their values.
    func searchMatches(_ request: SearchRequest) -> (sql: String, values: [any DatabaseValueConvertible], filtered: Bool) {
        var conditions = SQLConditions()
        // An exact-script search checks exclusions itself: folded, 數據 NOT
        // 数据 would exclude everything.
        let expression = request.exactScript ? request.query?.fts5ExpressionWithoutExclusions ?? request.expression
            : request.expression
        conditions.append("article_search MATCH ?", [expression])
        conditions.append(request.records, columns: .search)
        if request.hasGoals {
            conditions.append("EXISTS (SELECT 1 FROM goals g WHERE g.article_id = a.id AND g.kind IN ('target', 'incentive'))")
        }
        if let year = request.goalYear {
            conditions.append("EXISTS (SELECT 1 FROM goals g WHERE g.article_id = a.id AND g.year = ?)", [year])
        }
        return ("""
            FROM article_search s
            JOIN articles a ON a.id = s.rowid
            JOIN issues i ON i.id = a.issue_id
            \(conditions.whereClause)
            """, conditions.values, conditions.clauses.count > 1)
    }

    /// Articles matching the request, every copy of a story apart, ranked
    /// by bm25 (a title match worth five body matches), ties broken by the
    /// newest issue; the total and the facets count the whole filtered set.
    /// - Throws: `SearchError.syntax` for an expression FTS5 rejects.
    func searchArticles(_ request: SearchRequest) throws -> SearchResults {
        let (matches, values, filtered) = searchMatches(request)
        do {
            var total: Int
            var totalIsExact = true
            var hits: [SearchHit]
            if request.exactScript, let query = request.query {
                (total, hits) = try exactScriptPage(request, query: query, matches: matches, values: values)
            } else if request.sort == .newest, !filtered, let limit = request.limit {
                // No filter: read the index backwards, ids being in date order.
                // Facets count every match anyway: then the total is exact too.
                let exactUpTo = request.facets.isEmpty ? SearchRequest.exactTotalUpTo : Int.max
                (total, totalIsExact, hits) = try newestPage(request, limit: limit, exactUpTo: exactUpTo)
            } else if request.sort == .oldest, !filtered, let limit = request.limit {
                // No filter: walk the articles in date order and stop after the page.
                (total, totalIsExact, hits) = try datePage(request, limit: limit)
            } else if request.sort == .relevance, !filtered, let limit = request.limit,
               let page = try rankedPage(request, limit: limit) {
                // No filter: count and rank inside FTS5 alone, then read the
                // few articles shown.
                (total, hits) = page
            } else {
                total = try database.prepare("SELECT count(*) AS total \(matches)").rows(values).first?.decode("total") ?? 0
                hits = try hitsByJoin(request, matches: matches, values: values)
            }
            if request.explain { hits = try explained(hits, expression: request.expression) }
            var facets: [(SearchRequest.Facet, [FacetCount])] = []
            for facet in request.facets {
                facets.append((facet, try facetCounts(facet, matches: matches, values: values)))
            }
            return SearchResults(total: total, totalIsExact: totalIsExact, hits: hits, facets: facets)
        } catch let error as SQLiteError where error.extendedCode == .error {
            // SQLITE_ERROR from a MATCH is FTS5 rejecting the expression
            // ("fts5: syntax error near …", "unterminated string", "no such
            // column"); damage to the file has codes of its own.
            throw SearchError.syntax(Self.fts5Reason(error.message))
        }
    }

    /// FTS5's complaint in the tool's words: `fts5: syntax error near ""`
    /// (the end of the expression) reads as "it ends too soon".
    static func fts5Reason(_ message: String) -> String {
        // A `*` with no word before it: FTS5 takes it for a special query.
        if message.hasPrefix("unknown special query") { return "a * needs a word before it (word* finds the words that start with word)" }
        guard message.hasPrefix("fts5: syntax error near ") else { return message }
        let near = message.dropFirst("fts5: syntax error near ".count)
        return near == "\"\"" ? "the FTS5 expression ends too soon"
            : "FTS5 cannot read the expression at \(near.replacingOccurrences(of: "\"", with: ""))"
    }

    /// The total and the page of hits for an unfiltered query, ranked by
    /// FTS5 alone: the best `offset + limit` rows plus a margin, then ties
    /// broken by date in Swift. Nil when rows tied with the last one shown
    /// may lie beyond the margin (the caller then sorts the whole set).
    ///
    /// One pass counts the matches and keeps the best rows
    /// (`RankedCollector`): on 100,000 articles, a third of the time of
    /// ranking them all with a window count and letting SQLite sort, which
    /// was itself twice as fast as FTS5's own rank-ordered scan.
    func rankedPage(_ request: SearchRequest, limit: Int) throws -> (total: Int, hits: [SearchHit])? {
        let wanted = request.offset + limit
        let margin = 32
        let (total, ranked) = try RankedCollector(capacity: wanted + margin).collect(request.expression, in: database)
        let ranks = ranked.map(\.rank)
        if ranked.count == wanted + margin, wanted > 0, wanted <= ranks.count, ranks[wanted - 1] == ranks[ranks.count - 1] {
            return nil
        }
        // The page is decided among the rows ranked no worse than the last
        // one it can hold (ties with it included, the date breaks them);
        // only the page's bodies are read, for the snippets.
        guard let boundary = ranks.prefix(wanted).last else { return (total, []) }
        let candidates = ranked.filter { $0.rank <= boundary }
        let rankByID = Dictionary(candidates.map { ($0.rowid, $0.rank) }, uniquingKeysWith: { first, _ in first })
        let ordered = try database.cached("""
            SELECT a.id, coalesce(a.published_on, i.issue_date) AS date
            FROM articles a JOIN issues i ON i.id = a.issue_id
            WHERE a.id IN (SELECT value FROM json_each(?))
            """).rows([JSONList.encode(candidates.map(\.rowid))])
            .map { (id: try $0.decode("id", as: Int64.self), date: try $0.decodeIfPresent("date", as: String.self) ?? "") }
            .sorted { x, y in
                let rx = rankByID[x.id] ?? 0, ry = rankByID[y.id] ?? 0
                if rx != ry { return rx < ry }
                if x.date != y.date { return x.date > y.date }
                return x.id < y.id
            }
        let page = Array(ordered.dropFirst(request.offset).prefix(limit).map(\.id))
        return (total, try hits(page, phrases: request.phrases) { -(rankByID[$0] ?? 0) })
    }

    /// The hits for `ids`, in that order: only these articles' bodies are
    /// read, for their snippets.
    func hits(_ ids: [Int64], phrases: [String], score: (Int64) -> Double) throws -> [SearchHit] {
        let articles = try database.cached("""
            SELECT a.id, a.title, \(ArticleDateSQL.date) AS date, \(ArticleDateSQL.precision) AS date_precision, a.section, a.region_code, a.body
            FROM articles a JOIN issues i ON i.id = a.issue_id
            WHERE a.id IN (SELECT value FROM json_each(?))
            """).rows([JSONList.encode(ids)])
        let rowByID = Dictionary(try articles.map { (try $0.decode("id", as: Int64.self), $0) },
                                 uniquingKeysWith: { first, _ in first })
        return try ids.compactMap { id in
            try rowByID[id].map { try hit($0, score: score(id), phrases: phrases) }
        }
    }

    /// `hits` with the parts of their scores, from policykb_explain with
    /// the arguments of the table's rank.
    func explained(_ hits: [SearchHit], expression: String) throws -> [SearchHit] {
        guard !hits.isEmpty else { return hits }
        let rows = try database.prepare("""
            SELECT rowid AS id, policykb_explain(article_search, \(RankedCollector.rankArguments)) AS explain
            FROM article_search WHERE article_search MATCH ? AND rowid IN (SELECT value FROM json_each(?))
            """).rows([expression, JSONList.encode(hits.map(\.articleID))])
        var byID: [Int64: ScoreExplanation] = [:]
        for row in rows { byID[try row.decode("id")] = try row.decodeJSON("explain", as: ScoreExplanation.self) }
        return hits.map { hit in
            var hit = hit
            hit.explanation = byID[hit.articleID]
            return hit
        }
    }

    /// The total and the page for an exact-script search: every match of
    /// the index, in rank order, checked against the query as typed.
    /// - Complexity: reads every matching article; the index narrows them
    ///   to the texts that hold the query in either script.
    func exactScriptPage(_ request: SearchRequest, query: SearchQuery, matches: String,
                         values: [any DatabaseValueConvertible]) throws -> (total: Int, hits: [SearchHit]) {
        let statement = try database.prepare("""
            SELECT a.id, a.title, \(ArticleDateSQL.date) AS date, \(ArticleDateSQL.precision) AS date_precision, a.section, a.region_code,
                   -s.rank AS score, a.body
            \(matches)
            ORDER BY \(Self.orderBy(request.sort))
            """)
        var total = 0
        var hits: [SearchHit] = []
        for row in try statement.rows(values) {
            guard query.matchesExactScript(title: try row.decode("title"), body: try row.decode("body")) else { continue }
            total += 1
            if total > request.offset, request.limit.map({ hits.count < $0 }) ?? true {
                hits.append(try hit(row, score: try row.decode("score"), phrases: request.phrases))
            }
        }
        return (total, hits)
    }

    /// The ORDER BY of a search over `matches` (s: the index, a: articles).
    static func orderBy(_ sort: SearchRequest.Sort) -> String {
        switch sort {
        case .relevance: "s.rank, a.sort_date DESC, a.id"
        case .newest: "a.sort_date DESC, a.id DESC"
        case .oldest: "a.sort_date = '', a.sort_date, a.id"
        }
    }

    /// The page of an unfiltered date-ordered search, and its exact total:
    /// what oldest first runs (newest first reads the index backwards,
    /// `newestPage`, and the tests hold the two to the same pages).
    ///
    /// FTS5 hands matches over in id order, not date order, and reading
    /// each match's date costs a lookup per match. So the matching ids are
    /// read from the index alone into a bitmap (the cost of counting them),
    /// and the `articles_by_date` index is walked in date order, newest or
    /// oldest first, until the page is full: about `page × articles ÷
    /// matches` entries. A query with few matches has them sorted instead,
    /// since the walk could pass most of the index before it meets them.
    /// - Complexity: O(m) for m matches, plus O(m log m) when m ≤ `few`,
    ///   else O((offset + limit) · N / m) index entries for N articles.
    /// - Parameter few: up to how many matches are sorted rather than found
    ///   by the walk.
    func datePage(_ request: SearchRequest, limit: Int, few: Int = 2_000) throws -> (total: Int, exact: Bool, hits: [SearchHit]) {
        let wanted = request.offset + limit
        let newest = request.sort == .newest
        var matches = IDBitmap()
        var firstIDs: [Int64] = []
        let ids = try database.cached("SELECT rowid FROM article_search WHERE article_search MATCH ?")
        try ids.bind([request.expression])
        defer { ids.reset() }
        while try ids.step() {
            let id = ids.int64(0)
            matches.insert(id)
            if firstIDs.count <= few { firstIDs.append(id) }
        }
        let total = matches.count
        var found: [Int64] = []
        if total <= few {
            // The ids in hand, with their dates: no second pass over the index.
            let rows = try database.cached("""
                SELECT id, sort_date FROM articles WHERE id IN (SELECT value FROM json_each(?))
                """).rows([JSONList.encode(firstIDs)])
            var dated = try rows.map { (id: try $0.decode("id", as: Int64.self), date: try $0.decode("sort_date", as: String.self)) }
            dated.sort { x, y in
                // Undated last in either order.
                if x.date.isEmpty != y.date.isEmpty { return y.date.isEmpty }
                if x.date != y.date { return newest ? x.date > y.date : x.date < y.date }
                return newest ? x.id > y.id : x.id < y.id
            }
            found = dated.prefix(wanted).map(\.id)
        } else {
            // Dated articles in order, then the undated ones (last either way).
            let walks = [
                newest ? "SELECT id FROM articles WHERE sort_date <> '' ORDER BY sort_date DESC, id DESC"
                    : "SELECT id FROM articles WHERE sort_date <> '' ORDER BY sort_date, id",
                newest ? "SELECT id FROM articles WHERE sort_date = '' ORDER BY id DESC"
                    : "SELECT id FROM articles WHERE sort_date = '' ORDER BY id",
            ]
            walking: for sql in walks {
                let walk = try database.cached(sql)
                defer { walk.reset() }
                while found.count < wanted, try walk.step() {
                    let id = walk.int64(0)
                    if matches.contains(id) { found.append(id) }
                }
                if found.count >= wanted { break walking }
            }
        }
        return (total, true, try hits(Array(found.dropFirst(request.offset).prefix(limit)), phrases: request.phrases) { _ in 0 })
    }

    /// The page of an unfiltered newest-first search, read from the index
    /// backwards: ids follow dates (`ArticleIDs`), so the matches come
    /// newest day first, and once the page is full and the last article on
    /// it is newer than any day the ids still to come can name, the page is
    /// settled. Matches are then counted on, to `exactUpTo`.
    /// - Returns: the total, exact when every match was counted, else the
    ///   number counted (at least `exactUpTo`).
    /// - Complexity: O(p + k) matches read for a page settled after p and a
    ///   count stopped at k ≤ `exactUpTo`; one date lookup for each of the p.
    func newestPage(_ request: SearchRequest, limit: Int, exactUpTo: Int) throws -> (total: Int, exact: Bool, hits: [SearchHit]) {
        let wanted = request.offset + limit
        let matches = try database.cached("SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC")
        try matches.bind([request.expression])
        defer { matches.reset() }
        let dates = try database.cached("SELECT sort_date FROM articles WHERE id = ?")
        /// The best `wanted` so far, best first: newest date, undated last, then the larger id.
        var page: [(date: String, id: Int64)] = []
        func ranksBefore(_ a: (date: String, id: Int64), _ b: (date: String, id: Int64)) -> Bool {
            if a.date.isEmpty != b.date.isEmpty { return b.date.isEmpty }
            if a.date != b.date { return a.date > b.date }
            return a.id > b.id
        }
        var settled = wanted == 0
        var counted = 0
        while try matches.step() {
            counted += 1
            if !settled {
                let id = matches.int64(0)
                let date = try dates.rows([id]).first?.decodeIfPresent("sort_date", as: String.self) ?? ""
                let candidate = (date: date, id: id)
                if page.count < wanted || ranksBefore(candidate, page[page.count - 1]) {
                    let at = page.firstIndex { ranksBefore(candidate, $0) } ?? page.count
                    page.insert(candidate, at: at)
                    if page.count > wanted { page.removeLast() }
                }
                // Every id still to come is below this one: no date after the day it names.
                if page.count == wanted, let last = page.last, !last.date.isEmpty,
                   ArticleIDs.dayKey(last.date) > ArticleIDs.dayKey(ofID: id - 1) {
                    settled = true
                }
            }
            if settled && counted >= exactUpTo { return (counted, false, try newestHits(page, request, limit)) }
        }
        return (counted, true, try newestHits(page, request, limit))
    }

    private func newestHits(_ page: [(date: String, id: Int64)], _ request: SearchRequest, _ limit: Int) throws -> [SearchHit] {
        try hits(Array(page.dropFirst(request.offset).prefix(limit).map(\.id)), phrases: request.phrases) { _ in 0 }
    }

    /// The page of hits from the whole matching set, filtered and sorted by SQLite.
    func hitsByJoin(_ request: SearchRequest, matches: String, values: [any DatabaseValueConvertible]) throws -> [SearchHit] {
        try database.prepare("""
            SELECT a.id, a.title, \(ArticleDateSQL.date) AS date, \(ArticleDateSQL.precision) AS date_precision, a.section, a.region_code,
                   -s.rank AS score, a.body
            \(matches)
            ORDER BY \(Self.orderBy(request.sort))
            LIMIT ? OFFSET ?
            """).rows(values + [request.limit ?? -1, request.offset])
            .map { try hit($0, score: try $0.decode("score"), phrases: request.phrases) }
    }

    /// A hit from a row with the article's id, title, date, section,
    /// region_code and body.
    func hit(_ row: Row, score: Double, phrases: [String]) throws -> SearchHit {
        let title: String = try row.decode("title")
        let body: String = try row.decode("body")
        let snippet = Snippet.passage(body, phrases: phrases)
            ?? Snippet.passage(title, phrases: phrases)
            ?? String(body.prefix(64)).replacingOccurrences(of: "\n\n", with: " ")
        return SearchHit(articleID: try row.decode("id"), title: title, issueDate: try row.decodeIfPresent("date"),
                         datePrecision: DatePrecision(column: try row.decodeIfPresent("date_precision")),
                         section: try row.decodeIfPresent("section"), regionCode: try row.decodeIfPresent("region_code"),
                         score: score, snippet: snippet)
    }

    func facetCounts(_ facet: SearchRequest.Facet, matches: String, values: [any DatabaseValueConvertible]) throws -> [FacetCount] {
        let (value, label): (String, String) = switch facet {
        case .region: ("a.region_code", "(SELECT name FROM regions r WHERE r.code = a.region_code)")
        case .section: ("a.section", "NULL")
        case .year: ("substr(coalesce(a.published_on, i.issue_date), 1, 4)", "NULL")
        }
        let order = facet == .year ? "1 DESC" : "3 DESC, 1"
        return try database.prepare("""
            SELECT \(value) AS value, \(label) AS label, count(*) AS count \(matches) GROUP BY 1 ORDER BY \(order)
            """).rows(values).map {
                FacetCount(value: try $0.decodeIfPresent("value"), label: try $0.decodeIfPresent("label"),
                           count: try $0.decode("count"))
            }
    }
}

public enum SearchError: Error, CustomStringConvertible {
    case syntax(String)

    public var description: String {
        switch self {
        case .syntax(let message): "malformed query: \(message)"
        }
    }
}
