import CorpusGenerator
import Testing
@testable import PolicyCore

/// The unfiltered search ranks through policykb_collect and orders the page
/// in Swift; the filtered one has SQLite sort the whole set. Both must give
/// the same pages.
@Suite struct RankingTests {
    /// 40 generated bulletins (about 400 articles), the same every run.
    static func generatedStore() throws -> PolicyStore {
        let store = try PolicyStore(path: ":memory:")
        let generator = CorpusGenerator(seed: 11)
        try Ingestion(store: store).ingest(documents: (0..<40).map(generator.bulletin).map { ("/generated/\($0.fileName)", $0.text) })
        return store
    }

    @Test func collectorUsesTheIndexRankSetting() throws {
        let store = try PolicyStore(path: ":memory:")
        let setting = try store.database.scalar("SELECT v FROM article_search_config WHERE k = 'rank'")
        #expect(setting == .text("policykb_rank(\(RankedCollector.rankArguments))"))
    }

    @Test func collectedPagesEqualSQLiteSortedPages() throws {
        let store = try Self.generatedStore()
        let articles = try store.database.scalar("SELECT count(*) FROM articles").int ?? 0
        #expect(articles > 300)
        let matches = """
            FROM article_search s
            JOIN articles a ON a.id = s.rowid
            JOIN issues i ON i.id = a.issue_id
            WHERE article_search MATCH ?
            """
        var pagesCompared = 0
        for text in ["数据", "算力", "具身智能", "深圳", "券", "数据要素 OR 算力", "数字化转型 -金融", "title:行动计划", "人工智能 北京", "没有这个词"] {
            let query = try SearchQuery.parse(text)
            for (limit, offset) in [(20, 0), (5, 0), (5, 3), (1, 0), (50, 10), (10, 1000)] {
                var request = SearchRequest(query: query, limit: limit)
                request.offset = offset
                let sorted = try store.hitsByJoin(request, matches: matches, values: [request.expression])
                let total = try store.database.scalar("SELECT count(*) \(matches)", [request.expression]).int ?? -1
                guard let page = try store.rankedPage(request, limit: limit) else { continue }
                #expect(page.total == total, "\(text)")
                #expect(page.hits.map(\.articleID) == sorted.map(\.articleID), "\(text) limit \(limit) offset \(offset)")
                #expect(page.hits.map(\.score) == sorted.map(\.score), "\(text) limit \(limit) offset \(offset)")
                #expect(page.hits.map(\.snippet) == sorted.map(\.snippet), "\(text)")
                pagesCompared += 1
            }
        }
        #expect(pagesCompared > 40)
    }
}
