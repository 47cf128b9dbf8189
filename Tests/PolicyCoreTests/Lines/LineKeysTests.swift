import Foundation
import PolicykbTestSupport
import Testing
@testable import PolicyCore

/// Stored metric keys (migration 14): written at ingest, made again after a
/// correction, filled for older rows by the next writer, and read to the
/// same lines as keys made in memory.
@Suite struct LineKeysTests {
    static func store() throws -> PolicyStore {
        try SeriesGoldTests.store(try SeriesGoldTests.gold())
    }

    static func describe(_ lines: [TargetLine]) -> [String] {
        lines.map { TargetSeriesTests.describe($0) }
    }

    /// An event of the digest: its line, kind, detail and goal (the goal's
    /// stored key aside, which only one of the ways reads).
    static func describe(_ row: LineEventRow) -> String {
        "\(row.line.id) \(row.event.kind.rawValue) \(row.event.detail) \(row.event.goal.id) \(row.event.goal.figure)"
    }

    @Test func ingestStoresEveryKey() throws {
        let store = try Self.store()
        #expect(try store.lineKeysAreCurrent())
        let keys = try store.database.rows("""
            SELECT g.metric, g.metric_key, r.name FROM goals g LEFT JOIN regions r ON r.code = g.region_code
            """)
        #expect(!keys.isEmpty)
        for row in keys {
            let metric: String = try row.decode("metric")
            #expect(try row.decode("metric_key", as: String.self) == MetricKey.key(metric, regionName: try row.decodeIfPresent("name")))
        }
        // 全市算力規模 (traditional, scope word) and 算力总规模 are one key.
        let compute = try store.database.rows("SELECT DISTINCT metric_key FROM goals WHERE region_code = '510100' AND unit = 'EFLOPS'")
        #expect(try compute.map { try $0.decode("metric_key", as: String.self) } == ["算力规模"])
    }

    @Test func keysMissingOrMadeByOtherRulesGiveTheSameLines() throws {
        let store = try Self.store()
        let byKey = Self.describe(try store.targetLines())
        let changesByKey = try store.lineChanges(since: "2025-04-01").map(Self.describe)
        let hangzhou = try store.regionCodes(for: "杭州")
        let filteredByKey = Self.describe(try store.targetLines(LineFilter(regionCodes: hangzhou, metric: "人工智能")))
        // An older database: no keys at all. Readers make them in memory.
        try store.database.execute("UPDATE goals SET metric_key = NULL")
        #expect(try !store.lineKeysAreCurrent())
        #expect(Self.describe(try store.targetLines()) == byKey)
        #expect(try store.lineChanges(since: "2025-04-01").map(Self.describe) == changesByKey)
        #expect(Self.describe(try store.targetLines(LineFilter(regionCodes: hangzhou, metric: "人工智能"))) == filteredByKey)
        #expect(filteredByKey.count == 2)
        // The next writer fills them.
        try store.fillLineKeys()
        #expect(try store.lineKeysAreCurrent())
        #expect(Self.describe(try store.targetLines()) == byKey)
        // Keys made by other rules are made again.
        try store.database.execute("UPDATE goals SET metric_key = 'stale'")
        try store.database.execute("UPDATE line_key_rules SET rules = 'older rules'")
        #expect(try !store.lineKeysAreCurrent())
        try store.fillLineKeys()
        #expect(try store.database.scalar("SELECT count(*) FROM goals WHERE metric_key = 'stale'").int == 0)
        #expect(Self.describe(try store.targetLines()) == byKey)
        // One line by its id, by key.
        let line = try #require(try store.targetLines().first)
        #expect(try store.targetLine(id: line.id).map { Self.describe([$0]) } == Self.describe([line]))
    }

    @Test func aCorrectedMetricGetsItsKey() throws {
        let store = try Self.store()
        let id = try #require(try store.database.rows("""
            SELECT g.id FROM goals g WHERE g.region_code = '320000' AND g.kind = 'target' LIMIT 1
            """).first?.decode("id", as: Int64.self))
        try store.fixGoal(id, with: GoalFix(metric: "全省數據交易規模"))
        #expect(try store.database.scalar("SELECT metric_key FROM goals WHERE id = ?", [id]).string == "数据交易规模")
        // The corrected goal now sets a line of its own; its copy stays on the old one.
        let lines = try store.targetLines(LineFilter(regionCodes: ["320000"]))
        #expect(lines.map(\.metricKey).sorted() == ["数据交易规模", "数据交易额"])
    }

    @Test func issuesByFileOrPeriodicalAndNumber() throws {
        let store = try Self.store()
        #expect(try store.issueDate(named: "csdt-2025-05.txt") == "2025-03-17")
        #expect(try store.issueDate(named: "/elsewhere/szwq-2025-04.txt") == "2025-04-14")
        #expect(try store.issueDate(named: "城市数字化动态:5") == "2025-03-17")
        // Either script, with 《》, and the number as the masthead prints it.
        #expect(try store.issueDate(named: "《數字灣區通訊》:2025年第4期") == "2025-04-14")
        #expect(try store.issueDate(named: "数字湾区通讯：第9期") == "2025-09-15")
        #expect(try store.issueDate(named: "城市数字化动态:2026/2") == "2026-01-19")
        #expect(throws: IssueNameError.unknown("城市数字化动态:7")) { try store.issueDate(named: "城市数字化动态:7") }
        #expect(throws: IssueNameError.unknown("nothing.txt")) { try store.issueDate(named: "nothing.txt") }
        // 第3期 of 城市数字化动态 appears once; 第2期 of 數字灣區通訊 once; but 第9期 of the first only in 2025.
        #expect(try store.issueDate(named: "城市数字化动态:2025/9") == "2025-06-09")
        #expect(throws: IssueNameError.unknown("城市数字化动态:2026/9")) { try store.issueDate(named: "城市数字化动态:2026/9") }
    }

    @Test func aNumberInSeveralYearsIsAmbiguous() throws {
        let store = try PolicyStore(path: ":memory:")
        let issue = { (year: Int, day: String, title: String) in
            "《周报》\n\(year)年第3期\n\(year)年3月\(day)日\n\n【\(title)】\n深圳市印发方案，提出到2027年，全市数据中心数量达到10个。\n"
        }
        _ = try Ingestion(store: store).ingest(documents: [("/a/one.txt", issue(2025, "3", "深圳印发数据中心建设方案")),
                                                           ("/a/two.txt", issue(2026, "2", "深圳再次部署数据中心建设工作"))])
        #expect(throws: IssueNameError.ambiguous("周报:3", dates: ["2025-03-03", "2026-03-02"])) { try store.issueDate(named: "周报:3") }
        #expect(try store.issueDate(named: "周报:2026/3") == "2026-03-02")
    }
}
