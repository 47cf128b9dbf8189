import SQLiteDB

extension PolicyStore {
    /// Articles matching `query`, best first.
    /// - Parameter limit: at most this many hits; nil for all.
    public func search(_ query: SearchQuery, limit: Int?) throws -> SearchResults {
        let expression = query.fts5Expression
        let total = try database.scalar(
            "SELECT count(*) FROM article_search WHERE article_search MATCH ?", [expression]).int ?? 0
        // "snippet(): ... The fourth argument is the text to insert before
        // each phrase match, the fifth the text after, the sixth the
        // ellipsis, the seventh the maximum number of tokens (1..64)." A
        // column of -1 lets FTS5 choose the column with the best passage.
        let statement = try database.prepare("""
            SELECT a.id, a.title, i.issue_date, a.section, a.region_code, -s.rank,
                   snippet(article_search, -1, char(57344), char(57345), '…', 48)
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
            hits.append(SearchHit(
                articleID: statement.int64(0), title: statement.text(1), issueDate: statement.optionalText(2),
                section: statement.optionalText(3), regionCode: statement.optionalText(4),
                score: statement.double(5), snippet: statement.text(6)))
        }
        return SearchResults(total: total, hits: hits)
    }
}
