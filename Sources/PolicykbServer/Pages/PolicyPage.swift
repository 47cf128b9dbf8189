import PolicyCore
import PolicyExtraction

/// One policy: title, short name, period, region and dates of force; the
/// articles naming it across issues in date order; its targets and goals by
/// horizon year.
enum PolicyPage {
    static func render(_ detail: PolicyDetail) -> String {
        let policy = detail.policy
        var facts: [(String, String)] = [
            ("short name", policy.alias.map { "《\(HTML.escape($0))》" } ?? "—"),
            ("period", HTML.escape(Display.period(start: policy.startYear, end: policy.endYear) ?? "—")),
            ("region", HTML.escape(Display.region(name: policy.regionName, code: policy.regionCode))),
        ]
        if policy.effectiveFrom != nil || policy.effectiveUntil != nil {
            facts.append(("in force", HTML.escape("\(policy.effectiveFrom ?? "…") — \(policy.effectiveUntil ?? "…")")))
        }
        var body = "<h1>\(HTML.escape(policy.title))</h1>"
        body += "<dl class=\"facts\">" + facts.map { "<dt>\($0)</dt><dd>\($1)</dd>" }.joined() + "</dl>"
        body += "<h2>Mentions</h2><table class=\"mentions\"><tr><th>date</th><th>issue</th><th>article</th><th>called</th></tr>"
        for mention in detail.mentions {
            body += "<tr><td>\(HTML.escape(mention.issueDate ?? "—"))</td>"
                + "<td>\(HTML.escape(mention.publication))\(mention.issueNumber.map { " 第\($0)期" } ?? "")</td>"
                + "<td><a href=\"/articles/\(mention.articleID)\">\(HTML.escape(mention.articleTitle))</a></td>"
                + "<td>\(mention.alias.map { "《\(HTML.escape($0))》" } ?? "")</td></tr>"
        }
        body += "</table>"
        let years = Set(detail.targets.map { Optional($0.year) } + detail.goals.map(\.year))
            .sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }
        if years.isEmpty { body += "<h2>Targets and goals</h2><p class=\"meta\">None extracted.</p>" }
        for year in years {
            body += "<h2 id=\"year-\(year.map(String.init) ?? "none")\">\(year.map { "By \($0)" } ?? "No year")</h2>"
            let targets = detail.targets.filter { $0.year == year }
            if !targets.isEmpty {
                body += "<ul class=\"targets\">" + targets.map { target in
                    "<li><a href=\"/articles/\(target.articleID)#target-\(target.id)\">\(HTML.escape(target.text))</a></li>"
                }.joined() + "</ul>"
            }
            let goals = detail.goals.filter { $0.year == year }
            if !goals.isEmpty { body += GoalsTable.html(goals) }
        }
        body += "<p class=\"downloads\"><a href=\"/api/policies/\(policy.id)\">JSON</a></p>"
        return Layout.page(title: policy.title, section: .policies, body: body)
    }

    /// The list of policies, filtered and paged: `policies` holds one row
    /// more than the page when a next page exists.
    static func index(_ policies: [PolicyRow], form: RecordForm, limit: Int, offset: Int) -> String {
        var body = """
            <h1>Policies</h1>
            <form class="filters" method="get" action="/policies">
            \(HTML.input("policy", label: "title or short name", value: form.policy, size: 18))
            \(HTML.input("region", label: "region", value: form.region, placeholder: "北京", size: 8))
            <button type="submit">Filter</button>
            </form>
            <table class="policies"><tr><th>title</th><th>short name</th><th>period</th><th>region</th><th>articles</th></tr>
            """
        for policy in policies.prefix(limit) {
            body += "<tr><td><a href=\"/policies/\(policy.id)\">\(HTML.escape(policy.title))</a></td>"
                + "<td>\(policy.alias.map { "《\(HTML.escape($0))》" } ?? "")</td>"
                + "<td>\(HTML.escape(Display.period(start: policy.startYear, end: policy.endYear) ?? ""))</td>"
                + "<td>\(HTML.escape(Display.region(name: policy.regionName, code: policy.regionCode)))</td>"
                + "<td class=\"num\">\(policy.articleIDs.count)</td></tr>"
        }
        body += "</table>"
        var links: [String] = []
        let base = form.items
        if offset > 0 {
            links.append("<a rel=\"prev\" href=\"\(HTML.escape("/policies" + QueryParameters.encode(base + [("offset", String(max(0, offset - limit)))])))\">← previous</a>")
        }
        if policies.count > limit, offset + limit <= Limits.offset {
            links.append("<a rel=\"next\" href=\"\(HTML.escape("/policies" + QueryParameters.encode(base + [("offset", String(offset + limit))])))\">next →</a>")
        }
        if !links.isEmpty { body += "<nav class=\"pages\">\(links.joined(separator: " "))</nav>" }
        let download = base + [("offset", offset == 0 ? nil : String(offset))]
        body += "<p class=\"downloads\">Download: <a href=\"\(HTML.escape("/api/policies" + QueryParameters.encode(download + [("format", "csv")])))\" "
            + "download=\"policies.csv\">CSV</a> <a href=\"\(HTML.escape("/api/policies" + QueryParameters.encode(download)))\">JSON</a></p>"
        return Layout.page(title: "Policies", section: .policies, body: body)
    }
}
