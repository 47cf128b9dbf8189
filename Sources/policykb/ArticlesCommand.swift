import ArgumentParser
import PolicyCore
import PolicyExtraction

struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List the articles in the database, in issue order.",
        discussion: """
            A table shows the first 50 rows unless --limit says otherwise; JSON and CSV hold every row. \
            `policykb show ID` prints one article whole.

            Examples:
              policykb articles --region 广东 --since 2025
              policykb articles --section 地方新政 --limit 0 --format csv
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var pages: PageOptions

    func run() throws {
        let store = try PolicyStore(path: options.databasePath, access: .read)
        let rows = try store.articles(try filters.recordFilter(in: store), page: pages.page(for: options.format))
        let (articles, note) = pages.cut(rows, format: options.format)
        Console.out(OutputRenderer.render(Self.table(articles), as: options.format))
        if let note { Console.error(note) }
    }

    static func table(_ articles: [ArticleRow]) -> OutputTable {
        var table = OutputTable(
            columns: ["id", "issue_date", "issue_number", "cumulative_number", "section", "position", "title",
                      "region_code", "region_name", "source", "urls", "body_chars"],
            maxWidths: ["title": 50, "source": 24, "urls": 40])
        for article in articles {
            table.append([
                .int(article.id), OutputValue(article.issueDate), OutputValue(article.issueNumber),
                OutputValue(article.cumulativeNumber), OutputValue(article.section), .int(Int64(article.position)),
                .string(article.title), OutputValue(article.regionCode), OutputValue(article.regionName),
                OutputValue(article.source), .list(article.urls.map { .string($0) }), .int(Int64(article.bodyChars)),
            ])
        }
        return table
    }
}
