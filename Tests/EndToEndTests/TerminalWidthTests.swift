import Foundation
import PolicyCore
import Testing

/// Tables at 80 columns: columns left out by priority, titles readable,
/// a note saying what was left out, `--columns` to choose.
@Suite struct TerminalWidthTests {
    static func cells(_ line: Substring) -> Int { DisplayWidth.of(String(line)) }

    @Test func articlesAtEightyColumnsKeepTitlesReadable() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try CLITests.sampleDatabase(in: dir)
        let run = try CLI.run(["articles", "--db", db], environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { Self.cells($0) <= 80 }, "\(lines.map(Self.cells))")
        let header = try #require(lines.first).split(separator: " ").map(String.init)
        #expect(header.starts(with: ["id", "issue_date"]) && header.contains("title"), "\(header)")
        #expect(!header.contains("urls") && !header.contains("cumulative_number"))
        // The title column is at least 20 cells wide: a title of 10 CJK
        // characters or more shows its first 9 and the ellipsis, or whole.
        let articles = try CLI.json(try CLI.run(["articles", "--db", db, "--format", "json"]).stdout)
        let titles = articles.compactMap { $0["title"] as? String }
        for title in titles.prefix(50) {
            #expect(run.stdout.contains(String(title.prefix(9))), "\(title)")
        }
        // One line on standard error says what was left out and how to see it.
        let note = run.stderr.split(separator: "\n").filter { $0.hasPrefix("left out") }
        #expect(note.count == 1, "\(run.stderr)")
        #expect(note.first?.contains("urls") == true && note.first?.contains("--columns") == true)
        #expect(note.first.map { !$0.contains(" title") } == true)
        // Without a terminal and without $COLUMNS, lines are whole.
        let piped = try CLI.run(["articles", "--db", db], environment: ["COLUMNS": ""])
        #expect(piped.stdout.split(separator: "\n").first?.contains("urls") == true)
        #expect(!piped.stderr.contains("left out"))
    }

    @Test func everyListingFitsEightyColumns() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try CLITests.sampleDatabase(in: dir)
        for arguments in [["goals", "--kind", "all"], ["compare", "--metric", "产业"], ["policies"], ["targets"],
                          ["search", "数据"], ["search", "数据", "--explain"]] {
            let run = try CLI.run(arguments + ["--db", db], environment: ["COLUMNS": "80"])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            let lines = run.stdout.split(separator: "\n")
            #expect(lines.count > 2, "\(arguments)")
            #expect(lines.allSatisfy { Self.cells($0) <= 80 }, "\(arguments): \(lines.filter { Self.cells($0) > 80 })")
        }
        // --explain: every score's parts whole, under its row.
        let explained = try CLI.run(["search", "数据", "--explain", "--db", db, "--format", "table"], environment: ["COLUMNS": "80"])
        let terms = explained.stdout.split(separator: "\n").filter { $0.hasPrefix("    term 1: ") }
        #expect(!terms.isEmpty)
        #expect(terms.allSatisfy { $0.contains("→") && $0.contains("idf") }, "\(terms)")
    }

    @Test func columnsChoosesTheColumns() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try CLITests.sampleDatabase(in: dir)
        let chosen = try CLI.run(["articles", "--db", db, "--columns", "title,id"], environment: ["COLUMNS": "80"])
        #expect(chosen.status == 0)
        #expect(chosen.stdout.split(separator: "\n").first?.split(separator: " ") == ["title", "id"])
        #expect(chosen.stderr.isEmpty)
        let csv = try CLI.run(["goals", "--db", db, "--columns", "id,metric,value", "--format", "csv"])
        #expect(csv.stdout.hasPrefix("id,metric,value\r\n"))
        let unknown = try CLI.run(["articles", "--db", db, "--columns", "id,headline"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "policykb: --columns: no column headline (columns: \(ArticleRow.columns.joined(separator: ", ")))\n")
    }

    @Test func anEmptyListingSaysNothingMatched() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try CLITests.sampleDatabase(in: dir)
        for arguments in [["articles", "--since", "2099"], ["goals", "--year", "2999"], ["search", "没有这种词语xyz"],
                          ["compare", "--metric", "没有这种指标"]] {
            let run = try CLI.run(arguments + ["--db", db])
            #expect(run.status == 0, "\(arguments)")
            #expect(run.stdout == "nothing matched\n", "\(arguments): \(run.stdout)")
        }
    }
}
