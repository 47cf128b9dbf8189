import ArgumentParser
import PolicyCore

struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Full-text search of titles and bodies, in Chinese or Latin script.",
        discussion: """
            Query language:
              算力 深圳            both terms (AND)
              "数据 要素"          a phrase, matched as written (white space between CJK ignored)
              算力 OR 智算         either
              数据 NOT 安全        the first without the second; -安全 does the same
              (北京 OR 上海) 具身   parentheses group
              title:算力           in titles only
            Every term matches exactly what it says: 数据要素 finds the articles that contain
            数据要素, a single character such as 券 finds every article containing it, Latin
            words match whole words in any case, full-width forms match half-width ones.
            """)

    @OptionGroup var options: StoreOptions

    @Option(help: "Print at most this many results; 0 for all.")
    var limit = 20

    // Unrecognized dashes are kept, so that `policykb search -安全 数据`
    // reaches the query language rather than failing as an unknown option.
    @Argument(parsing: .allUnrecognized, help: "The query; several words mean all of them.")
    var query: [String] = []

    func validate() throws {
        if limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if query.isEmpty { throw ValidationError("give a query, e.g. policykb search 数据要素") }
        if let option = query.first(where: { $0.hasPrefix("--") }) {
            throw ValidationError("unknown option \(option)")
        }
    }

    func run() throws {
        let parsed: SearchQuery
        do {
            parsed = try SearchQuery.parse(query.joined(separator: " "))
        } catch {
            throw CommandFailure.usage("malformed query: \(error.description)")
        }
        let store = try PolicyStore(path: options.databasePath, access: .read)
        let results = try store.search(parsed, limit: limit == 0 ? nil : limit)
        let terminal = Console.stdoutIsTerminal
        var table = OutputTable(
            columns: ["article_id", "title", "issue_date", "section", "region_code", "score", "snippet"],
            maxWidths: ["title": 40, "snippet": 200])
        for hit in results.hits {
            let snippet: String = switch options.format {
            case .table where terminal:
                hit.snippet.replacingOccurrences(of: SearchHit.markStart, with: "\u{1B}[1;31m")
                    .replacingOccurrences(of: SearchHit.markEnd, with: "\u{1B}[0m")
            default: hit.markedSnippet
            }
            table.append([.int(hit.articleID), .string(hit.title), OutputValue(hit.issueDate),
                          OutputValue(hit.section), OutputValue(hit.regionCode),
                          .double((hit.score * 1_000_000).rounded() / 1_000_000), .string(snippet)])
        }
        switch options.format {
        case .table:
            Console.out(OutputRenderer.render(table, as: .table))
            Console.out("\(results.hits.count) of \(results.total) matching articles\n")
        case .json, .csv:
            Console.out(OutputRenderer.render(table, as: options.format))
            Console.error("\(results.hits.count) of \(results.total) matching articles")
        }
    }
}
