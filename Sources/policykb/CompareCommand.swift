import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare regions' goals for one metric, like next to like (unit, then year).",
        discussion: """
            Rows are grouped by unit, then year, largest first, so that like stands next to like; --chart \
            draws them as bars in a terminal.

            Examples:
              policykb compare --metric 人工智能核心产业规模
              policykb compare --metric 企业 --year 2027 --regions 北京,深圳 --chart
              policykb compare --metric 产业规模 --format xlsx --output compare.xlsx
            """)

    @OptionGroup var options: StoreOptions

    @Option(help: "Text the metric contains (企业 finds 核心企业 and 独角兽企业).")
    var metric: String

    @Option(help: "Only goals for this horizon year.")
    var year: Int?

    @Option(help: "Comma-separated region codes or names; a province includes its cities.")
    var regions: String?

    @Option(help: "target, incentive, statistic or all (default: target).")
    var kind: [GoalKindOption] = []

    @Flag(help: "Draw a bar chart of the values, one scale per unit and year.")
    var chart = false

    @OptionGroup var listing: ListingOptions

    @Flag(help: "One row per target line (see `policykb history`): its latest value and its number of events.")
    var lines = false

    @Flag(help: "Each target line's steps, one row per event (--chart draws them as a step chart).")
    var history = false

    @Flag(help: "Also goals rejected with `policykb goals reject`.")
    var includeRejected = false

    @Flag(help: "One row per copy: by default a goal stated in several copies of one story (the same news in another periodical, issue or page) is one row, citing every copy (copies, article_ids, and each copy's evidence).")
    var allCopies = false

    func validate() throws {
        if metric.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--metric needs some text") }
        if chart && options.format != .table {
            throw ValidationError("--chart draws in a terminal; leave it out for --format \(options.format.rawValue)")
        }
    }

    func run() throws {
        try listing.check(options.format)
        let store = try PolicyStore(path: options.databasePath, access: .read)
        var filter = GoalFilter(kinds: [.target], year: year, metric: metric, includeRejected: includeRejected)
        filter.allCopies = allCopies
        if !kind.isEmpty { filter.kinds = kind.reduce(into: Set()) { $0.formUnion($1.kinds) } }
        if let regions { filter.records.regionCodes = try FilterOptions.regionCodes(regions, in: store) }
        if lines || history { return try runLines(store, filter: filter) }
        let goals = GoalComparison.order(try store.goals(filter))
        if chart && options.format == .table {
            Console.out(GoalComparison.chart(goals))
            return
        }
        var table = OutputTable(goals.map(ComparedGoal.init), maxWidths: ["metric": 24, "policy_title": 28, "evidence": 60])
        table.priorities = ["year": 1, "unit": 1, "comparator": 2, "value": 3, "policy_title": 4, "evidence": 5,
                            "goal_id": 6, "stretch": 7, "region_code": 8, "copies": 5, "article_ids": 9]
        table.minWidths = ["metric": 20, "policy_title": 12, "evidence": 20]
        try listing.write(table, as: options.format, sheetName: "compare")
    }
}

extension CompareCommand {
    /// `--lines`: the lines of the goals asked for, each by its latest statement.
    func runLines(_ store: PolicyStore, filter: GoalFilter) throws {
        let found = try store.targetLines(LineFilter(regionCodes: filter.records.regionCodes, metric: metric))
            .filter { filter.kinds.contains($0.kind) && (year == nil || $0.current.year == year) }
        let byCurrent = Dictionary(found.map { ($0.current.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ordered = GoalComparison.order(found.map(\.current)).compactMap { byCurrent[$0.id] }
        if history { return try runHistory(ordered) }
        if chart && options.format == .table {
            Console.out(GoalComparison.chart(ordered.map(\.current)))
            return
        }
        let table = OutputTable(ordered.map(LineSummary.init), maxWidths: ["metric": 24, "evidence": 60])
        Console.out(OutputRenderer.render(table, as: options.format))
    }
}

extension CompareCommand {
    /// `--history`: every event of the lines, as rows or (`--chart`) as steps.
    func runHistory(_ lines: [TargetLine]) throws {
        if chart && options.format == .table {
            Console.out(LineStepChart.draw(lines, width: Console.width ?? 80))
            return
        }
        if options.format == .json {
            Console.out(RecordValue.array(lines.map(\.object)).json() + "\n")
            return
        }
        try listing.write(LineEventTable.table(LineEventRow.all(lines), explain: false), as: options.format, sheetName: "history")
    }
}

/// Draws compared goals in the terminal; the order and the groups are
/// PolicyCore's, shared with the web page's chart.
extension GoalComparison {
    /// Horizontal bars, scaled within each (unit, year) group.
    static func chart(_ goals: [GoalRow], width: Int = 40) -> String {
        var out = ""
        for group in groups(goals) {
            let rows = group.goals
            let largest = rows.map { NSDecimalNumber(decimal: $0.value).doubleValue }.max() ?? 1
            out += "\(group.unit ?? "(no unit)"), \(group.year.map { "\($0)年" } ?? "no year")\n"
            let labels = rows.map { "\($0.regionName ?? $0.regionCode ?? "?") \($0.metric)" }
            let labelWidth = labels.map(OutputRenderer.displayWidth).max() ?? 0
            for (row, label) in zip(rows, labels) {
                let value = NSDecimalNumber(decimal: row.value).doubleValue
                let length = largest > 0 ? max(1, Int((value / largest * Double(width)).rounded())) : 1
                let figure = row.figure + (row.stretch ? " (力争)" : "")
                out += "  " + OutputRenderer.pad(OutputRenderer.truncate(label, to: 36), to: min(labelWidth, 36))
                    + "  " + String(repeating: "█", count: length) + " " + figure + "\n"
            }
            out += "\n"
        }
        return out.isEmpty ? "no goals match\n" : out
    }
}
