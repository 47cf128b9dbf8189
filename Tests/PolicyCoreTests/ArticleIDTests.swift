import Foundation
import PolicykbMigrations
import SQLiteDB
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// Article ids follow dates (`ArticleIDs`): what newest-first relies on is
/// that no article's date is later than the day its id names.
@Suite struct ArticleIDTests {
    @Test func dayKeysNeverDecreaseWhereTheDatesIncrease() {
        let dates = ["", "1999", "2024", "2024-12", "2024-12-31", "2025", "2025-01", "2025-01-01", "2025-01-31", "2025-02",
                     "2025-02-01", "2025-12-31", "2026-01-01"]
        for (earlier, later) in zip(dates, dates.dropFirst()) {
            #expect(earlier < later)
            #expect(ArticleIDs.dayKey(earlier) <= ArticleIDs.dayKey(later), "\(earlier) \(later)")
        }
        #expect(ArticleIDs.dayKey("") == 0)
        // Unreadable dates go above every day, where they are read first.
        for text in ["2025-13-01", "abc", "25-01-01", "2025/01/01"] {
            #expect(ArticleIDs.dayKey(text) == ArticleIDs.unreadableKey, "\(text)")
        }
    }

    /// JSON Lines articles on a few dates, one day holding more than its
    /// slots, some undated.
    static func store(articles: Int = 420) throws -> PolicyStore {
        let store = try PolicyStore(path: ":memory:")
        var lines: [String] = []
        for n in 0..<articles {
            let date: String? = switch n % 6 {
            case 0, 1, 2: "2025-03-01"  // 210 on one day: it spills over
            case 3: nil
            case 4: "2024-1\(n % 3)-0\(1 + n % 9)"
            default: "202\(n % 5)-0\(1 + n % 9)-1\(n % 10)"
            }
            let words = n % 4 == 0 ? "算力券" : "数据要素"
            var object: [String: Any] = ["title": "第\(n)篇关于\(words)的报道", "body": "正文讨论\(words)与产业发展，编号\(n)。"]
            if let date { object["date"] = date }
            let data = try JSONSerialization.data(withJSONObject: object)
            lines.append(String(decoding: data, as: UTF8.self))
        }
        let outcomes = try Ingestion(store: store).ingest(documents: [("/generated/dated.jsonl", lines.joined(separator: "\n"))])
        #expect(outcomes.count == 1)
        return store
    }

    static func checkIDsNameNoEarlierDay(_ database: Database) throws {
        let rows = try database.rows("SELECT id, sort_date FROM articles")
        #expect(!rows.isEmpty)
        for row in rows {
            let id: Int64 = try row.decode("id"), date: String = try row.decode("sort_date")
            #expect(ArticleIDs.dayKey(ofID: id) >= ArticleIDs.dayKey(date), "\(id) \(date)")
        }
    }

    @Test func ingestGivesIdsByDateAndSpillsOverForward() throws {
        let store = try Self.store()
        try Self.checkIDsNameNoEarlierDay(store.database)
        let day = ArticleIDs.dayKey("2025-03-01")
        let onDay = try store.database.rows("SELECT id FROM articles WHERE sort_date = '2025-03-01' ORDER BY id")
            .map { try $0.decode("id", as: Int64.self) }
        #expect(onDay.count == 210)
        #expect(onDay.first == day * ArticleIDs.slotsPerDay)
        #expect(onDay.filter { ArticleIDs.dayKey(ofID: $0) == day }.count == Int(ArticleIDs.slotsPerDay))
        #expect(onDay.allSatisfy { ArticleIDs.dayKey(ofID: $0) >= day })
        // Undated articles come first in id order: they go last newest first.
        let undated = try store.database.scalar("SELECT max(id) FROM articles WHERE sort_date = ''").int ?? .max
        let dated = try store.database.scalar("SELECT min(id) FROM articles WHERE sort_date <> ''").int ?? 0
        #expect(undated < dated)
    }

    @Test func newestPagesEqualSQLiteSortedPages() throws {
        let store = try Self.store()
        let matches = RankingTests.matchesSQL
        for text in ["数据要素", "算力券", "编号", "产业 OR 报道", "没有这个词"] {
            for (limit, offset) in [(20, 0), (5, 3), (50, 100), (10, 1000), (300, 0)] {
                var request = SearchRequest(query: try SearchQuery.parse(text), limit: limit)
                request.offset = offset
                request.sort = .newest
                let sorted = try store.hitsByJoin(request, matches: matches, values: [request.expression])
                let total = try store.database.scalar("SELECT count(*) \(matches)", [request.expression]).int ?? -1
                let page = try store.newestPage(request, limit: limit, exactUpTo: .max)
                #expect(page.total == total && page.exact, "\(text)")
                #expect(page.hits.map(\.articleID) == sorted.map(\.articleID), "\(text) limit \(limit) offset \(offset)")
                // Counting stopped early: the same page, a lower bound.
                let counted = try store.newestPage(request, limit: limit, exactUpTo: 30)
                #expect(counted.hits.map(\.articleID) == sorted.map(\.articleID), "\(text) counted to 30")
                #expect(counted.exact == (counted.total == total))
                #expect(counted.total <= total && (counted.exact || counted.total >= 30))
            }
        }
    }

    @Test func theTotalSaysAtLeastBeyondTheLimitUnlessFacetsAreAsked() throws {
        let store = try Self.store(articles: 1_300)
        var request = SearchRequest(query: try SearchQuery.parse("编号"), limit: 10)
        request.sort = .newest
        let results = try store.search(request)
        #expect(!results.totalIsExact && results.total >= SearchRequest.exactTotalUpTo && results.total < 1_300)
        request.facets = [.year]
        let faceted = try store.search(request)
        #expect(faceted.totalIsExact && faceted.total == 1_300)
        #expect(faceted.hits.map(\.articleID) == results.hits.map(\.articleID))
    }

    /// A database of schema 8 with ids in ingest order: migration 9 gives
    /// every article its id by date and moves every reference with it.
    @Test func migrationRenumbersArticlesAndWhatPointsAtThem() throws {
        let old = try OlderSchemaFile(version: 8) { database in
            try database.execute("""
                INSERT INTO issues (id, publication, source_file, source_path, sha256, bytes, format, encoding, ingested_at)
                VALUES (1, '测试', 'a.txt', '/a.txt', 'x', 1, 'bulletin', 'UTF-8', '2025-01-01T00:00:00Z');
                """)
            let dates = ["2025-03-01", "", "2024-12-31", "2025-03-01", "2025", "abc", "2025-03-01"]
            for (n, date) in dates.enumerated() {
                try database.execute("""
                    INSERT INTO articles (id, issue_id, position, title, body, sort_date) VALUES (?, 1, ?, ?, '正文数据要素', ?)
                    """, [n + 1, n + 1, "标题\(n + 1)", date])
                try database.execute("INSERT INTO article_links (article_id, position, url) VALUES (?, 1, ?)", [n + 1, "https://x/\(n + 1)"])
            }
        }
        defer { old.remove() }
        let store = try PolicyStore(path: old.path)  // migrates
        try Self.checkIDsNameNoEarlierDay(store.database)
        let rows = try store.database.rows("SELECT a.title, l.url FROM articles a JOIN article_links l ON l.article_id = a.id")
        #expect(rows.count == 7)
        for row in rows {
            let title: String = try row.decode("title"), url: String = try row.decode("url")
            #expect(url.hasSuffix("/" + title.dropFirst(2)), "\(title) \(url)")
        }
        // The index was rebuilt on the new ids.
        #expect(try store.search(try SearchQuery.parse("数据要素"), limit: nil).total == 7)
        #expect(try store.database.scalar("SELECT count(*) FROM article_search WHERE article_search MATCH '数据要素' AND rowid IN (SELECT id FROM articles)").int == 7)
    }
}
