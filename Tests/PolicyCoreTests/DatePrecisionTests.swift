import Foundation
import PolicykbMigrations
import SQLiteDB
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// Issues dated by a month, a quarter or a year are stored with that
/// precision: they filter as the whole period, sort by its first day and
/// print as the period.
@Suite struct DatePrecisionTests {
    static func bulletin(_ masthead: String, topic: String) -> String {
        """
        \(masthead)

        【\(topic)出台算力设施布局方案】
        \(topic)出台算力设施布局方案，到2027年智能算力规模达到每秒800亿亿次，带动相关产业发展。
        （来源：\(topic)发展改革委）

        【\(topic)推进政务数据共享】
        \(topic)推进政务数据共享，年内新增共享接口不少于300个。
        （来源：\(topic)数据局）
        """
    }

    /// One issue of each precision: October 2025, 2025's third quarter,
    /// the year 2024 and the day 2025-10-08.
    static func store() throws -> PolicyStore {
        let store = try PolicyStore(path: ":memory:")
        let outcomes = try Ingestion(store: store).ingest(documents: [
            (path: "/t/month.txt", text: bulletin("《湖滨数字月刊》\n2025年10月号 · 总第7期", topic: "湖州市")),
            (path: "/t/quarter.txt", text: bulletin("《湖滨数字季刊》\n2025年第3季度", topic: "嘉兴市")),
            (path: "/t/year.txt", text: bulletin("《湖滨数字年鉴》\n2024年卷", topic: "绍兴市")),
            (path: "/t/day.txt", text: bulletin("《湖滨数字周报》\n2025年10月8日 第40期", topic: "金华市")),
        ])
        #expect(outcomes.allSatisfy { $0.status == .ingested })
        #expect(outcomes.map(\.issueDate) == ["2025-10", "2025-Q3", "2024", "2025-10-08"])
        // The precision replaces the warnings a coarse date once had.
        #expect(outcomes.allSatisfy { $0.warnings.isEmpty }, "\(outcomes.map(\.warnings))")
        return store
    }

    /// The publications of the articles a filter keeps, each once, sorted.
    static func publications(_ store: PolicyStore, since: String? = nil, until: String? = nil) throws -> [String] {
        Set(try store.articles(RecordFilter(since: since.flatMap(DateBound.start), until: until.flatMap(DateBound.end)))
            .map(\.publication)).sorted()
    }

    @Test func storedWithTheirPrecision() throws {
        let store = try Self.store()
        let rows = try store.database.rows("SELECT publication, issue_date, date_precision FROM issues ORDER BY issue_date")
        #expect(try rows.map { [try $0.decode("publication", as: String.self), try $0.decode("issue_date", as: String.self),
                               try $0.decode("date_precision", as: String.self)] }
                == [["湖滨数字年鉴", "2024-01-01", "year"], ["湖滨数字季刊", "2025-07-01", "quarter"],
                    ["湖滨数字月刊", "2025-10-01", "month"], ["湖滨数字周报", "2025-10-08", "day"]])
    }

    /// A period overlapping the range is kept, at both of its edges.
    @Test(arguments: [
        // October 2025, from its last day and until its first.
        ("2025-10-15", nil, ["湖滨数字月刊"]),
        ("2025-10-31", nil, ["湖滨数字月刊"]),
        ("2025-11-01", nil, []),
        (nil, "2025-10-01", ["湖滨数字季刊", "湖滨数字年鉴", "湖滨数字月刊"]),
        (nil, "2025-09-30", ["湖滨数字季刊", "湖滨数字年鉴"]),
        ("2025-10-15", "2025-10-20", ["湖滨数字月刊"]),
        // A day is only that day; the month it is in goes on.
        ("2025-10-09", nil, ["湖滨数字月刊"]),
        ("2025-10-08", "2025-10-08", ["湖滨数字周报", "湖滨数字月刊"]),
        // The third quarter: July to September.
        ("2025-09-30", "2025-09-30", ["湖滨数字季刊"]),
        ("2025-07-01", "2025-07-01", ["湖滨数字季刊"]),
        ("2025-06-15", "2025-06-30", []),
        // The year 2024, to its last day; a month or year typed is its period too.
        ("2024-12-31", "2024-12-31", ["湖滨数字年鉴"]),
        ("2024-06", "2024-06", ["湖滨数字年鉴"]),
        ("2025-08", "2025-08", ["湖滨数字季刊"]),
    ] as [(String?, String?, [String])])
    func filtersTakeTheWholePeriod(since: String?, until: String?, expected: [String]) throws {
        let store = try Self.store()
        #expect(try Self.publications(store, since: since, until: until) == expected.sorted())
    }

    /// Goals and policies filter by their articles' dates the same way.
    @Test func goalsFilterByThePeriod() throws {
        let store = try Self.store()
        let goals = try store.goals(GoalFilter(records: RecordFilter(since: "2025-10-20")))
        #expect(Set(goals.map(\.articleTitle)).contains("湖州市出台算力设施布局方案"))
        #expect(!goals.contains { $0.articleTitle.hasPrefix("金华市") })
    }

    /// Sorted by the period's first day: October's issue before the 8th's.
    @Test func sortedByThePeriodsFirstDay() throws {
        let store = try Self.store()
        #expect(try store.articles().map(\.issueDateText) == ["2024", "2024", "2025-Q3", "2025-Q3", "2025-10", "2025-10",
                                                              "2025-10-08", "2025-10-08"])
    }

    /// Flat renderings print the period; JSON adds the precision beside it.
    @Test func printedAsThePeriod() throws {
        let store = try Self.store()
        let month = try #require(try store.articles().first { $0.publication == "湖滨数字月刊" })
        #expect(month.issueDate == "2025-10-01" && month.datePrecision == .month)
        guard case .object(let fields) = month.object else { Issue.record("not an object"); return }
        let keys = fields.map(\.key)
        let at = try #require(keys.firstIndex(of: "issue_date"))
        #expect(keys[at + 1] == "date_precision")
        #expect(fields[at].value == .string("2025-10") && fields[at + 1].value == .string("month"))
        let csv = CSVTable.text([month]).components(separatedBy: "\r\n")
        #expect(csv[0].hasPrefix("id,issue_date,issue_number,") && !csv[0].contains("date_precision"))
        #expect(csv[1].contains(",2025-10,"))
        #expect(DatePrecision.quarter.label("2025-07-01") == "2025-Q3")
        #expect(DatePrecision.year.label("2024-01-01") == "2024")
        let hits = try store.search(try SearchQuery.parse("政务数据"), limit: nil).hits
        #expect(Set(hits.map(\.issueDateText)) == ["2024", "2025-Q3", "2025-10", "2025-10-08"])
    }

    /// A database of schema 11 whose monthly's and quarterly's issues carry
    /// the old warnings: migration 12 turns them into precisions.
    @Test func migrationTurnsTheOldWarningsIntoPrecisions() throws {
        let old = try OlderSchemaFile(version: 11) { database in
            for (id, date, warning) in [(1, "2025-10-01", "dated-by-month"), (2, "2025-07-01", "dated-by-quarter"),
                                        (3, "2025-10-08", "undecodable-bytes")] {
                try database.execute("""
                    INSERT INTO issues (id, publication, issue_date, source_file, source_path, sha256, bytes, format, encoding,
                                        ingested_at)
                    VALUES (?, '旧刊', ?, 'a.txt', ?, ?, 1, 'bulletin', 'UTF-8', '2025-01-01T00:00:00Z')
                    """, [id, date, "/old/a\(id).txt", "sha\(id)"])
                try database.execute("INSERT INTO issue_warnings (issue_id, position, kind, message) VALUES (?, 1, ?, 'old')",
                                     [id, warning])
                try database.execute("""
                    INSERT INTO articles (id, issue_id, position, title, body, sort_date) VALUES (?, ?, 1, ?, '正文', ?)
                    """, [id, id, "标题\(id)", date])
            }
        }
        defer { old.remove() }
        let store = try PolicyStore(path: old.path)  // migrates
        let rows = try store.database.rows("SELECT id, date_precision FROM issues ORDER BY id")
        #expect(try rows.map { try $0.decode("date_precision", as: String.self) } == ["month", "quarter", "day"])
        #expect(try store.database.rows("SELECT kind FROM issue_warnings").map { try $0.decode("kind", as: String.self) }
                == ["undecodable-bytes"])
        // The view SQL users read says it too.
        #expect(try store.database.rows("SELECT date_precision FROM v_articles ORDER BY id")
            .map { try $0.decode("date_precision", as: String.self) } == ["month", "quarter", "day"])
        // Mid-October keeps the month's issue, not the quarter's.
        #expect(try store.articles(RecordFilter(since: "2025-10-15")).map(\.title) == ["标题1"])
    }
}
