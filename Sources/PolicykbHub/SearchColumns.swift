import Foundation
import PolicyCore
import PolicyExtraction

/// What the hub stores beside an article for `policykb_search`
/// (Migrations/postgres/0002_search.sql): the folded texts the substring
/// test reads, token counts for BM25, and the distinct tokens for the GIN
/// index, all from policykb's own C fold and tokenizer.
struct SearchColumns {
    let title: String
    let body: String
    let titleTokens: Int
    let bodyTokens: Int
    /// A tsvector literal: the distinct tokens, quoted.
    let terms: String

    /// "The maximum size of a tsvector is 1 megabyte"; an article with more
    /// distinct tokens than fit is marked to be always checked instead.
    static let maximumTermBytes = 800_000
    static let unindexed = "'~unindexed'"

    init(title: String, body: String) {
        self.title = title.searchFolded
        self.body = body.searchFolded
        let titleTokens = SearchTokens.document(title), bodyTokens = SearchTokens.document(body)
        self.titleTokens = titleTokens.count
        self.bodyTokens = bodyTokens.count
        var seen = Set<String>()
        var literal = ""
        for token in titleTokens + bodyTokens where token != "|" && seen.insert(token).inserted {
            if !literal.isEmpty { literal += " " }
            literal += "'" + token.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
        }
        terms = literal.isEmpty ? Self.unindexed : (literal.utf8.count > Self.maximumTermBytes ? Self.unindexed : literal)
    }
}
