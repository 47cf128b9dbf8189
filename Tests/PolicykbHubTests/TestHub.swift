import Foundation
import PolicykbTestSupport
import PostgresClient
import Testing

/// The PostgreSQL server the hub's tests use: `$POLICYKB_TEST_HUB`, a
/// `postgresql://` URL (`.ci/run` starts a throw-away cluster and sets it).
/// Without it the tests skip, and say why, except under CI=true, where they
/// run and fail: CI must not pass by skipping them.
enum TestHub {
    static let environment = ProcessInfo.processInfo.environment
    static let baseURL: String? = environment["POLICYKB_TEST_HUB"].flatMap { $0.isEmpty ? nil : $0 }
    static let inCI = environment["CI"] == "true"
    /// For `.enabled(if:)`: run when there is a server, or in CI (to fail there).
    static let enabled = baseURL != nil || inCI
    static let reason: Comment = "needs a PostgreSQL server: set POLICYKB_TEST_HUB=postgresql://… (.ci/run starts one)"

    /// A new, empty database on the test server and its URL; `drop` removes it.
    static func fresh() throws -> String {
        let base = try #require(baseURL, "CI=true but POLICYKB_TEST_HUB is not set: .ci/run starts PostgreSQL and sets it")
        let name = "hub_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        let admin = try PostgresConnection(base)
        try admin.execute("CREATE DATABASE \(name)")
        return url(base, database: name)
    }

    static func drop(_ url: String) {
        guard let base = baseURL, let name = database(of: url),
              let admin = try? PostgresConnection(base) else { return }
        _ = try? admin.execute("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// `base` with its database name replaced.
    static func url(_ base: String, database: String) -> String {
        guard let scheme = base.range(of: "://") else { return base + " dbname=\(database)" }
        let rest = base[scheme.upperBound...]
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let end = rest[slash...].firstIndex(of: "?") ?? rest.endIndex
        return String(base[..<slash]) + "/" + database + String(rest[end...])
    }

    static func database(of url: String) -> String? {
        guard let scheme = url.range(of: "://") else { return nil }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return nil }
        return String(rest[rest.index(after: slash)...].prefix { $0 != "?" })
    }
}

/// The built programs, beside the test bundle.
enum Programs {
    static let folder: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for candidate in [testBinary.deletingLastPathComponent(), testBinary.deletingLastPathComponent().deletingLastPathComponent(),
                          TestPaths.packageRoot.appendingPathComponent(".build/debug")]
        where FileManager.default.isExecutableFile(atPath: candidate.appendingPathComponent("policykb-hub").path) {
            return candidate
        }
        return TestPaths.packageRoot.appendingPathComponent(".build/debug")
    }()
    static let policykb = folder.appendingPathComponent("policykb")

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// Runs `policykb` with `arguments` and waits.
    @discardableResult
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
        let process = try start(arguments, environment: environment)
        let out = (process.standardOutput as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        let err = (process.standardError as? Pipe)?.fileHandleForReading.readDataToEndOfFile() ?? Data()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// Starts `policykb` with `arguments`, its output to pipes.
    static func start(_ arguments: [String], environment: [String: String] = [:], quietOutput: Bool = false) throws -> Process {
        let process = Process()
        process.executableURL = policykb
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["POLICYKB_DB"] = nil
        env["POLICYKB_HUB"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if quietOutput {
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
        } else {
            process.standardOutput = Pipe()
            process.standardError = Pipe()
        }
        try process.run()
        return process
    }

    /// A knowledge base of `files`, ingested by the CLI into `folder`.
    static func knowledgeBase(_ files: [URL], in folder: URL, name: String = "kb.sqlite") throws -> String {
        let db = folder.appendingPathComponent(name).path
        let result = try run(["ingest", "--db", db] + files.map(\.path))
        try #require(result.status == 0, "ingest failed: \(result.stderr)")
        return db
    }
}

/// What the hub holds, summed up so that two hubs can be compared: counts of
/// every table, and digests of the sorted article texts and goal rows.
struct HubFingerprint: Equatable, CustomStringConvertible {
    let counts: [String: Int]
    let articles: String
    let goals: String
    /// Which articles share a story, and its id.
    let stories: String

    init(_ url: String) throws {
        let connection = try PostgresConnection(url)
        var counts: [String: Int] = [:]
        for table in ["issues", "articles", "article_links", "issue_warnings", "policies", "policy_mentions", "targets", "goals",
                      "goal_evidence", "goal_corrections", "stories", "article_stories"] {
            counts[table] = Int(try connection.execute("SELECT count(*) FROM \(table)").scalar ?? "") ?? -1
        }
        self.counts = counts
        articles = try connection.execute("""
            SELECT md5(coalesce(string_agg(t, E'\\x1e' ORDER BY t), '')) FROM (SELECT title || E'\\x1f' || body AS t FROM articles) s
            """).scalar ?? ""
        goals = try connection.execute("""
            SELECT md5(coalesce(string_agg(t, E'\\x1e' ORDER BY t), '')) FROM (
                SELECT concat_ws(E'\\x1f', g.kind, g.metric, g.comparator, g.value_exact, g.unit, g.year, g.year_source,
                                 g.region_code, g.stretch, g.rejected, a.title, p.title, t.text,
                                 (SELECT string_agg(e.text, '|' ORDER BY e.position) FROM goal_evidence e WHERE e.goal_id = g.id)) AS t
                FROM v_goals g JOIN articles a ON a.id = g.article_id
                LEFT JOIN policies p ON p.id = g.policy_id LEFT JOIN targets t ON t.id = g.target_id) s
            """).scalar ?? ""
        stories = try connection.execute("""
            SELECT md5(coalesce(string_agg(story_id || ':' || article_id, ',' ORDER BY story_id, article_id), '')) FROM article_stories
            """).scalar ?? ""
    }

    var description: String { "\(counts.sorted { $0.key < $1.key }) articles \(articles) goals \(goals) stories \(stories)" }
}
