// libFuzzer target: the search query parser (SearchQuery.parse) and the FTS5
// expression it compiles to.
//
// Input: a query as typed (bytes decoded as UTF-8, invalid bytes replaced).
// Invariants, for every query that parses: it has a phrase to find; its FTS5
// expression, with and without exclusions, is valid FTS5 (quotes and
// operators the user typed are only ever text) and runs against an FTS5 table
// of the schema's shape (title, body, tokenize policykb, detail=full, ranked
// by policykb_rank) holding the query's phrases and text; dropping the
// exclusions loses no match; parsing the same text twice gives the same query.
//
// With POLICYKB_FUZZ_EXACT=1 it also checks the search contract that
// "MATCH returns exactly the articles a scan finds": over rows made of the
// query's phrases and its text, FTS5's matches are those of
// SearchQuery.matches(title:body:), for queries whose phrases hold only
// ASCII letters and digits, CJK characters and white space, none at either
// end. The rest differs today: punctuation inside a phrase is one separator
// token to FTS5 ('a-b' matches 'a/b'); punctuation, white space and letters
// of scripts the tokenizer skips at a phrase's ends make no token at all
// ('5%' matches '5', '" AI"' matches 'AI', 'ᮉ全' matches '全'), while the
// scan wants them as typed; and the scan's word boundaries are ASCII only,
// the tokenizer's words Latin, Greek and Cyrillic ('e' is in 'Κe' and 'caf'
// in 'café' to the scan, not to FTS5).
import Foundation
import PolicyCore
import SQLiteDB

/// Stops with the message in every build: `precondition` drops its message under -O.
private func require(_ condition: Bool, _ message: @autoclosure () -> String, line: UInt = #line) {
    if !condition { fatalError("invariant broken: \(message())", line: line) }
}

private struct Fixture {
    let database: Database
    let match: Statement
    let insert: Statement
    let exact: Bool

    init() {
        do {
            try PolicyStore.registerExtension()
            database = try Database(path: ":memory:")
            try database.execute("CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'policykb', detail = full)")
            try database.execute("INSERT INTO search(search, rank) VALUES ('rank', 'policykb_rank(''search'', 5.0, 1.0)')")
            match = try database.prepare("SELECT rowid FROM search WHERE search MATCH ?1 ORDER BY rank")
            insert = try database.prepare("INSERT INTO search (rowid, title, body) VALUES (?1, ?2, ?3)")
        } catch {
            fatalError("fuzz-query: cannot set up the database: \(error)")
        }
        exact = ProcessInfo.processInfo.environment["POLICYKB_FUZZ_EXACT"] == "1"
    }

    func rowids(_ expression: String, _ what: String, _ text: String) -> Set<Int64> {
        var found = Set<Int64>()
        do {
            try match.bind(.text(expression), at: 1)
            while try match.step() { found.insert(match.int64(0)) }
            match.reset()
        } catch {
            fatalError("fuzz-query: FTS5 rejects the \(what) \(expression.debugDescription) of \(text.debugDescription): \(error)")
        }
        return found
    }
}

nonisolated(unsafe) private var fixture: Fixture?

/// Every phrase of a query, excluded ones too.
private func allPhrases(_ node: SearchQuery.Node) -> [String] {
    switch node {
    case .phrase(let text, _): [text]
    case .and(let parts), .or(let parts): parts.flatMap(allPhrases)
    case .not(let a, let b): allPhrases(a) + allPhrases(b)
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuery(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    if fixture == nil { fixture = Fixture() }
    let fixture = fixture!
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let query: SearchQuery
    do {
        query = try SearchQuery.parse(text)
    } catch {
        _ = error.description
        return 0
    }
    require((try? SearchQuery.parse(text)) == query, "parsing \(text.debugDescription) twice gives two queries")
    let phrases = query.positivePhrases
    require(!phrases.isEmpty, "\(text.debugDescription) parses to a query with nothing to find")

    // Rows that hold the query's phrases, so that MATCH and the rank run on matches.
    var rows: [(title: String, body: String)] = []
    for phrase in phrases.prefix(8) { rows += [(phrase, ""), ("", phrase)] }
    rows.append(("", text))
    let exact = fixture.exact && allPhrases(query.root).allSatisfy { phrase in
        phrase.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isWhitespace || (scalar.isASCII && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil))
                || (scalar.value >= 0x2E80 && !SearchTokens.query(String(scalar)).isEmpty)
        }
            && phrase.unicodeScalars.first?.properties.isWhitespace == false
            && phrase.unicodeScalars.last?.properties.isWhitespace == false
    }
    do {
        try fixture.database.execute("DELETE FROM search")
        for (index, row) in rows.enumerated() { try fixture.insert.execute([Int64(index + 1), row.title, row.body]) }
    } catch {
        fatalError("fuzz-query: cannot fill the table: \(error)")
    }
    let matched = fixture.rowids(query.fts5Expression, "expression", text)
    let relaxed = fixture.rowids(query.fts5ExpressionWithoutExclusions, "expression without exclusions", text)
    require(matched.isSubset(of: relaxed), "dropping exclusions lost matches for \(text.debugDescription)")
    if exact {
        for (index, row) in rows.enumerated() {
            let scan = query.matches(title: row.title, body: row.body)
            require(scan == matched.contains(Int64(index + 1)), """
                MATCH and the scan disagree on \(text.debugDescription) for title \(row.title.debugDescription) \
                body \(row.body.debugDescription): MATCH \(!scan), scan \(scan); expression \(query.fts5Expression)
                """)
        }
    }
    return 0
}
