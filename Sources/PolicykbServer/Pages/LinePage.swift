import PolicyCore
import PolicyExtraction

/// One target line: what it is and the target in force, its events as a
/// step chart of value by issue date (each step linked to its evidence),
/// the events as a table with their issues and evidence, and downloads.
/// Reached by the line's id or by any of its goals' (`asked`), whose event
/// is then marked.
enum LinePage {
    static func render(_ line: TargetLine, asked: Int64, ui: UILanguage) -> String {
        let place = Display.region(name: line.regionName, code: line.regionCode)
        let current = line.current
        var policies: [(Int64, String)] = []
        for event in line.events where event.kind.statesTarget {
            if let id = event.goal.policyID, !policies.contains(where: { $0.0 == id }) {
                policies.append((id, event.goal.policyTitle ?? "#\(id)"))
            }
        }
        var facts: [(MessageID, String)] = [
            (.columnRegion, HTML.escape(place)),
            (.columnMetric, HTML.escape(line.metric)),
            (.columnKind, HTML.escape(Display.kind(current, ui: ui))),
            (.factCurrentTarget, "<a href=\"\(Display.evidenceHref(current, ui: ui))\">\(HTML.escape(Display.target(current, ui: ui)))</a>"),
            (.factEvents, String(line.events.count)),
            (.factFirstSeen, HTML.escape(line.firstDate ?? "—")),
            (.factLastSeen, HTML.escape(line.lastDate ?? "—")),
        ]
        if !policies.isEmpty {
            facts.append((.columnPolicy, policies.map { id, title in
                "<a href=\"\(ui.href("/policies/\(id)"))\">\(HTML.escape(title))</a>"
            }.joined(separator: "<br>")))
        }
        if let newer = line.events.first(where: { $0.kind == .superseded })?.supersededBy {
            facts.append((.factSupersededBy, "<a href=\"\(ui.href("/lines/\(newer)"))\">\(ui.html(.lineOf, String(newer)))</a>"))
        }
        var body = "<h1>\(HTML.escape(place)) \(HTML.escape(line.metric))</h1>"
        body += "<dl class=\"facts\">" + facts.map { "<dt>\(ui.html($0))</dt><dd>\($1)</dd>" }.joined() + "</dl>"
        body += "<p class=\"summary\">\(ui.html(.lineSummary))</p>"
        body += StepChart.svg(line, ui: ui)
        let undated = line.events.filter { $0.date == nil }.count
        if undated > 0 { body += "<p class=\"meta\">\(ui.html(.lineUndated, String(undated)))</p>" }
        body += legend(line, ui: ui)
        body += "<h2>\(ui.html(.headingEvents))</h2>" + eventsTable(line, asked: asked, ui: ui)
        body += HTML.downloads(csv: "/api/lines/\(line.id)?format=csv", json: "/api/lines/\(line.id)", file: "line-\(line.id).csv", ui: ui)
        return Layout.page(title: ui.text(.lineTitle, place, line.metric), section: .changes, body: body, ui: ui)
    }

    /// What the chart's marks mean, for the kinds this line has.
    static func legend(_ line: TargetLine, ui: UILanguage) -> String {
        var items = [("step", ui.html(.chartStepKey))]
        if line.events.contains(where: { $0.kind.statesTarget && $0.goal.stretch }) { items.append(("stretch", ui.html(.chartStretch))) }
        for outcome in LineEvent.Outcome.allCases where line.events.contains(where: { $0.outcome == outcome }) {
            items.append(("dot \(outcome.rawValue)", HTML.escape(Display.outcome(outcome, ui: ui))))
        }
        return "<p class=\"legend\">" + items.map { "<span><span class=\"key \($0)\"></span>\($1)</span>" }.joined() + "</p>"
    }

    /// Every event, oldest first: date, issue, what happened, the figure
    /// (and for a change, the one before), its year and its evidence.
    static func eventsTable(_ line: TargetLine, asked: Int64, ui: UILanguage) -> String {
        var out = "<table class=\"events\"><tr>" + GoalsTable.headings([.columnDate, .columnIssue, .columnEvent, .columnValue,
                                                                        .columnBefore, .columnYear, .columnArticle, .columnEvidence], ui: ui) + "</tr>"
        for event in line.events {
            let goal = event.goal
            let before = event.kind == .changed ? line.statement(before: event) : event.against
            var what = HTML.escape(Display.event(event, ui: ui))
            if let newer = event.supersededBy {
                what += " <a href=\"\(ui.href("/lines/\(newer)"))\">\(ui.html(.lineOf, String(newer)))</a>"
            }
            out += "<tr class=\"event \(event.kind.rawValue)\" data-goal=\"\(goal.id)\"" + (goal.id == asked && asked != line.id ? " aria-current=\"true\"" : "") + ">"
                + "<td class=\"short\">\(HTML.escape(event.date ?? "—"))</td>"
                + "<td class=\"short\">\(HTML.escape(Display.issue(goal, ui: ui)))</td>"
                + "<td class=\"short\">\(what)</td>"
                + "<td class=\"num\">\(HTML.escape(goal.figure + (goal.stretch ? ui.text(.stretch) : "")))</td>"
                + "<td class=\"num\">\(before.map { HTML.escape(Display.target($0, ui: ui)) } ?? "")</td>"
                + "<td class=\"num\">\(goal.year.map(String.init) ?? "—")</td>"
                + "<td><a href=\"\(ui.href("/articles/\(goal.articleID)"))\">\(HTML.escape(goal.articleTitle))</a></td>"
                + "<td><a href=\"\(Display.evidenceHref(goal, ui: ui))\">\(HTML.escape(goal.evidence.first?.text ?? ""))</a></td></tr>"
        }
        return out + "</table>"
    }
}
