import Foundation
import PolicykbTestSupport
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// MATCH must return exactly the articles a scan finds: for CJK, those whose
/// title or body contains the query once white space between CJK characters
/// is dropped and full-width forms are folded; for Latin words, those that
/// contain the word whole, in any case.
@Suite struct SearchExactnessTests {
    /// A store holding the real bulletin (when present), the variant fixture
    /// and an article whose words are broken by spaces.
    static func makeStore() throws -> PolicyStore {
        let store = try PolicyStore(path: ":memory:")
        let preparer = IssuePreparer(gazetteer: try store.gazetteer())
        var files: [(String, [UInt8])] = [
            ("/fixtures/variant-bulletin.txt", Array(try TestPaths.fixture("variant-bulletin.txt").utf8)),
            ("/fixtures/spaced.txt", Array(spacedBulletin.utf8)),
        ]
        if TestPaths.hasSharedCorpus {
            files.append((TestPaths.realBulletin.path, [UInt8](try Data(contentsOf: TestPaths.realBulletin))))
        }
        for (path, bytes) in files {
            _ = try store.write(try preparer.prepare(SourceFile(path: path), bytes: bytes))
        }
        return store
    }

    static let spacedBulletin = """
        简报

        2024年1月2日 第1期

        本期要目

        要闻

        - 01 北京召开数据要素座谈会

        北京召开数据要素座谈会

        市数据局在北京 召开座谈会，研究ＤｅｅｐＳｅｅｋ大模型和５Ｇ应用，发放数转 券。

        """

    static func reference(_ store: PolicyStore, _ query: String) throws -> Set<Int64> {
        let needle = query.searchFolded
        let isLatin = needle.unicodeScalars.allSatisfy { $0.isASCII }
        var found = Set<Int64>()
        for row in try store.database.rows("SELECT id, title, body FROM articles") {
            let texts = [row["title"].string ?? "", row["body"].string ?? ""].map(\.searchFolded)
            let hit = texts.contains { text in
                isLatin ? containsWord(text, needle) : text.contains(needle)
            }
            if hit, let id = row["id"].int64 { found.insert(id) }
        }
        return found
    }

    static func containsWord(_ text: String, _ word: String) -> Bool {
        let scalars = Array(text.unicodeScalars), needle = Array(word.unicodeScalars)
        guard !needle.isEmpty, scalars.count >= needle.count else { return false }
        func isWordChar(_ s: Unicode.Scalar) -> Bool { s.isASCIIAlphanumeric }
        for i in 0...(scalars.count - needle.count) where Array(scalars[i..<(i + needle.count)]) == needle {
            let before = i == 0 || !isWordChar(scalars[i - 1])
            let after = i + needle.count == scalars.count || !isWordChar(scalars[i + needle.count])
            if before && after { return true }
        }
        return false
    }

    static func matched(_ store: PolicyStore, _ query: String) throws -> Set<Int64> {
        var request = SearchRequest(query: try SearchQuery.parse(query), limit: nil)
        request.allCopies = true   // matching is what is compared, every copy of a story included
        let results = try store.search(request)
        #expect(results.total == results.hits.count)
        return Set(results.hits.map(\.articleID))
    }

    @Test func namedQueriesMatchTheScan() throws {
        let store = try Self.makeStore()
        let queries = ["算力", "数据要素", "具身智能", "深圳", "人工智能终端", "数字乡村", "北京召开", "券",
                       "DeepSeek", "deepseek", "ＤｅｅｐＳｅｅｋ", "５Ｇ", "5G", "AI", "算力券", "数转券", "座谈会",
                       "二十大", "的", "大数据"]
        for query in queries {
            let expected = try Self.reference(store, query)
            #expect(try Self.matched(store, query) == expected, "query \(query)")
        }
        // Sanity: the scan itself finds what it should.
        #expect(try Self.reference(store, "北京召开").count >= 1)
        #expect(try Self.reference(store, "券").count >= 1)
        if TestPaths.hasSharedCorpus {
            #expect(try Self.reference(store, "深圳").count >= 1)
            #expect(try Self.reference(store, "DeepSeek").count == 2)
        }
    }

    @Test func randomSubstringsMatchTheScan() throws {
        let store = try Self.makeStore()
        // Substrings of 1 to 6 CJK characters drawn from the stored text,
        // deterministically.
        let texts = try store.database.rows("SELECT title || ' ' || body AS t FROM articles").compactMap { $0["t"].string }
        let runs: [[Character]] = texts.flatMap { text in
            text.split(whereSeparator: { !$0.isHan }).map(Array.init)
        }.filter { !$0.isEmpty }
        var generator = SplitMix64(seed: 2025)
        var checked = 0
        for _ in 0..<300 {
            let run = runs[Int(generator.next() % UInt64(runs.count))]
            let length = 1 + Int(generator.next() % 6)
            guard run.count >= length else { continue }
            let start = Int(generator.next() % UInt64(run.count - length + 1))
            let query = String(run[start..<(start + length)])
            #expect(try Self.matched(store, query) == Self.reference(store, query), "query \(query)")
            checked += 1
        }
        #expect(checked > 150)
    }

    @Test func aBigramAcrossPunctuationDoesNotMatch() throws {
        let store = try PolicyStore(path: ":memory:")
        let preparer = IssuePreparer(gazetteer: try store.gazetteer())
        let text = "简报\n\n本期要目\n\n要闻\n\n- 01 测试\n\n测试\n\n数据，据说要素。\n"
        _ = try store.write(try preparer.prepare(SourceFile(path: "/x.txt"), bytes: Array(text.utf8)))
        #expect(try Self.matched(store, "数据要素").isEmpty)
        #expect(try Self.matched(store, "据说").count == 1)
    }
}

/// A small deterministic generator for reproducible test data.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
