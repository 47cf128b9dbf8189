import CorpusGenerator
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// The unfiltered search ranks through policykb_collect and orders the page
/// in Swift; the filtered one has SQLite sort the whole set. Both must give
/// the same pages.
@Suite struct RankingTests {
    /// 40 generated bulletins (about 400 articles), the same every run.
    /// The FROM and WHERE of a search, for SQLite to sort the whole set.
    static let matchesSQL = """
        FROM article_search s
        JOIN articles a ON a.id = s.rowid
        JOIN issues i ON i.id = a.issue_id
        WHERE article_search MATCH ?
        """

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
        let matches = RankingTests.matchesSQL
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

    /// A word every article holds still ranks: the article with it in its
    /// title first, then by how often the body has it. (With FTS5's own
    /// IDF, negative for a word in most articles and floored, every hit
    /// scored the same.)
    @Test func aWordInEveryArticleStillRanks() throws {
        let store = try PolicyStore(path: ":memory:")
        var lines: [String] = []
        for index in 0..<30 {
            let title = index == 17 ? "第\(index)号数据开放通知" : "第\(index)号工作通知"
            let body = String(repeating: "推进数据工作。", count: 1 + index % 3) + "其他内容第\(index)项，平台建设。"
            lines.append(#"{"title": "\#(title)", "body": "\#(body)", "date": "2025-01-01"}"#)
        }
        try Ingestion(store: store).ingest(documents: [("/ranking.jsonl", lines.joined(separator: "\n"))])
        for explain in [false, true] {
            var request = SearchRequest(query: try SearchQuery.parse("数据"), limit: 30)
            request.explain = explain
            let results = try store.search(request)
            #expect(results.total == 30)
            #expect(results.hits.first?.title == "第17号数据开放通知")
            let scores = results.hits.map(\.score)
            #expect(Set(scores).count > 2, "scores must differ: \(scores)")
            // After the title match, three mentions in the body before one.
            let rest = results.hits.dropFirst()
            let counts = rest.map { $0.title.dropFirst().prefix { $0.isNumber } }.compactMap { Int($0) }.map { 1 + $0 % 3 }
            #expect(counts == counts.sorted(by: >))
            if explain {
                let first = try #require(results.hits.first?.explanation)
                #expect(first.phrases.first?.titleCount == 1)
                #expect(abs(first.score - (results.hits.first?.score ?? 0)) < 1e-9)
                #expect(first.phrases.allSatisfy { $0.idf > 0 })
            } else {
                #expect(results.hits.allSatisfy { $0.explanation == nil })
            }
        }
    }
}

/// Newest and oldest first: the same pages as SQLite sorting the whole set,
/// by the walk through the date index and by reading the few matches.
@Suite struct DateOrderTests {
    @Test func datePagesEqualSQLiteSortedPages() throws {
        let store = try RankingTests.generatedStore()
        let matches = RankingTests.matchesSQL
        var compared = 0
        for text in ["数据", "算力", "具身智能", "券", "数据要素 OR 算力", "数字化转型 -金融", "没有这个词"] {
            for sort in [SearchRequest.Sort.newest, .oldest] {
                for (limit, offset) in [(20, 0), (5, 3), (50, 10), (10, 1000)] {
                    var request = SearchRequest(query: try SearchQuery.parse(text), limit: limit)
                    request.offset = offset
                    request.sort = sort
                    let sorted = try store.hitsByJoin(request, matches: matches, values: [request.expression])
                    let total = try store.database.scalar("SELECT count(*) \(matches)", [request.expression]).int ?? -1
                    for few in [0, 2_000] {
                        let page = try store.datePage(request, limit: limit, few: few)
                        #expect(page.total == total && page.exact, "\(text)")
                        #expect(page.hits.map(\.articleID) == sorted.map(\.articleID), "\(text) \(sort) few \(few) offset \(offset)")
                    }
                    // Through the public entry point too.
                    #expect(try store.search(request).hits.map(\.articleID) == sorted.map(\.articleID))
                    compared += 1
                }
            }
        }
        #expect(compared == 56)
        // Dates really are in order.
        var request = SearchRequest(query: try SearchQuery.parse("数据"), limit: 100)
        request.sort = .newest
        let dates = try store.search(request).hits.map(\.issueDate)
        #expect(dates.compactMap { $0 } == dates.compactMap { $0 }.sorted(by: >))
    }

    @Test func theTotalIsExactInDateOrderToo() throws {
        let store = try RankingTests.generatedStore()
        for sort in [SearchRequest.Sort.newest, .oldest] {
            var request = SearchRequest(query: try SearchQuery.parse("的"), limit: 5)
            request.sort = sort
            let results = try store.search(request)
            let all = try store.database.scalar("SELECT count(*) FROM article_search WHERE article_search MATCH ?",
                                                [request.expression]).int ?? 0
            #expect(all > 100)
            #expect(results.total == all)
            #expect(results.totalIsExact)
            #expect(results.hits.count == 5)
            // By the walk of the date index too (few: 0), not only by sorting.
            let walked = try store.datePage(request, limit: 5, few: 0)
            #expect(walked.total == all && walked.exact)
            #expect(walked.hits.map(\.articleID) == results.hits.map(\.articleID))
        }
    }
}
