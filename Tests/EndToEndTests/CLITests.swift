import Foundation
import Testing

/// The command line as a newcomer meets it: help, version, exit statuses,
/// databases that are read-only or not policykb's, tables that fit.
@Suite struct CLITests {
    static let commands = ["ingest", "search", "show", "articles", "policies", "targets", "goals", "compare", "extract",
                           "check"]

    /// Every command's help has an example, and its prose is left for the
    /// terminal to wrap: on a wide terminal a paragraph is one long line.
    @Test func helpHasExamplesAndIsNotPreWrapped() throws {
        for command in Self.commands {
            let help = try CLI.run([command, "--help"], environment: ["COLUMNS": "400"])
            #expect(help.status == 0)
            #expect(help.stdout.contains("Example"), "\(command)")
            let longest = help.stdout.split(separator: "\n").map(\.count).max() ?? 0
            #expect(longest > 110, "\(command): the longest line is \(longest) characters")
        }
        let root = try CLI.run(["--help"])
        #expect(root.stdout.contains("Exit status"))
        #expect(root.stdout.contains("completion"))
    }

    @Test func versionPrintsTheVersion() throws {
        let run = try CLI.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    /// Usage errors exit 2 everywhere, with a hint naming the command's help.
    @Test func usageErrorsExitTwo() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.sampleDatabase(in: dir)
        let cases: [[String]] = [
            ["search", "数据", "--region", "火星"], ["articles", "--region", "火星"], ["goals", "--region", "火星"],
            ["search", "数据", "--facets", "foo"], ["search", "数据", "--since", "2025-02-30"],
            ["goals", "--until", "2024-13"], ["articles", "--limit", "-1"], ["policies", "--limit=-1"],
            ["targets", "--offset", "-2"], ["search", "数据", "--limit", "-1"], ["search", "数据", "--limit=-1"],
            ["compare", "--metric", "企业", "--chart", "--format", "csv"], ["show", "abc"], ["show", "1", "--format", "csv"],
            ["search", "()"], ["search", "title:"], ["search", "--raw", "数据", "--script", "exact"],
        ]
        for arguments in cases {
            let run = try CLI.run(arguments + ["--db", db])
            #expect(run.status == 2, "\(arguments): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(arguments): \(run.stderr)")
        }
        let hint = try CLI.run(["articles", "--limit", "-1", "--db", db])
        #expect(hint.stderr.contains("(see policykb articles --help)"))
    }

    /// `show` prints one article whole; JSON is one object; an unknown id
    /// is an error naming it.
    @Test func showPrintsOneArticleWhole() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.sampleDatabase(in: dir)
        let goals = try CLI.json(try CLI.run(["goals", "--db", db, "--format", "json", "--kind", "all"]).stdout)
        let id = try #require(goals.first?["article_id"] as? Int)
        let evidence = try #require((goals.first?["evidence"] as? [[String: Any]])?.first?["text"] as? String)
        let text = try CLI.run(["show", String(id), "--db", db])
        #expect(text.status == 0)
        #expect(text.stdout.contains("[" + evidence))
        #expect(text.stdout.contains("Goals"))
        let json = try JSONSerialization.jsonObject(with: Data(try CLI.run(["show", String(id), "--db", db, "--format", "json"]).stdout.utf8))
        let object = try #require(json as? [String: Any])
        #expect(object["id"] as? Int == id)
        #expect((object["body"] as? String)?.contains(evidence) == true)
        #expect((object["goals"] as? [[String: Any]])?.count == goals.filter { $0["article_id"] as? Int == id }.count)
        #expect(object["policies"] is [[String: Any]] && object["targets"] is [[String: Any]])
        let missing = try CLI.run(["show", "99999", "--db", db])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no article 99999"))
    }

    /// Listings take the shared filters and pages; a table stops at 50 rows
    /// and says how to see more.
    @Test func listingsFilterAndPage() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.sampleDatabase(in: dir)
        let all = try CLI.json(try CLI.run(["articles", "--db", db, "--format", "json"]).stdout)
        let page = try CLI.json(try CLI.run(["articles", "--db", db, "--format", "json", "--limit", "2", "--offset", "1"]).stdout)
        #expect(page.compactMap { $0["id"] as? Int } == all.dropFirst().prefix(2).compactMap { $0["id"] as? Int })
        let cut = try CLI.run(["articles", "--db", db, "--limit", "1"])
        #expect(cut.stderr.contains("--offset 1 for the next"))
        let national = try CLI.json(try CLI.run(["policies", "--db", db, "--format", "json", "--region", "CN"]).stdout)
        #expect(!national.isEmpty && national.allSatisfy { $0["region_code"] as? String == "CN" })
        let section = try #require(all.first?["section"] as? String)
        let inSection = try CLI.json(try CLI.run(["targets", "--db", db, "--format", "json", "--section", section]).stdout)
        let sectionArticles = Set(all.filter { $0["section"] as? String == section }.compactMap { $0["id"] as? Int })
        #expect(inSection.allSatisfy { sectionArticles.contains($0["article_id"] as? Int ?? -1) })
    }

    /// Several regions in one filter, as the server takes them: the union.
    @Test func severalRegionsInOneFilter() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.sampleDatabase(in: dir)
        func ids(_ region: String) throws -> Set<Int> {
            let run = try CLI.run(["articles", "--db", db, "--format", "json", "--region", region])
            #expect(run.status == 0, "\(region): \(run.stderr)")
            return Set(try CLI.json(run.stdout).compactMap { $0["id"] as? Int })
        }
        let guangdong = try ids("广东"), beijing = try ids("北京")
        #expect(!guangdong.isEmpty && !beijing.isEmpty)
        #expect(try ids("广东,北京") == guangdong.union(beijing))
        #expect(try ids("广东、北京") == guangdong.union(beijing))
        // Names in traditional script, as Hong Kong, Macao and Taiwan write them.
        for name in ["臺灣", "臺北市", "澳門", "香港特別行政區", "廣東"] {
            let run = try CLI.run(["articles", "--db", db, "--region", name])
            #expect(run.status == 0, "\(name): \(run.stderr)")
        }
        #expect(try ids("廣東") == guangdong)
        let unknown = try CLI.run(["articles", "--db", db, "--region", "广东,火星"])
        #expect(unknown.status == 2 && unknown.stderr.contains("火星"))
    }

    /// An empty listing says so in words, not with a bare header; errors,
    /// the argument parser's included, speak in the tool's own case.
    @Test func emptyListingsAndErrorsInTheToolsWords() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.sampleDatabase(in: dir)
        let empty = try CLI.run(["goals", "--db", db, "--metric", "没有这个指标"])
        #expect(empty.status == 0)
        #expect(empty.stdout == "nothing matched\n")
        let json = try CLI.run(["goals", "--db", db, "--metric", "没有这个指标", "--format", "json"])
        #expect(json.stdout == "[]\n")
        let raw = try CLI.run(["search", "--raw", "数据 AND", "--db", db])
        #expect(raw.status == 2)
        #expect(raw.stderr == "policykb: malformed query: the FTS5 expression ends too soon\n", "\(raw.stderr)")
        for arguments in [["goals", "--bogus"], ["show"]] {
            let run = try CLI.run(arguments + ["--db", db])
            #expect(run.status == 2)
            let message = run.stderr.dropFirst("policykb: ".count)
            #expect(run.stderr.hasPrefix("policykb: ") && message.first?.isLowercase == true, "\(run.stderr)")
        }
    }

    /// Tables fit $COLUMNS, cutting long cells with an ellipsis.
    @Test func tablesFitTheTerminal() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.sampleDatabase(in: dir)
        for width in [60, 100] {
            let run = try CLI.run(["articles", "--db", db], environment: ["COLUMNS": String(width)])
            let widths = run.stdout.split(separator: "\n").map { line in
                line.unicodeScalars.reduce(0) { $0 + (($1.properties.isIdeographic || (0xFF00...0xFF60).contains($1.value)
                    || (0x3000...0x303F).contains($1.value)) ? 2 : 1) }
            }
            #expect(widths.allSatisfy { $0 <= width }, "\(width): \(widths)")
            #expect(run.stdout.contains("…"))
        }
    }

    /// A text file, another application's SQLite file and a read-only file.
    @Test func databasesThatAreNotPolicykbsOrNotWritable() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = dir.appendingPathComponent("notes.txt")
        try "just some notes\n".write(to: text, atomically: true, encoding: .utf8)
        for command in [["articles"], ["search", "数据"], ["check"], ["ingest", CLI.packageRoot.appendingPathComponent("SampleData").path]] {
            let run = try CLI.run(command + ["--db", text.path])
            #expect(run.status == 1, "\(command)")
            #expect(run.stderr.contains("not a policykb database"), "\(command): \(run.stderr)")
            #expect(!run.stderr.contains("SELECT"), "\(command): \(run.stderr)")
        }
        if let sqlite = CLI.which("sqlite3") {
            let other = dir.appendingPathComponent("other.sqlite")
            _ = try CLI.run([other.path, "CREATE TABLE customers (id, name)"], executable: sqlite)
            let ingest = try CLI.run(["ingest", CLI.packageRoot.appendingPathComponent("SampleData").path, "--db", other.path])
            #expect(ingest.status == 1)
            #expect(ingest.stderr.contains("another application (tables: customers)"))
            let tables = try CLI.run([other.path, ".tables"], executable: sqlite)
            #expect(tables.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "customers")
        }
    }

    /// Read commands and check work on a file that cannot be written, in a
    /// folder that cannot take -wal and -shm files; writing says why not.
    @Test(.enabled(if: CLI.which("chattr") != nil || getuid() != 0, "needs chattr(1) to make a file read-only for root"))
    func readOnlyDatabases() throws {
        let dir = try CLI.temporaryDirectory()
        let folder = dir.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = try Self.sampleDatabase(in: folder)
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        let protect = try Self.makeReadOnly([db, folder.path])
        defer {
            protect.undo()
            try? FileManager.default.removeItem(at: dir)
        }
        try #require(protect.done, "could not make the folder read-only here")
        let articles = try CLI.run(["articles", "--db", db, "--format", "json"])
        #expect(articles.status == 0, "\(articles.stderr)")
        #expect(try CLI.json(articles.stdout).count >= 5)
        let search = try CLI.run(["search", "数据", "--db", db, "--format", "json"])
        #expect(search.status == 0, "\(search.stderr)")
        let check = try CLI.run(["check", "--db", db])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(!check.stdout.contains("false"))
        let ingest = try CLI.run(["ingest", CLI.packageRoot.appendingPathComponent("SampleData").path, "--db", db])
        #expect(ingest.status == 1)
        #expect(ingest.stderr == "policykb: \(db): the database is read-only; writing needs permission to write the file and its folder\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
    }

    /// A database of the sample bulletins in `dir`, its WAL folded in.
    static func sampleDatabase(in dir: URL) throws -> String {
        let db = dir.appendingPathComponent("kb.sqlite").path
        let run = try CLI.run(["ingest", CLI.packageRoot.appendingPathComponent("SampleData").path, "--db", db, "--quiet"])
        #expect(run.status == 0, "\(run.stderr)")
        return db
    }

    /// Makes files read-only even for root (the immutable attribute), or
    /// by permissions for anyone else.
    static func makeReadOnly(_ paths: [String]) throws -> (done: Bool, undo: () -> Void) {
        if getuid() == 0, let chattr = CLI.which("chattr") {
            let made = try CLI.run(["+i"] + paths, executable: chattr)
            return (made.status == 0, { _ = try? CLI.run(["-i"] + paths, executable: chattr) })
        }
        for path in paths { chmod(path, 0o555) }
        return (true, { for path in paths { chmod(path, 0o755) } })
    }
}
