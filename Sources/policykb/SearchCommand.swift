import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction

extension SearchRequest.Facet: ExpressibleByArgument {}
extension SearchRequest.Sort: ExpressibleByArgument {}

/// How a query treats traditional and simplified characters.
enum ScriptOption: String, ExpressibleByArgument, CaseIterable {
    /// 數據 and 数据 find each other (the index folds them together).
    case fold
    /// Only the characters typed.
    case exact
}

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search of titles and bodies, in Chinese or Latin script.",
        discussion: """
            Query language:
              算力 深圳             both terms (AND; AND may also be written)
              "数据 要素"           a phrase, matched as written (white space between CJK ignored)
              算力 OR 智算          either
              数据 NOT 安全         the first without the second; -安全 does the same
              (北京 OR 上海) 具身    parentheses group
              title:算力            in titles only; title:(算力 OR 智算) too

            Every term matches exactly what it says: 数据要素 finds the articles that contain 数据要素, \
            a single character such as 券 finds every article containing it, Latin words match whole \
            words in any case, full-width forms match half-width ones, and traditional characters match \
            simplified ones (數據 finds 数据; --script exact keeps the form typed). Characters FTS5 would \
            read as syntax (COVID-19, L3—L5, “1+3+N”) are only text; an unclosed quote runs to the end \
            of the query. --raw passes FTS5's own syntax through unchanged.

            Results are ranked by BM25 with a title match worth five body matches (--explain shows how), \
            ties going to the newest; --sort newest or oldest orders by date instead. With --format json \
            the output is one object: total (exact, or a lower bound when total_exact is false), offset, \
            limit, results and, with --facets, facets. Exit status 2 for a malformed query.

            The same news republished (another periodical, a later issue, a web page, lightly edited or \
            in the other script) is one story: it shows once, as its best-placed copy, with story_id and \
            its number of copies, and the total and facets count stories; --all-copies lists every copy. \
            `policykb show ID` lists a story's appearances.

            Examples:
              policykb search 算力券 --region 广东 --since 2025
              policykb search '"数据 要素" -金融' --sort newest --limit 5
              policykb search 數據要素 --script exact --format json
              policykb search 算力 --limit 0 --format xlsx --output 算力.xlsx
            """)

    @OptionGroup var options: StoreOptions

    @Option(parsing: .unconditional, help: "Print at most this many results; 0 for all.")
    var limit = 20

    @Option(parsing: .unconditional, help: "Skip this many results first.")
    var offset = 0

    @OptionGroup var filters: FilterOptions
    @OptionGroup var listing: ListingOptions

    @Flag(help: "Only articles with target or incentive goals.")
    var hasGoals = false

    @Option(help: "Only articles with a goal for this horizon year.")
    var goalYear: Int?

    @Option(help: "Count the matching articles per value: region, section, year (comma-separated).")
    var facets: String?

    @Flag(help: "Pass the query to FTS5 unchanged (its own syntax: NEAR, column filters, prefixes).")
    var raw = false

    @Option(help: "relevance (best first), newest or oldest (by the article's date, undated last); newest first counts matches up to 1,000 (1,000+), every one with --facets.")
    var sort: SearchRequest.Sort = .relevance

    @Option(help: "fold: traditional and simplified characters find each other (數據 finds 数据); exact: only the characters typed.")
    var script: ScriptOption = .fold

    @Flag(help: "Show how each hit's score is made: per term, its title and body counts, IDF and share.")
    var explain = false

    @Flag(help: "List every copy of a story (the same news in another periodical, issue or page); by default a story shows once, with its number of copies, and totals and facets count stories.")
    var allCopies = false

    // Unrecognized dashes are kept, so that `policykb search -安全 数据`
    // reaches the query language rather than failing as an unknown option.
    @Argument(parsing: .allUnrecognized, help: "The query; several words mean all of them.")
    var query: [String] = []

    /// The query's words: after a `--`, everything is query text, even
    /// what looks like an option.
    var queryWords: [String] {
        guard let end = query.firstIndex(of: "--") else { return query }
        return Array(query[..<end]) + Array(query[(end + 1)...])
    }

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if offset < 0 { throw ValidationError("--offset must be 0 or more") }
        if queryWords.isEmpty { throw ValidationError("give a query, e.g. policykb search 数据要素") }
        if let option = query.prefix(while: { $0 != "--" }).first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("unknown option \(option) (a query that starts with -- follows a lone --)")
        }
        _ = try facetList()
        if raw && script == .exact { throw ValidationError("--script exact works on the query language, not with --raw") }
    }

    func facetList() throws -> [SearchRequest.Facet] {
        guard let facets else { return [] }
        return try facets.split(separator: ",").map { name in
            guard let facet = SearchRequest.Facet(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--facets: unknown facet \(name) (region, section, year)")
            }
            return facet
        }
    }

    func run() throws {
        try listing.check(options.format)
        let text = queryWords.joined(separator: " ")
        var request: SearchRequest
        if raw {
            let characters = text.unicodeScalars.count
            if characters > SearchQuery.maxCharacters {
                throw CommandFailure.usage("malformed query: " + SearchQuery.ParseError.tooLong(characters: characters).description)
            }
            request = SearchRequest(rawExpression: text, limit: limit == 0 ? nil : limit)
        } else {
            do {
                request = SearchRequest(query: try SearchQuery.parse(text), limit: limit == 0 ? nil : limit)
            } catch {
                throw CommandFailure.usage("malformed query: \(error.description)")
            }
        }
        let store = try PolicyStore(path: options.databasePath, access: .read)
        request.offset = offset
        request.records = try filters.recordFilter(in: store)
        request.hasGoals = hasGoals
        request.goalYear = goalYear
        request.facets = try facetList()
        request.explain = explain
        request.exactScript = script == .exact
        request.sort = sort
        request.allCopies = allCopies
        let results: SearchResults
        do {
            results = try store.search(request)
        } catch let error as SearchError {
            throw CommandFailure.usage(error.description)
        }
        try render(results)
    }

    /// A score's parts: an object in JSON, one line elsewhere
    /// (`数据: title 1 ×5 + body 4 = 9 · idf 0.69 → 0.81 | length 120/98`).
    static func explanation(_ explanation: ScoreExplanation?, as format: OutputFormat) -> OutputValue {
        guard let explanation else { return .null }
        func rounded(_ value: Double) -> Double { (value * 1_000_000).rounded() / 1_000_000 }
        if format == .json {
            return .object([
                ("score", .double(rounded(explanation.score))),
                ("length", .double(explanation.length)), ("average_length", .double(rounded(explanation.averageLength))),
                ("documents", .int(Int64(explanation.documents))),
                ("terms", .array(explanation.phrases.map { phrase in
                    .object([("title", .int(Int64(phrase.titleCount))), ("body", .int(Int64(phrase.bodyCount))),
                             ("frequency", .double(phrase.frequency)), ("idf", .double(rounded(phrase.idf))),
                             ("score", .double(rounded(phrase.score)))])
                })),
            ])
        }
        let terms = explanation.phrases.enumerated().map { index, phrase in
            String(format: "term %d: title %d ×5 + body %d = %g · idf %.3f → %.4f", index + 1, phrase.titleCount,
                   phrase.bodyCount, phrase.frequency, phrase.idf, phrase.score)
        }
        return .string((terms + [String(format: "length %g (average %.0f)", explanation.length, explanation.averageLength)])
            .joined(separator: "; "))
    }

    /// 10000 → 10,000.
    static func grouped(_ number: Int) -> String {
        var digits = String(number), out = ""
        while digits.count > 3 {
            out = "," + digits.suffix(3) + out
            digits.removeLast(3)
        }
        return digits + out
    }

    func render(_ results: SearchResults) throws {
        let format = options.format
        let color = format == .table && Console.useColor && listing.output == nil
        // The record's columns; a table on a terminal shows the snippet in
        // colour and leaves out its plain twin.
        var table = OutputTable(results.hits, maxWidths: ["title": 40, "snippet": 200])
        if format == .table, let plain = table.columns.firstIndex(of: "snippet_plain"),
           let snippet = table.columns.firstIndex(of: "snippet") {
            table.columns.remove(at: plain)
            for (index, hit) in results.hits.enumerated() {
                table.rows[index].remove(at: plain)
                if color { table.rows[index][snippet] = .string(hit.snippet) }
            }
            table.priorities = ["snippet": 1, "copies": 2, "issue_date": 2, "section": 3, "region_code": 4, "score": 5,
                                "story_id": 6]
            table.minWidths = ["title": 20, "snippet": 20, "section": 8]
        }
        if explain && format == .table {
            // Under each row, whole: a column would be cut to nothing.
            table.trailers = results.hits.map { hit in
                guard case .string(let text) = Self.explanation(hit.explanation, as: format) else { return [] }
                return text.components(separatedBy: "; ")
            }
        } else if explain {
            table.columns.append("explain")
            for (index, hit) in results.hits.enumerated() {
                table.rows[index].append(Self.explanation(hit.explanation, as: format))
            }
        }
        let total = results.totalIsExact ? "\(results.total)" : Self.grouped(results.total) + "+"
        let shown = "\(results.hits.count) of \(total) matching articles"
            + (offset > 0 ? " (from \(offset + 1))" : "")
            + (!allCopies && results.hits.contains { $0.copies > 1 }
               ? "; each story once, with its copies (--all-copies lists them)" : "")
        let facetLines = results.facets.map { facet, counts in
            "\(facet.rawValue): " + counts.map { "\($0.label ?? $0.value ?? "—") \($0.count)" }.joined(separator: ", ")
        }
        switch format {
        case .table:
            if results.hits.isEmpty {
                Console.out(results.total == 0 ? "nothing matched\n"
                            : "nothing from \(offset + 1): \(total) matching articles (a smaller --offset shows them)\n")
            } else {
                let chosen = try listing.choose(table)
                let width = Console.width
                let (text, leftOut) = OutputRenderer.layout(chosen, width: width, highlight: color)
                Console.out(text)
                Console.out(shown + "\n")
                if let note = OutputRenderer.leftOutNote(leftOut, width: width) { Console.error(note) }
            }
            for line in facetLines { Console.out("\n" + line + "\n") }
        case .json:
            // One object: the total of the whole matching set, the page and
            // its rows, and the facet counts when asked for.
            var fields: [(String, OutputValue)] = [
                ("total", .int(Int64(results.total))), ("total_exact", .bool(results.totalIsExact)),
                ("offset", .int(Int64(offset))),
                ("limit", limit == 0 ? .null : .int(Int64(limit))),
                ("results", .array(try listing.choose(table).objects)),
            ]
            if !results.facets.isEmpty { fields.append(("facets", FacetCount.object(results.facets))) }
            try listing.deliver(Array((OutputRenderer.json(.object(fields)) + "\n").utf8))
        case .csv, .xlsx:
            // The same columns as the JSON rows; the total goes to standard error.
            try listing.write(table, as: format, sheetName: "search")
            Console.error(shown)
            for line in facetLines { Console.error(line) }
        }
    }
}
