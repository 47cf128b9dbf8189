import CorpusGenerator
import Foundation
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// Batch ingest: directories of mixed encodings and formats, idempotent
/// reruns, crash safety under SIGKILL, readers during ingest.
@Suite struct BatchIngestTests {
    /// Writes `count` generated bulletins into `dir`.
    static func corpus(_ count: Int, in dir: URL, seed: UInt64 = 7) throws -> [GeneratedBulletin] {
        let generator = CorpusGenerator(seed: seed)
        let bulletins = (0..<count).map(generator.bulletin)
        for bulletin in bulletins {
            try Data(bulletin.text.utf8).write(to: dir.appendingPathComponent(bulletin.fileName))
        }
        return bulletins
    }

    /// Every article of the database, in a canonical order, as text.
    static func dump(_ db: String) throws -> String {
        let sqlite = try #require(CLI.which("sqlite3"))
        let result = try CLI.run([db, """
            SELECT i.source_file, a.position, a.title, a.section, a.region_code, a.source, length(a.body), a.body
            FROM articles a JOIN issues i ON i.id = a.issue_id ORDER BY i.source_file, a.position;
            SELECT i.source_file, g.kind, g.metric, g.comparator, g.value_exact, g.unit, g.year
            FROM goals g JOIN articles a ON a.id = g.article_id JOIN issues i ON i.id = a.issue_id
            ORDER BY i.source_file, a.position, g.id;
            SELECT title, start_year, end_year FROM policies ORDER BY title_key;
            """], executable: sqlite)
        return result.stdout
    }

    @Test(.enabled(if: CLI.hasSharedCorpus && CLI.hasSqliteShell, "needs ../shared/corpus and sqlite3"))
    func mixedDirectoryIngestsTheGoodFilesAndReportsTheBad() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let real = try Data(contentsOf: CLI.realBulletin)
        let text = String(decoding: real, as: UTF8.self)
        try real.write(to: input.appendingPathComponent("a-real.txt"))
        try Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8).write(to: input.appendingPathComponent("b-crlf.txt"))
        let gb = try #require(Self.encode(text, to: "GB18030"))
        try Data(gb).write(to: input.appendingPathComponent("c-gb18030.txt"))
        let utf16 = [UInt8]([0xFF, 0xFE]) + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Data(utf16).write(to: input.appendingPathComponent("d-utf16.txt"))
        try Data(CorpusGenerator(seed: 3).jsonLines(0, count: 5).utf8).write(to: input.appendingPathComponent("e-articles.jsonl"))
        try Data().write(to: input.appendingPathComponent("f-empty.txt"))
        try Data((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: input.appendingPathComponent("g-binary.txt"))
        let db = dir.appendingPathComponent("kb.sqlite").path

        let run = try CLI.run(["ingest", input.path, "--db", db, "--format", "json"])
        #expect(run.status == 1)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(summary["files_seen"] as? Int == 7)
        #expect(summary["ingested"] as? Int == 5)
        let failed = try #require(summary["failed"] as? [[String: Any]])
        #expect(Set(failed.compactMap { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } })
                == ["f-empty.txt", "g-binary.txt"])
        #expect(summary["articles"] as? Int == 4 * 13 + 5)
        #expect(run.stderr.contains("f-empty.txt: empty file"))
        // Bytes that are no text in any encoding: refused as binary or as
        // undecodable, either way with the file named.
        #expect(run.stderr.contains("g-binary.txt: binary file") || run.stderr.contains("g-binary.txt: cannot determine the text encoding"))

        // Each encoding gives the same articles.
        let sqlite = try #require(CLI.which("sqlite3"))
        let bodies = try CLI.run([db, "SELECT i.encoding, count(*), sum(length(a.body)) FROM articles a JOIN issues i ON i.id = a.issue_id WHERE i.format = 'bulletin' GROUP BY i.id ORDER BY i.source_file"], executable: sqlite)
        let lines = bodies.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(Set(lines.map { $0.split(separator: "|").dropFirst().joined(separator: "|") }).count == 1, "\(bodies.stdout)")
        #expect(lines.map { $0.split(separator: "|")[0] } == ["UTF-8", "UTF-8", "GB18030", "UTF-16LE"])

        #expect(try CLI.run(["check", "--db", db]).status == 0)

        // Again: everything unchanged, nothing written.
        let before = try Self.dump(db)
        let again = try CLI.run(["ingest", input.path, "--db", db, "--format", "json"])
        let second = try #require(try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as? [String: Any])
        #expect(second["unchanged"] as? Int == 5)
        #expect(second["ingested"] as? Int == 0)
        #expect(try Self.dump(db) == before)
    }

    @Test(.enabled(if: CLI.hasSqliteShell, "needs sqlite3"))
    func aChangedFileReplacesItsIssueAndDryRunWritesNothing() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bulletins = try Self.corpus(3, in: dir)
        let db = dir.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", dir.path, "--db", db]).status == 0)
        let before = try Self.dump(db)

        // Replace the second file with another bulletin's text.
        let other = CorpusGenerator(seed: 99).bulletin(0)
        try Data(other.text.utf8).write(to: dir.appendingPathComponent(bulletins[1].fileName))
        let dry = try CLI.run(["ingest", dir.path, "--db", db, "--dry-run", "--format", "json"])
        let plan = try #require(try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [String: Any])
        #expect(plan["would_replace"] as? Int == 1)
        #expect(plan["unchanged"] as? Int == 2)
        // A dry run counts the articles it would write.
        #expect(plan["articles"] as? Int == other.titles.count)
        let dryTable = try CLI.run(["ingest", dir.path, "--db", db, "--dry-run"])
        #expect(dryTable.stdout.contains("\(other.titles.count) articles would be written"))
        #expect(try Self.dump(db) == before)

        let run = try CLI.run(["ingest", dir.path, "--db", db, "--format", "json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(summary["replaced"] as? Int == 1)
        let sqlite = try #require(CLI.which("sqlite3"))
        let titles = try CLI.run([db, "SELECT a.title FROM articles a JOIN issues i ON i.id = a.issue_id WHERE i.source_file = '\(bulletins[1].fileName)' ORDER BY a.position"], executable: sqlite)
        #expect(titles.stdout.split(separator: "\n").map(String.init) == other.titles)
        #expect(try CLI.run(["check", "--db", db]).status == 0)
    }

    /// SIGKILL at several moments, then: the file passes every check, holds
    /// only whole issues, and rerunning completes the job with the same
    /// content as an uninterrupted run.
    @Test(.enabled(if: CLI.hasSqliteShell, "needs sqlite3"))
    func killedIngestLeavesWholeIssuesAndResumes() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let bulletins = try Self.corpus(120, in: input)
        let expected = Dictionary(uniqueKeysWithValues: bulletins.map { ($0.fileName, $0.titles.count) })

        let reference = dir.appendingPathComponent("reference.sqlite").path
        #expect(try CLI.run(["ingest", input.path, "--db", reference, "--quiet"]).status == 0)
        let wanted = try Self.dump(reference)

        let sqlite = try #require(CLI.which("sqlite3"))
        for (attempt, killAfter) in [0, 1, 7, 30, 75, 119].enumerated() {
            let db = dir.appendingPathComponent("killed-\(attempt).sqlite").path
            try Self.ingestAndKill(input: input.path, db: db, afterLines: killAfter)
            if FileManager.default.fileExists(atPath: db) {
                let check = try CLI.run(["check", "--db", db])
                // A kill before the first migration committed leaves no schema to check.
                if !check.stderr.contains("schema version 0") && !check.stderr.contains("not a policykb database yet") {
                    #expect(check.status == 0, "kill after \(killAfter) files: \(check.stdout)\(check.stderr)")
                }
                let counts = try CLI.run([db, "SELECT i.source_file, count(a.id) FROM issues i LEFT JOIN articles a ON a.issue_id = i.id GROUP BY i.id"],
                                         executable: sqlite)
                for line in counts.stdout.split(separator: "\n") {
                    let parts = line.split(separator: "|")
                    #expect(Int(parts[1]) == expected[String(parts[0])], "partial issue \(line) after kill at \(killAfter)")
                }
            }
            let rerun = try CLI.run(["ingest", input.path, "--db", db, "--quiet"])
            #expect(rerun.status == 0, "\(rerun.stderr)")
            #expect(try Self.dump(db) == wanted, "content after kill at \(killAfter) and rerun")
            #expect(try CLI.run(["check", "--db", db]).status == 0)
        }
    }

    /// Ctrl-C stops the run after the file in hand, says how far it got
    /// and how to resume, and exits 130; running the same command again
    /// finishes the job.
    @Test(.enabled(if: CLI.hasSqliteShell, "needs sqlite3"))
    func interruptedIngestSaysHowToResume() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let bulletins = try Self.corpus(120, in: input, seed: 21)
        let db = dir.appendingPathComponent("kb.sqlite").path
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["ingest", input.path, "--db", db, "--jobs", "1"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Wait for the first file, then Ctrl-C.
        var buffer = Data()
        while !buffer.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            buffer.append(chunk)
        }
        process.interrupt()
        buffer.append(out.fileHandleForReading.readDataToEndOfFile())
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let stopped = try #require(message.firstMatch(of: /stopped after (\d+) of (\d+) files; run the same command to resume/))
        let done = try #require(Int(stopped.output.1))
        #expect(Int(stopped.output.2) == bulletins.count)
        #expect(done >= 1 && done < bulletins.count)
        let sqlite = try #require(CLI.which("sqlite3"))
        let issues = try CLI.run([db, "SELECT count(*) FROM issues"], executable: sqlite)
        #expect(Int(issues.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) == done)
        let rerun = try CLI.run(["ingest", input.path, "--db", db, "--format", "json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(rerun.stdout.utf8)) as? [String: Any])
        #expect(summary["unchanged"] as? Int == done)
        #expect(summary["ingested"] as? Int == bulletins.count - done)
    }

    /// Starts an ingest and kills it with SIGKILL once it has reported
    /// `afterLines` files (0: at once).
    static func ingestAndKill(input: String, db: String, afterLines: Int) throws {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["ingest", input, "--db", db]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        if afterLines > 0 {
            var seen = 0
            var buffer = Data()
            let handle = out.fileHandleForReading
            while seen < afterLines {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                seen = buffer.filter { $0 == 0x0A }.count
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Searches and listings keep working while an ingest writes.
    @Test func readersNeverSeeALockedDatabase() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        _ = try Self.corpus(150, in: input, seed: 11)
        let db = dir.appendingPathComponent("kb.sqlite").path
        // The schema exists before the readers start.
        let first = dir.appendingPathComponent("first.txt")
        try Data(CorpusGenerator(seed: 12).bulletin(0).text.utf8).write(to: first)
        #expect(try CLI.run(["ingest", first.path, "--db", db]).status == 0)

        let writer = Process()
        writer.executableURL = CLI.binary
        writer.arguments = ["ingest", input.path, "--db", db, "--quiet"]
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        var reads = 0
        var failures: [String] = []
        while writer.isRunning || reads < 3 {
            for arguments in [["search", "数据", "--db", db, "--format", "json"], ["articles", "--db", db, "--format", "csv"],
                              ["goals", "--db", db, "--format", "json"]] {
                let result = try CLI.run(arguments)
                if result.status != 0 { failures.append(result.stderr) }
                reads += 1
            }
        }
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(failures.isEmpty, "\(failures.prefix(3))")
        #expect(reads >= 3)
    }

    static func encode(_ text: String, to encoding: String) -> [UInt8]? {
        TextDecoder.convert(Array(text.utf8), from: "UTF-8", to: encoding)
    }
}

@Suite struct IngestOptionsTests {
    /// A directory with nothing to ingest is an error that says where it
    /// looked; files a walk passes over are listed with the reason.
    @Test func summariesSayWhatWasFoundAndSkipped() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let empty = dir.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let db = dir.appendingPathComponent("kb.sqlite").path
        let nothing = try CLI.run(["ingest", empty.path, "--db", db])
        #expect(nothing.status == 1)
        #expect(nothing.stderr.contains("no bulletin files found in \(empty.path)"))

        let mixed = dir.appendingPathComponent("mixed")
        try FileManager.default.createDirectory(at: mixed, withIntermediateDirectories: true)
        try Data(CorpusGenerator(seed: 5).bulletin(0).text.utf8).write(to: mixed.appendingPathComponent("a.txt"))
        try Data("notes".utf8).write(to: mixed.appendingPathComponent("notes.docx"))
        try Data("x".utf8).write(to: mixed.appendingPathComponent(".hidden.txt"))
        let table = try CLI.run(["ingest", mixed.path, "--db", db])
        #expect(table.status == 0)
        #expect(table.stdout.contains("skipped   \(mixed.path)/notes.docx: .docx: not one of"))
        #expect(table.stdout.contains("1 skipped"))
        #expect(!table.stdout.contains(".hidden"))
        let json = try CLI.run(["ingest", mixed.path, "--db", db, "--format", "json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((summary["skipped"] as? [[String: Any]])?.first?["path"] as? String == "\(mixed.path)/notes.docx")
    }

    @Test func failFastStopsAtTheFirstFailure() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let generator = CorpusGenerator(seed: 4)
        try Data(generator.bulletin(0).text.utf8).write(to: dir.appendingPathComponent("a.txt"))
        try Data().write(to: dir.appendingPathComponent("b.txt"))
        try Data(generator.bulletin(1).text.utf8).write(to: dir.appendingPathComponent("c.txt"))
        let db = dir.appendingPathComponent("kb.sqlite").path
        let run = try CLI.run(["ingest", dir.path, "--db", db, "--fail-fast", "--format", "json"])
        #expect(run.status == 1)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(summary["files_seen"] as? Int == 2)
        #expect(summary["ingested"] as? Int == 1)
        #expect(summary["files_found"] as? Int == 3)
        #expect(summary["not_tried"] as? Int == 1)
        let table = try CLI.run(["ingest", dir.path, "--db", dir.appendingPathComponent("other.sqlite").path, "--fail-fast"])
        #expect(table.stdout.contains("stopped at the first failure (--fail-fast): 1 files not tried"))
        let all = try CLI.run(["ingest", dir.path, "--db", db, "--format", "json"])
        let second = try #require(try JSONSerialization.jsonObject(with: Data(all.stdout.utf8)) as? [String: Any])
        #expect(second["files_seen"] as? Int == 3)
        #expect(second["ingested"] as? Int == 1)
        #expect(second["unchanged"] as? Int == 1)
    }

    @Test(.enabled(if: CLI.which("script") != nil, "needs script(1) for a pseudo-terminal"))
    func aProgressBarOnlyOnATerminal() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        _ = try BatchIngestTests.corpus(5, in: input)
        let script = try #require(CLI.which("script"))
        let terminal = try CLI.run(["-qc", "\(CLI.binary.path) ingest \(input.path) --db \(dir.path)/t.sqlite", "/dev/null"],
                                   executable: script)
        #expect(terminal.stdout.contains("5/5 files"))
        #expect(terminal.stdout.contains("MB/s"))
        let quiet = try CLI.run(["-qc", "\(CLI.binary.path) ingest \(input.path) --db \(dir.path)/q.sqlite --quiet", "/dev/null"],
                                executable: script)
        #expect(!quiet.stdout.contains("MB/s"))
        let piped = try CLI.run(["ingest", input.path, "--db", "\(dir.path)/p.sqlite"])
        #expect(!piped.stderr.contains("MB/s"))
    }

    @Test(.enabled(if: CLI.hasSqliteShell, "needs sqlite3"))
    func checkReportsADamagedIndex() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        _ = try BatchIngestTests.corpus(3, in: input)
        let db = dir.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", input.path, "--db", db]).status == 0)
        #expect(try CLI.run(["check", "--db", db]).status == 0)
        // Rewrite a stored body behind the index's back (no trigger fires on
        // this column list): the index no longer matches its content.
        let sqlite = try #require(CLI.which("sqlite3"))
        _ = try CLI.run([db, "PRAGMA writable_schema = 0; DROP TRIGGER articles_search_update; UPDATE articles SET body = '改写' WHERE id = (SELECT min(id) FROM articles);"],
                        executable: sqlite)
        let check = try CLI.run(["check", "--db", db, "--format", "json"])
        #expect(check.status == 1)
        let rows = try CLI.json(check.stdout)
        #expect(rows.first { $0["check"] as? String == "full-text index" }?["passed"] as? Bool == false)
    }
}
