import Foundation
import Testing

@Suite struct SearchEndToEndTests {
    /// A database holding the real bulletin.
    static func database() throws -> (dir: URL, db: String) {
        let dir = try CLI.temporaryDirectory()
        let db = dir.appendingPathComponent("kb.sqlite").path
        let result = try CLI.run(["ingest", CLI.realBulletin.path, "--db", db])
        #expect(result.status == 0)
        return (dir, db)
    }

    @Test(.enabled(if: CLI.hasSharedCorpus, "needs ../shared/corpus"))
    func jsonRowsWithMarkedSnippetsAndLimits() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try CLI.run(["search", "数据要素", "--db", db, "--format", "json", "--limit", "0"])
        #expect(all.status == 0)
        let rows = try CLI.searchRows(all.stdout)
        #expect(rows.count >= 2)
        #expect(try CLI.searchObject(all.stdout)["total"] as? Int == rows.count)
        #expect(Set(rows[0].keys) == ["article_id", "title", "issue_date", "date_precision", "section", "region_code", "score",
                                       "snippet", "snippet_plain", "story_id", "copies"])
        for row in rows {
            #expect((row["snippet"] as? String)?.contains("[数据要素]") == true)
        }
        let scores = rows.compactMap { $0["score"] as? Double }
        #expect(scores == scores.sorted(by: >))

        let limited = try CLI.run(["search", "数据要素", "--db", db, "--format", "json", "--limit", "1"])
        #expect(try CLI.searchRows(limited.stdout).count == 1)
        // The total of the whole matching set is in the object.
        #expect(try CLI.searchObject(limited.stdout)["total"] as? Int == rows.count)
        #expect(try CLI.searchObject(limited.stdout)["limit"] as? Int == 1)

        let table = try CLI.run(["search", "数据要素", "--db", db, "--limit", "1"])
        #expect(table.stdout.contains("1 of \(rows.count) matching articles"))
    }

    @Test(.enabled(if: CLI.hasSharedCorpus, "needs ../shared/corpus"))
    func aTitleMatchRanksAboveBodyMentions() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = try CLI.searchRows(try CLI.run(["search", "具身智能", "--db", db, "--format", "json"]).stdout)
        #expect(rows.first?["title"] as? String == "北京发布具身智能科技创新与产业培育三年行动计划")
    }

    @Test(.enabled(if: CLI.hasSharedCorpus, "needs ../shared/corpus"))
    func singleCharactersCaseAndWidthAreFound() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Articles by their place in the bulletin (ids follow dates).
        let listed = try CLI.json(try CLI.run(["articles", "--db", db, "--format", "json", "--limit", "0"]).stdout)
        let positions = Dictionary(uniqueKeysWithValues: listed.compactMap { row in
            (row["id"] as? Int).flatMap { id in (row["position"] as? Int).map { (id, $0) } }
        })
        func ids(_ query: String) throws -> [Int] {
            try CLI.searchRows(try CLI.run(["search", query, "--db", db, "--format", "json", "--limit", "0"]).stdout)
                .compactMap { ($0["article_id"] as? Int).flatMap { positions[$0] } }.sorted()
        }
        #expect(try ids("券") == [8])
        #expect(try ids("DEEPSEEK") == [13])
        #expect(try ids("ＤｅｅｐＳｅｅｋ") == [13])
        #expect(try ids("北京召开") == [1])
        #expect(try ids("\"深圳 发布\"") == [6])
    }

    @Test func malformedQueriesExitTwoWithOneLine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("kb.sqlite").path
        for query in ["()", "(数据 OR", "数据 OR", "-安全", "，", "title:"] {
            let run = try CLI.run(["search", query, "--db", db])
            #expect(run.status == 2, "query \(query)")
            #expect(run.stderr.split(separator: "\n").count == 1, "query \(query): \(run.stderr)")
            #expect(run.stderr.hasPrefix("policykb: malformed query: "))
        }
        for limit in [["--limit", "-3"], ["--limit=-1"], ["--offset", "-1"]] {
            let badLimit = try CLI.run(["search", "数据", "--db", db] + limit)
            #expect(badLimit.status == 2, "\(limit)")
            #expect(badLimit.stderr.contains("must be 0 or more"), "\(limit): \(badLimit.stderr)")
        }
    }

    @Test func searchingWithoutADatabaseSaysWhatToDo() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["search", "数据"], in: dir)
        #expect(run.status == 1)
        #expect(run.stderr.contains("no database here"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("policykb.sqlite").path))
    }
}
