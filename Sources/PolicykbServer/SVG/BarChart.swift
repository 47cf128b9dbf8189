import Foundation
import PolicyCore
import PolicyExtraction

/// The compare chart: horizontal bars, one scale per group of like values
/// (a unit and a year, `GoalComparison.groups`), each value labelled as
/// people write it (8000亿元) and each bar a link to its evidence sentence.
/// One `rect.bar` per goal, in the order of the table below it.
enum BarChart {
    static let width = 960
    static let labelWidth = 330
    static let barArea = 440
    static let rowHeight = 26
    static let groupHeight = 34

    static func svg(_ goals: [GoalRow], ui: UILanguage) -> String {
        let groups = GoalComparison.groups(goals)
        let height = groups.reduce(12) { $0 + groupHeight + $1.goals.count * rowHeight } + 8
        var out = "<svg class=\"chart compare\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
            + "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "aria-label=\"\(ui.html(.chartCompared, String(goals.count)))\">"
        var y = 12
        for group in groups {
            let unit = group.unit ?? ui.text(.noUnit), year = group.year.map { ui.text(.yearSuffix, String($0)) } ?? ui.text(.noYear)
            out += "<text class=\"group\" x=\"8\" y=\"\(y + 20)\">\(ui.html(.chartGroup, unit, year))</text>"
            y += groupHeight
            let largest = group.goals.map { NSDecimalNumber(decimal: $0.value).doubleValue }.max() ?? 0
            out += "<line class=\"axis\" x1=\"\(labelWidth)\" y1=\"\(y - 4)\" x2=\"\(labelWidth)\" "
                + "y2=\"\(y + group.goals.count * rowHeight - 4)\" stroke=\"#b8c0cc\"/>"
            for goal in group.goals {
                let value = NSDecimalNumber(decimal: goal.value).doubleValue
                let length = largest > 0 ? max(2, Int((max(0, value) / largest * Double(barArea)).rounded())) : 2
                let label = truncate("\(Display.region(name: goal.regionName, code: goal.regionCode)) \(goal.metric)", to: 40)
                let figure = goal.figure + (goal.stretch ? ui.text(.stretch) : "")
                let href = "/articles/\(goal.articleID)#ev-\(goal.id)"
                out += "<a href=\"\(ui.href(href))\" class=\"goal\" data-goal=\"\(goal.id)\">"
                    + "<title>\(HTML.escape("\(Display.region(name: goal.regionName, code: goal.regionCode)) \(goal.metric) \(figure): \(goal.evidence.first?.text ?? "")"))</title>"
                    + "<text x=\"\(labelWidth - 8)\" y=\"\(y + 13)\" text-anchor=\"end\">\(HTML.escape(label))</text>"
                    + "<rect class=\"bar\(goal.stretch ? " stretch" : "")\" x=\"\(labelWidth)\" y=\"\(y)\" "
                    + "width=\"\(length)\" height=\"\(rowHeight - 8)\" fill=\"#3d7dd8\"/>"
                    + "<text class=\"value\" x=\"\(labelWidth + length + 6)\" y=\"\(y + 13)\">\(HTML.escape(figure))</text>"
                    + "</a>"
                y += rowHeight
            }
        }
        return out + "</svg>"
    }

    /// Cut to `width` display cells (a CJK character takes two).
    static func truncate(_ text: String, to width: Int) -> String {
        var out = "", used = 0
        for character in text {
            let cells = character.unicodeScalars.first.map { $0.value >= 0x2E80 ? 2 : 1 } ?? 1
            if used + cells > width - 1 {
                return out + "…"
            }
            out.append(character)
            used += cells
        }
        return out
    }
}
