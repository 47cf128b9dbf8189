import Foundation
import Testing

@Suite struct IngestEndToEndTests {
    @Test(.enabled(if: CLI.hasSharedCorpus, "needs ../shared/corpus"))
    func realBulletinScoresThirteenOfThirteen() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("kb.sqlite").path
        let ingest = try CLI.run(["ingest", CLI.realBulletin.path, "--db", db])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.contains("13 articles"))

        let articles = try CLI.run(["articles", "--db", db, "--format", "json"])
        #expect(articles.status == 0)
        let rows = try CLI.json(articles.stdout)
        #expect(rows.count == 13)
        #expect(Set(rows[0].keys) == ["id", "issue_date", "date_precision", "issue_number", "cumulative_number", "section", "position",
                                      "title", "region_code", "region_name", "source", "urls", "body_chars"])
        #expect(rows[5]["title"] as? String == "深圳发布四项人工智能相关行动计划")
        #expect((rows[5]["urls"] as? [String])?.count == 4)
        #expect(rows[0]["issue_date"] as? String == "2025-03-10")

        guard CLI.hasPython, FileManager.default.fileExists(atPath: CLI.scorer.path) else { return }
        let articlesFile = dir.appendingPathComponent("A.json")
        let goalsFile = dir.appendingPathComponent("G.json")
        try articles.stdout.write(to: articlesFile, atomically: true, encoding: .utf8)
        try "[]".write(to: goalsFile, atomically: true, encoding: .utf8)
        let score = try CLI.run([CLI.scorer.path, CLI.realGold.path, "--articles", articlesFile.path,
                                 "--goals", goalsFile.path, "--min-article-recall", "1.0"],
                                executable: try #require(CLI.which("python3")))
        #expect(score.stdout.contains("articles: 13/13 found, 0 extra; section 13, region 13, source 13, links 13"),
                "\(score.stdout)")
    }

    @Test(.enabled(if: CLI.hasSharedCorpus, "needs ../shared/corpus"))
    func ingestingTheSameFileAgainChangesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", CLI.realBulletin.path, "--db", db]).status == 0)
        let before = try CLI.run(["articles", "--db", db, "--format", "json"]).stdout
        let again = try CLI.run(["ingest", CLI.realBulletin.path, "--db", db])
        #expect(again.status == 0)
        #expect(again.stdout.contains("unchanged"))
        #expect(again.stdout.contains("0 articles"))
        #expect(try CLI.run(["articles", "--db", db, "--format", "json"]).stdout == before)
    }

    @Test func badInputIsReportedAndTheRestIngested() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty.txt")
        let binary = dir.appendingPathComponent("image.txt")
        let prose = dir.appendingPathComponent("prose.txt")
        let good = dir.appendingPathComponent("good.txt")
        try Data().write(to: empty)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]).write(to: binary)
        try "这是一封普通的信，不是简报。\n\n祝好。\n".write(to: prose, atomically: true, encoding: .utf8)
        try Self.smallBulletin.write(to: good, atomically: true, encoding: .utf8)
        let missing = dir.appendingPathComponent("missing.txt").path
        let db = dir.appendingPathComponent("kb.sqlite").path

        let run = try CLI.run(["ingest", empty.path, binary.path, prose.path, missing, good.path, "--db", db])
        #expect(run.status == 1)
        let errors = run.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 3, "\(run.stderr)")
        #expect(errors.contains("policykb: \(empty.path): empty file"))
        #expect(errors.contains { $0.hasPrefix("policykb: \(binary.path): binary file") })
        #expect(errors.contains("policykb: \(missing): no such file"))
        #expect(run.stdout.contains("ingested  \(good.path)"))
        // Readable text without structure is one article, with a warning.
        #expect(run.stdout.contains("ingested  \(prose.path)"))
        #expect(run.stdout.contains("  warning: no contents list or headings found: the text is read as one article"))

        let issues = try CLI.run(["articles", "--db", db, "--format", "json"])
        let rows = try CLI.json(issues.stdout)
        let titles = rows.compactMap { $0["title"] as? String }
        #expect(titles.filter { $0 != "这是一封普通的信，不是简报。" } == ["杭州发布算力券实施细则", "国家数据局召开数据要素座谈会"])
        #expect(titles.contains("这是一封普通的信，不是简报。"))
    }

    @Test func aCopiedBinaryCarriesItsSchema() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let copy = dir.appendingPathComponent("policykb")
        try FileManager.default.copyItem(at: CLI.binary, to: copy)
        let bulletin = dir.appendingPathComponent("b.txt")
        try Self.smallBulletin.write(to: bulletin, atomically: true, encoding: .utf8)
        let run = try CLI.run(["ingest", "b.txt"], in: dir, executable: copy)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("policykb.sqlite").path))
        let search = try CLI.run(["search", "算力券", "--format", "json"], in: dir, executable: copy)
        #expect(try CLI.searchRows(search.stdout).count == 1)
    }

    @Test func theDatabasePathComesFromTheEnvironment() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bulletin = dir.appendingPathComponent("b.txt")
        try Self.smallBulletin.write(to: bulletin, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("env.sqlite").path
        #expect(try CLI.run(["ingest", bulletin.path], environment: ["POLICYKB_DB": db]).status == 0)
        #expect(FileManager.default.fileExists(atPath: db))
    }

    @Test func aNewerDatabaseIsRefusedNamingBothVersions() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bulletin = dir.appendingPathComponent("b.txt")
        try Self.smallBulletin.write(to: bulletin, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", bulletin.path, "--db", db]).status == 0)
        let sqlite = try #require(CLI.which("sqlite3"))
        _ = try CLI.run([db, "PRAGMA user_version = 999"], executable: sqlite)
        let run = try CLI.run(["articles", "--db", db])
        #expect(run.status == 1)
        #expect(run.stderr.contains("schema version 999 is newer than this binary's"))
    }

    @Test(.enabled(if: CLI.hasSqliteShell, "needs the sqlite3 shell"))
    func theStockShellReadsTheTables() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bulletin = dir.appendingPathComponent("b.txt")
        try Self.smallBulletin.write(to: bulletin, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", bulletin.path, "--db", db]).status == 0)
        let sqlite = try #require(CLI.which("sqlite3"))
        let shell = try CLI.run([db, "SELECT title, region_name FROM v_articles ORDER BY id; SELECT count(*) FROM regions;"],
                                executable: sqlite)
        #expect(shell.status == 0, "\(shell.stderr)")
        #expect(shell.stdout.hasPrefix("杭州发布算力券实施细则|杭州市\n国家数据局召开数据要素座谈会|中国\n"))
    }

    /// A bulletin of our own in the real layout, two short articles.
    static let smallBulletin = """
        数字简报

        2024年6月3日 第5期 总第45期

        数字简报

        本期要目

        地方新政

        - 01 杭州发布算力券实施细则

        国策要论

        - 02 国家数据局召开数据要素座谈会

        杭州发布算力券 实施细则

        杭州市经济和信息化局近日发布细则，企业使用算力服务可申领算力券。（来源：杭州市经济和信息化局）

        扫描二维码可阅读或下载全文

        原文链接：https://example.org/hz.html

        国家数据局召开数据要素座谈会

        国家数据局近日召开座谈会，听取企业对数据要素市场建设的意见。（来源：国家数据局）

        """
}
