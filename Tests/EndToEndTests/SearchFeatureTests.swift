import CorpusGenerator
import Foundation
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// The query language, filters, facets and result shapes of search, on the
/// real bulletin and the sample bulletins.
@Suite struct SearchFeatureTests {
    static func database() throws -> (dir: URL, db: String) {
        let dir = try CLI.temporaryDirectory()
        let db = dir.appendingPathComponent("kb.sqlite").path
        var paths = [CLI.packageRoot.appendingPathComponent("SampleData").path]
        if CLI.hasSharedCorpus { paths.append(CLI.realBulletin.path) }
        #expect(try CLI.run(["ingest"] + paths + ["--db", db, "--quiet"]).status == 0)
        return (dir, db)
    }

    static func ids(_ db: String, _ arguments: [String]) throws -> [Int] {
        let run = try CLI.run(["search"] + arguments + ["--db", db, "--format", "json", "--limit", "0"])
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        return try CLI.searchRows(run.stdout).compactMap { $0["article_id"] as? Int }
    }

    static func titles(_ db: String, _ arguments: [String]) throws -> [String] {
        let run = try CLI.run(["search"] + arguments + ["--db", db, "--format", "json", "--limit", "0"])
        return try CLI.searchRows(run.stdout).compactMap { $0["title"] as? String }
    }

    @Test func queryLanguage() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ai = Set(try Self.ids(db, ["人工智能"]))
        let compute = Set(try Self.ids(db, ["算力"]))
        #expect(!ai.isEmpty && !compute.isEmpty)
        #expect(Set(try Self.ids(db, ["人工智能", "算力"])) == ai.intersection(compute))
        #expect(Set(try Self.ids(db, ["人工智能 AND 算力"])) == ai.intersection(compute))
        #expect(Set(try Self.ids(db, ["人工智能 OR 算力"])) == ai.union(compute))
        #expect(Set(try Self.ids(db, ["人工智能 NOT 算力"])) == ai.subtracting(compute))
        #expect(Set(try Self.ids(db, ["人工智能", "-算力"])) == ai.subtracting(compute))
        let beijing = Set(try Self.ids(db, ["北京"]))
        #expect(Set(try Self.ids(db, ["(人工智能 OR 算力) 北京"])) == ai.union(compute).intersection(beijing))
        // title: looks in titles only.
        let titled = try Self.titles(db, ["title:算力"])
        #expect(!titled.isEmpty && titled.allSatisfy { $0.contains("算力") })
        #expect(titled.count < compute.count)
        // Width and case folding; a single character.
        let folded = try Self.ids(db, ["ipv6"])
        #expect(try Self.ids(db, ["ＩＰｖ６"]) == folded)
        #expect(try Self.ids(db, ["ipv6"]).count == 2)
        let voucher = Set(try Self.ids(db, ["数转券"]))
        #expect(Set(try Self.ids(db, ["券"])).isSuperset(of: voucher))
    }

    @Test func syntaxCharactersAreOnlyText() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        for query in ["COVID-19", "L3—L5", "5G", "“1+3+N”", "\"", "AI*", "a:b", "^数据", "NEAR(数据", "数据)"] {
            let run = try CLI.run(["search", query, "--db", db, "--format", "json"])
            // Either a clean answer or a one-line usage error; never an FTS5 error.
            #expect(run.status == 0 || run.status == 2, "\(query)")
            #expect(!run.stderr.contains("fts5"), "\(query): \(run.stderr)")
        }
        // “1+3+N” stands in the real bulletin only (../shared/corpus).
        if CLI.hasSharedCorpus {
            #expect(try Self.ids(db, ["“1+3+N”"]).count == 1)
        } else {
            print("SearchFeatureTests: ../shared/corpus missing, “1+3+N” not searched")
        }
        #expect(try Self.ids(db, ["5G"]).count >= 2)
        let raw = try CLI.run(["search", "--raw", "NEAR(数据 要素, 3)", "--db", db, "--format", "json"])
        #expect(raw.status == 0)
        let broken = try CLI.run(["search", "--raw", "NEAR(数据", "--db", db])
        #expect(broken.status == 2)
        #expect(broken.stderr.hasPrefix("policykb: malformed query: "))
        #expect(broken.stderr.split(separator: "\n").count == 1)
    }

    @Test func filters() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try Self.ids(db, ["人工智能"])
        let guangdong = try Self.ids(db, ["人工智能", "--region", "广东"])
        let shenzhen = try Self.ids(db, ["人工智能", "--region", "深圳"])
        #expect(Set(shenzhen).isSubset(of: Set(guangdong)))
        #expect(guangdong.count > shenzhen.count || !CLI.hasSharedCorpus)
        #expect(Set(guangdong).isSubset(of: Set(all)))
        let sections = try CLI.searchRows(try CLI.run(["search", "人工智能", "--section", "地方新政", "--db", db, "--format", "json"]).stdout)
        #expect(!sections.isEmpty && sections.allSatisfy { $0["section"] as? String == "地方新政" })
        let recent = try CLI.searchRows(try CLI.run(["search", "数据", "--since", "2024", "--until", "2024-12", "--db", db,
                                               "--format", "json", "--limit", "0"]).stdout)
        #expect(!recent.isEmpty && recent.allSatisfy { ($0["issue_date"] as? String)?.hasPrefix("2024") == true })
        let policy = try Self.titles(db, ["数据", "--policy", "十四五"])
        #expect(Set(policy) == ["国务院印发“十四五”数字经济发展规划", "工业和信息化部印发“十四五”大数据产业发展规划"])
        let withGoals = try Self.ids(db, ["数据", "--has-goals"])
        let everything = try Self.ids(db, ["数据"])
        #expect(!withGoals.isEmpty && withGoals.count < everything.count)
        let year2023 = try Self.titles(db, ["5G", "--goal-year", "2023"])
        #expect(year2023 == ["十部门联合推进5G应用“扬帆”行动计划"])
        let bad = try CLI.run(["search", "数据", "--since", "yesterday", "--db", db])
        #expect(bad.status == 2)
    }

    /// Search and goals share one filter: a goal listed for a policy (by
    /// id or by a short name an article gives it) or for a section comes
    /// from an article that search finds, for the goal's own words, with
    /// the same filter.
    @Test func searchAndGoalsFilterAlike() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        /// Every goal the filter lists is found by search with that filter.
        func agree(_ filter: [String]) throws -> Int {
            let goals = try CLI.json(try CLI.run(["goals", "--db", db, "--format", "json", "--kind", "all"] + filter).stdout)
            for goal in goals {
                let evidence = (goal["evidence"] as? [[String: Any]])?.first?["text"] as? String ?? ""
                // The longest run of CJK characters in the evidence, at most 6.
                let runs = evidence.split { !($0.unicodeScalars.first?.properties.isIdeographic ?? false) }
                guard let run = runs.max(by: { $0.count < $1.count }), run.count >= 2 else { continue }
                let words = String(run.prefix(6))
                let found = try Self.ids(db, [words] + filter)
                #expect(found.contains(goal["article_id"] as? Int ?? -1), "\(filter): goal \(goal["id"] ?? "?") (\(words))")
            }
            return goals.count
        }
        let policies = try CLI.json(try CLI.run(["policies", "--db", db, "--format", "json"]).stdout)
        var checked = 0
        for policy in policies {
            checked += try agree(["--policy", String(policy["id"] as? Int ?? 0)])
            if let alias = policy["alias"] as? String {
                checked += try agree(["--policy", alias.trimmingCharacters(in: ["《", "》"])])
            }
        }
        #expect(checked > 0)
        #expect(try agree(["--section", "地方新政"]) > 0)
        #expect(try agree(["--region", "广东"]) >= 0)
    }

    @Test func facetsCountTheWholeMatchingSet() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let run = try CLI.run(["search", "数据", "--facets", "region,section,year", "--limit", "1", "--db", db, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let total = try #require(object["total"] as? Int)
        #expect((object["results"] as? [[String: Any]])?.count == 1)
        let facets = try #require(object["facets"] as? [String: [[String: Any]]])
        for name in ["region", "section", "year"] {
            let counts = try #require(facets[name])
            #expect(counts.compactMap { $0["count"] as? Int }.reduce(0, +) == total, "\(name)")
        }
        #expect(facets["region"]?.contains { $0["value"] as? String == "CN" && $0["label"] as? String == "中国" } == true)
        let table = try CLI.run(["search", "数据", "--facets", "year", "--db", db])
        #expect(table.stdout.contains("year: "))
        #expect(try CLI.run(["search", "数据", "--facets", "colour", "--db", db]).status == 2)
    }

    @Test func pagesAndSnippets() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let all = try Self.ids(db, ["数据"])
        let first = try CLI.searchRows(try CLI.run(["search", "数据", "--limit", "3", "--db", db, "--format", "json"]).stdout)
        let second = try CLI.searchRows(try CLI.run(["search", "数据", "--limit", "3", "--offset", "3", "--db", db, "--format", "json"]).stdout)
        #expect(first.compactMap { $0["article_id"] as? Int } == Array(all.prefix(3)))
        #expect(second.compactMap { $0["article_id"] as? Int } == Array(all.dropFirst(3).prefix(3)))
        for row in first {
            let marked = try #require(row["snippet"] as? String)
            let plain = try #require(row["snippet_plain"] as? String)
            #expect(marked.contains("[数据]"))
            #expect(marked.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: "") == plain)
        }
        // A single character is marked alone, not with the character after it.
        let voucher = try CLI.searchRows(try CLI.run(["search", "券", "--db", db, "--format", "json"]).stdout)
        for row in voucher {
            let snippet = try #require(row["snippet"] as? String)
            #expect(snippet.contains("[券]") && !snippet.contains("[券"+"】"))
            #expect(!snippet.contains { $0 == "[" } || snippet.components(separatedBy: "[").dropFirst().allSatisfy { $0.hasPrefix("券]") })
        }
        let csv = try CLI.run(["search", "数据", "--db", db, "--format", "csv"])
        // CSV has the columns of the JSON rows.
        #expect(csv.stdout.hasPrefix("article_id,title,issue_date,section,region_code,score,snippet,snippet_plain,story_id,copies\r\n"))
    }

    @Test(.enabled(if: CLI.which("script") != nil, "needs script(1) for a pseudo-terminal"))
    func aTerminalGetsColourAndPipesGetBrackets() throws {
        let (dir, db) = try Self.database()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = try #require(CLI.which("script"))
        let command = "\(CLI.binary.path) search 算力 --db \(db) --limit 1"
        // An empty NO_COLOR counts as unset (the test runner may set it).
        let terminal = try CLI.run(["-qc", command, "/dev/null"], environment: ["NO_COLOR": ""], executable: script)
        #expect(terminal.stdout.contains("\u{1B}[1;31m算力\u{1B}[0m"))
        let piped = try CLI.run(["search", "算力", "--db", db, "--limit", "1"])
        #expect(piped.stdout.contains("[算力]"))
        #expect(!piped.stdout.contains("\u{1B}["))
        // NO_COLOR turns colour off on a terminal too.
        let noColor = try CLI.run(["-qc", command, "/dev/null"], environment: ["NO_COLOR": "1"], executable: script)
        #expect(noColor.stdout.contains("[算力]"))
        #expect(!noColor.stdout.contains("\u{1B}["))
    }

    /// MATCH against a scan for 200 queries drawn from a generated corpus:
    /// CJK runs of 1 to 6 characters, Latin words and mixed terms.
    @Test func exactnessOnAGeneratedCorpus() throws {
        let store = try PolicyStore(path: ":memory:")
        let generator = CorpusGenerator(seed: 31)
        try Ingestion(store: store).ingest(documents: (0..<40).map(generator.bulletin).map { ("/g/\($0.fileName)", $0.text) })
        let articles = try store.database.rows("SELECT id, title, body FROM articles").map {
            (id: $0["id"].int64 ?? 0, texts: [$0["title"].string ?? "", $0["body"].string ?? ""].map(\.searchFolded))
        }
        var rng = SeededGenerator(seed: 5)
        var queries = Set<String>()
        while queries.count < 200 {
            let text = Array(rng.pick(articles).texts[1].unicodeScalars)
            let start = rng.below(max(1, text.count - 8))
            if rng.chance(75) {
                let run = text[start...].prefix(1 + rng.below(6))
                if run.allSatisfy(\.isHan) { queries.insert(String(String.UnicodeScalarView(run))) }
            } else if let word = text[start...].firstIndex(where: \.isASCIIAlphanumeric),
                      word == 0 || !text[word - 1].isASCIIAlphanumeric {
                var end = word
                while end < text.count, text[end].isASCIIAlphanumeric { end += 1 }
                if rng.chance(50) { while end < text.count, end - word < 6, text[end].isHan { end += 1 } }
                queries.insert(String(String.UnicodeScalarView(text[word..<end])))
            }
        }
        for query in queries {
            let needle = query.searchFolded
            let expected = Set(articles.filter { $0.texts.contains { SearchExactness.containsTerm($0, needle) } }.map(\.id))
            let found = Set(try store.search(SearchQuery.parse("\"\(query)\""), limit: nil).hits.map(\.articleID))
            #expect(found == expected, "\(query)")
        }
    }
}

/// The reference a search must reproduce: a substring of folded text, whole
/// words where the term begins or ends with a Latin letter or digit.
enum SearchExactness {
    static func containsTerm(_ text: String, _ term: String) -> Bool {
        let hay = Array(text.unicodeScalars), needle = Array(term.unicodeScalars)
        guard !needle.isEmpty, hay.count >= needle.count else { return false }
        for i in 0...(hay.count - needle.count) where hay[i] == needle[0] && hay[i..<(i + needle.count)].elementsEqual(needle) {
            let before = i == 0 || !hay[i - 1].isASCIIAlphanumeric || !needle[0].isASCIIAlphanumeric
            let end = i + needle.count
            let after = end == hay.count || !hay[end].isASCIIAlphanumeric || !needle[needle.count - 1].isASCIIAlphanumeric
            if before && after { return true }
        }
        return false
    }
}
