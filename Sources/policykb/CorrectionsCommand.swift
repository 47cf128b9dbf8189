import ArgumentParser
import PolicyCore

enum CorrectionsFormat: String, ExtendedFormat {
    case table, json, csv, gold
}

/// `policykb corrections`: every analyst's correction, and whether a goal carries it now.
struct CorrectionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corrections",
        abstract: "List the corrections made with `goals fix` and `goals reject`.",
        discussion: """
            status is applied when a goal carries the correction now, unmatched when no article with the \
            corrected article's text is in the database (its file changed that article, or is gone). \
            --format gold writes the applied corrections as gold files, a JSON array with one object per \
            source file in the shape of ../shared/corpus/*.gold.json: corrected goals under goals, \
            rejected ones under not_goals.

            Examples:
              policykb corrections
              policykb corrections --format gold > corrections.gold.json
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: "table, json, csv or gold.")
    var format: CorrectionsFormat = .table

    func run() throws {
        let store = try PolicyStore(path: database.path, access: .read)
        guard let common = format.common else {
            Console.out(try store.correctionsGold().json() + "\n")
            return
        }
        let table = OutputTable(try store.corrections(), maxWidths: ["metric": 24, "evidence": 40, "article_title": 24,
                                                                      "note": 24, "original": 40])
        Console.out(OutputRenderer.render(table, as: common))
    }
}
