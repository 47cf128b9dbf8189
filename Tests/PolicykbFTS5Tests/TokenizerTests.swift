import Foundation
import CScriptFold
import PolicykbFTS5
import Testing
import SQLiteDB

/// A connection that knows the tokenizer: registering it is the host's job
/// (policykb's core does it for its own connections).
private func connection() throws -> Database {
    if let entryPoint = policykb_fts5_entry_point() { try Database.addAutomaticExtension(entryPoint) }
    return try Database(path: ":memory:")
}

/// Tokens as text@start-end (byte offsets) from the C tokenizer.
private func tokens(_ text: String, query: Bool) -> [String] {
    final class Sink { var items: [String] = [] }
    let sink = Sink()
    var copy = text
    copy.withUTF8 { bytes in
        bytes.withMemoryRebound(to: CChar.self) { chars in
            _ = policykb_tokenize(chars.baseAddress, Int32(chars.count), query ? 1 : 0,
                                  Unmanaged.passUnretained(sink).toOpaque()) { context, flags, token, count, start, end in
                let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
                let text = String(decoding: UnsafeRawBufferPointer(start: token, count: Int(count)), as: UTF8.self)
                sink.items.append(text + "@\(start)-\(end)")
                return 0
            }
        }
    }
    return sink.items
}

@Suite struct TokenizerTests {
    @Test func documentModeEmitsOneTokenPerCharacter() {
        // A bigram spans both characters; the run's last character stands alone.
        #expect(tokens("算力券", query: false) == ["算力@0-6", "力券@3-9", "券@6-9"])
    }

    @Test func queryModeDropsTheLastCharacterOfAFinalRun() {
        #expect(tokens("算力券", query: true) == ["算力@0-6", "力券@3-9"])
        #expect(tokens("券", query: true) == ["券@0-3"])
        // A run followed by more of the query keeps its last character, as
        // documents do.
        #expect(tokens("算力AI", query: true) == ["算力@0-6", "力@3-6", "ai@6-8"])
    }

    @Test func whiteSpaceBetweenCJKDoesNotEndARun() {
        #expect(tokens("北京 召开", query: true) == ["北京@0-6", "京召@3-10", "召开@7-13"])
        #expect(tokens("北京\n\n召", query: false) == ["北京@0-6", "京召@3-11", "召@8-11"])
    }

    @Test func punctuationEndsARun() {
        #expect(tokens("数据，据说", query: false) == ["数据@0-6", "据@3-6", "据说@9-15", "说@12-15"])
    }

    @Test func latinWordsAreLowerCasedAndFullWidthFolded() {
        #expect(tokens("DeepSeek大模型", query: true) == ["deepseek@0-8", "大模@8-14", "模型@11-17"])
        #expect(tokens("ＡＩ芯片", query: true) == ["ai@0-6", "芯片@6-12"])
        // Punctuation between two words is a separator; white space is not.
        #expect(tokens("COVID-19 5G", query: true) == ["covid@0-5", "|@5-6", "19@6-8", "5g@9-11"])
    }

    @Test func punctuationBetweenAWordAndCJKOrTwoWordsIsASeparator() {
        #expect(tokens("5G、家", query: false) == ["5g@0-2", "|@2-5", "家@5-8"])
        #expect(tokens("5G 家", query: false) == ["5g@0-2", "家@3-6"])
        #expect(tokens("数据，据说", query: true) == ["数据@0-6", "据@3-6", "据说@9-15"])
        #expect(tokens("AI, ML", query: false) == ["ai@0-2", "|@2-3", "ml@4-6"])
        #expect(tokens("AI ML", query: false) == ["ai@0-2", "ml@3-5"])
    }

    @Test func traditionalCharactersFoldToSimplified() {
        #expect(tokens("數據要素", query: false) == tokens("数据要素", query: false))
        #expect(tokens("力爭", query: true) == ["力争@0-6"])
        // Offsets stay those of the text given.
        #expect(tokens("億元", query: false) == ["亿元@0-6", "元@3-6"])
    }

    @Test func invalidUTF8IsSkippedNotFatal() {
        var bytes: [UInt8] = Array("数".utf8) + [0xFF, 0xC3] + Array("据".utf8)
        let result = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                policykb_tokenize(chars.baseAddress, Int32(chars.count), 1, nil) { _, _, _, _, _, _ in 0 }
            }
        }
        #expect(result == 0)
    }

    @Test func foldDropsSpaceOnlyBetweenCJKAndReportsOrigins() {
        func fold(_ s: String) -> (String, [Int32]) {
            var count: Int32 = 0
            var origins: UnsafeMutablePointer<Int32>?
            let out = policykb_fold(s, Int32(s.utf8.count), &count, &origins)!
            defer { policykb_free(out); policykb_free(origins) }
            return (String(cString: out), Array(UnsafeBufferPointer(start: origins, count: Int(count) + 1)))
        }
        #expect(fold("北京 召开 A  B ＡＢＣ").0 == "北京召开a  b abc")
        #expect(fold("到 2026 年").0 == "到2026年")
        #expect(fold("党的二十\n\n大").0 == "党的二十大")
        // "Ａb": the folded "a" comes from byte 0, "b" from byte 3; the end is 4.
        #expect(fold("Ａb").1 == [0, 3, 4])
    }

    /// Folding may lengthen UTF-8 (795 traditional characters of 3 bytes
    /// fold to simplified ones of 4): every entry of the table, alone and
    /// repeated, folds to its simplified form within the bound the fold
    /// allocates, and the origins point into the input.
    @Test func everyFoldTableEntryFoldsWithinItsBound() {
        var lengthened = 0
        for index in 0..<policykb_script_fold_count() {
            var traditional: UInt32 = 0, simplified: UInt32 = 0
            policykb_script_fold_pair(index, &traditional, &simplified)
            guard let from = Unicode.Scalar(traditional), let to = Unicode.Scalar(simplified) else {
                Issue.record("entry \(index) is not a scalar")
                continue
            }
            let input = String(repeating: String(Character(from)), count: 5) + "a"
            let expected = String(repeating: String(Character(to)), count: 5) + "a"
            var count: Int32 = 0
            var origins: UnsafeMutablePointer<Int32>?
            let bytes = Int32(input.utf8.count)
            guard let out = policykb_fold_with(input, bytes, 0, &count, &origins) else {
                Issue.record("no memory")
                return
            }
            defer { policykb_free(out); policykb_free(origins) }
            if String(cString: out) != expected { Issue.record("U+\(String(traditional, radix: 16)) folds to \(String(cString: out))") }
            if Int(count) + 1 > policykb_fold_capacity(bytes) { Issue.record("U+\(String(traditional, radix: 16)) outgrows the bound") }
            let inBounds = UnsafeBufferPointer(start: origins, count: Int(count) + 1).allSatisfy { $0 >= 0 && $0 <= bytes }
            if !inBounds { Issue.record("U+\(String(traditional, radix: 16)): origins outside the input") }
            if String(to).utf8.count > String(from).utf8.count { lengthened += 1 }
        }
        #expect(lengthened > 0, "the table has entries that lengthen UTF-8; the test must cover them")
    }

    /// A query and a stored text made of characters that fold longer
    /// search and snippet like any other (once a heap overflow).
    @Test func lengtheningCharactersSearchInsideSQLite() throws {
        let db = try connection()
        try db.execute("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = 'policykb')")
        try db.execute("INSERT INTO docs (body) VALUES (?)", ["前文韚峥貦詑韚後文"])
        try db.execute("INSERT INTO docs (body) VALUES (?)", ["无关"])
        let hits = try db.rows("SELECT rowid FROM docs WHERE docs MATCH ?", ["\"韚峥貦\""]).map { $0[0].int }
        #expect(hits == [1])
        let folded = try db.scalar("SELECT policykb_fold(?)", ["韚韚韚韚"]).string
        #expect(folded?.unicodeScalars.count == 4 && folded?.utf8.count == 16)
    }

    @Test func tokenizerWorksInsideSQLite() throws {
        let db = try connection()
        try db.execute("CREATE VIRTUAL TABLE f USING fts5(x, tokenize = 'policykb')")
        try db.execute("INSERT INTO f VALUES ('国家数据局在北京 召开座谈会'), ('数据，据说要素'), ('数转券'), ('券商')")
        func match(_ q: String) throws -> [Int] {
            try db.rows("SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid", [q]).compactMap { $0[0].int }
        }
        #expect(try match("\"北京召开\"") == [1])
        #expect(try match("\"数据要素\"") == [])
        #expect(try match("\"据说\"") == [2])
        #expect(try match("\"券\" *") == [3, 4])
        #expect(try match("\"数据\"") == [1, 2])
        let marked = try db.scalar("SELECT highlight(f, 0, '[', ']') FROM f WHERE f MATCH '\"北京召开\"'")
        #expect(marked == .text("国家数据局在[北京 召开]座谈会"))
        #expect(try db.scalar("SELECT policykb_fold('Ａ 北 京')") == .text("a北京"))
    }

    /// 200 rows of title and body drawn from a few words, the same every run.
    private func rankingCorpus() throws -> Database {
        let db = try connection()
        try db.execute("CREATE VIRTUAL TABLE f USING fts5(title, body, tokenize = 'policykb')")
        let insert = try db.prepare("INSERT INTO f (title, body) VALUES (?, ?)")
        let words = ["数据", "算力", "要素", "深圳", "北京", "券", "AI", "智能", "产业", "规划"]
        // A fixed sequence (a linear congruential generator), so the corpus is the same every run.
        var seeded = UInt64(7)
        func next(_ bound: Int) -> Int {
            seeded = seeded &* 6364136223846793005 &+ 1442695040888963407
            return Int((seeded >> 33) % UInt64(bound))
        }
        for _ in 0..<200 {
            let title = (0..<(1 + next(4))).map { _ in words[next(words.count)] }.joined()
            let body = (0..<(5 + next(60))).map { _ in words[next(words.count)] }.joined(separator: next(3) == 0 ? "，" : "")
            try insert.execute([title, body])
        }
        return db
    }

    private let rankingQueries = ["\"数据\"", "\"算力\" \"深圳\"", "\"券\" *", "title : \"北京\" OR \"要素\"", "ai NOT \"规划\"",
                                  "title : \"智能\"", "\"数据要素\"", "\"深圳\" OR \"北京\" OR \"产业\""]

    /// policykb_rank is FTS5's bm25 with Lucene's IDF: for a one-phrase
    /// query the two differ by the ratio of the IDFs alone (bm25's floored
    /// at 1e-6), by its blob reads and by its fallback (no table name, or a
    /// table that is not there).
    @Test func policykbRankIsBM25WithAPositiveIDF() throws {
        let db = try rankingCorpus()
        let rows = Double(try db.scalar("SELECT count(*) FROM f").int ?? 0)
        for query in ["\"数据\"", "\"券\" *", "title : \"北京\"", "\"数据要素\"", "ai", "\"深圳北京\""] {
            let hits = Double(try db.scalar("SELECT count(*) FROM f WHERE f MATCH ?", [query]).int ?? 0)
            guard hits > 0 else { continue }
            let lucene = log(1 + (rows - hits + 0.5) / (hits + 0.5))
            let fts5 = max(1e-6, log((rows - hits + 0.5) / (hits + 0.5)))
            #expect(lucene > 0)
            for arguments in ["'f', 5.0, 1.0", "'f'", "'no_such_table', 5.0, 1.0"] {
                let weights = arguments.hasPrefix("'f', 5") || arguments.hasPrefix("'no_such") ? ", 5.0, 1.0" : ""
                for row in try db.rows("SELECT bm25(f\(weights)) AS a, policykb_rank(f, \(arguments)) AS b FROM f WHERE f MATCH ?", [query]) {
                    let bm25 = try #require(row["a"].double), rank = try #require(row["b"].double)
                    #expect(abs(rank - bm25 / fts5 * lucene) <= 1e-9 * abs(rank), "\(query) with \(arguments)")
                }
            }
        }
    }

    /// policykb_explain's parts add up to policykb_rank's score, its column
    /// counts weighted give the frequency, and the IDF falls as a phrase
    /// gets commoner without going below zero.
    @Test func policykbExplainAddsUp() throws {
        let db = try rankingCorpus()
        for query in rankingQueries {
            let rows = try db.rows("""
                SELECT policykb_rank(f, 'f', 5.0, 1.0) AS rank, policykb_explain(f, 'f', 5.0, 1.0) AS explain
                FROM f WHERE f MATCH ?
                """, [query])
            #expect(!rows.isEmpty, "\(query)")
            for row in rows {
                let explain = try #require(try JSONSerialization.jsonObject(with: Data((row["explain"].string ?? "").utf8)) as? [String: Any])
                let score = try #require(explain["score"] as? Double)
                #expect(abs(score + (row["rank"].double ?? 0)) <= 1e-9 * abs(score), "\(query)")
                for phrase in explain["phrases"] as? [[String: Any]] ?? [] {
                    let columns = phrase["columns"] as? [Int] ?? []
                    #expect(columns.count == 2)
                    #expect(abs(Double(columns[0]) * 5 + Double(columns[1]) - (phrase["frequency"] as? Double ?? -1)) < 1e-9)
                    #expect((phrase["idf"] as? Double ?? 0) > 0)
                }
            }
        }
    }

    /// policykb_collect keeps exactly the rows, and the ranks, that ORDER BY
    /// rank gives, for every kind of query and size of set, skipping the
    /// length of rows that cannot enter the set.
    @Test func policykbCollectKeepsTheBestRowsByRank() throws {
        let db = try rankingCorpus()
        try db.execute("INSERT INTO f(f, rank) VALUES ('rank', 'policykb_rank(''f'', 5.0, 1.0)')")
        let collect = try db.prepare("SELECT count(*) FROM f WHERE f MATCH ?1 AND policykb_collect(f, ?2, 'f', 5.0, 1.0)")
        var prunedSomewhere = false
        for query in rankingQueries {
            let matches = try db.scalar("SELECT count(*) FROM f WHERE f MATCH ?", [query]).int ?? -1
            for capacity in [1, 5, 20, 500] {
                guard let top = policykb_topk_create(Int32(capacity)) else { throw SQLiteError(extendedCode: 7, message: "out of memory", sql: nil) }
                defer { policykb_topk_destroy(top) }
                try collect.bind(.text(query), at: 1)
                try collect.bind(pointer: UnsafeMutableRawPointer(top), type: policykb_topk_pointer_type(), at: 2)
                #expect(try collect.step())
                #expect(collect.int64(0) == Int64(matches), "\(query)")
                collect.reset()
                let count = Int(policykb_topk_count(top))
                var rowids = [Int64](repeating: 0, count: count), ranks = [Double](repeating: 0, count: count)
                rowids.withUnsafeMutableBufferPointer { r in
                    ranks.withUnsafeMutableBufferPointer { policykb_topk_sorted(top, r.baseAddress, $0.baseAddress) }
                }
                let expected = try db.rows("SELECT rowid, rank FROM f WHERE f MATCH ? ORDER BY rank, rowid LIMIT ?", [query, capacity])
                #expect(rowids == expected.map { $0[0].int64 ?? 0 }, "\(query), \(capacity)")
                #expect(ranks == expected.map { $0[1].double ?? 0 }, "\(query), \(capacity)")
                if policykb_topk_pruned(top) > 0 { prunedSomewhere = true }
            }
        }
        #expect(prunedSomewhere)
        // Without a collector bound (NULL, or a value that is not one), an error saying so.
        for argument in ["NULL", "'x'"] {
            let error = #expect(throws: SQLiteError.self) {
                try db.rows("SELECT count(*) FROM f WHERE f MATCH '数据' AND policykb_collect(f, \(argument), 'f', 5.0, 1.0)")
            }
            #expect(error?.message.contains("policykb_topk pointer") == true, "\(argument)")
        }
    }
}
