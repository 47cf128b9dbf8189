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

    @OptionGroup var filters: FilterOptions
    @OptionGroup var pages: PageOptions

    func run() throws {
        let store = try PolicyStore(path: options.databasePath, access: .read)
        var filter = GoalFilter(year: year, metric: metric, records: try filters.recordFilter(in: store),
                                includeRejected: includeRejected)
        if !kind.isEmpty { filter.kinds = kind.reduce(into: Set()) { $0.formUnion($1.kinds) } }
        let (goals, note) = pages.cut(try store.goals(filter, page: pages.page(for: options.format)), format: options.format)
        Console.out(OutputRenderer.render(Self.table(goals), as: options.format))
        if let note { Console.error(note) }
    }

    static func table(_ goals: [GoalRow]) -> OutputTable {
        OutputTable(goals, maxWidths: ["article_title": 24, "policy_title": 24, "metric": 24, "evidence": 48])
    }
}
