import PolicyCore
import PolicyExtraction

/// Goals by horizon year, per region, as an SVG grid and as a table.
enum TimelinePage {
    static func render(_ form: GoalForm, store: PolicyStore, ui: UILanguage) throws -> String {
        let all = try store.goalTimeline(try form.filter(in: store))
        // The regions with the most goals (the query returns them first).
        var kept: [String?] = []
        for count in all where !kept.contains(count.regionCode) {
            if kept.count == Limits.timelineRegions { break }
            kept.append(count.regionCode)
        }
        let counts = all.filter { kept.contains($0.regionCode) }
        var body = """
            <h1>\(ui.html(.headingTimeline))</h1>
            <form class="filters" method="get" action="/timeline">\(ui.formField)
            \(HTML.input("metric", label: ui.text(.labelMetric), value: form.metric, placeholder: ui.text(.hintMetric), size: 14))
            \(HTML.input("region", label: ui.text(.labelRegion), value: form.records.region, placeholder: ui.text(.hintRegion), size: 8))
            \(HTML.select("kind", label: ui.text(.labelKind), options: GoalsPage.kindOptions(ui), selected: form.kind ?? ""))
            <button type="submit">\(ui.html(.buttonShow))</button>
            </form>
            <p class="summary">\(ui.html(.timelineSummary))</p>
            """
        guard !counts.isEmpty else {
            return Layout.page(title: ui.text(.headingTimeline), section: .timeline,
                               body: body + "<p class=\"empty\">\(ui.html(.timelineEmpty))</p>", ui: ui)
        }
        if kept.count < Set(all.map(\.regionCode)).count {
            body += "<p class=\"meta\">\(ui.html(.timelineTopRegions, String(kept.count)))</p>"
        }
        body += TimelineChart.svg(counts, kind: form.kind, ui: ui)
        body += "<h2>\(ui.html(.headingAsTable))</h2><table class=\"timeline\"><tr>"
            + GoalsTable.headings([.columnRegion, .columnYear, .columnGoalCount], ui: ui) + "</tr>"
        for count in counts {
            let href = "/goals" + QueryParameters.encode([("kind", form.kind), ("region", count.regionCode), ("year", String(count.year))])
            body += "<tr><td>\(HTML.escape(Display.region(name: count.regionName, code: count.regionCode)))</td>"
                + "<td class=\"num\">\(count.year)</td><td class=\"num\"><a href=\"\(ui.href(href))\">\(count.count)</a></td></tr>"
        }
        body += "</table>"
        // The downloads hold every region, not only those drawn.
        body += HTML.downloads(csv: form.url(path: "/api/timeline", changing: [("format", "csv"), ("year", nil)]),
                               json: form.url(path: "/api/timeline", changing: [("year", nil)]), file: "timeline.csv", ui: ui)
        return Layout.page(title: ui.text(.headingTimeline), section: .timeline, body: body, ui: ui)
    }
}
