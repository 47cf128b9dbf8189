import SQLiteDB

extension PolicyStore {
    /// Articles matching `query`, best first.
    /// - Parameter limit: at most this many hits; nil for all.
    public func search(_ query: SearchQuery, limit: Int?) throws -> SearchResults {
        let expression = query.fts5Expression
        let total = try database.scalar(
            "SELECT count(*) FROM article_search WHERE article_search MATCH ?", [expression]).int ?? 0
        let statement = try database.prepare("""
            SELECT a.id, a.title, i.issue_date, a.section, a.region_code, -s.rank, a.body
            FROM article_search s
            JOIN articles a ON a.id = s.rowid
            JOIN issues i ON i.id = a.issue_id
            WHERE article_search MATCH ?
            ORDER BY s.rank, i.issue_date DESC, a.id
            LIMIT ?
            """)
        try statement.bind([expression, limit ?? -1])
        let phrases = query.positivePhrases
        var hits: [SearchHit] = []
        while try statement.step() {
            let title = statement.text(1), body = statement.text(6)
            let snippet = Snippet.window(Snippet.mark(body, phrases: phrases))
                ?? Snippet.window(Snippet.mark(title, phrases: phrases))
                ?? String(body.prefix(64)).replacingOccurrences(of: "\n\n", with: " ")
            hits.append(SearchHit(
                articleID: statement.int64(0), title: title, issueDate: statement.optionalText(2),
                section: statement.optionalText(3), regionCode: statement.optionalText(4),
                score: statement.double(5), snippet: snippet))
        }
        return SearchResults(total: total, hits: hits)
    }
}
