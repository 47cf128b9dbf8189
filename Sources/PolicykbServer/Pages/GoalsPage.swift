import PolicyCore
import PolicyExtraction

/// Goals listed with filters (kind, region, year, metric, policy), paged;
/// the timeline's cells link here.
enum GoalsPage {
    static func render(_ form: GoalForm, store: PolicyStore, ui: UILanguage) throws -> String {
        // One more than the page, to know whether a next page exists.
        let goals = try store.goals(try form.filter(in: store), page: Page(limit: form.limit + 1, offset: form.offset))
        var body = """
            <h1>\(ui.html(.headingGoalsPage))</h1>
            <form class="filters" method="get" action="/goals">\(ui.formField)
            \(HTML.input("metric", label: ui.text(.labelMetric), value: form.metric, placeholder: ui.text(.hintMetric), size: 14))
            \(HTML.input("region", label: ui.text(.labelRegion), value: form.records.region, placeholder: ui.text(.hintRegion), size: 8))
            \(HTML.input("year", label: ui.text(.labelYear), value: form.year.map(String.init), placeholder: ui.text(.hintYear), size: 8))
            \(HTML.input("policy", label: ui.text(.labelPolicy), value: form.records.policy, placeholder: ui.text(.hintPolicy), size: 12))
            \(HTML.select("kind", label: ui.text(.labelKind), options: kindOptions(ui), selected: form.kind ?? ""))
            <button type="submit">\(ui.html(.buttonFilter))</button>
            </form>
            """
        let shown = Array(goals.prefix(form.limit))
        body += "<p class=\"summary\">"
            + (shown.isEmpty ? ui.html(.noGoalsMatch) : ui.html(.goalsRange, String(form.offset + 1), String(form.offset + shown.count)))
            + "</p>"
        if !shown.isEmpty { body += GoalsTable.html(shown, ui: ui, showArticle: true) }
        var links: [String] = []
        if form.offset > 0 {
            links.append("<a rel=\"prev\" href=\"\(ui.href(form.url(path: "/goals", offset: max(0, form.offset - form.limit))))\">\(ui.html(.previousPage))</a>")
        }
        if goals.count > form.limit, form.offset + form.limit <= Limits.offset {
            links.append("<a rel=\"next\" href=\"\(ui.href(form.url(path: "/goals", offset: form.offset + form.limit)))\">\(ui.html(.nextPage))</a>")
        }
        if !links.isEmpty { body += "<nav class=\"pages\">\(links.joined(separator: " "))</nav>" }
        body += HTML.downloads(csv: form.url(path: "/api/goals", changing: [("format", "csv")]), json: form.url(path: "/api/goals"),
                               file: "goals.csv", ui: ui)
        return Layout.page(title: ui.text(.headingGoalsPage), section: .goals, body: body, ui: ui)
    }

    static func kindOptions(_ ui: UILanguage) -> [(String, String)] {
        [("", ui.text(.kindTargetsAndIncentives))] + ComparePage.kindOptions(ui)
    }
}
