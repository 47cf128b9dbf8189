import CScriptFold
import Foundation
import PolicyCore
import PolicyExtraction
import PolicykbHub
import PolicykbTestSupport
import PostgresClient
import Testing

/// `policykb_search` in PostgreSQL against the CLI's search on the same
/// collection: the same matches for every query, and the same best 20.
@Suite(.serialized, .enabled(if: TestHub.enabled, TestHub.reason))
struct HubSearchTests {
    /// A simplified character's traditional form, where the fold table has one.
    static let traditional: [Unicode.Scalar: Unicode.Scalar] = {
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for index in 0..<policykb_script_fold_count() {
            var from: UInt32 = 0, to: UInt32 = 0
            policykb_script_fold_pair(index, &from, &to)
            if let simplified = Unicode.Scalar(to), let form = Unicode.Scalar(from), map[simplified] == nil { map[simplified] = form }
        }
        return map
    }()

    static func isHan(_ scalar: Unicode.Scalar) -> Bool { policykb_is_han(scalar.value) != 0 }

    /// `count` queries drawn from the stored text with a fixed generator:
    /// 1 to 6 CJK characters from an article (a quarter of them written in
    /// traditional characters), Latin words, and pairs of terms.
    static func queries(from texts: [String], count: Int) -> [String] {
        var seed: UInt64 = 2024
        func next(_ bound: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(max(bound, 1)))
        }
        let words = Array(Set(texts.flatMap { text in
            text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }.filter { $0.count >= 2 && $0.contains(where: \.isLetter) }.map(String.init)
        })).sorted()
        var queries: [String] = []
        while queries.count < count {
            let kind = next(10)
            if kind == 0, !words.isEmpty {
                queries.append(words[next(words.count)])
                continue
            }
            let scalars = Array(texts[next(texts.count)].unicodeScalars)
            guard !scalars.isEmpty else { continue }
            var start = next(scalars.count)
            while start < scalars.count && !isHan(scalars[start]) { start += 1 }
            var term = String.UnicodeScalarView()
            let length = 1 + next(6)
            while start < scalars.count, term.count < length, isHan(scalars[start]) {
                term.append(scalars[start])
                start += 1
            }
            guard !term.isEmpty else { continue }
            var query = String(term)
            if kind <= 3 {
                query = String(String.UnicodeScalarView(term.map { traditional[$0] ?? $0 }))
            }
            if kind == 9, let last = queries.last { query = last + " " + query }
            queries.append(query)
        }
        return queries
    }

    /// Queries in the rest of the language, made of `terms`: groups in
    /// parentheses, OR, NOT and -, title: on a group, nesting, and the
    /// full-width forms.
    static func compound(_ terms: [String], count: Int) -> [String] {
        let shapes: [(String, String, String) -> String] = [
            { a, b, c in "(\(a) OR \(b)) \(c)" },
            { a, b, _ in "\(a) -\(b)" },
            { a, b, c in "(\(a) OR \(b)) NOT \(c)" },
            { a, b, _ in "title:(\(a) OR \(b))" },
            { a, b, c in "(\(a) (\(b) OR \(c))) OR \(a)" },
            { a, b, c in "\(a) OR \(b) OR \(c)" },
            { a, b, c in "（\(a) | \(b)） NOT (\(c) \(a))" },
            { a, b, _ in "\"\(a)\" AND (\(b) OR \(a))" },
            { a, b, c in "(\(a) -\(b)) OR (\(c) -\(a))" },
            { a, b, c in "((\(a) OR \(b)) OR \(c)) \(a)" },
        ]
        return (0..<count).map { index in
            let a = terms[index % terms.count], b = terms[(index * 7 + 3) % terms.count], c = terms[(index * 13 + 5) % terms.count]
            return shapes[index % shapes.count](a, b, c)
        }
    }

    @Test func searchInPostgreSQLMatchesTheCLI() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Programs.knowledgeBase(try PushTests.bulletins(in: folder, generated: 6), in: folder)
        let url = try TestHub.fresh()
        defer { TestHub.drop(url) }
        try #require(try Programs.run(["push", url, "--db", db]).status == 0)

        let store = try PolicyStore(path: db, access: .read)
        var key: [Int64: String] = [:]
        var texts: [String] = []
        for row in try store.database.rows("SELECT a.id, i.sha256, a.position, a.title, a.body FROM articles a JOIN issues i ON i.id = a.issue_id") {
            key[row["id"].int64 ?? 0] = "\(row["sha256"].string ?? "")/\(row["position"].int ?? 0)"
            texts.append((row["title"].string ?? "") + "\n" + (row["body"].string ?? ""))
        }
        let hub = try PostgresConnection(url)
        var hubKey: [String: String] = [:]
        for row in try hub.execute("SELECT a.id, i.sha256 || '/' || a.position FROM articles a JOIN issues i ON i.id = a.issue_id").rows {
            hubKey[row[0] ?? ""] = row[1]
        }

        var mismatches: [String] = []
        var overlaps: [Double] = []
        let simple = Self.queries(from: texts, count: 200)
        // Single terms only (no pairs) inside the compound queries.
        let terms = simple.filter { !$0.contains(" ") }
        for query in simple + Self.compound(terms, count: 100) {
            let local = try store.search(SearchQuery.parse(query), limit: nil).hits.map { key[$0.articleID] ?? "?" }
            let remote = try hub.execute("SELECT article_id FROM policykb_search($1, 1000000)", [query]).rows.map { hubKey[$0[0] ?? ""] ?? "?" }
            if Set(local) != Set(remote) {
                mismatches.append("\(query): CLI \(local.count), hub \(remote.count)")
                continue
            }
            guard !local.isEmpty else { continue }
            let top = min(20, local.count)
            overlaps.append(Double(Set(local.prefix(top)).intersection(remote.prefix(top)).count) / Double(top))
        }
        #expect(mismatches.isEmpty, "different matches: \(mismatches.prefix(10))")
        let mean = overlaps.reduce(0, +) / Double(max(overlaps.count, 1))
        #expect(overlaps.count > 200)
        #expect(mean >= 0.9, "top-20 overlap \(mean)")
    }

    /// What the CLI refuses, policykb_search refuses; what it reads, it reads.
    @Test func theQueryLanguageIsTheCLIs() throws {
        let url = try TestHub.fresh()
        defer { TestHub.drop(url) }
        _ = try HubConnection(url)
        let hub = try PostgresConnection(url)
        for query in ["(数据", "数据)", "()", "OR 数据", "数据 OR", "-数据", "NOT 数据", "数据 AND", "title:", "title:()",
                      "(数据 -要素) OR -算力", "\"\"", "、、", "数据 - 要素", String(repeating: "(", count: 17) + "数据" + String(repeating: ")", count: 17)] {
            #expect(throws: SearchQuery.ParseError.self, "CLI: \(query)") { _ = try SearchQuery.parse(query) }
            #expect(throws: PostgresError.self, "hub: \(query)") { try hub.execute("SELECT * FROM policykb_search($1)", [query]) }
        }
        for query in ["(数据 OR 算力) -要素", "a-b", "title:(数据 算力)", "（数据｜算力）", "\"数据 要素", "数据 AND 算力",
                      "(((数据)))", "数据 NOT (算力 OR 要素)"] {
            #expect(throws: Never.self, "CLI: \(query)") { _ = try SearchQuery.parse(query) }
            #expect(throws: Never.self, "hub: \(query)") { try hub.execute("SELECT * FROM policykb_search($1)", [query]) }
        }
    }

    @Test func theSQLFoldIsTheCFold() throws {
        let url = try TestHub.fresh()
        defer { TestHub.drop(url) }
        _ = try HubConnection(url)
        let hub = try PostgresConnection(url)
        var samples: [String] = ["ＡＢＣ　數據 要素 Deep  Seek ÀÉ ΣΩ ДЖ 中 国 5G、家"]
        var line = ""
        for index in 0..<policykb_script_fold_count() {
            var from: UInt32 = 0, to: UInt32 = 0
            policykb_script_fold_pair(index, &from, &to)
            line.unicodeScalars.append(Unicode.Scalar(from)!)
            if line.unicodeScalars.count == 200 { samples.append(line); line = "" }
        }
        samples.append(line)
        for sample in samples {
            #expect(try hub.execute("SELECT policykb_fold($1)", [sample]).scalar == sample.searchFolded)
        }
    }
}
