import Foundation
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// Stories in the store: two periodicals carrying one story, re-ingest,
/// deletion, and search, goals and compare counting each story once.
@Suite struct StoryStoreTests {
    typealias Article = StoryPairs.Article

    /// A JSON Lines issue of `publication`, each article a line.
    static func issue(_ publication: String, number: Int, date: String, _ articles: [(title: String, body: String)]) -> String {
        articles.map { article in
            let object: [String: Any] = ["title": article.title, "body": article.body, "date": date,
                                         "publication": publication, "issue": number]
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
            return String(decoding: data, as: UTF8.self)
        }.joined(separator: "\n") + "\n"
    }

    static func write(_ store: PolicyStore, _ path: String, _ text: String) throws {
        let preparer = IssuePreparer(gazetteer: try store.gazetteer())
        _ = try store.write(try preparer.prepare(SourceFile(path: path), bytes: Array(text.utf8)))
    }

    static func story(_ store: PolicyStore, titled title: String) throws -> Int64? {
        try store.database.rows("""
            SELECT st.story_id FROM article_stories st JOIN articles a ON a.id = st.article_id WHERE a.title = ?
            """, [title]).first?.decode("story_id")
    }

    static let hefei = StoryPairs.template(city: "合肥市", scale: "3000", companies: "50")
    static let wuhan = StoryPairs.template(city: "武汉市", scale: "5000", companies: "80")
    static let trimmedTraditional = (title: "深圳數字經濟方案：2027年核心產業增加值破1.2萬億",
                                     body: StoryPairs.shenzhenTraditional.paragraphs.dropLast().joined(separator: "\n\n"))

    /// 《数字政策动态》 and 《大数据参考》 both carry the Shenzhen plan (the
    /// second in traditional script, under its own headline, its last
    /// paragraph cut); each also carries formulaic news of other cities.
    static func twoPeriodicals() throws -> PolicyStore {
        let store = try PolicyStore(path: ":memory:")
        try write(store, "/series/szzc-2025-03.jsonl", issue("数字政策动态", number: 3, date: "2025-03-10", [
            (StoryPairs.shenzhen.title, StoryPairs.shenzhen.body), (StoryPairs.chengdu.title, StoryPairs.chengdu.body),
            (hefei.title, hefei.body),
        ]))
        try write(store, "/series/dsj-2025-05.jsonl", issue("大数据参考", number: 5, date: "2025-03-17", [
            trimmedTraditional, (wuhan.title, wuhan.body), (StoryPairs.dataBureau.title, StoryPairs.dataBureau.body),
        ]))
        return store
    }

    @Test func twoPeriodicalsCarryOneStory() throws {
        let store = try Self.twoPeriodicals()
        let shenzhen = try #require(try Self.story(store, titled: StoryPairs.shenzhen.title))
        #expect(try Self.story(store, titled: Self.trimmedTraditional.title) == shenzhen)
        let others = try [StoryPairs.chengdu.title, Self.hefei.title, Self.wuhan.title, StoryPairs.dataBureau.title]
            .map { try #require(try Self.story(store, titled: $0)) }
        #expect(Set(others + [shenzhen]).count == 5)
        let article = try #require(try store.database.rows("SELECT id FROM articles WHERE title = ?",
                                                             [StoryPairs.shenzhen.title]).first?.decode("id", as: Int64.self))
        let appearances = try store.storyAppearances(ofArticle: article)
        #expect(appearances.map(\.publication) == ["数字政策动态", "大数据参考"])
        #expect(appearances.map(\.issueNumber) == [3, 5])
        #expect(appearances.map(\.issueDate) == ["2025-03-10", "2025-03-17"])
        #expect(appearances.last?.matchedID == article)
        #expect(try store.article(id: article)?.appearances.count == 2)
    }

    @Test func searchShowsEachStoryOnce() throws {
        let store = try Self.twoPeriodicals()
        let query = try SearchQuery.parse("数字经济")
        var request = SearchRequest(query: query, limit: 20)
        request.facets = [.year, .region]
        let stories = try store.search(request)
        request.allCopies = true
        let copies = try store.search(request)
        #expect(copies.total == stories.total + 1)
        #expect(copies.hits.count == stories.hits.count + 1)
        let shenzhen = stories.hits.filter { $0.copies == 2 }
        #expect(shenzhen.count == 1)
        #expect(Set(copies.hits.filter { $0.copies == 2 }.map(\.storyID)).count == 1)
        #expect(copies.hits.filter { $0.copies == 2 }.count == 2)
        #expect(stories.facets.first { $0.facet == .year }?.counts.first?.count == stories.total)
        #expect(copies.facets.first { $0.facet == .year }?.counts.first?.count == copies.total)
        // Every sort and the filtered path show the story once.
        for sort in SearchRequest.Sort.allCases {
            var sorted = SearchRequest(query: query, limit: 20)
            sorted.sort = sort
            #expect(try store.search(sorted).hits.filter { $0.copies == 2 }.count == 1, "\(sort)")
            sorted.records.since = "2025-01-01"
            #expect(try store.search(sorted).hits.filter { $0.copies == 2 }.count == 1, "\(sort), filtered")
        }
        // Paging never shows the story twice.
        var ids: [Int64?] = []
        for offset in 0..<stories.total {
            var page = SearchRequest(query: query, limit: 1)
            page.offset = offset
            ids += try store.search(page).hits.map { $0.copies > 1 ? $0.storyID : -$0.articleID }
        }
        #expect(ids.count == stories.total && Set(ids).count == ids.count)
    }

    @Test func goalsAndCompareCountAGoalOnceCitingEveryCopy() throws {
        let store = try Self.twoPeriodicals()
        var filter = GoalFilter(metric: "核心产业增加值")
        filter.records.regionCodes = ["440300"]
        let once = try store.goals(filter)
        let target = try #require(once.first { $0.value == Decimal(string: "1200000000000") })
        #expect(once.filter { $0.value == target.value }.count == 1)
        #expect(target.copies.count == 1 && target.articleIDs.count == 2)
        #expect(Set(target.allEvidence.map(\.articleID)).count == 2)
        #expect(target.copies.first?.publication == "大数据参考")
        // Every copy, the traditional one too (the metric filter reads the text as written).
        var every = GoalFilter()
        every.records.regionCodes = ["440300"]
        every.allCopies = true
        #expect(try store.goals(every).filter { $0.value == target.value }.count == 2)
        // The incentive of the last paragraph is in one copy only.
        var incentives = GoalFilter(kinds: [.incentive])
        incentives.records.regionCodes = ["440300"]
        #expect(try store.goals(incentives).allSatisfy { $0.copies.isEmpty })
    }

    @Test func reingestKeepsTheStoryAndDeletionSettlesIt() throws {
        let store = try Self.twoPeriodicals()
        let before = try #require(try Self.story(store, titled: StoryPairs.shenzhen.title))
        // The first file changes (an article added): its issue is replaced.
        try Self.write(store, "/series/szzc-2025-03.jsonl", Self.issue("数字政策动态", number: 3, date: "2025-03-10", [
            (StoryPairs.shenzhen.title, StoryPairs.shenzhen.body), (StoryPairs.chengdu.title, StoryPairs.chengdu.body),
            (Self.hefei.title, Self.hefei.body), (StoryPairs.zhejiang.title, StoryPairs.zhejiang.body),
        ]))
        #expect(try Self.story(store, titled: StoryPairs.shenzhen.title) == before)
        #expect(try Self.story(store, titled: Self.trimmedTraditional.title) == before)
        #expect(try store.database.rows("SELECT copies FROM stories WHERE id = ?", [before]).first?.decode("copies", as: Int.self) == 2)
        // The second periodical's issue goes: the story keeps its id and one copy.
        let sha = try #require(try store.database.rows("SELECT sha256 FROM issues WHERE publication = '大数据参考'").first?
            .decode("sha256", as: String.self))
        try store.deleteIssue(sha256: sha)
        #expect(try store.database.rows("SELECT copies FROM stories WHERE id = ?", [before]).first?.decode("copies", as: Int.self) == 1)
        #expect(try store.database.rows("SELECT count(*) AS n FROM stories WHERE copies <> (SELECT count(*) FROM article_stories st WHERE st.story_id = stories.id)")
            .first?.decode("n", as: Int.self) == 0)
        #expect(try store.database.rows("SELECT count(*) AS n FROM article_stories WHERE bands IS NULL OR article_id NOT IN (SELECT id FROM articles)")
            .first?.decode("n", as: Int.self) == 0)
        // Re-ingesting the same bytes is unchanged; the stories too.
        let count = try store.database.rows("SELECT count(*) AS n FROM stories").first?.decode("n", as: Int.self)
        try Self.write(store, "/series/szzc-2025-03.jsonl", Self.issue("数字政策动态", number: 3, date: "2025-03-10", [
            (StoryPairs.shenzhen.title, StoryPairs.shenzhen.body), (StoryPairs.chengdu.title, StoryPairs.chengdu.body),
            (Self.hefei.title, Self.hefei.body), (StoryPairs.zhejiang.title, StoryPairs.zhejiang.body),
        ]))
        #expect(try store.database.rows("SELECT count(*) AS n FROM stories").first?.decode("n", as: Int.self) == count)
    }

    /// A story held together by a copy that goes is split in two: the
    /// first three paragraphs and the last three share only the middle one.
    @Test func aStoryHeldByOneCopySplitsWhenItGoes() throws {
        let store = try PolicyStore(path: ":memory:")
        let p = StoryPairs.shenzhen.paragraphs
        try Self.write(store, "/a.jsonl", Self.issue("甲刊", number: 1, date: "2025-03-10", [("前段", p[0...2].joined(separator: "\n\n"))]))
        try Self.write(store, "/b.jsonl", Self.issue("乙刊", number: 1, date: "2025-03-11", [("全文", p.joined(separator: "\n\n"))]))
        try Self.write(store, "/c.jsonl", Self.issue("丙刊", number: 1, date: "2025-03-12", [("后段", p[2...4].joined(separator: "\n\n"))]))
        let story = try #require(try Self.story(store, titled: "前段"))
        #expect(try Self.story(store, titled: "全文") == story)
        #expect(try Self.story(store, titled: "后段") == story)
        let sha = try #require(try store.database.rows("SELECT sha256 FROM issues WHERE publication = '乙刊'").first?
            .decode("sha256", as: String.self))
        try store.deleteIssue(sha256: sha)
        #expect(try Self.story(store, titled: "前段") == story)
        let split = try #require(try Self.story(store, titled: "后段"))
        #expect(split != story)
        #expect(try store.database.rows("SELECT copies FROM stories ORDER BY id").map { try $0.decode("copies", as: Int.self) } == [1, 1])
    }

    /// A file of schema 14 (band keys in `story_bands`): migration 15 drops
    /// that table and leaves the new blobs NULL; the next write computes
    /// them from the stored texts, and a copy still meets the old article.
    @Test func aFileFromBeforeTheBlobsKeepsItsStories() throws {
        let old = try OlderSchemaFile(version: 14) { database in
            try database.execute("""
                INSERT INTO issues (id, publication, issue_date, source_file, source_path, sha256, bytes, format, encoding, ingested_at)
                VALUES (1, '数字政策动态', '2025-03-10', 'a.jsonl', '/old/a.jsonl', 'sha1', 1, 'jsonl', 'UTF-8', '2025-03-10T00:00:00Z')
                """)
            try database.execute("""
                INSERT INTO articles (id, issue_id, position, title, body, sort_date) VALUES (7, 1, 1, ?, ?, '2025-03-10')
                """, [StoryPairs.shenzhen.title, StoryPairs.shenzhen.body])
            try database.execute("INSERT INTO stories (id, copies) VALUES (40, 1)")
            try database.execute("INSERT INTO article_stories (article_id, story_id) VALUES (7, 40)")
            try database.execute("INSERT INTO story_bands (band, article_id) VALUES (123, 7)")
        }
        defer { old.remove() }
        let store = try PolicyStore(path: old.path)   // migrates
        #expect(try store.database.rows("SELECT name FROM sqlite_master WHERE name = 'story_bands'").isEmpty)
        try Self.write(store, "/new/b.jsonl", Self.issue("大数据参考", number: 5, date: "2025-03-17", [Self.trimmedTraditional]))
        #expect(try Self.story(store, titled: Self.trimmedTraditional.title) == 40)
        #expect(try store.database.rows("SELECT count(*) AS n FROM article_stories WHERE bands IS NULL").first?
            .decode("n", as: Int.self) == 0)
    }

    /// Two writers on one file: what one commits, the other's candidates
    /// include, though it loaded its band keys before.
    @Test func aSecondWriterSeesTheFirstWritersArticles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-writers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("shared.sqlite").path
        let first = try PolicyStore(path: path), second = try PolicyStore(path: path)
        try Self.write(second, "/b/wuhan.jsonl", Self.issue("乙刊", number: 1, date: "2025-03-01", [(Self.wuhan.title, Self.wuhan.body)]))
        try Self.write(first, "/a/shenzhen.jsonl", Self.issue("甲刊", number: 1, date: "2025-03-10",
                                                              [(StoryPairs.shenzhen.title, StoryPairs.shenzhen.body)]))
        try Self.write(second, "/b/copy.jsonl", Self.issue("乙刊", number: 2, date: "2025-03-17", [Self.trimmedTraditional]))
        let story = try #require(try Self.story(second, titled: StoryPairs.shenzhen.title))
        #expect(try Self.story(second, titled: Self.trimmedTraditional.title) == story)
        #expect(try Self.story(second, titled: Self.wuhan.title) != story)
    }
}

/// The in-memory band postings: look-ups before and after merges, newest
/// first, and the stored blob read back.
@Suite struct StoryBandIndexTests {
    @Test func postingsSurviveMerges() {
        var index = StoryBandIndex(dataVersion: 1, postings: [(5, 10), (5, 3), (9, 4)])
        #expect(index.postings(of: 5) == [10, 3])
        #expect(index.postings(of: 6).isEmpty)
        // Enough additions to merge twice (at 32,768 postings, then at half the sorted ones).
        for id in Int64(100)..<Int64(40_100) { index.add([Int64(id % 97), Int64(1_000 + id % 13)], signature: [], id: id) }
        index.add([5, 5], signature: Array(repeating: 7, count: 40), id: 11)
        #expect(index.signature(of: 11).map(Array.init) == Array(repeating: 7, count: 40))
        #expect(index.signature(of: 10) == nil)
        let fives = index.postings(of: 5)
        #expect(Set(fives) == Set([11, 10, 3] + (Int64(100)..<Int64(40_100)).filter { $0 % 97 == 5 }))
        #expect(fives == fives.sorted(by: >))
        #expect(index.postings(of: 1_000 + 4).count == (Int64(100)..<Int64(40_100)).filter { $0 % 13 == 4 }.count)
    }

    @Test func blobsRoundTrip() {
        let keys: [Int64] = [0, 1, 0xFFFF_FFFF, 0x8000_0001, 123_456_789]
        let short = StoryBandIndex.blob(Array(keys.prefix(1)), signature: [])
        #expect(short.count == 4)
        #expect(short.withUnsafeBytes { StoryBandIndex.keys($0) } == [0])
        #expect(short.withUnsafeBytes { StoryBandIndex.signature($0) }.isEmpty)
        let full = (0..<20).map { keys[$0 % keys.count] &+ Int64($0) }, signature = (0..<40).map { UInt16($0 * 1_601 % 65_536) }
        let blob = StoryBandIndex.blob(full, signature: signature)
        #expect(blob.count == StoryBandIndex.fullBlob)
        #expect(blob.withUnsafeBytes { StoryBandIndex.keys($0) } == full.map { UInt32(truncatingIfNeeded: $0) })
        #expect(blob.withUnsafeBytes { StoryBandIndex.signature($0) } == signature)
    }
}

extension StoryBandIndex {
    /// The articles posted under `key`, newest id first.
    func postings(of key: UInt32) -> [Int64] {
        var found: [Int64] = []
        postings(of: key) { found.append($0) }
        return found.sorted(by: >)
    }
}
