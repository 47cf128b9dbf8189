import PolicyCore
import PolicyExtraction

/// Goals by horizon year, per region, as an SVG grid and as a table.
enum TimelinePage {
    static func render(_ form: GoalForm, store: PolicyStore) throws -> String {
        let all = try store.goalTimeline(try form.filter(in: store))
        // The regions with the most goals (the query returns them first).
        var kept: [String?] = []
        for count in all where !kept.contains(count.regionCode) {
            if kept.count == Limits.timelineRegions { break }
            kept.append(count.regionCode)
        }
        let counts = all.filter { kept.contains($0.regionCode) }
        var body = """
            <h1>Timeline</h1>
            <form class="filters" method="get" action="/timeline">
            \(HTML.input("metric", label: "metric", value: form.metric, size: 14))
            \(HTML.input("region", label: "region", value: form.records.region, placeholder: "广东", size: 8))
            <label for="f-kind">kind</label> <select name="kind" id="f-kind">\(GoalsPage.kindOptions(form.kind))</select>
            <button type="submit">Show</button>
            </form>
            <p class="summary">Goals by the year they are set for; each circle's area is the number of goals, and links to them.</p>
            """
        guard !counts.isEmpty else {
            return Layout.page(title: "Timeline", section: .timeline, body: body + "<p>No goals with a year match.</p>")
        }
        if kept.count < Set(all.map(\.regionCode)).count {
            body += "<p class=\"meta\">The \(kept.count) regions with the most goals.</p>"
        }
        body += TimelineChart.svg(counts, kind: form.kind)
        body += "<h2>As a table</h2><table class=\"timeline\"><tr><th>region</th><th>year</th><th>goals</th></tr>"
        for count in counts {
            let href = "/goals" + QueryParameters.encode([("kind", form.kind), ("region", count.regionCode), ("year", String(count.year))])
            body += "<tr><td>\(HTML.escape(Display.region(name: count.regionName, code: count.regionCode)))</td>"
                + "<td class=\"num\">\(count.year)</td><td class=\"num\"><a href=\"\(HTML.escape(href))\">\(count.count)</a></td></tr>"
        }
        body += "</table>"
        return Layout.page(title: "Timeline", section: .timeline, body: body)
    }
}
