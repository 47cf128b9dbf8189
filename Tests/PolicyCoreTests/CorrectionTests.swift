import Foundation
import PolicyNumbers
import SQLiteDB
import Testing
@testable import PolicyCore
@testable import PolicyExtraction
import PolicykbMigrations
import PolicykbTestSupport

/// Analysts' corrections (`goals fix|reject`) on the six-issue series: kept
/// under the article's text and the evidence span, so that every re-ingest
/// applies them again.
@Suite struct CorrectionTests {
    static func allGoals(_ store: PolicyStore, includeRejected: Bool = true) throws -> [GoalRow] {
        // Every copy's goal (the series republishes articles): each is corrected on its own.
        var filter = GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases), includeRejected: includeRejected)
        filter.allCopies = true
        return try store.goals(filter)
    }

    /// The one goal whose evidence holds `text`.
    static func goal(_ store: PolicyStore, quoting text: String) throws -> GoalRow {
        let matching = try allGoals(store).filter { $0.evidence.contains { $0.text.contains(text) } }
        #expect(matching.count == 1, "\(text): \(matching.map(\.id))")
        return try #require(matching.first)
    }

    /// An article added at the end of an issue.
    static let notice = "\n【编辑部启事】\n本刊欢迎各地投稿。\n"
    static let guangzhouTarget = "5G基站数量达到8万个"
    static let shanghaiShare = "智能算力佔比為45%"
    static let leaders = "領軍企業不少於50家"

    /// Fixes the Guangzhou target (simplified) and the Shenzhen leaders
    /// (traditional), rejects Shanghai's statistic (traditional).
    static func correct(_ store: PolicyStore) throws {
        try store.fixGoal(try goal(store, quoting: guangzhouTarget).id,
                          with: GoalFix(quantity: FixedQuantity(value: 70_000, unit: "个"), year: 2026, note: "见原文附表"))
        try store.fixGoal(try goal(store, quoting: leaders).id, with: GoalFix(metric: "数字经济领军企业数量"))
        try store.rejectGoal(try goal(store, quoting: shanghaiShare).id, note: "口径不同")
    }

    /// Every correction is on its goal: values, marks and originals.
    static func expectApplied(_ store: PolicyStore, copies: Int = 1) throws {
        let goals = try allGoals(store)
        let fixed = goals.filter { $0.evidence.first?.text.contains(guangzhouTarget) == true }
        #expect(fixed.count == copies)
        for goal in fixed {
            #expect(goal.value == 70_000 && goal.year == 2026 && goal.unit == "个")
            #expect(goal.correction?.original.valueExact == "80000" && goal.correction?.original.year == 2025)
            #expect(goal.correction?.note == "见原文附表" && goal.correction?.rejected == false)
            #expect(goal.values[GoalRow.columns.firstIndex(of: "corrected") ?? 0] == .bool(true))
        }
        let leaders = goals.filter { $0.evidence.first?.text.contains(Self.leaders) == true }
        #expect(leaders.count == copies && leaders.allSatisfy { $0.metric == "数字经济领军企业数量" })
        #expect(leaders.first?.correction?.original.metric == "數字經濟領軍企業")
        let rejected = goals.filter { $0.evidence.first?.text.contains(shanghaiShare) == true }
        #expect(rejected.count == copies && rejected.allSatisfy { $0.correction?.rejected == true })
        // Hidden from listings unless asked for.
        #expect(try allGoals(store, includeRejected: false).contains { $0.correction?.rejected == true } == false)
        #expect(try store.corrections().allSatisfy { $0.status == "applied" })
    }

    @Test func correctionsChangeListingsAndLines() throws {
        let store = try TargetSeriesTests.store()
        try Self.correct(store)
        try Self.expectApplied(store)
        // The target lowered to 7万个 by 2026: 7.6万个 in 2025 meets it.
        let lines = try store.targetLines(LineFilter(metric: "5G基站"))
        #expect(lines.first?.events.last?.outcome == .met)
        #expect(lines.first?.current.correction != nil)
        // The rejected statistic reports on nothing.
        let share = try store.targetLines(LineFilter(metric: "智能算力占比"))
        #expect(share.first?.events.contains { $0.kind == .reported } == false)
    }

    @Test func survivesReingestOfTheSameAndOfChangedFiles() throws {
        let store = try TargetSeriesTests.store()
        try Self.correct(store)
        let ingestion = Ingestion(store: store)
        let before = try Self.allGoals(store).map(\.id)
        // The same files again: nothing is rewritten.
        #expect(try ingestion.ingest(documents: TargetSeries.issues).allSatisfy { $0.status == .unchanged })
        #expect(try Self.allGoals(store).map(\.id) == before)
        // Changed files at the same paths (another masthead, an article
        // added): their issues are replaced, with new goal ids.
        let changed = TargetSeries.issues.map { issue in
            (path: issue.path, text: issue.text.replacingOccurrences(of: "2025年1月6日", with: "2025年1月6日\n本期责任编辑：王五")
                + Self.notice)
        }
        #expect(try ingestion.ingest(documents: changed).allSatisfy { $0.status == .replaced })
        #expect(Set(try Self.allGoals(store).map(\.id)).isDisjoint(with: before))
        try Self.expectApplied(store)
        // Copies at other paths: every copy of a corrected article carries the correction.
        let copies = changed.map { (path: $0.path.replacingOccurrences(of: "/series/", with: "/copies/"),
                                    text: $0.text + "\n【简讯】\n本刊讯。\n") }
        #expect(try ingestion.ingest(documents: copies).allSatisfy { $0.status == .ingested })
        try Self.expectApplied(store, copies: 2)
    }

    @Test func anArticleWhoseTextChangedLosesItsCorrection() throws {
        let store = try TargetSeriesTests.store()
        try Self.correct(store)
        let edited = TargetSeries.issues[0].text.replacingOccurrences(of: "全市5G基站数量达到8万个", with: "全市5G基站数量达到9万个")
        #expect(try Ingestion(store: store).ingest(documents: [(TargetSeries.issues[0].path, edited)]).first?.status == .replaced)
        let goal = try Self.goal(store, quoting: "5G基站数量达到9万个")
        #expect(goal.correction == nil && goal.value == 90_000)
        let corrections = try store.corrections()
        #expect(corrections.map(\.status).sorted() == ["applied", "applied", "unmatched"])
        #expect(corrections.first { $0.status == "unmatched" }?.evidence.hasSuffix(Self.guangzhouTarget) == true)
    }

    @Test func survivesReingestOfAChangedDirectory() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (index, issue) in TargetSeries.issues.enumerated() {
            try issue.text.write(to: directory.appendingPathComponent("issue-\(index + 1).txt"), atomically: true, encoding: .utf8)
        }
        let store = try PolicyStore(path: directory.appendingPathComponent("kb.sqlite").path)
        #expect(try Ingestion(store: store).run([directory.path]).count(.ingested) == 6)
        try Self.correct(store)
        for index in [1, 6] {
            let file = directory.appendingPathComponent("issue-\(index).txt")
            try (try String(contentsOf: file, encoding: .utf8) + Self.notice).write(to: file, atomically: true, encoding: .utf8)
        }
        let report = try Ingestion(store: store).run([directory.path])
        #expect(report.count(.replaced) == 2 && report.count(.unchanged) == 4)
        try Self.expectApplied(store)
    }

    @Test func fixingTwiceKeepsTheOriginalAndMergesFields() throws {
        let store = try TargetSeriesTests.store()
        let id = try Self.goal(store, quoting: Self.guangzhouTarget).id
        let first = try store.fixGoal(id, with: GoalFix(year: 2026))
        let second = try store.fixGoal(id, with: GoalFix(quantity: try #require(FixedQuantity(parsing: "不少于7万个"))))
        #expect(first == second)
        let goal = try Self.goal(store, quoting: Self.guangzhouTarget)
        #expect(goal.year == 2026 && goal.value == 70_000 && goal.comparator == .atLeast)
        #expect(goal.correction?.original.valueExact == "80000" && goal.correction?.original.comparator == "=")
    }

    @Test func badRequestsAreRefused() throws {
        let store = try TargetSeriesTests.store()
        #expect(throws: CorrectionError.noSuchGoal(999_999)) { try store.fixGoal(999_999, with: GoalFix(year: 2027)) }
        #expect(throws: CorrectionError.noSuchGoal(999_999)) { try store.rejectGoal(999_999) }
        #expect(throws: CorrectionError.nothingToChange) { try store.fixGoal(1, with: GoalFix()) }
        #expect(try store.corrections().isEmpty)
    }

    @Test func valuesAsAnalystsTypeThem() {
        #expect(FixedQuantity(parsing: "3000") == FixedQuantity(value: 3000))
        #expect(FixedQuantity(parsing: "0.5") == FixedQuantity(value: Decimal(string: "0.5")!))
        #expect(FixedQuantity(parsing: "3000亿元") == FixedQuantity(value: 300_000_000_000, unit: "元"))
        #expect(FixedQuantity(parsing: "不少於50家") == FixedQuantity(value: 50, unit: "家", comparator: .atLeast))
        #expect(FixedQuantity(parsing: "57%") == FixedQuantity(value: 57, unit: "%"))
        for bad in ["", "abc", "3000亿元和50家", "1e5"] { #expect(FixedQuantity(parsing: bad) == nil, "\(bad)") }
    }

    @Test func goldExportHasTheCorrectedGoalsAndTheRejected() throws {
        let store = try TargetSeriesTests.store()
        try Self.correct(store)
        guard case .array(let files) = try store.correctionsGold() else { Issue.record("not an array"); return }
        #expect(files.compactMap { $0["file"] } == [.string("issue-1.txt"), .string("issue-2.txt"), .string("issue-6.txt")])
        let first = try #require(files.first)
        guard case .array(let goals)? = first["goals"] else { Issue.record("no goals"); return }
        #expect(goals.count == 1)
        #expect(goals.first?["value"] == .number("70000") && goals.first?["year"] == .int(2026))
        #expect(goals.first?["article"] == .int(3) && goals.first?["policy"] == .int(0))
        #expect(first["issue"]?["date"] == .string("2025-01-06"))
        guard case .array(let rejected)? = files.last?["not_goals"] else { Issue.record("no not_goals"); return }
        #expect(rejected.first?["text"] == .string(Self.shanghaiShare))
    }

    /// A database of schema 10 with goals opens, migrates, and lists them uncorrected.
    @Test func aDatabaseOfTheSchemaBeforeMigrates() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("old.sqlite").path
        try PolicyStore.registerExtension()
        do {
            let database = try Database(path: path, mode: .readWrite)
            try Migrator(PolicykbSchema.migrations.filter { $0.version <= 10 }).migrate(database)
            try database.execute("""
                INSERT INTO issues (id, publication, issue_date, source_file, source_path, sha256, bytes, format, encoding, ingested_at)
                VALUES (1, '测试', '2025-01-06', 'a.txt', '/a.txt', 'x', 1, 'bulletin', 'UTF-8', '2025-01-01T00:00:00Z');
                INSERT INTO articles (id, issue_id, position, title, body, region_code, sort_date)
                VALUES (1, 1, 1, '标题', '到2027年产业规模达到100亿元', '440300', '2025-01-06');
                INSERT INTO goals (id, article_id, kind, metric, comparator, value_exact, value, unit, year, year_source, region_code)
                VALUES (1, 1, 'target', '产业规模', '=', '10000000000', 1e10, '元', 2027, 'stated', '440300');
                INSERT INTO goal_evidence (goal_id, position, article_id, start, end, text) VALUES (1, 1, 1, 7, 17, '产业规模达到100亿元');
                """)
        }
        let store = try PolicyStore(path: path)
        let goals = try Self.allGoals(store)
        #expect(goals.map(\.id) == [1] && goals.first?.correction == nil && goals.first?.publication == "测试")
        try store.fixGoal(1, with: GoalFix(year: 2028))
        #expect(try Self.allGoals(store).first?.year == 2028)
    }
}
