import Foundation
import PolicyCore
import PolicyExtraction

/// A target line as a step chart of value by issue date. Each statement
/// (set, restated, changed) is a step from its issue's date to the next
/// statement's, a link to its evidence (`a.step`, one per statement, in
/// date order); a stretch target (力争) is dashed. Later statistics are
/// dots coloured by what they say (met, behind, …), each year a statement
/// set is a vertical line (the one in force solid), and a supersession a
/// line where the newer policy took over. Distance on both axes is
/// proportional: days across, value up from zero.
enum StepChart {
    static let width = 960
    static let height = 380
    static let left = 130
    static let right = 40
    static let top = 40
    static let bottom = 50
    /// Pixels a step needs to carry its figure above it.
    static let labelRoom = 90

    /// Days since 1970-01-01 of an ISO date (or its first day: 2025-03).
    static func day(_ date: String) -> Int? {
        guard let start = DateBound.start(date) else { return nil }
        let parts = start.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        // Howard Hinnant's days_from_civil.
        let (month, dayOfMonth) = (parts[1], parts[2])
        let year = parts[0] - (month <= 2 ? 1 : 0)
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + dayOfMonth - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The last day of a target's year: "by 2027" runs to its end.
    static func dueDay(_ year: Int) -> Int? { day("\(year)-12-31") }

    static func double(_ value: Decimal) -> Double { NSDecimalNumber(decimal: value).doubleValue }

    /// Where days and values fall on the plot.
    struct Scale {
        let days: ClosedRange<Int>
        let values: ClosedRange<Double>

        func x(_ day: Int) -> Int {
            StepChart.left + Int((Double(day - days.lowerBound) / Double(days.upperBound - days.lowerBound)
                * Double(StepChart.width - StepChart.left - StepChart.right)).rounded())
        }

        func y(_ value: Double) -> Int {
            StepChart.height - StepChart.bottom - Int(((value - values.lowerBound) / (values.upperBound - values.lowerBound)
                * Double(StepChart.height - StepChart.top - StepChart.bottom)).rounded())
        }
    }

    /// The scale that holds every dated event and the end of every year a
    /// statement set, with a margin; values from zero (or the lowest) up.
    static func scale(_ line: TargetLine) -> Scale? {
        let dated = line.events.compactMap { event in event.date.flatMap(day).map { (event, $0) } }
        guard !dated.isEmpty else { return nil }
        let dueDays = line.events.filter(\.kind.statesTarget).compactMap { $0.goal.year.flatMap(dueDay) }
        let allDays = dated.map(\.1) + dueDays
        var (first, last) = (allDays.min() ?? 0, allDays.max() ?? 0)
        let margin = max(15, (last - first) / 30)
        (first, last) = (first - margin, last + margin)
        let plotted = dated.filter { $0.0.kind == .reported || $0.0.kind.statesTarget }.map { double($0.0.goal.value) }
        let low = min(0, plotted.min() ?? 0), high = max(plotted.max() ?? 1, low + 1)
        return Scale(days: first...last, values: low...(high + (high - low) * 0.12))
    }

    /// A round step between value ticks: 1, 2 or 5 times a power of ten.
    static func tickStep(_ span: Double) -> Double {
        let raw = span / 4, power = pow(10, floor(log10(raw)))
        return [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= raw } ?? raw
    }

    /// A tick's value written as the line's figures are (5000亿元).
    static func tickLabel(_ value: Double, step: Double, unit: String?) -> String {
        let decimals = max(0, -Int(floor(log10(step))))
        let text = String(format: "%.\(decimals)f", value)
        return Decimal(string: text).map { QuantityFormat.readable($0, unit: unit) } ?? text
    }

    static func svg(_ line: TargetLine, ui: UILanguage) -> String {
        guard let scale = scale(line) else { return "" }
        let place = Display.region(name: line.regionName, code: line.regionCode)
        var out = "<svg class=\"chart steps\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
            + "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "aria-label=\"\(ui.html(.chartLine, "\(place) \(line.metric)"))\">"
        let bottomY = height - bottom, plotRight = width - right
        // Value ticks.
        let step = tickStep(scale.values.upperBound - scale.values.lowerBound)
        var tick = (scale.values.lowerBound / step).rounded(.up) * step
        while tick <= scale.values.upperBound {
            let y = scale.y(tick)
            out += "<line class=\"grid\" x1=\"\(left)\" y1=\"\(y)\" x2=\"\(plotRight)\" y2=\"\(y)\" stroke=\"#e3e7ee\"/>"
                + "<text class=\"tick\" x=\"\(left - 8)\" y=\"\(y + 4)\" text-anchor=\"end\">\(HTML.escape(tickLabel(tick, step: step, unit: line.unit)))</text>"
            tick += step
        }
        // Date ticks: each year's first day, and quarters as light lines.
        let firstYear = Int(Double(scale.days.lowerBound) / 365.2425) + 1970, lastYear = Int(Double(scale.days.upperBound) / 365.2425) + 1970
        for year in (firstYear - 1)...(lastYear + 1) {
            for month in [1, 4, 7, 10] {
                guard let tickDay = day(String(format: "%04d-%02d", year, month)), scale.days.contains(tickDay) else { continue }
                let x = scale.x(tickDay)
                out += "<line class=\"grid\(month == 1 ? " year" : "")\" x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(bottomY)\" stroke=\"#eef1f5\"/>"
                if month == 1 {
                    out += "<text class=\"tick\" x=\"\(x)\" y=\"\(bottomY + 18)\" text-anchor=\"middle\">\(ui.html(.yearSuffix, String(year)))</text>"
                }
            }
        }
        out += "<line class=\"axis\" x1=\"\(left)\" y1=\"\(bottomY)\" x2=\"\(plotRight)\" y2=\"\(bottomY)\" stroke=\"#b8c0cc\"/>"
            + "<line class=\"axis\" x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(bottomY)\" stroke=\"#b8c0cc\"/>"
        // The years the statements set: the one in force solid.
        var years: [Int] = []
        for event in line.events where event.kind.statesTarget {
            if let year = event.goal.year, !years.contains(year) { years.append(year) }
        }
        for year in years {
            guard let due = dueDay(year) else { continue }
            let x = scale.x(due), current = year == line.current.year
            out += "<g class=\"due\(current ? " current" : "")\" data-year=\"\(year)\">"
                + "<line x1=\"\(x)\" y1=\"\(top - 8)\" x2=\"\(x)\" y2=\"\(bottomY)\" stroke=\"#c2410c\"\(current ? "" : " stroke-dasharray=\"4 4\"")/>"
                + "<text x=\"\(x)\" y=\"\(top - 14)\" text-anchor=\"middle\">\(ui.html(.chartTargetYear, String(year)))</text></g>"
        }
        // The steps, each to the next statement, the last to the end (or to
        // the supersession that ended it).
        let statements = line.events.filter { $0.kind.statesTarget }.compactMap { event in event.date.flatMap(day).map { (event, $0) } }
        let supersededDay = line.events.first { $0.kind == .superseded }?.date.flatMap(day)
        var previousY: Int?
        for (index, (event, startDay)) in statements.enumerated() {
            let endDay = index + 1 < statements.count ? statements[index + 1].1 : (supersededDay ?? scale.days.upperBound)
            let goal = event.goal
            let (x0, x1, y) = (scale.x(startDay), scale.x(max(startDay, endDay)), scale.y(double(goal.value)))
            let path = previousY.map { "M\(x0) \($0) V\(y) H\(x1)" } ?? "M\(x0) \(y) H\(x1)"
            let figure = Display.target(goal, ui: ui)
            // A figure over its step when the step is wide enough to hold it
            // (a line restated weekly would bury its steps in labels), and
            // always over the first and the last; each step's title has it.
            let labelled = event.kind != .restated && (x1 - x0 >= labelRoom || index == 0 || index == statements.count - 1)
            out += "<a href=\"\(Display.evidenceHref(goal, ui: ui))\" class=\"step \(event.kind.rawValue)\" data-goal=\"\(goal.id)\" "
                + "data-date=\"\(HTML.escape(goal.issueDate ?? ""))\" data-value=\"\(goal.value)\">"
                + "<title>\(HTML.escape("\(goal.issueDate ?? "") · \(Display.event(event, ui: ui)) · \(figure): \(goal.evidence.first?.text ?? "")"))</title>"
                + "<path class=\"riser\(goal.stretch ? " stretch" : "")\" d=\"\(path)\" fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"3\""
                + (goal.stretch ? " stroke-dasharray=\"7 5\"" : "") + "/>"
                + "<circle class=\"point\" cx=\"\(x0)\" cy=\"\(y)\" r=\"5\" fill=\"#1f5fbf\"/>"
                + (labelled ? "<text class=\"figure\" x=\"\(x0 + 8)\" y=\"\(y - 9)\">\(HTML.escape(figure))</text>" : "")
                + "</a>"
            previousY = y
        }
        // Where a newer policy took over.
        for event in line.events where event.kind == .superseded {
            guard let eventDay = event.date.flatMap(day) else { continue }
            let x = scale.x(eventDay)
            out += "<a href=\"\(Display.evidenceHref(event.goal, ui: ui))\" class=\"superseded\" data-goal=\"\(event.goal.id)\">"
                + "<title>\(HTML.escape("\(event.date ?? "") · \(Display.event(event, ui: ui)) · \(Display.target(event.goal, ui: ui))"))</title>"
                + "<line x1=\"\(x)\" y1=\"\(top)\" x2=\"\(x)\" y2=\"\(bottomY)\" stroke=\"#6b7280\" stroke-width=\"2\" stroke-dasharray=\"2 3\"/>"
                + "<text x=\"\(x + 5)\" y=\"\(bottomY - 8)\">\(ui.html(.chartSuperseded))</text></a>"
        }
        // Later statistics, coloured by what they say of the target.
        for event in line.events where event.kind == .reported {
            guard let eventDay = event.date.flatMap(day) else { continue }
            let goal = event.goal, outcome = event.outcome ?? .progress
            let (x, y) = (scale.x(eventDay), scale.y(double(goal.value)))
            let words = Display.outcome(outcome, ui: ui)
            out += "<a href=\"\(Display.evidenceHref(goal, ui: ui))\" class=\"report \(outcome.rawValue)\" data-goal=\"\(goal.id)\" "
                + "data-date=\"\(HTML.escape(goal.issueDate ?? ""))\" data-value=\"\(goal.value)\">"
                + "<title>\(HTML.escape("\(goal.issueDate ?? "") · \(goal.figure) · \(words): \(goal.evidence.first?.text ?? "")"))</title>"
                + "<circle class=\"point\" cx=\"\(x)\" cy=\"\(y)\" r=\"7\" fill=\"\(color(outcome))\"/>"
                + "<text class=\"figure\" x=\"\(x + 10)\" y=\"\(y + 18)\">\(HTML.escape("\(goal.readableValue) · \(words)"))</text></a>"
        }
        return out + "</svg>"
    }

    static func color(_ outcome: LineEvent.Outcome) -> String {
        switch outcome {
        case .met: "#15803d"
        case .metLate: "#ca8a04"
        case .behind: "#b91c1c"
        case .progress: "#6b7280"
        }
    }
}
