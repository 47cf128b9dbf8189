import SQLiteDB

extension PolicyStore {
    /// Articles matching `query`, best first.
    /// - Parameter limit: at most this many hits; nil for all.
    public func search(_ query: SearchQuery, limit: Int?) throws -> SearchResults {
        let expression = query.fts5Expression
        let total = try database.scalar(
            "SELECT count(*) FROM article_search WHERE article_search MATCH ?", [expression]).int ?? 0
        // "The highlight() function returns a copy of the text from a
        // specified column of the current row with extra markup text
        // inserted to mark the start and end of phrase matches." Snippet
        // then cuts the passage in Swift, keeping every match whole.
        let statement = try database.prepare("""
            SELECT a.id, a.title, i.issue_date, a.section, a.region_code, -s.rank,
                   highlight(article_search, 1, char(57344), char(57345)),
                   highlight(article_search, 0, char(57344), char(57345))
            FROM article_search s
            JOIN articles a ON a.id = s.rowid
            JOIN issues i ON i.id = a.issue_id
            WHERE article_search MATCH ?
            ORDER BY s.rank, i.issue_date DESC, a.id
            LIMIT ?
            """)
        try statement.bind([expression, limit ?? -1])
        var hits: [SearchHit] = []
        while try statement.step() {
            let body = statement.text(6)
            let snippet = Snippet.window(body) ?? Snippet.window(statement.text(7))
                ?? String(body.prefix(64)).replacingOccurrences(of: "\n\n", with: " ")
            hits.append(SearchHit(
                articleID: statement.int64(0), title: statement.text(1), issueDate: statement.optionalText(2),
                section: statement.optionalText(3), regionCode: statement.optionalText(4),
                score: statement.double(5), snippet: snippet))
        }
        return SearchResults(total: total, hits: hits)
    }
}
