import PolicyCore
import PolicyExtraction

/// Compare: a metric (suggested from the stored ones), regions, a year and
/// kinds; an SVG bar chart putting like next to like, the same rows as a
/// table, and CSV and JSON downloads of them.
enum ComparePage {
    static func render(_ form: CompareForm, store: PolicyStore) throws -> String {
        let metrics = try store.metricSuggestions(limit: 300)
        let regions = try store.goalRegionNames(limit: 200)
        var body = """
            <h1>Compare</h1>
            <form class="filters" method="get" action="/compare">
            \(HTML.input("metric", label: "metric", value: form.metric, placeholder: "产业规模", list: "metrics", size: 18))
            \(HTML.input("regions", label: "regions", value: form.regions, placeholder: "北京,深圳", list: "regions", size: 14))
            \(HTML.input("year", label: "year", value: form.year.map(String.init), placeholder: "2027", size: 5))
            <label for="f-kind">kind</label> <select name="kind" id="f-kind">\(kindOptions(form.kind))</select>
            <button type="submit">Compare</button>
            <datalist id="metrics">\(HTML.options(metrics.map(\.metric)))</datalist>
            <datalist id="regions">\(HTML.options(regions))</datalist>
            </form>
            """
        guard form.metric != nil else {
            body += "<h2>Metrics with the most targets</h2><ul class=\"suggestions\">"
            for (metric, count) in metrics.prefix(60) {
                let url = "/compare" + QueryParameters.encode([("metric", metric)])
                body += "<li><a href=\"\(HTML.escape(url))\">\(HTML.escape(metric))</a> <span class=\"meta\">\(count)</span></li>"
            }
            body += "</ul>"
            return Layout.page(title: "Compare", section: .compare, body: body)
        }
        let (goals, total) = try form.goals(in: store)
        let query = QueryParameters.encode(form.items)
        let csv = "/api/compare" + QueryParameters.encode(form.items + [("format", "csv")])
        body += "<p class=\"summary\" id=\"total\">\(goals.count == total ? "\(total)" : "the first \(goals.count) of \(total)") goals, "
            + "grouped by unit and year, largest first; each bar links to its evidence.</p>"
        guard !goals.isEmpty else {
            body += "<p>No goals match. Try a shorter metric, or another kind.</p>"
            return Layout.page(title: "Compare", section: .compare, body: body)
        }
        body += BarChart.svg(goals)
        body += "<p class=\"downloads\">Download: <a href=\"\(HTML.escape(csv))\" download=\"compare.csv\">CSV</a>"
            + "<a href=\"\(HTML.escape("/api/compare" + query))\">JSON</a></p>"
        body += table(goals)
        return Layout.page(title: "Compare \(form.metric ?? "")", section: .compare, body: body)
    }

    static func kindOptions(_ selected: String?) -> String {
        [("target", "targets"), ("incentive", "incentives"), ("statistic", "statistics"), ("all", "all")].map { value, label in
            "<option value=\"\(value)\"\((selected ?? "target") == value ? " selected" : "")>\(label)</option>"
        }.joined()
    }

    /// The chart's rows, in its order.
    static func table(_ goals: [GoalRow]) -> String {
        var out = "<table class=\"compare\"><tr><th>unit</th><th>year</th><th>region</th><th>metric</th>"
            + "<th>value</th><th>exact</th><th>policy</th><th>evidence</th></tr>"
        for goal in goals {
            let policy = goal.policyID.map { "<a href=\"/policies/\($0)\">\(HTML.escape(goal.policyTitle ?? "#\($0)"))</a>" } ?? "—"
            out += "<tr class=\"row\" data-goal=\"\(goal.id)\"><td>\(HTML.escape(goal.unit ?? "—"))</td>"
                + "<td class=\"num\">\(goal.year.map(String.init) ?? "—")</td>"
                + "<td>\(HTML.escape(Display.region(name: goal.regionName, code: goal.regionCode)))</td>"
                + "<td>\(HTML.escape(goal.metric))</td>"
                + "<td class=\"num\">\(HTML.escape(goal.figure))\(goal.stretch ? " (力争)" : "")</td>"
                + "<td class=\"num\">\(goal.value)</td><td>\(policy)</td>"
                + "<td><a href=\"/articles/\(goal.articleID)#ev-\(goal.id)\">\(HTML.escape(goal.evidence.first?.text ?? ""))</a></td></tr>"
        }
        return out + "</table>"
    }
}
