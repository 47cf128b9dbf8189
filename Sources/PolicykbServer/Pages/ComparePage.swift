import PolicyCore
import PolicyExtraction

/// Compare: a metric (suggested from the stored ones), regions, a year and
/// kinds; an SVG bar chart putting like next to like, the same rows as a
/// table, and CSV and JSON downloads of them.
enum ComparePage {
    static func render(_ form: CompareForm, store: PolicyStore, ui: UILanguage) throws -> String {
        let metrics = try store.metricSuggestions(limit: 300)
        let regions = try store.goalRegionNames(limit: 200)
        var body = """
            <h1>\(ui.html(.headingCompare))</h1>
            <form class="filters" method="get" action="/compare">\(ui.formField)
            \(HTML.input("metric", label: ui.text(.labelMetric), value: form.metric, placeholder: ui.text(.hintMetric), list: "metrics", size: 18))
            \(HTML.input("regions", label: ui.text(.labelRegions), value: form.regions, placeholder: ui.text(.hintRegions), list: "regions", size: 14))
            \(HTML.input("year", label: ui.text(.labelYear), value: form.year.map(String.init), placeholder: ui.text(.hintYear), size: 8))
            \(HTML.select("kind", label: ui.text(.labelKind), options: kindOptions(ui), selected: form.kind ?? "target"))
            <button type="submit">\(ui.html(.buttonCompare))</button>
            <datalist id="metrics">\(HTML.options(metrics.map(\.metric)))</datalist>
            <datalist id="regions">\(HTML.options(regions))</datalist>
            </form>
            """
        guard form.metric != nil else {
            body += "<h2>\(ui.html(.metricsWithMostTargets))</h2><ul class=\"suggestions\">"
            for (metric, count) in metrics.prefix(60) {
                let url = "/compare" + QueryParameters.encode([("metric", metric)])
                body += "<li><a href=\"\(ui.href(url))\">\(HTML.escape(metric))</a> <span class=\"meta\">\(count)</span></li>"
            }
            body += "</ul>"
            return Layout.page(title: ui.text(.headingCompare), section: .compare, body: body, ui: ui)
        }
        let (goals, total) = try form.goals(in: store)
        let query = QueryParameters.encode(form.items)
        let csv = "/api/compare" + QueryParameters.encode(form.items + [("format", "csv")])
        body += "<p class=\"summary\" id=\"total\">"
            + (goals.count == total ? ui.html(.compareSummaryAll, String(total))
                : ui.html(.compareSummaryFirst, String(goals.count), String(total)))
            + "</p>"
        guard !goals.isEmpty else {
            body += "<p class=\"empty\">\(ui.html(.noGoalsMatchCompare))</p>"
            return Layout.page(title: ui.text(.headingCompare), section: .compare, body: body, ui: ui)
        }
        body += BarChart.svg(goals, ui: ui)
        body += HTML.downloads(csv: csv, json: "/api/compare" + query, file: "compare.csv", ui: ui)
        body += table(goals, ui: ui)
        return Layout.page(title: ui.text(.compareTitle, form.metric ?? ""), section: .compare, body: body, ui: ui)
    }

    static func kindOptions(_ ui: UILanguage) -> [(String, String)] {
        [("target", ui.text(.kindTargets)), ("incentive", ui.text(.kindIncentives)), ("statistic", ui.text(.kindStatistics)),
         ("all", ui.text(.kindAll))]
    }

    /// The chart's rows, in its order.
    static func table(_ goals: [GoalRow], ui: UILanguage) -> String {
        var out = "<table class=\"compare\"><tr>" + GoalsTable.headings([.columnUnit, .columnYear, .columnRegion, .columnMetric,
                                                                         .columnValue, .columnExact, .columnPolicy, .columnEvidence, .columnLine], ui: ui) + "</tr>"
        for goal in goals {
            let policy = goal.policyID.map { "<a href=\"\(ui.href("/policies/\($0)"))\">\(HTML.escape(goal.policyTitle ?? "#\($0)"))</a>" } ?? "—"
            out += "<tr class=\"row\" data-goal=\"\(goal.id)\"><td>\(HTML.escape(goal.unit ?? "—"))</td>"
                + "<td class=\"num\">\(goal.year.map(String.init) ?? "—")</td>"
                + "<td class=\"short\">\(HTML.escape(Display.region(name: goal.regionName, code: goal.regionCode)))</td>"
                + "<td>\(HTML.escape(goal.metric))</td>"
                + "<td class=\"num\">\(HTML.escape(goal.figure))\(goal.stretch ? ui.html(.stretch) : "")</td>"
                + "<td class=\"num\">\(goal.value)</td><td>\(policy)</td>"
                + "<td><a href=\"\(ui.href("/articles/\(goal.articleID)#ev-\(goal.id)"))\">\(HTML.escape(goal.evidence.first?.text ?? ""))</a></td>"
                + "<td>\(GoalsTable.lineLink(goal, ui: ui))</td></tr>"
        }
        return out + "</table>"
    }
}
