import ArgumentParser
import PolicyCore
import PolicyExtraction

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the database: SQLite integrity, the full-text index against its content, migration checksums, foreign keys, quoted spans.",
        discussion: """
            Works on a read-only file too (the full-text check then runs on a copy in memory). Exit \
            status 0 when everything holds, 1 with what is wrong otherwise.

            Example:
              policykb check --db kb.sqlite
            """)

    @OptionGroup var options: StoreOptions

    func validate() throws { try options.format.refuseWorkbook(in: "check") }

    func run() throws {
        let store = try PolicyStore(path: options.databasePath, access: .inspect)
        let results = store.check()
        var table = OutputTable(columns: ["check", "passed", "detail"], maxWidths: ["detail": 80])
        for result in results {
            table.append([.string(result.name), .bool(result.passed), .string(result.detail)])
        }
        Console.out(OutputRenderer.render(table, as: options.format))
        if results.contains(where: { !$0.passed }) { throw CommandFailure.silent }
    }
}
