import CorpusGenerator
import Foundation
import PolicyCore
import PolicykbHub
import PolicykbTestSupport
import PostgresClient
import SQLiteDB
import Testing

/// `policykb push`: what reaches the hub, idempotence, replacement, many
/// pushers at once, and pushes killed half way.
@Suite(.serialized, .enabled(if: TestHub.enabled, TestHub.reason))
struct PushTests {
    /// The sample bulletins and `generated` bulletins of the corpus generator, as files in `folder`.
    static func bulletins(in folder: URL, generated: Int = 8) throws -> [URL] {
        let samples = try FileManager.default.contentsOfDirectory(at: TestPaths.sampleData, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.path < $1.path }
        var files: [URL] = []
        for sample in samples {
            let copy = folder.appendingPathComponent(sample.lastPathComponent)
            try FileManager.default.copyItem(at: sample, to: copy)
            files.append(copy)
        }
        let generator = CorpusGenerator(seed: 24)
        for index in 0..<generated {
            let bulletin = generator.bulletin(index)
            let file = folder.appendingPathComponent(bulletin.fileName)
            try Data(bulletin.text.utf8).write(to: file)
            files.append(file)
        }
        return files
    }

    @Test func pushSendsEveryRowAndASecondPushChangesNothing() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Programs.knowledgeBase(try Self.bulletins(in: folder, generated: 2), in: folder)
        let url = try TestHub.fresh()
        defer { TestHub.drop(url) }

        let first = try Programs.run(["push", url, "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        let store = try PolicyStore(path: db, access: .read)
        let local = try store.database.scalar("SELECT count(*) FROM issues").int ?? 0
        #expect(first.stdout.contains("\(local) issues added, 0 replaced, 0 already there"), "\(first.stdout)")

        // Every table holds what the local file does.
        let hub = try PostgresConnection(url)
        for table in ["issues", "articles", "article_links", "issue_warnings", "policies", "policy_mentions", "targets", "goals",
                      "goal_evidence"] {
            let here = try store.database.scalar("SELECT count(*) FROM \(table)").int ?? -1
            let there = Int(try hub.execute("SELECT count(*) FROM \(table)").scalar ?? "") ?? -2
            #expect(here == there, "\(table): \(here) locally, \(there) in the hub")
        }
        #expect(local > 0)
        // The views answer with the local file's rows.
        let localGoals = try store.database.rows("SELECT metric, value_exact FROM v_goals ORDER BY metric, value_exact")
            .map { "\($0["metric"].string ?? "")=\($0["value_exact"].string ?? "")" }
        let hubGoals = try hub.execute("SELECT metric || '=' || value_exact FROM v_goals ORDER BY metric COLLATE \"C\", value_exact COLLATE \"C\"")
            .rows.map { $0[0] ?? "" }
        #expect(localGoals.sorted() == hubGoals.sorted())
        #expect(!hubGoals.isEmpty)

        let before = try HubFingerprint(url)
        let second = try Programs.run(["push", url, "--db", db])
        #expect(second.status == 0)
        #expect(second.stdout.contains("0 issues added, 0 replaced, \(local) already there"), "\(second.stdout)")
        #expect(try HubFingerprint(url) == before)
    }

    @Test func aChangedFileReplacesItsIssue() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.bulletins(in: folder, generated: 1)
        let db = try Programs.knowledgeBase(files, in: folder)
        let url = try TestHub.fresh()
        defer { TestHub.drop(url) }
        try #require(try Programs.run(["push", url, "--db", db]).status == 0)

        // The same file, corrected: a sentence added to its last article.
        let file = files[0]
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data((text + "\n到2030年，新增算力中心不少于12个。\n").utf8).write(to: file)
        try #require(try Programs.run(["ingest", "--db", db, file.path]).status == 0)
        let push = try Programs.run(["push", url, "--db", db])
        #expect(push.status == 0)
        #expect(push.stdout.contains("0 issues added, 1 replaced"), "\(push.stdout)")

        // The hub now equals one push of the corrected file.
        let fresh = try TestHub.fresh()
        defer { TestHub.drop(fresh) }
        try #require(try Programs.run(["push", fresh, "--db", db]).status == 0)
        #expect(try HubFingerprint(url) == HubFingerprint(fresh))
        let sha = try PolicyStore(path: db, access: .read).database.scalar(
            "SELECT sha256 FROM issues WHERE source_file = ?", [file.lastPathComponent]).string
        #expect(try PostgresConnection(url).execute("SELECT count(*) FROM issues WHERE sha256 = $1", [sha]).scalar == "1")

        // Another machine still holds the first version, ingested earlier:
        // its push keeps the hub's newer one rather than replacing it back.
        try Data(text.utf8).write(to: file)
        let older = try Programs.knowledgeBase([file], in: folder, name: "older.sqlite")
        let database = try SQLiteDB.Database(path: older)
        try database.execute("UPDATE issues SET ingested_at = '2000-01-01T00:00:00Z'")
        let stale = try Programs.run(["push", url, "--db", older])
        #expect(stale.stdout.contains("0 issues added, 0 replaced, 1 already there"), "\(stale.stdout)")
        #expect(try PostgresConnection(url).execute("SELECT count(*) FROM issues WHERE sha256 = $1", [sha]).scalar == "1")
    }

    /// Two and four pushers at once, of overlapping sets of issues, leave
    /// the hub as one push of everything does.
    @Test(arguments: [2, 4])
    func concurrentPushersEqualOnePush(pushers: Int) throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.bulletins(in: folder, generated: 8)
        let all = try Programs.knowledgeBase(files, in: folder, name: "all.sqlite")
        // Pusher k takes a window of the files that overlaps its neighbours'.
        let width = (files.count * 2) / pushers + 1
        var databases: [String] = []
        for k in 0..<pushers {
            let start = k * files.count / pushers
            let window = (0..<width).map { files[(start + $0) % files.count] }
            databases.append(try Programs.knowledgeBase(window, in: folder, name: "part\(k).sqlite"))
        }
        let reference = try TestHub.fresh(), shared = try TestHub.fresh()
        defer { TestHub.drop(reference); TestHub.drop(shared) }
        try #require(try Programs.run(["push", reference, "--db", all]).status == 0)

        let processes = try databases.map { try Programs.start(["push", shared, "--db", $0, "--quiet"], quietOutput: true) }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        #expect(try HubFingerprint(shared) == HubFingerprint(reference))
    }

    /// SIGKILL at random points: the hub holds whole issues only, and the
    /// same command finishes the job.
    @Test func killedPushesLeaveWholeIssuesAndTheRerunCompletes() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Programs.knowledgeBase(try Self.bulletins(in: folder, generated: 12), in: folder)
        // A correction too, which the rerun must send (HubFingerprint counts them).
        let goal = try #require(try CorrectionSyncTests.correctableGoals(db, count: 1).first)
        try #require(try Programs.run(["goals", "fix", String(goal), "--year", "2033", "--db", db]).status == 0)
        let reference = try TestHub.fresh(), url = try TestHub.fresh()
        defer { TestHub.drop(reference); TestHub.drop(url) }
        try #require(try Programs.run(["push", reference, "--db", db]).status == 0)
        let store = try PolicyStore(path: db, access: .read)
        var localArticles: [String: Int] = [:]
        for row in try store.database.rows("SELECT i.sha256, count(a.id) AS n FROM issues i LEFT JOIN articles a ON a.issue_id = i.id GROUP BY i.id") {
            localArticles[row["sha256"].string ?? ""] = row["n"].int ?? 0
        }
        // A fixed sequence of delays (no wall-clock randomness): 20 kills
        // between 0 and ~0.6 s into a push.
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let delay = Double(seed >> 33 % 600) / 1000.0
            let push = try Programs.start(["push", url, "--db", db, "--quiet"], quietOutput: true)
            Thread.sleep(forTimeInterval: delay.truncatingRemainder(dividingBy: 0.6))
            kill(push.processIdentifier, SIGKILL)
            push.waitUntilExit()
            // Whole issues: each one in the hub has all its articles.
            let hub = try PostgresConnection(url)
            let tables = try hub.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'articles'").scalar
            guard tables == "1" else { continue }
            for row in try hub.execute("SELECT i.sha256, count(a.id) FROM issues i LEFT JOIN articles a ON a.issue_id = i.id GROUP BY i.sha256").rows {
                #expect(Int(row[1] ?? "") == localArticles[row[0] ?? ""], "issue \(row[0] ?? "") is partial")
            }
        }
        let rerun = try Programs.run(["push", url, "--db", db])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try HubFingerprint(url) == HubFingerprint(reference))
    }
}
