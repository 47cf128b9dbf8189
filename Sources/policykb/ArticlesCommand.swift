import ArgumentParser
import PolicyCore

struct ArticlesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "articles",
        abstract: "List the articles in the database, in issue order.")

    @OptionGroup var options: StoreOptions

    func run() throws {
        let store = try PolicyStore(path: options.databasePath, access: .read)
        var table = OutputTable(
            columns: ["id", "issue_date", "issue_number", "cumulative_number", "section", "position", "title",
                      "region_code", "region_name", "source", "urls", "body_chars"],
            maxWidths: ["title": 50, "source": 24, "urls": 40])
        for article in try store.articles() {
            table.append([
                .int(article.id), OutputValue(article.issueDate), OutputValue(article.issueNumber),
                OutputValue(article.cumulativeNumber), OutputValue(article.section), .int(Int64(article.position)),
                .string(article.title), OutputValue(article.regionCode), OutputValue(article.regionName),
                OutputValue(article.source), .list(article.urls.map { .string($0) }), .int(Int64(article.bodyChars)),
            ])
        }
        Console.out(OutputRenderer.render(table, as: options.format))
    }
}
