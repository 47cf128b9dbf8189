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
              policykb targets --year 2027 --format xlsx --output targets.xlsx
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var pages: PageOptions
    @OptionGroup var listing: ListingOptions

    @Option(help: "Only targets for this horizon year.")
    var year: Int?

    func run() throws {
        try listing.check(options.format)
        let store = try PolicyStore(path: options.databasePath, access: .read)
        let rows = try store.targets(try filters.recordFilter(in: store), year: year, page: pages.page(for: options.format))
        let (targets, note) = pages.cut(rows, format: options.format)
        try listing.write(Self.table(targets), as: options.format, sheetName: "targets")
        if let note { Console.error(note) }
    }

    static func table(_ targets: [TargetRow]) -> OutputTable {
        var table = OutputTable(targets, maxWidths: ["policy_title": 30, "text": 60])
        table.priorities = ["policy_title": 1, "region_code": 2, "article_id": 3, "year_source": 4, "goal_ids": 5,
                            "policy_id": 6, "start": 7, "end": 7]
        table.minWidths = ["text": 20, "policy_title": 12, "goal_ids": 8]
        return table
    }
}
