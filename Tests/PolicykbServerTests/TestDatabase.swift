import Foundation
import PolicyCore
import PolicyExtraction
import PolicykbServer
import PolicykbTestSupport

/// A database file for the server tests: the sample bulletins, and an
/// article whose title, body and link carry script (ingested as JSON Lines,
/// the way a scraper's output arrives). Built once per test process.
enum TestDatabase {
    static let xssTitle = "<script>alert('title')</script>攻击测试"
    static let xssBody = """
        正文<script>alert("body")</script>开始。深圳市印发测试方案，到2027年，培育核心企业不少于50家<img src=x onerror=alert(2)>。
        """

    struct Fixture: Sendable {
        let path: String
    }

    private static let built: Result<Fixture, any Error> = Result {
        let directory = try TestPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("server.sqlite").path
        let store = try PolicyStore(path: path)
        var documents: [(path: String, text: String)] = try FileManager.default
            .contentsOfDirectory(atPath: TestPaths.sampleData.path).filter { $0.hasSuffix(".txt") }.sorted().map { name in
                ("/sample/\(name)", try String(contentsOf: TestPaths.sampleData.appendingPathComponent(name), encoding: .utf8))
            }
        let line = try JSONSerialization.data(withJSONObject: [
            "title": xssTitle, "body": xssBody, "date": "2025-03-10", "region": "深圳", "section": "<b>地方</b>",
            "url": "javascript:alert(3)", "publication": "测试<i>刊</i>",
        ])
        documents.append(("/sample/xss.jsonl", String(decoding: line, as: UTF8.self) + "\n"))
        let outcomes = try Ingestion(store: store).ingest(documents: documents)
        guard outcomes.allSatisfy({ $0.status == .ingested }) else {
            throw FixtureError("ingest failed: \(outcomes.map { "\($0.path) \($0.status)" })")
        }
        return Fixture(path: path)
    }

    static func path() throws -> String { try built.get().path }

    /// The target series (`TargetSeries`): six issues of two periodicals in
    /// which targets are set, restated, raised, moved, superseded, met and
    /// missed; its own file, so that the sample's figures stay as they are.
    private static let series: Result<Fixture, any Error> = Result {
        let directory = try TestPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("series.sqlite").path
        let outcomes = try Ingestion(store: try PolicyStore(path: path)).ingest(documents: TargetSeries.issues)
        guard outcomes.allSatisfy({ $0.status == .ingested }) else {
            throw FixtureError("series ingest failed: \(outcomes.map { "\($0.path) \($0.status)" })")
        }
        return Fixture(path: path)
    }

    static func seriesPath() throws -> String { try series.get().path }

    static func pool() throws -> StorePool { try StorePool(path: path()) }

    /// The article ingested from the JSON Lines document.
    static func xssArticleID() throws -> Int64 {
        let store = try PolicyStore(path: path(), access: .read)
        guard let id = try store.articles().first(where: { $0.title == xssTitle })?.id else {
            throw FixtureError("no XSS article")
        }
        return id
    }
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
