import ArgumentParser
import PolicyCore

/// `policykb history`: target lines with their events and evidence.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Follow targets across articles and issues: when each was set, restated, changed, superseded, met.",
        discussion: """
            Goals of one region, kind and metric (scripts folded, 全市/我省 and the region's name dropped, \
            总规模 read as 规模) with one unit form a line when they share the horizon year or the policy. \
            Events: set, restated, changed (raised, lowered, moved_later, moved_earlier, firmed_up, \
            made_stretch, comparator), superseded (a newer policy's target for a later year), reported \
            (a later statistic: met, met_late, behind, progress). A table and CSV have one row per event; \
            JSON one object per line with its events. --explain adds why each goal joined its line, or why \
            it joined none.

            Examples:
              policykb history --region 深圳 --metric 数字经济
              policykb history --region 上海 --metric 产业规模 --explain
              policykb history --policy 行动计划 --format json
            """)

    @OptionGroup var options: StoreOptions

    @Option(help: "A region (code or name); a province includes its cities.")
    var region: String?

    @Option(help: "Text the line's metric contains, normalised as the lines are (總規模 finds 规模).")
    var metric: String?

    @Option(help: "A policy's title, short name or id: lines any of whose goals name it.")
    var policy: String?

    @Flag(help: "Say why each goal joined its line, or why it joined none.")
    var explain = false

    func run() throws {
        let store = try PolicyStore(path: options.databasePath, access: .read)
        var filter = LineFilter(metric: metric, policy: policy)
        if let region { filter.regionCodes = try FilterOptions.regionCodes(region, in: store) }
        let lines = try store.targetLines(filter)
        if options.format == .json {
            Console.out(RecordValue.array(lines.map(\.object)).json() + "\n")
            return
        }
        Console.out(OutputRenderer.render(LineEventTable.table(LineEventRow.all(lines), explain: explain), as: options.format))
    }
}

/// The rows of history and changes as a table: the reason column only when asked.
enum LineEventTable {
    static func table(_ rows: [LineEventRow], explain: Bool) -> OutputTable {
        var columns = LineEventRow.columns
        if !explain { columns.removeAll { $0 == "reason" } }
        var table = OutputTable(columns: columns, maxWidths: ["metric": 20, "evidence": 40, "reason": 80, "publication": 12])
        for row in rows {
            table.append(zip(LineEventRow.columns, row.values).filter { columns.contains($0.0) }.map(\.1))
        }
        return table
    }
}
