import Foundation
import PolicyCore
import PolicykbTestSupport
import PostgresClient
import Testing

/// Analysts' corrections through the hub: pushed from one machine, pulled on
/// another, shown corrected by the hub's v_goals, sent again only when changed.
@Suite(.serialized, .enabled(if: TestHub.enabled, TestHub.reason))
struct CorrectionSyncTests {
    /// Goals with evidence (the ones a correction can name), first `count` by id.
    static func correctableGoals(_ db: String, count: Int) throws -> [Int64] {
        try PolicyStore(path: db, access: .read).database.rows("""
            SELECT g.id FROM goals g JOIN goal_evidence e ON e.goal_id = g.id AND e.position = 1
            WHERE g.kind = 'target' ORDER BY g.id LIMIT \(count)
            """).map { try $0.decode("id") }
    }

    /// What `goals` (rejected ones included) and `corrections` print, ids aside.
    static func answers(_ db: String) throws -> [String] {
        try [["goals", "--include-rejected"], ["goals"], ["corrections"]].map { command in
            let result = try Programs.run(command + ["--db", db, "--format", "json"])
            try #require(result.status == 0, "\(command): \(result.stderr)")
            return try PullTests.withoutIDs(result.stdout, sorted: true)
        }
    }

    @Test func correctionsTravelFromOneMachineToAnotherAndBack() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try PushTests.bulletins(in: folder, generated: 3)
        let a = try Programs.knowledgeBase(files, in: folder, name: "a.sqlite")
        let b = folder.appendingPathComponent("b.sqlite").path
        let url = try TestHub.fresh()
        defer { TestHub.drop(url) }
        let goals = try Self.correctableGoals(a, count: 4)
        try #require(goals.count == 4)

        // Machine A corrects one goal and rejects another, then pushes.
        try #require(try Programs.run(["goals", "fix", String(goals[0]), "--value", "1234亿元", "--year", "2031",
                                       "--note", "checked", "--db", a]).status == 0)
        try #require(try Programs.run(["goals", "reject", String(goals[1]), "--db", a]).status == 0)
        let push = try Programs.run(["push", url, "--db", a])
        #expect(push.status == 0, "\(push.stderr)")
        #expect(push.stdout.contains("; 2 corrections sent"), "\(push.stdout)")

        // The hub keeps extraction's values in goals and shows the corrected ones in v_goals.
        let hub = try PostgresConnection(url)
        let local = try PolicyStore(path: a, access: .read).database.rows("""
            SELECT metric, value_exact, year, rejected FROM v_goals WHERE corrected ORDER BY value_exact
            """).map { "\($0["metric"].string ?? "")|\($0["value_exact"].string ?? "")|\($0["year"].int ?? 0)|\($0["rejected"].int ?? 0)" }
        let remote = try hub.execute("""
            SELECT metric || '|' || value_exact || '|' || coalesce(year, 0) || '|' || rejected FROM v_goals WHERE corrected
            ORDER BY value_exact COLLATE "C"
            """).rows.map { $0[0] ?? "" }
        #expect(local.count == 2)
        #expect(remote == local)
        #expect(try hub.execute("SELECT count(*) FROM goals WHERE value_exact = '123400000000'").scalar == "0")
        #expect(try hub.execute("SELECT count(*) FROM v_corrections WHERE status = 'applied'").scalar == "2")

        // Machine B pulls: its goals and corrections answer as A's.
        let pull = try Programs.run(["pull", url, "--db", b])
        #expect(pull.status == 0, "\(pull.stderr)")
        #expect(pull.stdout.contains("; 2 corrections taken"), "\(pull.stdout)")
        #expect(try Self.answers(a) == Self.answers(b))

        // Nothing new: nothing sent or taken.
        #expect(try Programs.run(["push", url, "--db", a]).stdout.contains("; 0 corrections sent"))
        #expect(try Programs.run(["pull", url, "--db", b]).stdout.contains("; 0 corrections taken"))

        // A correction made after the push goes with the next one and
        // reaches B's goals already pulled.
        try #require(try Programs.run(["goals", "fix", String(goals[2]), "--kind", "statistic", "--db", a]).status == 0)
        #expect(try Programs.run(["push", url, "--db", a]).stdout.contains("; 1 corrections sent"))
        #expect(try Programs.run(["pull", url, "--db", b]).stdout.contains("; 1 corrections taken"))
        #expect(try Self.answers(a) == Self.answers(b))

        // Both machines correct the same goal, each a field of its own: after
        // both push and pull, both have both fields.
        let bGoal = try #require(try PolicyStore(path: b, access: .read).database.rows("""
            SELECT g.id FROM goals g JOIN goal_evidence e ON e.goal_id = g.id AND e.position = 1 WHERE g.correction_id IS NOT NULL
            AND g.value_exact = '123400000000'
            """).first?.decode("id", as: Int64.self))
        try #require(try Programs.run(["goals", "fix", String(bGoal), "--metric", "核对后的指标", "--db", b]).status == 0)
        try #require(try Programs.run(["goals", "fix", String(goals[0]), "--note", "checked twice", "--db", a]).status == 0)
        for db in [a, b] { try #require(try Programs.run(["push", url, "--db", db]).status == 0) }
        for db in [a, b] { try #require(try Programs.run(["pull", url, "--db", db]).status == 0) }
        #expect(try Self.answers(a) == Self.answers(b))
        let merged = try hub.execute("SELECT metric, year FROM v_goals WHERE corrected AND value_exact = '123400000000'").rows
        #expect(merged.map { $0.compactMap { $0 } } == [["核对后的指标", "2031"]])
    }
}
