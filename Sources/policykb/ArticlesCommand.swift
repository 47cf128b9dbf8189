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
              policykb articles --format xlsx --output articles.xlsx
              policykb articles --columns id,issue_date,title
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var pages: PageOptions
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try listing.check(options.format)
        let store = try PolicyStore(path: options.databasePath, access: .read)
        let rows = try store.articles(try filters.recordFilter(in: store), page: pages.page(for: options.format))
        let (articles, note) = pages.cut(rows, format: options.format)
        try listing.write(Self.table(articles), as: options.format, sheetName: "articles")
        if let note { Console.error(note) }
    }

    static func table(_ articles: [ArticleRow]) -> OutputTable {
        var table = OutputTable(articles, maxWidths: ["title": 50, "source": 24, "urls": 40])
        table.priorities = ["issue_date": 1, "region_name": 2, "section": 3, "source": 4, "issue_number": 5, "body_chars": 6,
                            "region_code": 7, "position": 8, "cumulative_number": 9, "urls": 10]
        table.minWidths = ["title": 28, "source": 10, "urls": 12]
        return table
    }
}
