import Foundation
import PolicykbTestSupport
import Testing

/// history, changes, goals fix|reject and corrections as a user runs
/// them, on the six-issue series written to files.
@Suite struct TargetLinesEndToEndTests {
    /// The series as files in `dir`, ingested into a database there.
    static func series(in dir: URL) throws -> (db: String, files: [URL]) {
        let files = try TargetSeries.issues.map { issue in
            let url = dir.appendingPathComponent(URL(fileURLWithPath: issue.path).lastPathComponent)
            try issue.text.write(to: url, atomically: true, encoding: .utf8)
            return url
        }
        let db = dir.appendingPathComponent("kb.sqlite").path
        let run = try CLI.run(["ingest", "--db", db, "--quiet"] + files.map(\.path))
        #expect(run.status == 0, "\(run.stderr)")
        return (db, files)
    }

    static func goalID(quoting text: String, db: String, extra: [String] = []) throws -> Int? {
        let goals = try CLI.json(try CLI.run(["goals", "--db", db, "--kind", "all", "--format", "json"] + extra).stdout)
        return goals.first { (($0["evidence"] as? [[String: Any]])?.first?["text"] as? String)?.contains(text) == true }?["id"] as? Int
    }

    @Test func historyAndChanges() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (db, _) = try Self.series(in: dir)
        let lines = try CLI.json(try CLI.run(["history", "--db", db, "--region", "深圳", "--metric", "核心產業增加值",
                                              "--format", "json"]).stdout)
        #expect(lines.count == 2)
        let events = (lines.first?["events"] as? [[String: Any]])?.compactMap { $0["event"] as? String }
        #expect(events == ["set", "restated", "changed", "superseded"])
        let csv = try CLI.run(["history", "--db", db, "--region", "广州", "--explain", "--format", "csv"])
        #expect(csv.status == 0 && csv.stdout.split(whereSeparator: \.isNewline).count == 3, "\(csv.stdout)\(csv.stderr)")
        #expect(csv.stdout.split(whereSeparator: \.isNewline).first?.hasSuffix(",reason") == true)
        let digest = try CLI.run(["changes", "--db", db, "--since", "2025-03", "--format", "markdown"])
        #expect(digest.status == 0)
        #expect(digest.stdout.hasPrefix("# Targets: changes since 2025-03-01\n"))
        for section in ["## Changed targets (2)", "## Superseded targets (1)", "## Met (1)", "## Behind (1)"] {
            #expect(digest.stdout.contains(section), "\(section)")
        }
        let rows = try CLI.json(try CLI.run(["changes", "--db", db, "--since", "2026", "--format", "json"]).stdout)
        #expect(rows.compactMap { $0["outcome"] as? String } == ["met", "behind"])
        let bad = try CLI.run(["changes", "--db", db, "--since", "2025-13"])
        #expect(bad.status == 2 && bad.stderr.split(separator: "\n").count == 1 && bad.stderr.contains("--since"))
        let compare = try CLI.run(["compare", "--db", db, "--metric", "增加值", "--lines", "--format", "csv"])
        #expect(compare.stdout.split(whereSeparator: \.isNewline).count == 3, "one row per line: \(compare.stdout)\(compare.stderr)")
    }

    @Test func correctionsFromTheCommandLineSurviveReingest() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (db, files) = try Self.series(in: dir)
        let target = try #require(try Self.goalID(quoting: "5G基站数量达到8万个", db: db))
        let share = try #require(try Self.goalID(quoting: "智能算力佔比為45%", db: db))
        let fix = try CLI.run(["goals", "fix", String(target), "--db", db, "--value", "7万个", "--year", "2026",
                               "--note", "见附表", "--format", "json"])
        #expect(fix.status == 0, "\(fix.stderr)")
        let fixed = try CLI.json(fix.stdout).first
        #expect(fixed?["corrected"] as? Bool == true && fixed?["value"] as? Int == 70_000 && fixed?["year"] as? Int == 2026)
        #expect((fixed?["original"] as? [String: Any])?["value"] as? Int == 80_000)
        #expect(try CLI.run(["goals", "reject", String(share), "--db", db]).status == 0)
        #expect(try Self.goalID(quoting: "智能算力佔比為45%", db: db) == nil)
        #expect(try Self.goalID(quoting: "智能算力佔比為45%", db: db, extra: ["--include-rejected"]) == share)

        // One line and a status for every bad request; nothing written.
        let failures: [([String], Int32, String)] = [
            (["goals", "fix", "999999", "--year", "2026"], 1, "policykb: no goal 999999; ids come from `policykb goals`\n"),
            (["goals", "fix", String(target), "--value", "很多"], 2, "--value「很多」"),
            (["goals", "fix", String(target), "--year", "99999"], 2, "--year 99999"),
            (["goals", "fix", String(target)], 2, "nothing to change"),
            (["goals", "fix", "abc", "--year", "2026"], 2, "'abc'"),
            (["goals", "reject", "999999"], 1, "no goal 999999"),
        ]
        for (arguments, status, message) in failures {
            let run = try CLI.run(arguments + ["--db", db])
            #expect(run.status == status, "\(arguments)")
            #expect(run.stderr.split(separator: "\n").count == 1 && run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
        let missing = try CLI.run(["goals", "fix", "1", "--year", "2026", "--db", dir.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 1 && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("none.sqlite").path))

        // The first issue changed on disk: re-ingested, the correction is still there.
        try (try String(contentsOf: files[0], encoding: .utf8) + "\n【编辑部启事】\n本刊欢迎各地投稿。\n")
            .write(to: files[0], atomically: true, encoding: .utf8)
        #expect(try CLI.run(["ingest", "--db", db, "--quiet", dir.path]).status == 0)
        let again = try #require(try Self.goalID(quoting: "5G基站数量达到8万个", db: db))
        #expect(again != target)
        let goal = try CLI.json(try CLI.run(["goals", "--db", db, "--kind", "all", "--format", "json"]).stdout)
            .first { $0["id"] as? Int == again }
        #expect(goal?["corrected"] as? Bool == true && goal?["value"] as? Int == 70_000)

        let listed = try CLI.json(try CLI.run(["corrections", "--db", db, "--format", "json"]).stdout)
        #expect(listed.compactMap { $0["status"] as? String } == ["applied", "applied"])
        let gold = try CLI.json(try CLI.run(["corrections", "--db", db, "--format", "gold"]).stdout)
        #expect(gold.compactMap { $0["file"] as? String } == ["issue-1.txt", "issue-6.txt"])
    }

    @Test func changesSinceAnIssueAndHistorySteps() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (db, _) = try Self.series(in: dir)
        // An issue by file name, or by periodical and number (issue 3 is dated 2025-03-03).
        let byDate = try CLI.run(["changes", "--db", db, "--since", "2025-03-03", "--format", "csv"])
        #expect(byDate.status == 0 && byDate.stdout.split(whereSeparator: \.isNewline).count == 7, "\(byDate.stdout)")
        for issue in ["issue-3.txt", "数字经济周报:3", "《數字經濟周報》:2025年第3期"] {
            let run = try CLI.run(["changes", "--db", db, "--since", issue, "--format", "csv"])
            #expect(run.status == 0 && run.stdout == byDate.stdout, "\(issue): \(run.stderr)")
        }
        let unknown = try CLI.run(["changes", "--db", db, "--since", "数字经济周报:99"])
        #expect(unknown.status == 2 && unknown.stderr.split(separator: "\n").count == 1
                && unknown.stderr.contains("--since") && unknown.stderr.contains("数字经济周报:99"), "\(unknown.stderr)")

        // compare --history: a row per event; --chart draws the steps within 80 columns.
        let steps = try CLI.run(["compare", "--db", db, "--metric", "增加值", "--history", "--format", "csv"])
        let rows = steps.stdout.split(whereSeparator: \.isNewline)
        #expect(steps.status == 0 && rows.count == 6, "\(steps.stdout)\(steps.stderr)")
        let chart = try CLI.run(["compare", "--db", db, "--metric", "增加值", "--history", "--chart"], environment: ["COLUMNS": "80"])
        #expect(chart.status == 0, "\(chart.stderr)")
        let lines = chart.stdout.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { TerminalWidthTests.cells(Substring($0)) <= 80 }, "\(chart.stdout)")
        let raised = try #require(lines.first { $0.contains("raised") })
        // The raised step's bar is the line's longest; the first statement (8000 of 10000) is shorter.
        #expect(raised.filter { $0 == "█" }.count == 16, "\(chart.stdout)")
        #expect(lines.contains { $0.contains(" set ") && $0.filter { $0 == "█" }.count == 13 }, "\(chart.stdout)")
        #expect(lines.contains { $0.contains("superseded") && $0.contains("┄") })
        let json = try CLI.json(try CLI.run(["compare", "--db", db, "--metric", "增加值", "--history", "--format", "json"]).stdout)
        #expect(json.map { ($0["events"] as? [Any])?.count ?? 0 }.sorted() == [1, 4])
    }

    @Test func helpHasExamples() throws {
        for command in [["history"], ["changes"], ["corrections"], ["goals", "fix"], ["goals", "reject"]] {
            let help = try CLI.run(command + ["--help"])
            #expect(help.status == 0 && help.stdout.contains("Example"), "\(command)")
        }
    }
}
