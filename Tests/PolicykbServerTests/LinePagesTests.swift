import Foundation
import PolicyCore
import PolicyExtraction
import PolicykbTestSupport
import Testing
@testable import PolicykbServer

/// The /changes page and the target line pages, on the six-issue target
/// series, with values checked against the core's own lines: the chart's
/// steps in date order at heights that follow their values, each linked
/// to its evidence; the links to lines from the article, policy and compare
/// pages; both languages; and the downloads.
@Suite struct LinePagesTests {
    let store: PolicyStore
    let database: String

    init() throws {
        database = try TestDatabase.seriesPath()
        store = try PolicyStore(path: database, access: .read)
    }

    func get(_ uri: String, chinese: Bool = false) async throws -> HTTP.Reply {
        try await HTTP.get(uri, headers: chinese ? HTTP.chinese : [:], database: database)
    }

    /// A chart's marks of one class (`step`, `report`): goal, date, value,
    /// link and the point's coordinates, in document order.
    struct Mark {
        let goal: Int64, href: String, kind: String, value: Decimal, x: Int, y: Int
    }

    static func marks(_ svg: String, _ mark: String) -> [Mark] {
        svg.matches(of: /<a href="([^"]+)" class="([a-z]+) ([a-z_]+)" data-goal="([0-9]+)" data-date="[^"]*" data-value="([^"]+)">.*?<circle class="point" cx="([0-9-]+)" cy="([0-9-]+)"/)
            .filter { $0.2 == mark }
            .compactMap { match in
                guard let goal = Int64(match.4), let value = Decimal(string: String(match.5)), let x = Int(match.6), let y = Int(match.7) else { return nil }
                return Mark(goal: goal, href: String(match.1), kind: String(match.3), value: value, x: x, y: y)
            }
    }

    static func svg(_ page: String) -> String {
        page.components(separatedBy: "<svg class=\"chart steps\"").dropFirst().first?.components(separatedBy: "</svg>").first ?? ""
    }

    @Test func linePageDrawsAStepPerStatementInDateOrderAtHeightsByValue() async throws {
        let lines = try store.targetLines()
        #expect(lines.count >= 5)
        for line in lines {
            let page = try await get("/lines/\(line.id)")
            #expect(page.status == .ok, "line \(line.id)")
            let name = Display.region(name: line.regionName, code: line.regionCode)
            #expect(page.text.contains("<h1>\(HTML.escape(name)) \(HTML.escape(line.metric))</h1>"))
            let svg = Self.svg(page.text)
            let statements = line.events.filter { $0.kind.statesTarget && $0.date != nil }
            let steps = Self.marks(svg, "step")
            // One step per statement, in the line's order, each to its evidence.
            #expect(steps.map(\.goal) == statements.map(\.goal.id), "line \(line.id)")
            #expect(steps.map(\.kind) == statements.map(\.kind.rawValue))
            #expect(steps.map(\.value) == statements.map(\.goal.value))
            for (step, event) in zip(steps, statements) {
                #expect(step.href == "/articles/\(event.goal.articleID)#ev-\(event.goal.id)")
            }
            // Across by date, up by value.
            for (a, b) in zip(zip(steps, statements), zip(steps, statements).dropFirst()) {
                let (dateA, dateB) = (a.1.date ?? "", b.1.date ?? "")
                #expect(dateA < dateB ? a.0.x < b.0.x : a.0.x == b.0.x, "line \(line.id): \(dateA) \(dateB)")
            }
            for a in steps {
                for b in steps {
                    #expect((a.value > b.value) == (a.y < b.y) && (a.value == b.value) == (a.y == b.y), "line \(line.id)")
                }
            }
            // Statistics as points coloured by what they say; the year in force marked.
            let reports = Self.marks(svg, "report")
            let reported = line.events.filter { $0.kind == .reported }
            #expect(reports.map(\.goal) == reported.map(\.goal.id))
            #expect(reports.map(\.kind) == reported.map { $0.outcome?.rawValue ?? "" })
            if let year = line.current.year { #expect(svg.contains("<g class=\"due current\" data-year=\"\(year)\">")) }
            // The events below, in order.
            let rows = page.text.matches(of: /<tr class="event ([a-z]+)" data-goal="([0-9]+)"/).map { (String($0.1), Int64($0.2) ?? 0) }
            #expect(rows.map(\.1) == line.events.map(\.goal.id))
            #expect(rows.map(\.0) == line.events.map(\.kind.rawValue))
        }
    }

    @Test func raisedAndSupersededLineInBothLanguages() async throws {
        let lines = try store.targetLines()
        let line = try #require(lines.first { $0.events.contains { $0.changes.contains(.raised) } })
        let raised = try #require(line.events.first { $0.changes.contains(.raised) })
        let before = try #require(line.statement(before: raised))
        #expect(before.value < raised.goal.value)
        let newer = try #require(line.events.first { $0.kind == .superseded }?.supersededBy)

        let zh = try await get("/lines/\(line.id)", chinese: true)
        #expect(zh.text.contains("<html lang=\"zh-CN\">"))
        let svg = Self.svg(zh.text)
        // The raised step is higher than the one before it, and says its figure.
        let steps = Self.marks(svg, "step")
        let (old, new) = (try #require(steps.first { $0.goal == before.id }), try #require(steps.first { $0.goal == raised.goal.id }))
        #expect(new.y < old.y && new.x > old.x)
        #expect(svg.contains(">\(HTML.escape(raised.goal.figure))"))
        #expect(svg.contains("class=\"superseded\""))
        for label in ["调整（上调）", "新设", "重申", "被取代", "现行目标", "事件", "目标线 \(newer)"] {
            #expect(zh.text.contains(label), "zh: \(label)")
        }
        #expect(zh.text.contains("href=\"/lines/\(newer)\""))
        let en = try await get("/lines/\(line.id)?lang=en")
        for label in ["changed (raised)", "restated", "current target", "line \(newer)"] {
            #expect(en.text.contains(label), "en: \(label)")
        }
        // Every link on the English page keeps the language.
        #expect(en.text.contains("href=\"/lines/\(newer)?lang=en\""))

        // Reached by a later goal of the line: the same line, that event marked.
        let reached = try await get("/lines/\(raised.goal.id)")
        #expect(reached.text.contains("<tr class=\"event changed\" data-goal=\"\(raised.goal.id)\" aria-current=\"true\">"))
        #expect(Self.marks(Self.svg(reached.text), "step").map(\.goal) == steps.map(\.goal))
        #expect(try await get("/lines/999999999").status == .notFound)
        #expect(try await get("/lines/abc").status == .notFound)
    }

    @Test func lineDownloadsAreItsEvents() async throws {
        let line = try #require(try store.targetLines().max { $0.events.count < $1.events.count })
        let page = try await get("/lines/\(line.id)")
        #expect(page.text.contains("href=\"/api/lines/\(line.id)?format=csv\""))
        let csv = try await get("/api/lines/\(line.id)?format=csv")
        let rows = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == LineEventRow.columns.joined(separator: ","))
        #expect(rows.count == line.events.count + 1)
        #expect(csv.header("Content-Disposition") == "attachment; filename=\"line-\(line.id).csv\"")
        let xlsx = try await get("/api/lines/\(line.id)?format=xlsx")
        #expect(xlsx.status == .ok && xlsx.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let json = try await get("/api/lines/\(line.id)").object()
        #expect((json["events"] as? [[String: Any]])?.compactMap { $0["goal_id"] as? Int }.map(Int64.init) == line.events.map(\.goal.id))
    }

    @Test func changesPageListsEachKindOfNewsLinkedToItsLine() async throws {
        let since = "2025-03-01"
        let expected = try store.lineChanges(since: since)
        let kinds = Set(expected.compactMap(LineChangeKind.init))
        #expect(kinds == Set(LineChangeKind.allCases), "the series has every kind of news")
        let page = try await get("/changes?since=\(since)")
        #expect(page.status == .ok)
        let rows = page.text.matches(of: /<tr class="change ([a-z]+)" data-line="([0-9]+)" data-goal="([0-9]+)">/)
            .map { (kind: String($0.1), line: Int64($0.2) ?? 0, goal: Int64($0.3) ?? 0) }
        #expect(rows.count == expected.count)
        #expect(Set(rows.map(\.goal)) == Set(expected.map(\.event.goal.id)))
        // A section per kind of news, in the digest's order, rows newest first.
        let headings = page.text.matches(of: /<h2 id="([a-z]+)">/).map { String($0.1) }
        #expect(headings == LineChangeKind.allCases.map(\.rawValue))
        for kind in LineChangeKind.allCases {
            let inSection = expected.filter { LineChangeKind($0) == kind }.reversed().map(\.event.goal.id)
            let section = page.text.components(separatedBy: "<h2 id=\"\(kind.rawValue)\">").dropFirst().first?
                .components(separatedBy: "</table>").first ?? ""
            let shown = section.matches(of: /data-goal="([0-9]+)"/).compactMap { Int64($0.1) }
            #expect(shown == Array(inSection), "\(kind)")
        }
        for row in expected {
            #expect(page.text.contains("href=\"/lines/\(row.line.id)\""))
            #expect(page.text.contains("href=\"/articles/\(row.event.goal.articleID)#ev-\(row.event.goal.id)\""))
        }
        // A change shows the target it changed.
        let raised = try #require(expected.first { $0.event.changes.contains(.raised) })
        let before = try #require(raised.line.statement(before: raised.event))
        let raisedRow = page.text.components(separatedBy: "data-goal=\"\(raised.event.goal.id)\">").dropFirst().first?
            .components(separatedBy: "</tr>").first ?? ""
        #expect(raisedRow.contains(HTML.escape(before.figure)) && raisedRow.contains(HTML.escape(raised.event.goal.figure)))

        // Downloads: the same events as CSV, a workbook, and JSON.
        let csvLink = try #require(page.text.firstMatch(of: /<a href="([^"]+)" download="changes.csv">CSV<\/a>/)?.1)
        let csv = try await get(String(csvLink).replacingOccurrences(of: "&amp;", with: "&"))
        let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == LineEventRow.columns.joined(separator: ","))
        #expect(lines.count == expected.count + 1)
        let xlsx = try await get(String(csvLink).replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "format=csv", with: "format=xlsx"))
        #expect(xlsx.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let json = try await get("/api/changes?since=\(since)").array()
        #expect(json.count == expected.count)
    }

    @Test func changesFiltersByRegionMetricAndEventInBothLanguages() async throws {
        let since = "2025-01-01"
        let guangzhou = try store.lineChanges(since: since, regionCodes: try store.regionCodes(for: "广州"))
        let byRegion = try await get("/changes?since=\(since)&region=" + HTTP.q("廣州"))
        #expect(byRegion.count("<tr class=\"change") == guangzhou.count && !guangzhou.isEmpty)
        let compute = try store.lineChanges(since: since).filter { $0.line.metricKey.contains("算力") }
        let byMetric = try await get("/changes?since=\(since)&metric=" + HTTP.q("算力"))
        #expect(byMetric.count("<tr class=\"change") == compute.count && !compute.isEmpty)
        let met = try store.lineChanges(since: since).filter { LineChangeKind($0) == .met }
        let byEvent = try await get("/changes?since=\(since)&event=met")
        #expect(byEvent.count("<tr class=\"change") == met.count && !met.isEmpty)
        #expect(byEvent.text.contains("<option value=\"met\" selected>"))
        #expect(try await get("/changes?event=raised").status == .badRequest)
        #expect(try await get("/changes?since=2025-13").status == .badRequest)

        let zh = try await get("/changes?since=\(since)", chinese: true)
        for label in ["目标变化", "新设目标", "调整的目标", "被新政策取代的目标", "已达成", "落后于目标", "起始日期", "变化类型", "下载："] {
            #expect(zh.text.contains(label), "zh: \(label)")
        }
        // Regions by name, never by code.
        #expect(zh.text.contains("<td class=\"short\">广州市</td>") && !zh.text.contains(">440100<"))
        let en = try await get("/changes?since=\(since)")
        for label in ["Target changes", "New targets", "Changed targets", "Behind", "since"] {
            #expect(en.text.contains(label), "en: \(label)")
        }
    }

    @Test func changesDefaultsToTheMonthBeforeTheNewestIssue() async throws {
        let newest = try #require(try store.newestIssueDate())
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
        let parts = newest.split(separator: "-").compactMap { Int($0) }
        let date = try #require(calendar.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2])))
        let before = calendar.dateComponents([.year, .month, .day], from: try #require(calendar.date(byAdding: .day, value: -30, to: date)))
        let since = String(format: "%04d-%02d-%02d", before.year ?? 0, before.month ?? 0, before.day ?? 0)
        let page = try await get("/changes")
        #expect(page.text.contains("name=\"since\" id=\"f-since\" maxlength=\"256\" value=\"\(since)\""))
        #expect(page.text.contains(newest))
        #expect(page.count("<tr class=\"change") == (try store.lineChanges(since: since)).count)
    }

    @Test func articlePolicyAndComparePagesLinkEachTargetToItsLine() async throws {
        let lines = try store.targetLines()
        func line(of goal: Int64) -> TargetLine? {
            lines.first { $0.events.contains { $0.kind.statesTarget && $0.goal.id == goal } }
        }
        let goals = try store.goals(GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases)))
        for articleID in Set(goals.map(\.articleID)) {
            let page = try await get("/articles/\(articleID)")
            for goal in goals where goal.articleID == articleID {
                let row = page.text.components(separatedBy: "<tr id=\"goal-\(goal.id)\"").dropFirst().first?
                    .components(separatedBy: "</tr>").first ?? ""
                #expect(row.contains("href=\"/lines/\(goal.id)\"") == (goal.kind != .statistic), "goal \(goal.id)")
            }
        }
        // Each link opens the line the goal states.
        for goal in goals where goal.kind != .statistic {
            let expected = try #require(line(of: goal.id))
            let page = try await get("/lines/\(goal.id)")
            #expect(page.text.contains("href=\"/api/lines/\(expected.id)\""), "goal \(goal.id)")
            #expect(Self.marks(Self.svg(page.text), "step").map(\.goal) == expected.events.filter(\.kind.statesTarget).map(\.goal.id))
        }
        let policy = try #require(goals.compactMap(\.policyID).first)
        let detail = try #require(try store.policy(id: policy))
        let policyPage = try await get("/policies/\(policy)")
        for goal in detail.goals where goal.kind != .statistic { #expect(policyPage.text.contains("href=\"/lines/\(goal.id)\"")) }
        let compared = try store.goals(GoalFilter(kinds: [.target], metric: "数字经济"))
        #expect(!compared.isEmpty)
        let compare = try await get("/compare?metric=" + HTTP.q("数字经济"))
        for goal in compared {
            let row = compare.text.components(separatedBy: "<tr class=\"row\" data-goal=\"\(goal.id)\"").dropFirst().first?
                .components(separatedBy: "</tr>").first ?? ""
            #expect(row.contains("href=\"/lines/\(goal.id)\""), "goal \(goal.id)")
        }
        // And the navigation leads to the digest.
        #expect(compare.text.contains("<a href=\"/changes\">Changes</a>"))
        let zh = try await get("/goals", chinese: true)
        #expect(zh.text.contains("<a href=\"/changes\">变化</a>"))
    }
}
