import PolicyCore
import PolicyExtraction

/// Goals listed with filters (kind, region, year, metric, policy), paged;
/// the timeline's cells link here.
enum GoalsPage {
    static func render(_ form: GoalForm, store: PolicyStore) throws -> String {
        // One more than the page, to know whether a next page exists.
        let goals = try store.goals(try form.filter(in: store), page: Page(limit: form.limit + 1, offset: form.offset))
        var body = """
            <h1>Goals</h1>
            <form class="filters" method="get" action="/goals">
            \(HTML.input("metric", label: "metric", value: form.metric, size: 14))
            \(HTML.input("region", label: "region", value: form.records.region, placeholder: "深圳", size: 8))
            \(HTML.input("year", label: "year", value: form.year.map(String.init), placeholder: "2027", size: 5))
            \(HTML.input("policy", label: "policy", value: form.records.policy, size: 12))
            <label for="f-kind">kind</label> <select name="kind" id="f-kind">\(kindOptions(form.kind))</select>
            <button type="submit">Filter</button>
            </form>
            """
        let shown = Array(goals.prefix(form.limit))
        body += "<p class=\"summary\">\(shown.isEmpty ? "No goals match." : "Goals \(form.offset + 1)–\(form.offset + shown.count)")</p>"
        if !shown.isEmpty { body += GoalsTable.html(shown, showArticle: true) }
        var links: [String] = []
        if form.offset > 0 {
            links.append("<a rel=\"prev\" href=\"\(HTML.escape(form.url(path: "/goals", offset: max(0, form.offset - form.limit))))\">← previous</a>")
        }
        if goals.count > form.limit, form.offset + form.limit <= Limits.offset {
            links.append("<a rel=\"next\" href=\"\(HTML.escape(form.url(path: "/goals", offset: form.offset + form.limit)))\">next →</a>")
        }
        if !links.isEmpty { body += "<nav class=\"pages\">\(links.joined(separator: " "))</nav>" }
        body += "<p class=\"downloads\">Download: <a href=\"\(HTML.escape(form.url(path: "/api/goals", changing: [("format", "csv")])))\" "
            + "download=\"goals.csv\">CSV</a> <a href=\"\(HTML.escape(form.url(path: "/api/goals")))\">JSON</a></p>"
        return Layout.page(title: "Goals", section: .goals, body: body)
    }

    static func kindOptions(_ selected: String?) -> String {
        [("", "targets and incentives"), ("target", "targets"), ("incentive", "incentives"), ("statistic", "statistics"),
         ("all", "all")].map { value, label in
            "<option value=\"\(value)\"\((selected ?? "") == value ? " selected" : "")>\(label)</option>"
        }.joined()
    }
}
