import Foundation
import PolicyCore
import PolicyExtraction

/// Goals by horizon year, per region: a grid with a region per row and a
/// year per column, each cell a circle whose area is the number of goals,
/// linking to those goals.
enum TimelineChart {
    static let labelWidth = 150
    static let columnWidth = 54
    static let rowHeight = 32
    static let top = 34

    static func svg(_ counts: [TimelineCount], kind: String?) -> String {
        var regions: [(code: String?, name: String)] = []
        for count in counts where !regions.contains(where: { $0.code == count.regionCode }) {
            regions.append((count.regionCode, Display.region(name: count.regionName, code: count.regionCode)))
        }
        let years = Array(Set(counts.map(\.year))).sorted()
        let largest = counts.map(\.count).max() ?? 1
        let width = labelWidth + max(1, years.count) * columnWidth + 16
        let height = top + regions.count * rowHeight + 10
        var out = "<svg class=\"chart timeline\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
            + "viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "aria-label=\"goals by horizon year for \(regions.count) regions\">"
        for (column, year) in years.enumerated() {
            let x = labelWidth + column * columnWidth + columnWidth / 2
            out += "<text x=\"\(x)\" y=\"22\" text-anchor=\"middle\">\(year)</text>"
            out += "<line class=\"axis\" x1=\"\(x)\" y1=\"\(top - 4)\" x2=\"\(x)\" y2=\"\(height - 6)\" stroke=\"#e3e7ee\"/>"
        }
        for (row, region) in regions.enumerated() {
            let y = top + row * rowHeight + rowHeight / 2
            out += "<text x=\"\(labelWidth - 10)\" y=\"\(y + 5)\" text-anchor=\"end\">\(HTML.escape(BarChart.truncate(region.name, to: 18)))</text>"
            for count in counts where count.regionCode == region.code {
                guard let column = years.firstIndex(of: count.year) else { continue }
                let x = labelWidth + column * columnWidth + columnWidth / 2
                let radius = 4 + 10 * (Double(count.count) / Double(largest)).squareRoot()
                let href = "/goals" + QueryParameters.encode([("kind", kind), ("region", region.code), ("year", String(count.year))])
                out += "<a href=\"\(HTML.escape(href))\" class=\"cell\">"
                    + "<title>\(HTML.escape("\(region.name) \(count.year): \(count.count) goals"))</title>"
                    + "<circle class=\"dot\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(String(format: "%.1f", radius))\" fill=\"#3d7dd8\"/>"
                    + (radius >= 9 ? "<text class=\"count\" x=\"\(x)\" y=\"\(y + 4)\" text-anchor=\"middle\">\(count.count)</text>" : "")
                    + "</a>"
            }
        }
        return out + "</svg>"
    }
}
