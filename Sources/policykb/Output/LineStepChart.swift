import Foundation
import PolicyCore

/// `compare --history --chart`: each target line's events down the page,
/// one step a row, the value as a bar scaled within the line, so that a
/// raise, a report short of the target or a supersession reads at a glance
/// in 80 columns.
enum LineStepChart {
    static let barWidth = 16

    static func draw(_ lines: [TargetLine], width: Int) -> String {
        guard !lines.isEmpty else { return "no lines match\n" }
        var out = "█ target as stated   ▒ reported statistic   ┄ superseded\n\n"
        for line in lines {
            let place = line.regionName ?? line.regionCode ?? "no region"
            out += fit("\(place) \(line.metric)" + (line.unit.map { " (\($0))" } ?? "")
                       + " — line \(line.id), \(line.events.count) event\(line.events.count == 1 ? "" : "s")", width) + "\n"
            let largest = line.events.filter { $0.kind != .superseded }
                .map { NSDecimalNumber(decimal: $0.goal.value).doubleValue }.max() ?? 0
            for event in line.events { out += fit(step(event, largest: largest), width) + "\n" }
            out += "\n"
        }
        return out
    }

    /// One row: date, what happened, the bar, the figure and the issue it came from.
    static func step(_ event: LineEvent, largest: Double) -> String {
        let goal = event.goal
        let what = switch event.kind {
        case .changed: event.changes.map(\.rawValue).joined(separator: ",")
        case .reported: "reported"
        default: event.kind.rawValue
        }
        let bar: String
        let text: String
        switch event.kind {
        case .superseded:
            bar = String(repeating: "┄", count: barWidth)
            text = "by line \(event.supersededBy.map(String.init) ?? "?"): \(goal.figure) by \(year(goal.year))"
        case .reported:
            bar = bars("▒", goal.value, largest)
            text = "\(goal.figure) in \(year(goal.year)): \(event.outcome?.rawValue ?? "")"
        case .set, .restated, .changed:
            bar = bars("█", goal.value, largest)
            text = "\(goal.figure)\(goal.stretch ? " 力争" : "") by \(year(goal.year))"
        }
        let issue = [goal.publication, goal.issueNumber.map { "第\($0)期" }].compactMap { $0 }.joined(separator: " ")
        return "  " + OutputRenderer.pad(event.date ?? "no date", to: 10) + "  " + OutputRenderer.pad(what, to: 11) + " "
            + bar + " " + text + (issue.isEmpty ? "" : "  " + issue)
    }

    static func bars(_ mark: String, _ value: Decimal, _ largest: Double) -> String {
        let share = largest > 0 ? NSDecimalNumber(decimal: value).doubleValue / largest : 0
        let length = min(barWidth, max(1, Int((share * Double(barWidth)).rounded())))
        return String(repeating: mark, count: length) + String(repeating: " ", count: barWidth - length)
    }

    static func year(_ year: Int?) -> String { year.map(String.init) ?? "no year" }

    /// Cut to the terminal's width, counting CJK characters as two cells.
    static func fit(_ text: String, _ width: Int) -> String {
        OutputRenderer.displayWidth(text) <= width ? text : OutputRenderer.truncate(text, to: width)
    }
}
