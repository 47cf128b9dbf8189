import Foundation
import Testing

/// Every error in the tool's own words and case: argument-parser's
/// messages, file-system errors and FTS5's, one line each.
@Suite struct ErrorWordsTests {
    @Test func errorsAreOneLowerCaseLineInTheToolsWords() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try CLITests.sampleDatabase(in: dir)
        let cases: [([String], String)] = [
            (["search", "x", "--sort", "bogus", "--db", db],
             "the value 'bogus' is invalid for '--sort <sort>': give one of 'relevance', 'newest' or 'oldest' (see policykb search --help)"),
            (["search", "x", "--script", "both", "--db", db],
             "the value 'both' is invalid for '--script <script>': give one of 'fold' or 'exact' (see policykb search --help)"),
            (["articles", "--limt", "5", "--db", db],
             "unknown option '--limt'; did you mean '--limit'? (see policykb articles --help)"),
            (["artcles", "--db", db],
             "no command 'artcles' (commands: ingest, search, show, articles, policies, targets, goals, compare, extract, check, inspect, serve, corrections, history, changes, push, pull; see policykb --help)"),
            (["articles", "--db", dir.path],
             "\(dir.path): a folder, not a database file; give --db a file's path (\(dir.path)/policykb.sqlite)"),
            (["extract", dir.path], "\(dir.path): a folder; extract reads one text file"),
            (["search", "--raw", "*", "--db", db], "malformed query: a * needs a word before it (word* finds the words that start with word)"),
        ]
        for (arguments, message) in cases {
            let run = try CLI.run(arguments)
            #expect(run.status != 0, "\(arguments)")
            #expect(run.stderr == "policykb: \(message)\n", "\(arguments)")
        }
    }
}
