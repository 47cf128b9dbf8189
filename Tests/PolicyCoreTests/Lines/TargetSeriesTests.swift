import Foundation
import PolicykbTestSupport
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// Target lines and the changes digest on the six-issue series, against
/// its gold.
@Suite struct TargetSeriesTests {
    /// Every line of the series: region, normalised metric, unit, then its
    /// events as `kind(detail)@date`.
    static let gold: Set<String> = [
        "440300|数字经济核心产业增加值|元: set@2025-01-06, restated@2025-01-20, changed(raised)@2025-03-03, superseded(by line)@2025-06-02",
        "440300|数字经济领军企业|家: set@2025-01-06, changed(firmed_up)@2025-01-20",
        "310000|算力规模|EFLOPS: set@2025-01-06, reported(met)@2026-02-02",
        "310000|智能算力占比|%: set@2025-01-06, changed(moved_later)@2025-04-07, reported(progress)@2026-02-02",
        "440100|5G基站数量|个: set@2025-01-06, reported(behind)@2026-02-02",
        "440300|数字经济核心产业增加值|元: set@2025-06-02",
    ]

    static func store() throws -> PolicyStore {
        let store = try PolicyStore(path: ":memory:")
        let outcomes = try Ingestion(store: store).ingest(documents: TargetSeries.issues)
        #expect(outcomes.allSatisfy { $0.status == .ingested }, "\(outcomes.map(\.reason))")
        return store
    }

    static func describe(_ line: TargetLine) -> String {
        let events = line.events.map { event in
            let detail = event.kind == .superseded ? "by line" : event.detail
            return event.kind.rawValue + (detail.isEmpty ? "" : "(\(detail))") + "@" + (event.date ?? "?")
        }
        return "\(line.regionCode ?? "-")|\(line.metricKey)|\(line.unit ?? "-"): " + events.joined(separator: ", ")
    }

    @Test func linesAndEventsMatchTheGold() throws {
        let lines = try Self.store().targetLines()
        let found = Set(lines.map(Self.describe))
        #expect(found == Self.gold, "missing \(Self.gold.subtracting(found)); extra \(found.subtracting(Self.gold))")
        // Each event cites its issue and quotes its evidence.
        let raised = try #require(lines.flatMap(\.events).first { $0.changes == [.raised] })
        #expect(raised.goal.publication == "数字经济周报" && raised.goal.issueNumber == 3)
        #expect(raised.goal.evidence.first?.text.contains("1万亿元") == true)
        // The superseded line points at the line that supersedes it.
        let superseded = try #require(lines.flatMap(\.events).first { $0.kind == .superseded })
        let newer = try #require(lines.first { $0.id == superseded.supersededBy })
        #expect(newer.current.year == 2030 && superseded.against?.year == 2027)
    }

    @Test func filtersByRegionMetricInEitherScriptAndPolicy() throws {
        let store = try Self.store()
        let shenzhen = try store.targetLines(LineFilter(regionCodes: try store.regionCodes(for: "深圳")))
        #expect(shenzhen.count == 3 && shenzhen.allSatisfy { $0.regionCode == "440300" })
        // A traditional metric and a scope word find the simplified line.
        let compute = try store.targetLines(LineFilter(metric: "全市算力總規模"))
        #expect(compute.map(\.metricKey) == ["算力规模"])
        let plan = try store.targetLines(LineFilter(policy: "2026—2030"))
        #expect(plan.map(\.current.year) == [2030])
    }

    @Test func changesSinceADate() throws {
        let store = try Self.store()
        let rows = try store.lineChanges(since: "2025-03-01")
        let kinds = rows.map { "\($0.event.kind.rawValue)\($0.event.detail.isEmpty ? "" : ":" + $0.event.detail)" }
        #expect(kinds == ["changed:raised", "changed:moved_later", "superseded:by line \(rows[2].event.supersededBy ?? 0)",
                          "set", "reported:met", "reported:behind"])
        #expect(rows.allSatisfy { ($0.event.date ?? "") >= "2025-03-01" })
        // Restatements and reports of progress are not news.
        #expect(try store.lineChanges(since: "2025-01-20").contains { $0.event.kind == .restated } == false)
        #expect(try store.lineChanges(since: "2027-01-01").isEmpty)
        let guangzhou = try store.lineChanges(since: "2025-03-01", regionCodes: try store.regionCodes(for: "广州"))
        #expect(guangzhou.map(\.event.outcome) == [.behind])
    }
}
