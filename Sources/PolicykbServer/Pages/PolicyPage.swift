import PolicyCore
import PolicyExtraction

/// One policy: title, short name, period, region and dates of force; the
/// articles naming it across issues in date order; its targets and goals by
/// horizon year.
enum PolicyPage {
    static func render(_ detail: PolicyDetail, ui: UILanguage) -> String {
        let policy = detail.policy
        var facts: [(MessageID, String)] = [
            (.columnShortName, policy.alias.map { "《\(HTML.escape($0))》" } ?? "—"),
            (.columnPeriod, HTML.escape(Display.period(start: policy.startYear, end: policy.endYear, ui: ui) ?? "—")),
            (.columnRegion, HTML.escape(Display.region(name: policy.regionName, code: policy.regionCode))),
        ]
        if policy.effectiveFrom != nil || policy.effectiveUntil != nil {
            facts.append((.factInForce, HTML.escape("\(policy.effectiveFrom ?? "…") — \(policy.effectiveUntil ?? "…")")))
        }
        var body = "<h1>\(HTML.escape(policy.title))</h1>"
        body += "<dl class=\"facts\">" + facts.map { "<dt>\(ui.html($0))</dt><dd>\($1)</dd>" }.joined() + "</dl>"
        body += "<h2>\(ui.html(.headingMentions))</h2>"
        if detail.mentions.isEmpty {
            body += "<p class=\"empty\">\(ui.html(.noPolicyMentions))</p>"
        } else {
            body += "<table class=\"mentions\"><tr>"
                + GoalsTable.headings([.columnDate, .columnIssue, .columnArticle, .columnCalled], ui: ui) + "</tr>"
            for mention in detail.mentions {
                body += "<tr><td>\(HTML.escape(mention.issueDateText ?? "—"))</td>"
                    + "<td>\(HTML.escape(mention.publication + (mention.issueNumber.map { ui.text(.issueNumber, String($0)) } ?? "")))</td>"
                    + "<td><a href=\"\(ui.href("/articles/\(mention.articleID)"))\">\(HTML.escape(mention.articleTitle))</a></td>"
                    + "<td>\(mention.alias.map { "《\(HTML.escape($0))》" } ?? "")</td></tr>"
            }
            body += "</table>"
        }
        let years = Set(detail.targets.map { Optional($0.year) } + detail.goals.map(\.year))
            .sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }
        if years.isEmpty { body += "<h2>\(ui.html(.headingTargetsAndGoals))</h2><p class=\"meta\">\(ui.html(.noneExtracted))</p>" }
        for year in years {
            body += "<h2 id=\"year-\(year.map(String.init) ?? "none")\">\(year.map { ui.html(.byYear, String($0)) } ?? ui.html(.noYear))</h2>"
            let targets = detail.targets.filter { $0.year == year }
            if !targets.isEmpty {
                body += "<ul class=\"targets\">" + targets.map { target in
                    "<li><a href=\"\(ui.href("/articles/\(target.articleID)#target-\(target.id)"))\">\(HTML.escape(target.text))</a></li>"
                }.joined() + "</ul>"
            }
            let goals = detail.goals.filter { $0.year == year }
            if !goals.isEmpty { body += GoalsTable.html(goals, ui: ui, lineLinks: true) }
        }
        // The goals table above, as a download: every goal of this policy.
        let goalsQuery: [(String, String?)] = [("kind", "all"), ("policy", policy.title)]
        body += HTML.downloads(csv: "/api/goals" + QueryParameters.encode(goalsQuery + [("format", "csv")]),
                               json: "/api/policies/\(policy.id)", file: "policy-\(policy.id)-goals.csv", ui: ui)
        return Layout.page(title: policy.title, section: .policies, body: body, ui: ui)
    }

    /// The list of policies, filtered and paged: `policies` holds one row
    /// more than the page when a next page exists.
    static func index(_ policies: [PolicyRow], form: RecordForm, limit: Int, offset: Int, ui: UILanguage) -> String {
        var body = """
            <h1>\(ui.html(.headingPolicies))</h1>
            <form class="filters" method="get" action="/policies">\(ui.formField)
            \(HTML.input("policy", label: ui.text(.labelTitleOrShortName), value: form.policy, placeholder: ui.text(.hintPolicy), size: 18))
            \(HTML.input("region", label: ui.text(.labelRegion), value: form.region, placeholder: ui.text(.hintRegion), size: 8))
            <button type="submit">\(ui.html(.buttonFilter))</button>
            </form>
            """
        if policies.isEmpty { body += "<p class=\"empty\">\(ui.html(.noPoliciesMatch))</p>" }
        body += "<table class=\"policies\"><tr>"
            + GoalsTable.headings([.columnTitle, .columnShortName, .columnPeriod, .columnRegion, .columnArticles], ui: ui) + "</tr>"
        for policy in policies.prefix(limit) {
            body += "<tr><td><a href=\"\(ui.href("/policies/\(policy.id)"))\">\(HTML.escape(policy.title))</a></td>"
                + "<td>\(policy.alias.map { "《\(HTML.escape($0))》" } ?? "")</td>"
                + "<td>\(HTML.escape(Display.period(start: policy.startYear, end: policy.endYear, ui: ui) ?? ""))</td>"
                + "<td>\(HTML.escape(Display.region(name: policy.regionName, code: policy.regionCode)))</td>"
                + "<td class=\"num\">\(policy.articleIDs.count)</td></tr>"
        }
        body += "</table>"
        var links: [String] = []
        let base = form.items
        if offset > 0 {
            links.append("<a rel=\"prev\" href=\"\(ui.href("/policies" + QueryParameters.encode(base + [("offset", String(max(0, offset - limit)))])))\">\(ui.html(.previousPage))</a>")
        }
        if policies.count > limit, offset + limit <= Limits.offset {
            links.append("<a rel=\"next\" href=\"\(ui.href("/policies" + QueryParameters.encode(base + [("offset", String(offset + limit))])))\">\(ui.html(.nextPage))</a>")
        }
        if !links.isEmpty { body += "<nav class=\"pages\">\(links.joined(separator: " "))</nav>" }
        let download = base + [("offset", offset == 0 ? nil : String(offset))]
        body += HTML.downloads(csv: "/api/policies" + QueryParameters.encode(download + [("format", "csv")]),
                               json: "/api/policies" + QueryParameters.encode(download), file: "policies.csv", ui: ui)
        return Layout.page(title: ui.text(.headingPolicies), section: .policies, body: body, ui: ui)
    }
}
