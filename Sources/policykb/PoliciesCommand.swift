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
              policykb policies --format xlsx --output policies.xlsx
            """)

    @OptionGroup var options: StoreOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var pages: PageOptions
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try listing.check(options.format)
        let store = try PolicyStore(path: options.databasePath, access: .read)
        let rows = try store.policies(try filters.recordFilter(in: store), page: pages.page(for: options.format))
        let (policies, note) = pages.cut(rows, format: options.format)
        try listing.write(Self.table(policies), as: options.format, sheetName: "policies")
        if let note { Console.error(note) }
    }

    static func table(_ policies: [PolicyRow]) -> OutputTable {
        var table = OutputTable(policies, maxWidths: ["title": 56])
        table.priorities = ["region_name": 1, "start_year": 2, "end_year": 2, "alias": 3, "effective_from": 4,
                            "effective_until": 4, "article_ids": 5, "region_code": 6]
        table.minWidths = ["title": 20, "alias": 8, "article_ids": 8]
        return table
    }
}
