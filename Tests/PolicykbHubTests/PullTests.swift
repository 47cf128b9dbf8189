import Foundation
import PolicyCore
import PolicykbTestSupport
import PostgresClient
import Testing

/// `policykb pull`: a copy of the hub answers as the machine that pushed.
@Suite(.serialized, .enabled(if: TestHub.enabled, TestHub.reason))
struct PullTests {
    /// Output with the local ids taken out: two files number their rows by
    /// their own order of writing. Listings in id order are compared as
    /// sets (`sorted`); search results keep their ranked order.
    static func withoutIDs(_ json: String, sorted: Bool = false) throws -> String {
        func strip(_ value: Any) -> Any {
            if let object = value as? [String: Any] {
                return object.filter { !$0.key.hasSuffix("id") && !$0.key.hasSuffix("ids") && $0.key != "source_path" }
                    .mapValues(strip)
            }
            if let array = value as? [Any] { return array.map(strip) }
            return value
        }
        let value = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        func text(_ value: Any) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed]), as: UTF8.self)
        }
        func sortArrays(_ value: Any) throws -> Any {
            if let array = value as? [Any] { return try array.map { try text($0) }.sorted() }
            if let object = value as? [String: Any] { return try object.mapValues(sortArrays) }
            return value
        }
        return try text(sorted ? sortArrays(strip(value)) : strip(value))
    }

    @Test func aPulledCopyAnswersAsThePushingMachine() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try PushTests.bulletins(in: folder, generated: 2)
        let db = try Programs.knowledgeBase(files, in: folder)
        let url = try TestHub.fresh()
        defer { TestHub.drop(url) }
        try #require(try Programs.run(["push", url, "--db", db]).status == 0)
        let team = folder.appendingPathComponent("team.sqlite").path
        let pull = try Programs.run(["pull", url, "--db", team])
        #expect(pull.status == 0, "\(pull.stderr)")
        let issues = try PolicyStore(path: db, access: .read).database.scalar("SELECT count(*) FROM issues").int ?? 0
        #expect(pull.stdout.contains("\(issues) issues added"), "\(pull.stdout)")

        for command in [["search", "数据要素"], ["search", "算力 OR 數據"], ["search", "title:数字"], ["goals"],
                        ["goals", "--kind", "target"], ["compare", "--metric", "算力"], ["policies"], ["targets"], ["articles"]] {
            let here = try Programs.run(command + ["--db", db, "--format", "json"])
            let there = try Programs.run(command + ["--db", team, "--format", "json"])
            #expect(here.status == there.status, "\(command)")
            guard here.status == 0 else { continue }
            let ranked = command[0] == "search"
            #expect(try Self.withoutIDs(here.stdout, sorted: !ranked) == Self.withoutIDs(there.stdout, sorted: !ranked),
                    "\(command) answers differently")
        }

        // A second pull fetches nothing; a replaced issue comes alone.
        let again = try Programs.run(["pull", url, "--db", team])
        #expect(again.stdout.contains("0 issues added, 0 replaced, 0 removed, \(issues) unchanged"), "\(again.stdout)")
        let text = try String(contentsOf: files[0], encoding: .utf8)
        try Data((text + "\n到2030年，新增算力中心不少于12个。\n").utf8).write(to: files[0])
        try #require(try Programs.run(["ingest", "--db", db, files[0].path]).status == 0)
        try #require(try Programs.run(["push", url, "--db", db]).status == 0)
        let third = try Programs.run(["pull", url, "--db", team])
        #expect(third.stdout.contains("0 issues added, 1 replaced, 0 removed, \(issues - 1) unchanged"), "\(third.stdout)")
        let here = try Programs.run(["goals", "--db", db, "--format", "json"])
        let there = try Programs.run(["goals", "--db", team, "--format", "json"])
        #expect(try Self.withoutIDs(here.stdout, sorted: true) == Self.withoutIDs(there.stdout, sorted: true))
    }

    /// An issue dated by its month or quarter keeps its precision through
    /// the hub: the pulled copy prints and filters it as the pusher's did.
    @Test func datePrecisionsArePushedAndPulled() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [URL] = []
        for (name, masthead) in [("month", "《溪山数字月刊》\n2025年10月号"), ("quarter", "《溪山数字季刊》\n2025年第3季度"),
                                 ("day", "《溪山数字周报》\n2025年10月8日 第40期")] {
            let file = folder.appendingPathComponent("\(name).txt")
            try Data("""
                \(masthead)

                【丽水市出台\(name)算力设施方案】
                丽水市出台算力设施方案，到2027年智能算力规模达到每秒50亿亿次。
                （来源：丽水市发展改革委）
                """.utf8).write(to: file)
            files.append(file)
        }
        let db = try Programs.knowledgeBase(files, in: folder)
        let url = try TestHub.fresh()
        defer { TestHub.drop(url) }
        try #require(try Programs.run(["push", url, "--db", db]).status == 0)
        let team = folder.appendingPathComponent("team.sqlite").path
        try #require(try Programs.run(["pull", url, "--db", team]).status == 0)
        let pulled = try PolicyStore(path: team, access: .read).database
            .rows("SELECT publication, date_precision FROM issues ORDER BY publication")
        #expect(try pulled.map { try $0.decode("date_precision", as: String.self) } == ["day", "quarter", "month"])
        for arguments in [["articles"], ["articles", "--since", "2025-10-15"], ["articles", "--until", "2025-09-30"]] {
            let here = try Programs.run(arguments + ["--db", db, "--format", "json"])
            let there = try Programs.run(arguments + ["--db", team, "--format", "json"])
            #expect(try Self.withoutIDs(here.stdout, sorted: true) == Self.withoutIDs(there.stdout, sorted: true), "\(arguments)")
            #expect(here.stdout.contains("\"date_precision\""), "\(arguments)")
        }
        // The hub's view says it, as the file's does.
        let hub = try PostgresConnection(url)
        #expect(try hub.execute("SELECT date_precision FROM v_articles ORDER BY issue_date, date_precision").rows.map { $0[0] ?? "" }
                == ["quarter", "month", "day"])
        let october = try Programs.run(["articles", "--db", team, "--since", "2025-10-15", "--format", "csv"])
        #expect(october.stdout.contains(",2025-10,") && !october.stdout.contains("2025-10-08"), "\(october.stdout)")
    }
}
