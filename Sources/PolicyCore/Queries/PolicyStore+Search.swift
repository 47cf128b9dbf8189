import Foundation
import SQLiteDB

/// What to search, how to filter and how much to return.
public struct SearchRequest: Sendable {
    public enum Facet: String, Sendable, CaseIterable {
        case region, section, year
    }

    /// The FTS5 expression to match.
    public var expression: String
    /// Phrases to mark in snippets.
    public var phrases: [String]
    /// At most this many hits; nil for all.
    public var limit: Int?
    public var offset = 0
    /// Region codes, a province's cities included.
    public var regionCodes: [String]?
    public var sections: [String]?
    /// Inclusive ISO dates on the article's (or its issue's) date.
    public var since: String?
    public var until: String?
    /// Text of a policy's title or short name, or its id.
    public var policy: String?
    /// Only articles with target or incentive goals.
    public var hasGoals = false
    /// Only articles with a goal for this horizon year.
    public var goalYear: Int?
    public var facets: [Facet] = []

    public init(query: SearchQuery, limit: Int? = 20) {
        expression = query.fts5Expression
        phrases = query.positivePhrases
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
    public let total: Int
    public let hits: [SearchHit]
    public let facets: [(facet: SearchRequest.Facet, counts: [FacetCount])]
}

extension PolicyStore {
    /// Articles matching a query, best first.
    public func search(_ query: SearchQuery, limit: Int?) throws -> SearchResults {
        try search(SearchRequest(query: query, limit: limit))
    }

    /// Articles matching the request, ranked by bm25 (a title match worth
    /// five body matches), ties broken by the newest issue; the total and
    /// the facets count the whole filtered set.
    /// - Throws: `SearchError.syntax` for an expression FTS5 rejects.
    public func search(_ request: SearchRequest) throws -> SearchResults {
        var conditions: [String] = []
        var values: [any DatabaseValueConvertible] = [request.expression]
        if let codes = request.regionCodes {
            conditions.append("a.region_code IN (SELECT value FROM json_each(?))")
            values.append(Self.encodeList(codes))
        }
        if let sections = request.sections {
            conditions.append("a.section IN (SELECT value FROM json_each(?))")
            values.append(Self.encodeList(sections))
        }
        if let since = request.since {
            conditions.append("coalesce(a.published_on, i.issue_date) >= ?")
            values.append(since)
        }
        if let until = request.until {
            conditions.append("coalesce(a.published_on, i.issue_date) <= ?")
            values.append(until)
        }
        if let policy = request.policy {
            conditions.append("""
                EXISTS (SELECT 1 FROM policy_mentions m JOIN policies p ON p.id = m.policy_id
                        WHERE m.article_id = a.id
                          AND (CAST(p.id AS TEXT) = ? OR instr(p.title, ?) > 0 OR instr(coalesce(m.alias, ''), ?) > 0))
                """)
            let text = policy.removingWhitespace
            values += [text, text, text]
        }
        if request.hasGoals {
            conditions.append("EXISTS (SELECT 1 FROM goals g WHERE g.article_id = a.id AND g.kind IN ('target', 'incentive'))")
        }
        if let year = request.goalYear {
            conditions.append("EXISTS (SELECT 1 FROM goals g WHERE g.article_id = a.id AND g.year = ?)")
            values.append(year)
        }
        let filter = conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ")
        let matches = """
            FROM article_search s
            JOIN articles a ON a.id = s.rowid
            JOIN issues i ON i.id = a.issue_id
            WHERE article_search MATCH ?\(filter)
            """
        do {
            var total: Int
            var hits: [SearchHit]
            if conditions.isEmpty, let limit = request.limit,
               let page = try rankedPage(request, limit: limit) {
                // No filter: count and rank inside FTS5 alone, then read the
                // few articles shown.
                (total, hits) = page
            } else {
                total = try database.scalar("SELECT count(*) \(matches)", values).int ?? 0
                hits = try hitsByJoin(request, matches: matches, values: values)
            }
            var facets: [(SearchRequest.Facet, [FacetCount])] = []
            for facet in request.facets {
                facets.append((facet, try facetCounts(facet, matches: matches, values: values)))
            }
            return SearchResults(total: total, hits: hits, facets: facets)
        } catch let error as SQLiteError where error.primaryCode == 1 {
            // SQLITE_ERROR from a MATCH is FTS5 rejecting the expression
            // ("fts5: syntax error near …", "unterminated string", "no such
            // column"); damage to the file has codes of its own.
            throw SearchError.syntax(error.message)
        }
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
            SELECT a.id, coalesce(a.published_on, i.issue_date)
            FROM articles a JOIN issues i ON i.id = a.issue_id
            WHERE a.id IN (SELECT value FROM json_each(?))
            """).rows([Self.encodeIDs(candidates.map(\.rowid))])
            .map { (id: $0[0].int64 ?? 0, date: $0[1].string ?? "") }
            .sorted { x, y in
                let rx = rankByID[x.id] ?? 0, ry = rankByID[y.id] ?? 0
                if rx != ry { return rx < ry }
                if x.date != y.date { return x.date > y.date }
                return x.id < y.id
            }
        let page = ordered.dropFirst(request.offset).prefix(limit).map(\.id)
        let articles = try database.cached("""
            SELECT a.id, a.title, coalesce(a.published_on, i.issue_date), a.section, a.region_code, a.body
            FROM articles a JOIN issues i ON i.id = a.issue_id
            WHERE a.id IN (SELECT value FROM json_each(?))
            """).rows([Self.encodeIDs(page)])
        let rowByID = Dictionary(articles.map { ($0[0].int64 ?? 0, $0) }, uniquingKeysWith: { first, _ in first })
        let hits = page.compactMap { id in
            rowByID[id].map { row in
                hit(id: id, title: row[1].string ?? "", date: row[2].string, section: row[3].string,
                    region: row[4].string, score: -(rankByID[id] ?? 0), body: row[5].string ?? "",
                    phrases: request.phrases)
            }
        }
        return (total, hits)
    }

    /// The page of hits from the whole matching set, filtered and sorted by SQLite.
    func hitsByJoin(_ request: SearchRequest, matches: String, values: [any DatabaseValueConvertible]) throws -> [SearchHit] {
        let statement = try database.prepare("""
            SELECT a.id, a.title, coalesce(a.published_on, i.issue_date), a.section, a.region_code, -s.rank, a.body
            \(matches)
            ORDER BY s.rank, coalesce(a.published_on, i.issue_date) DESC, a.id
            LIMIT ? OFFSET ?
            """)
        try statement.bind(values + [request.limit ?? -1, request.offset])
        var hits: [SearchHit] = []
        while try statement.step() {
            hits.append(hit(id: statement.int64(0), title: statement.text(1), date: statement.optionalText(2),
                            section: statement.optionalText(3), region: statement.optionalText(4),
                            score: statement.double(5), body: statement.text(6), phrases: request.phrases))
        }
        return hits
    }

    func hit(id: Int64, title: String, date: String?, section: String?, region: String?, score: Double, body: String,
             phrases: [String]) -> SearchHit {
        let snippet = Snippet.passage(body, phrases: phrases)
            ?? Snippet.passage(title, phrases: phrases)
            ?? String(body.prefix(64)).replacingOccurrences(of: "\n\n", with: " ")
        return SearchHit(articleID: id, title: title, issueDate: date, section: section, regionCode: region,
                         score: score, snippet: snippet)
    }

    func facetCounts(_ facet: SearchRequest.Facet, matches: String, values: [any DatabaseValueConvertible]) throws -> [FacetCount] {
        let (value, label): (String, String) = switch facet {
        case .region: ("a.region_code", "(SELECT name FROM regions r WHERE r.code = a.region_code)")
        case .section: ("a.section", "NULL")
        case .year: ("substr(coalesce(a.published_on, i.issue_date), 1, 4)", "NULL")
        }
        let order = facet == .year ? "1 DESC" : "3 DESC, 1"
        return try database.prepare("SELECT \(value), \(label), count(*) \(matches) GROUP BY 1 ORDER BY \(order)")
            .rows(values).map { FacetCount(value: $0[0].string, label: $0[1].string, count: $0[2].int ?? 0) }
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
