import Foundation
import PolicyCore

/// `policykb-bench lines --db DB [--bin policykb]`: target lines on a large
/// database, read by stored key (after migration 14) and as before (keys
/// made in memory from the regions' goals), in one run: the stored keys are
/// hidden by removing the `line_key_rules` row, which makes every reader
/// fall back, and put back at the end. Both ways must give the same lines.
struct LinesBenchmark {
    var database = ""
    var binary: String?
    var runs = 15
    /// Only the cases whose name contains this text.
    var only: String?

    /// (what, region, metric) of `history`; the regions are resolved as the CLI resolves them.
    static let histories: [(String, String?, String?)] = [
        ("history --region 杭州 --metric 5G基站数量 (a series line)", "杭州", "5G基站数量"),
        ("history --region 厦门 --metric 智能工厂", "厦门", "智能工厂"),
        ("history --region 浙江 --metric 核心企业 (a province and its cities)", "浙江", "核心企业"),
        ("history --region CN --metric 产业规模", "CN", "产业规模"),
        ("history --region 福建 (a province, every metric)", "福建", nil),
    ]
    static let changes = ["2026-12-01", "2026-11-01", "2026-06-01"]

    func run() throws {
        guard !database.isEmpty else { throw BenchError("lines needs --db, a database ingested from policykb-corpus") }
        let store = try PolicyStore(path: database, access: .write)
        let goals = try store.database.scalar("SELECT count(*) FROM goals").int ?? 0
        let articles = try store.database.scalar("SELECT count(*) FROM articles").int ?? 0
        say("database: \(articles) articles, \(goals) goals, \(String(format: "%.0f", Double(databaseSize(database)) / 1e6)) MB")
        guard let rules = try store.database.scalar("SELECT rules FROM line_key_rules WHERE id = 1").string else {
            throw BenchError("\(database): no line keys recorded")
        }
        var cases: [(String, () throws -> Int)] = []
        for (name, region, metric) in Self.histories {
            let codes = try region.map { try store.regionCodes(for: $0) }
            cases.append((name, { LineEventRow.all(try store.targetLines(LineFilter(regionCodes: codes, metric: metric))).count }))
        }
        for date in Self.changes {
            cases.append(("changes --since \(date)", { try store.lineChanges(since: date).count }))
        }
        say("")
        say("in-process, median of \(runs) runs        before ms   after ms   ratio   events")
        for (name, body) in cases where only.map(name.contains) ?? true {
            try store.database.execute("DELETE FROM line_key_rules")
            let (before, beforeCount) = try median(body)
            try store.database.execute("INSERT INTO line_key_rules (id, rules) VALUES (1, ?)", [rules])
            let (after, afterCount) = try median(body)
            guard beforeCount == afterCount else {
                throw BenchError("\(name): \(beforeCount) events read by key, \(afterCount) computed in memory")
            }
            say(name.padding(toLength: 40, withPad: " ", startingAt: 0)
                + String(format: "%10.1f %10.1f %7.1f× %8d", before, after, before / max(after, 0.001), afterCount))
        }
        if let binary {
            say("")
            say("command line, median of 7 runs          before ms   after ms   ratio")
            let commands: [(String, [String])] = [
                ("history --region 杭州 --metric 5G基站数量", ["history", "--region", "杭州", "--metric", "5G基站数量"]),
                ("history --region 浙江 --metric 核心企业", ["history", "--region", "浙江", "--metric", "核心企业"]),
                ("changes --since 2026-12-01", ["changes", "--since", "2026-12-01"]),
            ]
            for (name, arguments) in commands where only.map(name.contains) ?? true {
                let full = arguments + ["--db", database, "--format", "csv"]
                try store.database.execute("DELETE FROM line_key_rules")
                let before = try (0..<7).map { _ in try measure(binary, full).seconds * 1000 }.sorted()[3]
                try store.database.execute("INSERT INTO line_key_rules (id, rules) VALUES (1, ?)", [rules])
                let after = try (0..<7).map { _ in try measure(binary, full).seconds * 1000 }.sorted()[3]
                say(name.padding(toLength: 40, withPad: " ", startingAt: 0)
                    + String(format: "%10.1f %10.1f %7.1f×", before, after, before / max(after, 0.001)))
            }
        }
    }

    /// The median milliseconds of `runs` runs after a warm-up, and what the body counted.
    func median(_ body: () throws -> Int) throws -> (Double, Int) {
        let count = try body()
        var times: [Double] = []
        for _ in 0..<runs {
            let started = DispatchTime.now().uptimeNanoseconds
            _ = try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6)
        }
        return (times.sorted()[times.count / 2], count)
    }
}
