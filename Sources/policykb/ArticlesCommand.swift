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
        OutputTable(articles, maxWidths: ["title": 50, "source": 24, "urls": 40])
    }
}
