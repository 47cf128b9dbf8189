import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PolicyCore
import PolicyExtraction
import PolicykbTestSupport
import Testing
@testable import PolicykbServer

/// The answer cache: a repeated request is answered from it with the same
/// bytes, errors are never kept, and a change to the database file (an
/// ingest by another connection) empties it.
@Suite struct CacheTests {
    /// A database of its own, so that this suite can write to it.
    func writableDatabase() throws -> String {
        let path = try TestPaths.temporaryDirectory().appendingPathComponent("cache.sqlite").path
        let store = try PolicyStore(path: path)
        let line = #"{"title": "缓存测试文章", "body": "测试正文，到2027年培育示范企业20家。", "date": "2025-04-01", "region": "北京"}"#
        _ = try Ingestion(store: store).ingest(documents: [("/cache/first.jsonl", line + "\n")])
        return path
    }

    func replies(_ uris: [String], database: String, cacheEntries: Int = 16,
                 between: @escaping @Sendable (Int) throws -> Void = { _ in }) async throws -> [HTTP.Reply] {
        let app = Application(router: PolicykbServer.router(pool: try StorePool(path: database), cacheEntries: cacheEntries))
        return try await app.test(.router) { client in
            var replies: [HTTP.Reply] = []
            for (index, uri) in uris.enumerated() {
                try between(index)
                replies.append(try await client.execute(uri: uri, method: .get) { response in
                    HTTP.Reply(status: response.status, headers: response.headers, text: String(buffer: response.body))
                })
            }
            return replies
        }
    }

    @Test func aRepeatedRequestIsAnsweredFromTheCacheWithTheSameBytes() async throws {
        let database = try writableDatabase()
        let search = "/api/search?q=" + HTTP.q("示范企业")
        let page = "/search?q=" + HTTP.q("示范企业")
        let replies = try await replies([search, search, page, page, search], database: database)
        #expect(replies.map { $0.header("X-Policykb-Cache") } == ["miss", "hit", "miss", "hit", "hit"])
        #expect(replies.allSatisfy { $0.status == .ok })
        #expect(replies[0].text == replies[1].text && replies[1].text == replies[4].text)
        #expect(replies[2].text == replies[3].text)
        #expect(replies[1].header("Content-Type") == "application/json; charset=utf-8")
        #expect(replies[3].header("Content-Type") == "text/html; charset=utf-8")
        #expect(try replies[1].object()["total"] as? Int == 1)
    }

    @Test func errorsAreNotKept() async throws {
        let database = try writableDatabase()
        let bad = "/api/search?q=" + HTTP.q("(算力")
        let missing = "/api/articles/999999"
        let replies = try await replies([bad, bad, missing, missing], database: database)
        #expect(replies.map(\.status) == [.badRequest, .badRequest, .notFound, .notFound])
        #expect(replies.allSatisfy { $0.header("X-Policykb-Cache") == nil })
    }

    @Test func aChangeToTheDatabaseEmptiesTheCache() async throws {
        let database = try writableDatabase()
        let search = "/api/search?q=" + HTTP.q("示范企业")
        let replies = try await replies([search, search, search, search], database: database) { index in
            // Before the third request another connection ingests a second
            // article that matches.
            guard index == 2 else { return }
            let store = try PolicyStore(path: database)
            let line = #"{"title": "第二篇", "body": "再培育示范企业10家。", "date": "2025-05-01", "region": "上海"}"#
            _ = try Ingestion(store: store).ingest(documents: [("/cache/second.jsonl", line + "\n")])
        }
        #expect(replies.map { $0.header("X-Policykb-Cache") } == ["miss", "hit", "miss", "hit"])
        #expect(try replies[1].object()["total"] as? Int == 1)
        #expect(try replies[2].object()["total"] as? Int == 2)
    }

    @Test func noCacheRendersEveryRequest() async throws {
        let database = try writableDatabase()
        let search = "/api/search?q=" + HTTP.q("示范企业")
        let replies = try await replies([search, search], database: database, cacheEntries: 0)
        #expect(replies.map { $0.header("X-Policykb-Cache") } == ["miss", "miss"])
        #expect(replies[0].text == replies[1].text)
    }

    @Test func theLeastRecentlyUsedAnswerGoesFirst() throws {
        let database = try writableDatabase()
        let cache = ResponseCache(path: database, capacity: 2)
        for key in ["a", "b"] {
            let (kept, version) = cache.lookup(key)
            #expect(kept == nil)
            cache.store(Rendered(text: key, contentType: Responses.jsonType), for: key, version: version)
        }
        #expect(cache.lookup("a").rendered?.text == "a")  // a is now newer than b
        let (_, version) = cache.lookup("c")
        cache.store(Rendered(text: "c", contentType: Responses.jsonType), for: "c", version: version)
        #expect(cache.lookup("b").rendered == nil)
        #expect(cache.lookup("a").rendered?.text == "a")
        #expect(cache.lookup("c").rendered?.text == "c")
        #expect(cache.count == 2)
    }
}
