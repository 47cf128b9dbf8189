import Foundation
import PolicyNumbers

/// Goals from tables (EXTRACTION.md §8, rule `context.table`): each cell a
/// goal of its row's metric, the unit from the unit column or the header
/// (a unit cell is never a figure), the year from its column. A base-year
/// column gives statistics, a later year's column targets for that year, a
/// column headed as a goal (目标值) targets.
extension GoalExtractor {
    /// What a table's header says of one column.
    struct TableColumn: Equatable {
        enum Role: Equatable { case metric, unit, value, other }
        var role: Role
        /// The year the header names (2027年目标).
        var year: Int?
        /// A unit the header names in brackets (同比增长（%）).
        var unit: String?
        /// The header says it holds goals (目标值, 预期).
        var isGoal: Bool
        /// Header words the metric keeps (同比增长): a change, not a level.
        var metricSuffix: String?
        /// The header sums or averages over the plan's years (年均/累计).
        var spansPlan = false
    }

    /// The columns a header's cells name, or nil when the cells read as no
    /// header (no unit, metric or value column among them).
    static func columns(ofHeader cells: [TextTable.Cell], body: BodyText) -> [TableColumn]? {
        let columns = cells.map { column(ofHeader: body[$0.range], body: body, range: $0.range) }
        guard columns.contains(where: { $0.role == .value }),
              columns.contains(where: { $0.role == .unit || $0.role == .metric }) else { return nil }
        return columns
    }

    static func column(ofHeader text: String, body: BodyText, range: Range<Int>) -> TableColumn {
        let folded = body.folded(range)
        func has(_ words: [String]) -> Bool { words.contains { folded.contains($0) } }
        // The year a header names, read as a lead-in's is (2027年目标, “十五五”).
        let year = DocumentContext.namedYear(in: range, body: body, issueYear: nil)
        if year == nil, has(ExtractionWords.unitHeaders) { return TableColumn(role: .unit, isGoal: false) }
        if year == nil, has(ExtractionWords.nonValueHeaders) { return TableColumn(role: .other, isGoal: false) }
        if year == nil, has(ExtractionWords.metricHeaders) { return TableColumn(role: .metric, isGoal: false) }
        let isGoal = has(ExtractionWords.goalHeaders)
        // A bracketed unit: 同比增长（%）, 规模(亿元).
        let unit = Self.bracketedUnit(in: folded)?.unit
        let suffix = ExtractionWords.changeHeaderWords.first { folded.contains($0) }
        // A header cell that is only a unit or words names a value column
        // only with a year, a goal word, a unit or a change in it.
        guard year != nil || isGoal || unit != nil || suffix != nil || has(ExtractionWords.valueHeaders) else {
            return TableColumn(role: .other, isGoal: false)
        }
        return TableColumn(role: .value, year: year, unit: unit, isGoal: isGoal, metricSuffix: suffix,
                           spansPlan: has(ExtractionWords.planSpanHeaders))
    }

    /// A unit in brackets at the end of a cell (规模（亿元）, 占比(%)), and the
    /// cell's text without it.
    static func bracketedUnit(in text: String) -> (unit: String, rest: String)? {
        guard let open = text.lastIndex(where: { $0 == "(" || $0 == "（" }),
              let close = text[open...].firstIndex(where: { $0 == ")" || $0 == "）" }),
              text[text.index(after: close)...].allSatisfy(\.isWhitespace),
              let unit = unitOnly(String(text[text.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)) else {
            return nil
        }
        return (unit, String(text[..<open]).trimmingCharacters(in: .whitespaces))
    }

    /// The unit a cell holds when it holds nothing else (亿元, %, 家), in
    /// the scanner's form; nil for a figure, words or an empty cell.
    static func unitOnly(_ text: String) -> String? {
        guard !text.isEmpty, text.unicodeScalars.count <= 6, !text.unicodeScalars.contains(where: { $0.asciiDigit != nil }) else {
            return nil
        }
        let probe = "1" + text
        guard let quantity = QuantityScanner().quantities(in: probe).first, quantity.start == 0,
              quantity.end == probe.unicodeScalars.count, quantity.unit != nil else { return nil }
        return text
    }

    /// The goals of every table in the body, and the spans the tables cover.
    func tableDecisions(context: Context, issueYear: Int?) -> (decisions: [QuantityDecision], spans: [Range<Int>]) {
        var decisions: [QuantityDecision] = []
        var spans: [Range<Int>] = []
        for table in TextTable.tables(in: context.body) {
            let made = table.hasRows ? rowDecisions(table, context: context, issueYear: issueYear)
                                     : streamDecisions(table, context: context, issueYear: issueYear)
            guard let made else { continue }
            decisions.append(contentsOf: made)
            spans.append(table.range)
        }
        return (decisions, spans)
    }

    /// A table whose lines are its rows: the header is the first row.
    private func rowDecisions(_ table: TextTable, context: Context, issueYear: Int?) -> [QuantityDecision]? {
        guard let header = table.rows.first else { return nil }
        // A header one cell short of its rows leaves the corner empty: the
        // rows' first cells name the metrics (| 绝对数（亿元） | 增长（%） |).
        let widths = Dictionary(grouping: table.rows.dropFirst().map(\.count), by: { $0 }).max { $0.value.count < $1.value.count }?.key
        let cornerless = widths == header.count + 1
        let headerColumns = cornerless ? [TableColumn(role: .metric, isGoal: false)] + header.map {
            Self.column(ofHeader: context.body[$0.range], body: context.body, range: $0.range)
        } : Self.columns(ofHeader: header, body: context.body)
        guard let columns = headerColumns, columns.contains(where: { $0.role == .value }) else { return nil }
        let metricColumn = columns.firstIndex { $0.role == .metric } ?? 0
        let unitColumn = columns.firstIndex { $0.role == .unit }
        var decisions: [QuantityDecision] = []
        for row in table.rows.dropFirst() where row.count > metricColumn {
            let metric = row[metricColumn]
            let unit = unitColumn.flatMap { $0 < row.count ? Self.unitOnly(context.body[row[$0].range]) : nil }
            for (index, column) in columns.enumerated() where column.role == .value && index < row.count {
                decisions += cellDecision(row[index], metric: metric, unit: column.unit ?? unit, column: column,
                                          yearColumns: columns.compactMap(\.year), context: context, issueYear: issueYear)
            }
        }
        return decisions
    }

    /// A flattened table, one cell per line: the header runs to its first
    /// cell that is no header's; then each unit cell anchors a row — the
    /// metric just before it, the value columns' cells just after it.
    private func streamDecisions(_ table: TextTable, context: Context, issueYear: Int?) -> [QuantityDecision]? {
        guard let cells = table.rows.first else { return nil }
        let body = context.body
        var headerEnd = 0
        while headerEnd < cells.count,
              Self.column(ofHeader: body[cells[headerEnd].range], body: body, range: cells[headerEnd].range).role != .other
                || ExtractionWords.nonValueHeaders.contains(where: { body.folded(cells[headerEnd].range).contains($0) }) {
            headerEnd += 1
        }
        guard let columns = Self.columns(ofHeader: Array(cells[..<headerEnd]), body: body),
              columns.contains(where: { $0.role == .unit }) else { return nil }
        let values = columns.filter { $0.role == .value }
        var decisions: [QuantityDecision] = []
        var k = headerEnd + 1
        while k < cells.count {
            guard let unit = Self.unitOnly(body[cells[k].range]), !cells[k - 1].isEmpty, k - 1 >= headerEnd,
                  Self.unitOnly(body[cells[k - 1].range]) == nil,
                  !body.scalars[cells[k - 1].range].contains(where: { $0.asciiDigit != nil }) else {
                k += 1
                continue
            }
            for (offset, column) in values.enumerated() where k + 1 + offset < cells.count {
                decisions += cellDecision(cells[k + 1 + offset], metric: cells[k - 1], unit: column.unit ?? unit, column: column,
                                          yearColumns: values.compactMap(\.year), context: context, issueYear: issueYear)
            }
            k += 1 + values.count
        }
        return decisions
    }

    /// The goal one cell holds, if any: kind and year from its column.
    private func cellDecision(_ cell: TextTable.Cell, metric: TextTable.Cell, unit: String?, column: TableColumn,
                              yearColumns: [Int], context: Context, issueYear: Int?) -> [QuantityDecision] {
        let body = context.body
        let text = body[cell.range]
        guard !metric.isEmpty, text.unicodeScalars.contains(where: { $0.asciiDigit != nil }) else { return [] }
        // A unit in the metric cell's brackets (专利拥有量（件）) when no column gives one.
        var name = body[metric.range].trimmingCharacters(in: .whitespaces)
        var unit = unit
        if let bracketed = Self.bracketedUnit(in: name) {
            name = bracketed.rest
            unit = unit ?? bracketed.unit
        }
        // The cell and its unit read as one figure (2240 + 亿元 → 2240亿元).
        // The unit goes right after the digits, before a comparator word (6以上 + % → 6%以上).
        let figure = unit.map { unit -> String in
            if text.contains(unit) { return text }
            let scalars = Array(text.unicodeScalars)
            guard let last = scalars.lastIndex(where: { $0.asciiDigit != nil }) else { return text + unit }
            return String(String.UnicodeScalarView(scalars[...last])) + unit + String(String.UnicodeScalarView(scalars[(last + 1)...]))
        } ?? text
        guard var quantity = scanner.quantities(in: figure).first.map(\.asShare), quantity.start <= 1 else { return [] }
        quantity.start = cell.range.lowerBound
        quantity.end = cell.range.upperBound
        quantity.surface = text

        let kind: ExtractedGoal.Kind
        var year: Int?
        if let columnYear = column.year {
            // A base year is reported; a later one is a target for that year.
            let isLater = issueYear.map { columnYear > $0 } ?? (columnYear == yearColumns.max() && yearColumns.count > 1)
            kind = isLater || column.isGoal ? .target : .statistic
            year = kind == .target ? columnYear : nil
        } else if !column.isGoal, column.spansPlan, let last = yearColumns.max(), issueYear.map({ last > $0 }) ?? true {
            // 年均/累计 beside a later year's column: the plan's average or sum to that year.
            kind = .target
            year = last
        } else {
            kind = column.isGoal ? .target : .statistic
        }
        if let suffix = column.metricSuffix, !name.contains(suffix) { name += suffix }
        let policy = PolicyContext.policy(at: cell.range.lowerBound, body: body, policies: context.policies)
        let region = policy.flatMap { context.policies.policies[$0].regionCode } ?? context.articleRegion
        let span = EvidenceSpan(start: metric.range.lowerBound, end: cell.range.upperBound,
                                text: body[metric.range.lowerBound..<cell.range.upperBound])
        let goal = ExtractedGoal(
            kind: kind, metric: name, comparator: quantity.comparator ?? .equal, value: quantity.value,
            unit: Self.currency(quantity, region: context.articleRegion ?? region, body: body), stretch: false,
            year: year, yearSource: year == nil ? .none : .stated, policyIndex: policy, targetIndex: nil,
            regionCode: region, evidence: [span])
        var reasons: [String] = []
        if explains {
            reasons = ["table cell of \(name)" + (column.year.map { ", column \($0)" } ?? "") + (unit.map { ", unit \($0)" } ?? "")]
        }
        return [QuantityDecision(quantity: quantity, outcome: .kept(kind), reasons: reasons,
                                 rules: [.contextTable, kind == .target ? .kindTableLaterYear : .kindTableBaseYear], goal: goal)]
    }

    /// §8: a cell that repeats a figure of the text is the same goal, with both spans.
    func mergeTableGoals(_ tableGoals: [ExtractedGoal], into goals: [ExtractedGoal]) -> [ExtractedGoal] {
        var merged = goals
        for goal in tableGoals {
            if let index = merged.firstIndex(where: { sameFigure($0, goal) }) {
                merged[index].evidence.append(contentsOf: goal.evidence)
            } else {
                merged.append(goal)
            }
        }
        return merged
    }

    private func sameFigure(_ a: ExtractedGoal, _ b: ExtractedGoal) -> Bool {
        guard a.kind == b.kind, a.value == b.value, a.unit == b.unit, a.year == nil || b.year == nil || a.year == b.year else {
            return false
        }
        let x = a.metric.removingWhitespace, y = b.metric.removingWhitespace
        return x.hasSuffix(y) || y.hasSuffix(x) || Self.sharedWords(x, y) >= 2
    }
}
