import ArgumentParser
import PolicyCore
import PolicyExtraction

struct TargetsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "targets",
        abstract: "List policy targets: what a policy means to reach by a horizon year (到2027年…).",
        discussion: """
            Examples:
              policykb targets --year 2027 --region 深圳
              policykb targets --policy 行动计划 --format json
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var pages: PageOptions

    @Option(help: "Only targets for this horizon year.")
    var year: Int?

    func run() throws {
        let store = try PolicyStore(path: options.databasePath, access: .read)
        let rows = try store.targets(try filters.recordFilter(in: store), year: year, page: pages.page(for: options.format))
        let (targets, note) = pages.cut(rows, format: options.format)
        Console.out(OutputRenderer.render(Self.table(targets), as: options.format))
        if let note { Console.error(note) }
    }

    static func table(_ targets: [TargetRow]) -> OutputTable {
        OutputTable(targets, maxWidths: ["policy_title": 30, "text": 60])
    }
}
