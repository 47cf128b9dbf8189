import Foundation
import CorpusGenerator
import Testing

@Suite struct ExtractionEndToEndTests {
    /// A database holding the real bulletin and the sample bulletins.
    static func database() throws -> (dir: URL, db: String) {
        let dir = try CLI.temporaryDirectory()
        let db = dir.appendingPathComponent("kb.sqlite").path
        // The real bulletin and the two sample issues in its layout: the
        // counts below are theirs (SampleData holds more layouts besides).
        let samples = ["szzcdt-2022-03.txt", "szzcdt-2024-02.txt"].map {
            CLI.packageRoot.appendingPathComponent("SampleData/\($0)").path
        }
        let run = try CLI.run(["ingest", CLI.realBulletin.path] + samples + ["--db", db, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        return (dir, db)
    }

    static func json(_ arguments: [String]) throws -> [[String: Any]] {
        let run = try CLI.run(arguments + ["--format", "json"])
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return try CLI.json(run.stdout)
    }

    /// The scorer in ../shared/tools on what the commands print.
    @Test(.enabled(if: CLI.hasSharedCorpus && CLI.hasPython, "needs ../shared and python3"))
    func theRealBulletinMeetsTheExtractionBar() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", CLI.realBulletin.path, "--db", db, "--quiet"]).status == 0)
        var files: [String] = []
        for (command, extra) in [("articles", [String]()), ("goals", ["--kind", "all"]), ("policies", []), ("targets", [])] {
            let file = dir.appendingPathComponent("\(command).json")
            let run = try CLI.run([command, "--db", db, "--format", "json"] + extra)
            try run.stdout.write(to: file, atomically: true, encoding: .utf8)
            files.append(file.path)
        }
        let python = try #require(CLI.which("python3"))
        let score = try CLI.run([CLI.scorer.path, CLI.realGold.path, "--articles", files[0], "--goals", files[1],
                                 "--policies", files[2], "--targets", files[3], "--min-goal-f1", "0.95",
                                 "--min-incentive-f1", "0.90", "--min-fields", "0.90", "--min-article-recall", "1.0",
                                 "--json"], executable: python)
        #expect(score.status == 0, "\(score.stdout)")
        // --json prints the report, then a summary line.
        let json = score.stdout.components(separatedBy: "\nsummary:").first ?? ""
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let policies = try #require(report["policies"] as? [String: Any])
        #expect(policies["found"] as? Int == 11)
        #expect(policies["alias_ok"] as? Int == 11)
        #expect(policies["period_ok"] as? Int == 11)
        let targets = try #require(report["targets"] as? [String: Any])
        #expect((targets["found"] as? Int ?? 0) >= 8)
    }

    @Test(.enabled(if: CLI.hasSharedCorpus && CLI.hasSqliteShell, "needs ../shared and sqlite3"))
    func everyQuotedSpanIsItsArticleText() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sqlite = try #require(CLI.which("sqlite3"))
        let run = try CLI.run([db, """
            SELECT count(*), sum(substr(a.body, e.start + 1, e.end - e.start) = e.text) FROM goal_evidence e JOIN articles a ON a.id = e.article_id;
            SELECT count(*), sum(substr(a.body, t.start + 1, t.end - t.start) = t.text) FROM targets t JOIN articles a ON a.id = t.article_id;
            """], executable: sqlite)
        let lines = run.stdout.split(separator: "\n").map { $0.split(separator: "|").map { Int($0) ?? -1 } }
        #expect(lines.count == 2)
        for line in lines {
            #expect(line[0] > 10)
            #expect(line[0] == line[1], "\(run.stdout)")
        }
    }

    @Test(.enabled(if: CLI.hasSharedCorpus, "needs ../shared/corpus"))
    func goalFiltersAndColumns() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try Self.json(["goals", "--db", db])
        #expect(Set(all[0].keys) == ["id", "kind", "article_id", "article_title", "policy_id", "policy_title", "region_code",
                                     "region_name", "year", "metric", "comparator", "value", "unit", "stretch", "evidence",
                                     "corrected", "rejected", "correction_note", "original", "copies", "article_ids"])
        #expect(Set(all.compactMap { $0["kind"] as? String }) == ["target", "incentive"])
        // 广东 includes 深圳.
        let guangdong = try Self.json(["goals", "--db", db, "--region", "广东"])
        #expect(Set(guangdong.compactMap { $0["region_code"] as? String }) == ["440000", "440300"])
        #expect(try Self.json(["goals", "--db", db, "--region", "粤"]).count == guangdong.count)
        #expect(try Self.json(["goals", "--db", db, "--region", "440300"]).count == guangdong.count - 2)
        let year = try Self.json(["goals", "--db", db, "--year", "2027", "--region", "深圳"])
        #expect(year.count == 7)
        let enterprises = try Self.json(["goals", "--db", db, "--metric", "独角兽企业"])
        #expect(enterprises.compactMap { $0["value"] as? Int }.sorted() == [10, 80])
        let policy = try Self.json(["goals", "--db", db, "--policy", "瞪羚"])
        #expect(policy.count == 2)
        let statistics = try Self.json(["goals", "--db", db, "--kind", "statistic"])
        #expect(statistics.count == 1)
        // Exact values: 1万亿元 and 0.5%.
        let text = try CLI.run(["goals", "--db", db, "--format", "json"]).stdout
        #expect(text.contains("\"value\": 1000000000000,"))
        #expect(text.contains("\"value\": 0.5,"))
        let evidence = try #require(all.first?["evidence"] as? [[String: Any]])
        #expect(Set(evidence[0].keys) == ["article_id", "start", "end", "text"])
        // A region no one knows is a usage error, for every command that filters by region.
        for command in [["goals"], ["search", "数据"], ["compare", "--metric", "企业", "--regions"]] {
            let unknown = try CLI.run(command + (command.last == "--regions" ? ["火星"] : ["--region", "火星"]) + ["--db", db])
            #expect(unknown.status == 2, "\(command)")
            #expect(unknown.stderr.contains("unknown region「火星」"))
        }
        // So is a day that does not exist.
        let badDay = try CLI.run(["goals", "--db", db, "--since", "2025-02-30"])
        #expect(badDay.status == 2)
        #expect(badDay.stderr.contains("see policykb goals --help"))
    }

    @Test(.enabled(if: CLI.hasSharedCorpus, "needs ../shared/corpus"))
    func compareGroupsLikeWithLike() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = try Self.json(["compare", "--db", db, "--metric", "企业"])
        #expect(rows.count >= 8)
        // Sorted by unit, then year.
        let keys = rows.map { "\($0["unit"] as? String ?? "")|\($0["year"] as? Int ?? 0)" }
        #expect(keys == keys.sorted())
        #expect(rows.contains { ($0["metric"] as? String)?.contains("核心企业") == true })
        #expect(rows.contains { ($0["metric"] as? String)?.contains("独角兽企业") == true })
        let money = try Self.json(["compare", "--db", db, "--metric", "产业规模"])
        let readable = money.compactMap { $0["readable_value"] as? String }
        #expect(readable.contains(">= 8000亿元"))
        #expect(readable.contains("1万亿元"))
        #expect(readable.contains("3000亿元"))
        #expect(money.allSatisfy { ($0["evidence"] as? String)?.isEmpty == false })
        let pair = try Self.json(["compare", "--db", db, "--metric", "人工智能核心产业规模", "--regions", "北京,广东"])
        #expect(Set(pair.compactMap { $0["region_code"] as? String }) == ["110000", "440000"])
        let chart = try CLI.run(["compare", "--db", db, "--metric", "产业规模", "--chart"])
        #expect(chart.stdout.contains("█"))
        #expect(chart.stdout.contains("元, 2026年"))
    }

    @Test func extractPrintsGoalsQuantitiesAndLines() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("s.txt")
        try "到2027年，培育核心企业不少于50家。\n产业规模达8000亿元以上、力争1万亿元\n".write(to: file, atomically: true, encoding: .utf8)
        let goals = try CLI.json(try CLI.run(["extract", file.path, "--format", "json"]).stdout)
        #expect(goals.count == 3)
        #expect(goals.first?["metric"] as? String == "核心企业")
        #expect(goals.first?["year"] as? Int == 2027)
        let quantities = try CLI.json(try CLI.run(["extract", "--quantities", file.path, "--format", "json"]).stdout)
        #expect(quantities.map { $0["surface"] as? String } == ["不少于50家", "8000亿元以上", "1万亿元"])
        #expect(quantities.map { $0["start"] as? Int } == [13, 26, 37])
        let lines = try CLI.run(["extract", "--lines", "--quantities", file.path])
        let perLine = lines.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        // Two lines in, two arrays out: the final line break ends the last line.
        #expect(perLine.count == 3 && perLine[2] == "")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(perLine[1].utf8)) as? [[String: Any]])
        #expect(second.map { $0["start"] as? Int } == [5, 16])
        // An empty line in the middle is a line: its array is empty.
        let gap = dir.appendingPathComponent("gap.txt")
        try "到2027年达到50家\r\n\r\n力争1万亿元\r\n".write(to: gap, atomically: true, encoding: .utf8)
        let gapLines = try CLI.run(["extract", "--lines", "--quantities", gap.path]).stdout.split(separator: "\n")
        #expect(gapLines.count == 3 && gapLines[1] == "[]")
        #expect(try CLI.run(["extract", "--lines", "--format", "table", gap.path]).status == 2)
        let csv = try CLI.run(["extract", "--lines", "--quantities", "--format", "csv", gap.path]).stdout
        #expect(csv.hasPrefix("line,surface,"))
        #expect(csv.split(separator: "\r\n").dropFirst().map { $0.prefix(2) } == ["1,", "3,"])
        let missing = try CLI.run(["extract", dir.appendingPathComponent("nope.txt").path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("nope.txt"))
    }

    @Test(.enabled(if: CLI.hasSharedCorpus && CLI.hasSqliteShell, "needs ../shared and sqlite3"))
    func viewsGiveReadableRowsWithoutJoins() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sqlite = try #require(CLI.which("sqlite3"))
        let run = try CLI.run([db, """
            SELECT region_name, metric, value FROM v_goals WHERE region_code = '440300' AND metric LIKE '%瞪羚%';
            SELECT title, alias, region_name FROM v_policies WHERE alias = '措施';
            SELECT year, policy_title FROM v_targets WHERE region_code = '350000' ORDER BY year LIMIT 1;
            """], executable: sqlite)
        #expect(run.stdout.contains("深圳市|瞪羚企业|1000"))
        #expect(run.stdout.contains("南昌市支持制造业全面数字化转型的若干措施|措施|南昌市"))
        #expect(run.stdout.contains("2026|福建省加快推进数字化全面赋能经济社会高质量发展总体方案"))
    }
}

/// Names that hold numerals are not quantities (`number.numeral-inside-word`):
/// a generated corpus of 20 MB that names 长三角一体化 throughout yields no
/// goal of 0.3 元 (the figure 三角 would read as).
@Suite struct NumeralsInsideNamesTests {
    @Test func aGeneratedCorpusOf20MBHasNoGoalsFromNames() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let generator = CorpusGenerator(seed: 5)
        var bytes = 0, names = 0, index = 0
        while bytes < 20_000_000 {
            let bulletin = generator.bulletin(index)
            try Data(bulletin.text.utf8).write(to: input.appendingPathComponent(bulletin.fileName))
            bytes += bulletin.text.utf8.count
            names += bulletin.text.components(separatedBy: "长三角").count - 1
            index += 1
        }
        try #require(names > 100, "the corpus should name 长三角 often; it names it \(names) times")
        let db = dir.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", input.path, "--db", db, "--quiet"]).status == 0)
        let sqlite = try #require(CLI.which("sqlite3"))
        let counts = try CLI.run([db, "SELECT count(*) FROM goals; SELECT count(*) FROM goals WHERE unit = '元' AND value_exact = '0.3';"],
                                 executable: sqlite).stdout.split(separator: "\n")
        #expect(counts.count == 2)
        #expect((Int(counts.first ?? "") ?? 0) > 10_000, "a 20 MB corpus holds many goals")
        #expect(counts.last == "0", "goals of 0.3 元: \(counts)")
    }
}
