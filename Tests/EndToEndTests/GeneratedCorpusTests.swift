import Foundation
import Testing

/// A generated corpus lists every article of each bulletin in its contents
/// (some under an interview's speaker line the list does not name):
/// `policykb ingest` stores exactly the articles `policykb-corpus` says it
/// wrote.
@Suite struct GeneratedCorpusTests {
    @Test func ingestStoresExactlyTheArticlesTheCorpusWasWrittenWith() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let corpus = dir.appendingPathComponent("corpus")
        let generator = CLI.binary.deletingLastPathComponent().appendingPathComponent("policykb-corpus")
        let wrote = try CLI.run(["--out", corpus.path, "--files", "150", "--seed", "17"], executable: generator)
        try #require(wrote.status == 0, "\(wrote.stderr)")
        // wrote 150 bulletins, N articles, …
        let words = wrote.stdout.split(separator: " ")
        let index = try #require(words.firstIndex { $0.hasPrefix("articles") })
        let written = try #require(Int(words[index - 1]), "\(wrote.stdout)")

        let db = dir.appendingPathComponent("kb.sqlite").path
        let ingest = try CLI.run(["ingest", corpus.path, "--db", db, "--quiet"])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        let stored = try CLI.json(try CLI.run(["articles", "--db", db, "--format", "json"]).stdout)
        #expect(stored.count == written)
    }
}
