import ArgumentParser
import PolicyCore
import PolicyExtraction

enum GoalKindOption: String, ExpressibleByArgument, CaseIterable {
    case target, incentive, statistic, all

    var kinds: Set<ExtractedGoal.Kind> {
        switch self {
        case .target: [.target]
        case .incentive: [.incentive]
        case .statistic: [.statistic]
        case .all: Set(ExtractedGoal.Kind.allCases)
        }
    }
}

struct GoalsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "goals",
        abstract: "List quantitative goals: every number a policy sets, grants or reports, with its words.",
        discussion: """
            Kinds: target (something to reach), incentive (a grant, subsidy cap, voucher, interest or \
            premium subsidy), statistic (a reported fact). By default targets and incentives. value is in \
            base units (元 for money, the number before % for shares), exact. --region is the goal's \
            region; --section and --since/--until are its article's.

            Examples:
              policykb goals --region 深圳 --year 2026
              policykb goals --kind incentive --metric 券 --format csv
              policykb goals --year 2027 --format xlsx --output goals.xlsx
              policykb goals fix 812 --value 1万亿元      (see policykb goals fix --help)
            """,
        subcommands: [GoalsFixCommand.self, GoalsRejectCommand.self])

    @OptionGroup var options: StoreOptions

    @Option(help: "target, incentive, statistic or all.")
    var kind: [GoalKindOption] = []

    @Option(help: "The horizon year.")
    var year: Int?

    @Option(help: "Text the metric contains (企业 finds 核心企业).")
    var metric: String?

    @Flag(help: "Also goals rejected with `policykb goals reject`.")
    var includeRejected = false

    @Flag(help: "One row per copy: by default a goal stated in several copies of one story (the same news in another periodical, issue or page) is one row, citing every copy (copies, article_ids, and each copy's evidence).")
    var allCopies = false

    @OptionGroup var filters: FilterOptions
    @OptionGroup var pages: PageOptions
    @OptionGroup var listing: ListingOptions

    func run() throws {
        try listing.check(options.format)
        let store = try PolicyStore(path: options.databasePath, access: .read)
        var filter = GoalFilter(year: year, metric: metric, records: try filters.recordFilter(in: store),
                                includeRejected: includeRejected)
        filter.allCopies = allCopies
        if !kind.isEmpty { filter.kinds = kind.reduce(into: Set()) { $0.formUnion($1.kinds) } }
        let (goals, note) = pages.cut(try store.goals(filter, page: pages.page(for: options.format)), format: options.format)
        try listing.write(Self.table(goals), as: options.format, sheetName: "goals")
        if let note { Console.error(note) }
    }

    static func table(_ goals: [GoalRow]) -> OutputTable {
        var table = OutputTable(goals, maxWidths: ["article_title": 24, "policy_title": 24, "metric": 24, "evidence": 48])
        table.priorities = ["year": 1, "region_name": 2, "comparator": 3, "kind": 4, "id": 5, "evidence": 6, "policy_title": 7,
                            "article_title": 7, "stretch": 8, "region_code": 9, "article_id": 9, "policy_id": 10,
                            "copies": 5, "article_ids": 11]
        table.minWidths = ["metric": 20, "evidence": 20, "policy_title": 12, "article_title": 12]
        return table
    }
}
