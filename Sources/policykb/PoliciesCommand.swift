import ArgumentParser
import PolicyCore
import PolicyExtraction

struct PoliciesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policies",
        abstract: "List the policy documents the articles name, one row per policy across issues.",
        discussion: """
            --region is the policy's region; --section and --since/--until keep the policies that an \
            article of that section or those dates names.

            Examples:
              policykb policies --region 北京
              policykb policies --policy 行动计划 --format json
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var pages: PageOptions

    func run() throws {
        let store = try PolicyStore(path: options.databasePath, access: .read)
        let rows = try store.policies(try filters.recordFilter(in: store), page: pages.page(for: options.format))
        let (policies, note) = pages.cut(rows, format: options.format)
        Console.out(OutputRenderer.render(Self.table(policies), as: options.format))
        if let note { Console.error(note) }
    }

    static func table(_ policies: [PolicyRow]) -> OutputTable {
        OutputTable(policies, maxWidths: ["title": 56])
    }
}
