import PolicyCore
import PolicyExtraction

/// What is new about targets since a date, the analyst's weekly digest:
/// targets set, changed or superseded, and statistics that show one met
/// or behind, a section each (as `policykb changes --format markdown`),
/// every row linked to its line and its evidence; CSV, XLSX and JSON of the
/// same events. Without a date, the 30 days before the newest issue.
enum ChangesPage {
    static func render(_ form: ChangesForm, store: PolicyStore, ui: UILanguage) throws -> String {
        let newest = try store.newestIssueDate()
        let since = form.since ?? newest.flatMap(ChangesForm.defaultSince)
        let regions = try store.goalRegionNames(limit: 200)
        let events = [("", ui.text(.kindAll))] + sections.map { ($0.kind.rawValue, ui.text($0.heading)) }
        var body = """
            <h1>\(ui.html(.headingChanges))</h1>
            <form class="filters" method="get" action="/changes">\(ui.formField)
            \(HTML.input("since", label: ui.text(.labelSince), value: since, placeholder: ui.text(.hintSince), size: 10))
            \(HTML.input("region", label: ui.text(.labelRegion), value: form.records.region, placeholder: ui.text(.hintRegion), list: "regions", size: 8))
            \(HTML.input("metric", label: ui.text(.labelMetric), value: form.metric, placeholder: ui.text(.hintMetric), size: 14))
            \(HTML.select("event", label: ui.text(.labelEvent), options: events, selected: form.event?.rawValue ?? ""))
            <button type="submit">\(ui.html(.buttonShow))</button>
            <datalist id="regions">\(HTML.options(regions))</datalist>
            </form>
            """
        if form.since == nil, let newest { body += "<p class=\"meta\">\(ui.html(.changesDefaultSince, newest))</p>" }
        guard let since else {
            body += "<p class=\"empty\">\(ui.html(.noGoals))</p>"
            return Layout.page(title: ui.text(.headingChanges), section: .changes, body: body, ui: ui)
        }
        let rows = try form.rows(since: since, in: store)
        let items = form.items(since: since)
        body += "<p class=\"summary\" id=\"total\">\(ui.html(.changesSummary, since, String(rows.count)))</p>"
        guard !rows.isEmpty else {
            body += "<p class=\"empty\">\(ui.html(.changesEmpty, since))</p>"
            return Layout.page(title: ui.text(.headingChanges), section: .changes, body: body, ui: ui)
        }
        body += HTML.downloads(csv: "/api/changes" + QueryParameters.encode(items + [("format", "csv")]),
                               json: "/api/changes" + QueryParameters.encode(items), file: "changes.csv", ui: ui)
        // Most recent first within a section: a digest is read from the top.
        let shown = Array(rows.reversed().prefix(Limits.changeRows))
        if shown.count < rows.count { body += "<p class=\"meta\">\(ui.html(.changesTruncated, String(shown.count), String(rows.count)))</p>" }
        for section in sections {
            let matching = shown.filter { LineChangeKind($0) == section.kind }
            guard !matching.isEmpty else { continue }
            body += "<h2 id=\"\(section.kind.rawValue)\">\(ui.html(section.heading)) <span class=\"meta\">\(matching.count)</span></h2>"
                + table(matching, ui: ui)
        }
        return Layout.page(title: ui.text(.headingChanges), section: .changes, body: body, ui: ui)
    }

    static let sections: [(kind: LineChangeKind, heading: MessageID)] = [
        (.set, .changesSet), (.changed, .changesChanged), (.superseded, .changesSuperseded), (.met, .changesMet),
        (.behind, .changesBehind),
    ]

    /// One row per event: date, region, the line's metric (a link to the
    /// line), what happened, the figure and the one before, issue, evidence.
    static func table(_ rows: [LineEventRow], ui: UILanguage) -> String {
        var out = "<table class=\"changes\"><tr>" + GoalsTable.headings([.columnDate, .columnRegion, .columnMetric, .columnEvent,
                                                                        .columnValue, .columnBefore, .columnIssue, .columnEvidence], ui: ui) + "</tr>"
        for row in rows {
            let (line, event, goal) = (row.line, row.event, row.event.goal)
            let before = event.kind == .changed ? line.statement(before: event) : event.against
            out += "<tr class=\"change \(event.kind.rawValue)\" data-line=\"\(line.id)\" data-goal=\"\(goal.id)\">"
                + "<td class=\"short\">\(HTML.escape(event.date ?? "—"))</td>"
                + "<td class=\"short\">\(HTML.escape(Display.region(name: line.regionName, code: line.regionCode)))</td>"
                + "<td><a href=\"\(ui.href("/lines/\(line.id)"))\">\(HTML.escape(line.metric))</a></td>"
                + "<td class=\"short\">\(HTML.escape(Display.event(event, ui: ui)))</td>"
                + "<td class=\"num\">\(HTML.escape(Display.target(goal, ui: ui)))</td>"
                + "<td class=\"num\">\(before.map { HTML.escape(Display.target($0, ui: ui)) } ?? "")</td>"
                + "<td class=\"short\">\(HTML.escape(Display.issue(goal, ui: ui)))</td>"
                + "<td><a href=\"\(Display.evidenceHref(goal, ui: ui))\">\(HTML.escape(goal.evidence.first?.text ?? ""))</a></td></tr>"
        }
        return out + "</table>"
    }
}
