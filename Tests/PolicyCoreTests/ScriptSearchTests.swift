import CScriptFold
import Foundation
import PolicykbMigrations
import PolicykbTestSupport
import SQLiteDB
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// Search across scripts: the index folds traditional characters to
/// simplified ones, so either form finds both; `--script exact` keeps the
/// form typed; snippets mark the characters the article has.
@Suite struct ScriptSearchTests {
    /// Simplified → traditional, the first traditional form the fold table
    /// gives for each simplified character: enough to write a traditional
    /// copy of a simplified text for the tests.
    static let toTraditional: [UInt32: UInt32] = {
        var map: [UInt32: UInt32] = [:]
        for range in [0x3400...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FFFF] {
            for c in range {
                let simplified = policykb_fold_script(UInt32(c))
                if simplified != UInt32(c), map[simplified] == nil { map[simplified] = UInt32(c) }
            }
        }
        return map
    }()

    static func traditional(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            toTraditional[scalar.value].flatMap(Unicode.Scalar.init) ?? scalar
        }))
    }

    /// The variant fixture's articles twice: as written (simplified) and in
    /// a traditional copy, as JSON Lines.
    static func makeStore() throws -> (store: PolicyStore, simplified: Set<Int64>, traditional: Set<Int64>) {
        let store = try PolicyStore(path: ":memory:")
        let ingestion = Ingestion(store: store)
        try ingestion.ingest(documents: [("/fixtures/variant-bulletin.txt", try TestPaths.fixture("variant-bulletin.txt"))])
        let articles = try store.articles()
        let simplified = Set(articles.map(\.id))
        var lines: [String] = []
        for article in articles {
            let body = try #require(try store.article(id: article.id)).body
            let object = ["title": traditional(article.title), "body": traditional(body), "date": "2025-02-01"]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        }
        let outcomes = try ingestion.ingest(documents: [("/fixtures/traditional.jsonl", lines.joined(separator: "\n"))])
        #expect(outcomes.first?.status == .ingested)
        let traditional = Set(try store.articles().map(\.id)).subtracting(simplified)
        #expect(traditional.count == simplified.count)
        return (store, simplified, traditional)
    }

    static func matched(_ store: PolicyStore, _ query: String, exact: Bool = false) throws -> Set<Int64> {
        var request = SearchRequest(query: try SearchQuery.parse(query), limit: nil)
        request.exactScript = exact
        // Every article: the fixture holds one article in both scripts, one story.
        request.allCopies = true
        let results = try store.search(request)
        #expect(results.total == results.hits.count)
        return Set(results.hits.map(\.articleID))
    }

    @Test func traditionalAndSimplifiedFindTheSameArticles() throws {
        let (store, simplified, traditional) = try Self.makeStore()
        #expect(Self.traditional("数据要素") == "數據要素")
        let either = try Self.matched(store, "数据要素")
        #expect(!either.isEmpty)
        #expect(try Self.matched(store, "數據要素") == either)
        // Both copies of each article.
        #expect(!either.intersection(simplified).isEmpty && !either.intersection(traditional).isEmpty)
        #expect(either.intersection(simplified).count == either.intersection(traditional).count)
        // Mixed forms in one query fold too.
        #expect(try Self.matched(store, "數据要素") == either)
    }

    @Test func exactScriptFindsOnlyWhatWasTyped() throws {
        let (store, simplified, traditional) = try Self.makeStore()
        let typedTraditional = try Self.matched(store, "數據要素", exact: true)
        let typedSimplified = try Self.matched(store, "数据要素", exact: true)
        #expect(!typedTraditional.isEmpty && typedTraditional.isSubset(of: traditional))
        #expect(!typedSimplified.isEmpty && typedSimplified.isSubset(of: simplified))
        let either = try Self.matched(store, "数据要素")
        #expect(typedTraditional.union(typedSimplified) == either)
        // Boolean structure holds in exact mode too.
        let excluded = try Self.matched(store, "數據要素 -数据要素", exact: true)
        #expect(excluded == typedTraditional)
    }

    @Test func snippetsMarkTheCharactersTheArticleHas() throws {
        let (store, _, traditional) = try Self.makeStore()
        let results = try store.search(SearchRequest(query: try SearchQuery.parse("数据"), limit: nil))
        let fromTraditional = results.hits.filter { traditional.contains($0.articleID) }
        #expect(!fromTraditional.isEmpty)
        for hit in fromTraditional {
            #expect(hit.markedSnippet.contains("[數據]"), "\(hit.markedSnippet)")
            #expect(!hit.markedSnippet.contains("[数据]"))
        }
    }

    /// For terms drawn from texts in both scripts, the index finds exactly
    /// the articles whose folded text holds the folded term.
    @Test func threeHundredTermsInBothScriptsMatchTheScan() throws {
        let (store, _, _) = try Self.makeStore()
        let texts = try store.database.rows("SELECT title || ' ' || body AS t FROM articles").compactMap { $0["t"].string }
        let runs: [[Character]] = texts.flatMap { $0.split(whereSeparator: { !$0.isHan }).map(Array.init) }
        var generator = SplitMix64(seed: 12)
        var checked = 0, traditionalTerms = 0
        for _ in 0..<2000 where checked < 300 {
            let run = runs[Int(generator.next() % UInt64(runs.count))]
            let length = 1 + Int(generator.next() % 6)
            guard run.count >= length else { continue }
            let start = Int(generator.next() % UInt64(run.count - length + 1))
            let query = String(run[start..<(start + length)])
            if query.searchFolded != query { traditionalTerms += 1 }
            #expect(try Self.matched(store, query) == SearchExactnessTests.reference(store, query), "query \(query)")
            checked += 1
        }
        #expect(checked == 300)
        #expect(traditionalTerms > 50)
    }

    @Test func latinPhrasesMatchAsWritten() throws {
        let store = try PolicyStore(path: ":memory:")
        let lines = [#"{"title": "一", "body": "采用 deep seek 模型"}"#, #"{"title": "二", "body": "deep, seek 并列"}"#,
                     #"{"title": "三", "body": "Deep  Seek 与 DEEP-SEEK"}"#]
        try Ingestion(store: store).ingest(documents: [("/latin.jsonl", lines.joined(separator: "\n"))])
        let ids = Dictionary(uniqueKeysWithValues: try store.articles().map { ($0.title, $0.id) })
        #expect(try Self.matched(store, "\"deep seek\"") == Set([ids["一"], ids["三"]].compactMap { $0 }))
        // Any punctuation breaks a phrase the same way, so deep-seek finds
        // deep, seek too; never the words with only a space between.
        let hyphenated = try Self.matched(store, "\"deep-seek\"")
        #expect(hyphenated.contains(ids["三"] ?? -1) && !hyphenated.contains(ids["一"] ?? -1))
        #expect(try Self.matched(store, "deep seek") == Set(ids.values))
    }

    /// A database whose index was built by the first tokenizer gets it built
    /// again when opened for writing: traditional text becomes findable.
    @Test func theMigrationRebuildsAnOldIndex() throws {
        let dir = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("old.sqlite").path
        try PolicyStore.registerExtension()
        do {
            // The schema as it was before migration 5, and an article
            // indexed by this build's tokenizer under the old schema.
            let database = try Database(path: path)
            try Migrator(PolicykbSchema.migrations.filter { $0.version <= 3 }).migrate(database)
            try database.execute("""
                INSERT INTO issues (id, publication, source_file, source_path, sha256, bytes, format, encoding, ingested_at)
                VALUES (1, '周報', 'a.txt', '/a.txt', 'x', 1, 'bulletin', 'UTF-8', '2025-01-01T00:00:00Z');
                INSERT INTO articles (id, issue_id, position, title, body) VALUES (1, 1, 1, '數據要素', '推進數據要素市場化');
                """)
            // What the first tokenizer wrote: the traditional characters as
            // they were. Write that index again without folding.
            try database.execute("INSERT INTO article_search(article_search) VALUES ('delete-all')")
            try database.execute("INSERT INTO article_search(rowid, title, body) VALUES (1, 'placeholder', 'placeholder')")
        }
        let store = try PolicyStore(path: path)
        #expect(try store.database.userVersion() >= 5)
        #expect(try Self.matched(store, "数据要素") == [1])
        let declaration = try store.database.scalar("SELECT sql FROM sqlite_schema WHERE name = 'article_search'").string ?? ""
        #expect(declaration.contains(#"content="articles""#))
        let checks = store.check()
        #expect(checks.allSatisfy { $0.passed }, "\(checks)")
    }
}
