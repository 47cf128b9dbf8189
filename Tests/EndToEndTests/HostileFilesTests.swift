import Foundation
import PolicyCore
import PolicyExtraction
import Testing

/// Files as a crash or another tool leaves them: a WAL with committed
/// transactions beside a file that cannot be written, and SQLite files
/// marked by other migration tools.
@Suite struct HostileFilesTests {
    /// A database as an ingest killed before its checkpoint leaves it, the
    /// last transactions only in the -wal: the three files copied, as they
    /// were at the kill, to `folder`. Returns the copy and the article count
    /// the original holds (read with write access, which reads its WAL).
    static func crashedDatabase(in folder: URL, scratch: URL, keepShm: Bool) throws -> (copy: String, articles: Int) {
        let input = scratch.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        _ = try BatchIngestTests.corpus(80, in: input, seed: 31)
        let original = scratch.appendingPathComponent("kb.sqlite").path
        try BatchIngestTests.ingestAndKill(input: input.path, db: original, afterLines: 40)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let copy = folder.appendingPathComponent("kb.sqlite").path
        for suffix in ["", "-wal"] + (keepShm ? ["-shm"] : []) {
            try FileManager.default.copyItem(atPath: original + suffix, toPath: copy + suffix)
        }
        let sqlite = try #require(CLI.which("sqlite3"))
        let count = try CLI.run([original, "SELECT count(*) FROM articles"], executable: sqlite)
        return (copy, Int(count.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1)
    }

    @Test(.enabled(if: CLI.hasSqliteShell && (CLI.which("chattr") != nil || getuid() != 0),
                   "needs sqlite3, and chattr(1) to make a file read-only for root"))
    func readOnlyOpensReadCommittedTransactionsInTheWAL() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("ro")
        let (copy, expected) = try Self.crashedDatabase(in: folder, scratch: dir, keepShm: true)
        let walSize = (try FileManager.default.attributesOfItem(atPath: copy + "-wal")[.size] as? Int) ?? 0
        try #require(walSize > 32, "the copy's WAL should hold frames")
        #expect(expected > 0)
        let protect = try CLITests.makeReadOnly([copy, folder.path])
        defer { protect.undo() }
        try #require(protect.done, "could not make the folder read-only here")
        let articles = try CLI.run(["articles", "--db", copy, "--format", "json"])
        #expect(articles.status == 0, "\(articles.stderr)")
        #expect(try CLI.json(articles.stdout).count == expected)
        let check = try CLI.run(["check", "--db", copy])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// Without the -shm, SQLite cannot read the WAL of a folder it cannot
    /// write: one line says so, instead of fewer rows.
    @Test(.enabled(if: CLI.hasSqliteShell && (CLI.which("chattr") != nil || getuid() != 0),
                   "needs sqlite3, and chattr(1) to make a file read-only for root"))
    func anUnreadableWALIsRefusedInOneLine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("ro")
        let (copy, _) = try Self.crashedDatabase(in: folder, scratch: dir, keepShm: false)
        let protect = try CLITests.makeReadOnly([copy, folder.path])
        defer { protect.undo() }
        try #require(protect.done, "could not make the folder read-only here")
        for command in [["articles"], ["search", "数据"], ["check"]] {
            let run = try CLI.run(command + ["--db", copy])
            #expect(run.status == 1, "\(command): \(run.stdout)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("its -wal file holds committed changes"), "\(command): \(run.stderr)")
        }
    }

    /// Files other migration tools have marked are recognised before
    /// anything is written: the file's bytes are unchanged after `ingest`.
    @Test(.enabled(if: CLI.hasSqliteShell, "needs the sqlite3 shell"))
    func otherToolsDatabasesAreRefusedUntouched() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let sqlite = try #require(CLI.which("sqlite3"))
        let setups = [
            "user-version": "PRAGMA user_version = 10;",
            "rails": "CREATE TABLE schema_migrations (version varchar NOT NULL PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240101000000');",
            "golang-migrate": "CREATE TABLE schema_migrations (version uint64, dirty bool); INSERT INTO schema_migrations VALUES (3, 0); PRAGMA user_version = 3;",
            "lookalike": "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, checksum TEXT); INSERT INTO schema_migrations VALUES (1, 'create_users', 'abc'); PRAGMA user_version = 1;",
        ]
        for (name, sql) in setups.sorted(by: { $0.key < $1.key }) {
            let path = dir.appendingPathComponent("\(name).sqlite").path
            _ = try CLI.run([path, sql], executable: sqlite)
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            let ingest = try CLI.run(["ingest", CLI.packageRoot.appendingPathComponent("SampleData").path, "--db", path])
            #expect(ingest.status == 1, "\(name)")
            #expect(ingest.stderr.contains("not a policykb database"), "\(name): \(ingest.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(name): the file changed")
            #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "\(name)")
            for command in [["search", "数据"], ["articles"], ["check"]] {
                let run = try CLI.run(command + ["--db", path])
                #expect(run.status == 1, "\(name) \(command)")
                #expect(run.stderr.contains("not a policykb database"), "\(name) \(command): \(run.stderr)")
                #expect(!run.stderr.contains("ingest migrate"), "\(name) \(command): \(run.stderr)")
            }
        }
    }

    /// Runs of short lines used to cost time quadratic in their length (each
    /// line's heading test looked down the whole run) and a paragraph
    /// joined from many lines as much again: a page of 40,000 short
    /// paragraphs now ingests like any other. The limit only guards against
    /// a return of the quadratic path, which took hours at this size.
    @Test(.timeLimit(.minutes(3)))
    func longRunsOfShortLinesIngestInLinearTime() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let count = 40_000
        var text = "【标题】段落很多的测试页\n"
        for index in 0..<count { text += "第\(index)段说明材料\n" }
        let page = dir.appendingPathComponent("many-lines.txt")
        try Data(text.utf8).write(to: page)
        var html = "<html><body><h1>段落很多的网页</h1>"
        for index in 0..<count { html += "<p>第\(index)段说明材料</p>" }
        let web = dir.appendingPathComponent("many-paragraphs.html")
        try Data((html + "</body></html>").utf8).write(to: web)
        let db = dir.appendingPathComponent("kb.sqlite").path
        let run = try CLI.run(["ingest", page.path, web.path, "--db", db, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        // The page and the text say the same: one story, two copies.
        let search = try CLI.run(["search", "第39999段", "--db", db, "--format", "json", "--all-copies"])
        #expect(try CLI.searchObject(search.stdout)["total"] as? Int == 2)
    }

    /// A file over the limit is refused by its size, before it is read, in
    /// one line; so are a FIFO and a folder that cannot be read, each named.
    @Test func filesBeyondTheLimitsAreRefusedInOneLine() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let big = dir.appendingPathComponent("huge.txt")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: UInt64(IngestLimits.maxFileBytes + 1))
        try handle.close()
        let fifo = dir.appendingPathComponent("pipe.txt")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        let db = dir.appendingPathComponent("kb.sqlite").path
        for (file, reason) in [(big.path, "split it"), (fifo.path, "not a regular file")] {
            let run = try CLI.run(["ingest", file, "--db", db])
            #expect(run.status == 1, "\(file)")
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.contains { $0.contains(file) && $0.contains(reason) }, "\(run.stderr)")
        }
        let articles = try CLI.run(["articles", "--db", db, "--format", "json"])
        let listed = articles.status == 0 ? try CLI.json(articles.stdout).count : 0
        #expect(listed == 0)
    }

    /// A folder the user cannot read is reported, not passed over.
    @Test(.enabled(if: getuid() != 0 || CLI.which("setpriv") != nil, "needs setpriv(1) to run as another user"))
    func anUnreadableFolderIsReported() throws {
        let dir = try CLI.temporaryDirectory()
        defer {
            chmod(dir.appendingPathComponent("in/locked").path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let input = dir.appendingPathComponent("in")
        let locked = input.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("SampleData/szzl-2025-07.txt"),
                                         to: input.appendingPathComponent("a.txt"))
        try "【标题】锁住的文件\n正文。\n".write(to: locked.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        chmod(dir.path, 0o777)
        chmod(input.path, 0o755)
        chmod(locked.path, 0o000)
        let db = dir.appendingPathComponent("kb.sqlite").path
        var arguments = ["ingest", input.path, "--db", db, "--format", "json"]
        var executable = CLI.binary
        if getuid() == 0, let setpriv = CLI.which("setpriv") {
            arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CLI.binary.path] + arguments
            executable = setpriv
        }
        let run = try CLI.run(arguments, executable: executable)
        #expect(run.stdout.contains("folder cannot be read: permission denied"), "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(locked.path), "\(run.stdout)")
    }
}
