import Foundation
import PolicyCore
import PolicyExtraction

/// Goals by horizon year, per region: a grid with a region per row and
/// every year from the first to the last as a column — a year no goal is
/// set for stays, marked as a gap, so that distance on the chart is time —
/// each cell a circle whose area is the number of goals, linking to them.
enum TimelineChart {
    static let labelWidth = 150
    static let rowHeight = 32
    static let top = 34
    /// The years' columns share this width, each between the bounds.
    static let plotWidth = 900
    static let columnWidths = 22...54

    /// Every year from the first to the last of `years`.
    static func axis(_ years: [Int]) -> [Int] {
        guard let first = years.min(), let last = years.max() else { return [] }
        return Array(first...last)
    }

    static func svg(_ counts: [TimelineCount], kind: String?, ui: UILanguage) -> String {
        var regions: [(code: String?, name: String)] = []
        for count in counts where !regions.contains(where: { $0.code == count.regionCode }) {
            regions.append((count.regionCode, Display.region(name: count.regionName, code: count.regionCode)))
        }
        let withGoals = Set(counts.map(\.year))
        let years = axis(Array(withGoals))
        let columnWidth = min(columnWidths.upperBound, max(columnWidths.lowerBound, plotWidth / max(1, years.count)))
        // Narrow columns label every fifth year and the years with goals.
        let labelled: (Int) -> Bool = { year in columnWidth >= 40 || withGoals.contains(year) || year % 5 == 0 }
        let largest = counts.map(\.count).max() ?? 1
        let width = labelWidth + max(1, years.count) * columnWidth + 16
        let height = top + regions.count * rowHeight + 10
        var out = "<svg class=\"chart timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
            + "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "aria-label=\"\(ui.html(.chartTimeline, String(regions.count)))\">"
        func x(_ year: Int) -> Int { labelWidth + (year - (years.first ?? year)) * columnWidth + columnWidth / 2 }
        for year in years {
            let gap = !withGoals.contains(year)
            if labelled(year) {
                out += "<text class=\"year\(gap ? " gap" : "")\" x=\"\(x(year))\" y=\"22\" text-anchor=\"middle\">\(year)"
                    + (gap ? "<title>\(ui.html(.chartGapYear, String(year)))</title>" : "") + "</text>"
            }
            out += "<line class=\"axis\(gap ? " gap" : "")\" x1=\"\(x(year))\" y1=\"\(top - 4)\" x2=\"\(x(year))\" y2=\"\(height - 6)\" "
                + "stroke=\"#e3e7ee\"\(gap ? " stroke-dasharray=\"2 4\"" : "")/>"
        }
        for (row, region) in regions.enumerated() {
            let y = top + row * rowHeight + rowHeight / 2
            out += "<text x=\"\(labelWidth - 10)\" y=\"\(y + 5)\" text-anchor=\"end\">\(HTML.escape(BarChart.truncate(region.name, to: 18)))</text>"
            for count in counts where count.regionCode == region.code {
                let radius = 4 + 10 * (Double(count.count) / Double(largest)).squareRoot()
                let href = "/goals" + QueryParameters.encode([("kind", kind), ("region", region.code), ("year", String(count.year))])
                out += "<a href=\"\(ui.href(href))\" class=\"cell\" data-year=\"\(count.year)\">"
                    + "<title>\(ui.html(.chartCell, region.name, String(count.year), String(count.count)))</title>"
                    + "<circle class=\"dot\" cx=\"\(x(count.year))\" cy=\"\(y)\" r=\"\(String(format: "%.1f", radius))\" fill=\"#3d7dd8\"/>"
                    + (radius >= 9 ? "<text class=\"count\" x=\"\(x(count.year))\" y=\"\(y + 4)\" text-anchor=\"middle\">\(count.count)</text>" : "")
                    + "</a>"
            }
        }
        return out + "</svg>"
    }
}
