import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PolicykbTestSupport
import Testing

/// `policykb serve` as a user runs it: it prints its address, answers on
/// loopback, and stops cleanly on Ctrl-C (SIGINT) and on SIGTERM.
@Suite struct ServeEndToEndTests {
    /// The server started on a free port, and the port it printed.
    final class Server {
        let process = Process()
        let port: Int
        let stderrFile: URL

        /// `policykb serve` on a free port, or `executable` with `arguments`.
        init(db: String, directory: URL, executable: URL = CLI.binary, arguments: [String]? = nil) throws {
            process.executableURL = executable
            process.arguments = arguments ?? ["serve", "--db", db, "--port", "0"]
            var environment = ProcessInfo.processInfo.environment
            environment["POLICYKB_DB"] = nil
            process.environment = environment
            let out = Pipe()
            process.standardOutput = out
            stderrFile = directory.appendingPathComponent("serve.stderr")
            _ = FileManager.default.createFile(atPath: stderrFile.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: stderrFile)
            try process.run()
            var line = Data()
            while !line.contains(UInt8(ascii: "\n")) {
                let chunk = out.fileHandleForReading.availableData
                if chunk.isEmpty { throw CocoaError(.fileReadUnknown) }
                line += chunk
            }
            let text = String(decoding: line, as: UTF8.self)
            // "policykb serve: http://127.0.0.1:PORT/ (Ctrl-C stops)"
            #expect(text.hasPrefix("policykb serve: http://127.0.0.1:"))
            guard let port = text.split(separator: ":").last.flatMap({ Int($0.prefix { $0.isNumber }) }) else {
                throw CocoaError(.coderReadCorrupt)
            }
            self.port = port
        }

        /// Sends `signal` and waits (bounded) for the exit status.
        func stop(_ signal: Int32) throws -> Int32 {
            kill(process.processIdentifier, signal)
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning {
                process.terminate()
                throw CocoaError(.executableLoad)
            }
            return process.terminationStatus
        }

        var stderr: String { (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? "" }
    }

    static func get(_ url: String) async throws -> (status: Int, body: String) {
        guard let url = URL(string: url) else { throw URLError(.badURL) }
        let (data, response) = try await URLSession.shared.data(from: url)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func servesAndStopsCleanly(signal: Int32) async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", TestPaths.sampleData.path, "--db", db, "--quiet"]).status == 0)
        let server = try Server(db: db, directory: directory)
        let search = try await Self.get("http://127.0.0.1:\(server.port)/api/search?q=%E7%AE%97%E5%8A%9B")
        #expect(search.status == 200)
        #expect(search.body.contains("\"total\": ") && search.body.contains("[算力]"))
        let page = try await Self.get("http://127.0.0.1:\(server.port)/compare?metric=%E4%BA%A7%E4%B8%9A%E8%A7%84%E6%A8%A1")
        #expect(page.status == 200 && page.body.contains("<rect class=\"bar"))
        #expect(try server.stop(signal) == 0)
        #expect(server.stderr.contains("policykb serve: stopped"))
        #expect(!server.stderr.contains("warning"))
    }

    /// The keys of every object in a JSON value, by where they sit
    /// (`results[]`, `goals[].evidence[]`): what "the same field names"
    /// means for two outputs.
    static func keyPaths(_ value: Any, at path: String = "") -> Set<String> {
        var out: Set<String> = []
        if let object = value as? [String: Any] {
            for (key, inner) in object {
                out.insert(path + key)
                out.formUnion(keyPaths(inner, at: path + key + "."))
            }
        } else if let array = value as? [Any] {
            for item in array { out.formUnion(keyPaths(item, at: path + "[].")) }
        }
        return out
    }

    static func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    /// The JSON API's objects have the CLI's `--format json` keys, nested
    /// lists included: search, show, articles, goals, targets' shape (in
    /// show), policies and compare.
    @Test func apiFieldNamesAreTheCLIs() async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", TestPaths.sampleData.path, "--db", db, "--quiet"]).status == 0)
        let server = try Server(db: db, directory: directory)
        defer { _ = try? server.stop(SIGTERM) }
        let base = "http://127.0.0.1:\(server.port)"
        let goals = try Self.parse(CLI.run(["goals", "--db", db, "--format", "json", "--kind", "all"]).stdout)
        let articleID = try #require(((goals as? [[String: Any]])?.first?["article_id"] as? Int))
        let pairs: [(cli: [String], api: String)] = [
            (["search", "算力", "--facets", "region,section,year"], "/api/search?q=%E7%AE%97%E5%8A%9B&facets=region,section,year"),
            (["search", "算力"], "/api/search?q=%E7%AE%97%E5%8A%9B"),
            (["show", String(articleID)], "/api/articles/\(articleID)"),
            (["articles"], "/api/articles"),
            (["goals", "--kind", "all"], "/api/goals?kind=all"),
            (["policies"], "/api/policies"),
            (["compare", "--metric", "产业规模"], "/api/compare?metric=%E4%BA%A7%E4%B8%9A%E8%A7%84%E6%A8%A1"),
        ]
        for (arguments, path) in pairs {
            let cli = try CLI.run(arguments + ["--db", db, "--format", "json"])
            #expect(cli.status == 0, "\(arguments)")
            let api = try await Self.get(base + path)
            #expect(api.status == 200, "\(path)")
            let cliKeys = Self.keyPaths(try Self.parse(cli.stdout)), apiKeys = Self.keyPaths(try Self.parse(api.body))
            #expect(!cliKeys.isEmpty)
            #expect(cliKeys == apiKeys, "\(arguments): CLI only \(cliKeys.subtracting(apiKeys)), API only \(apiKeys.subtracting(cliKeys))")
        }
    }

    @Test func refusesAMissingDatabase() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try CLI.run(["serve", "--db", directory.appendingPathComponent("none.sqlite").path, "--port", "0"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no database here"))
        #expect(try CLI.run(["serve", "--port", "70000"]).status == 2)
    }

    /// The server is a program of its own, found beside policykb or, as
    /// Scripts/install.sh lays them out, in ../lib/policykb; without it,
    /// serve says what is missing.
    @Test func findsItsServerProgramOrSaysWhereItLooked() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", TestPaths.sampleData.path, "--db", db, "--quiet"]).status == 0)
        let bin = directory.appendingPathComponent("bin"), lib = directory.appendingPathComponent("lib/policykb")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let command = bin.appendingPathComponent("policykb")
        // A hard link: /proc/self/exe names the link, not the build folder.
        do { try FileManager.default.linkItem(at: CLI.binary, to: command) } catch {
            try FileManager.default.copyItem(at: CLI.binary, to: command)
        }
        let alone = try CLI.run(["serve", "--db", db, "--port", "0"], executable: command)
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("policykb-serve") && alone.stderr.contains("../lib/policykb"))

        try FileManager.default.createDirectory(at: lib, withIntermediateDirectories: true)
        let helper = CLI.binary.deletingLastPathComponent().appendingPathComponent("policykb-serve")
        try FileManager.default.createSymbolicLink(at: lib.appendingPathComponent("policykb-serve"), withDestinationURL: helper)
        let server = try Server(db: db, directory: directory, executable: command)
        #expect(try server.stop(SIGTERM) == 0)
        #expect(server.stderr.contains("policykb serve: stopped"))
    }

    /// A connection that sends nothing is closed after the idle timeout
    /// (30 s by default; 1 s here, given to the server program directly).
    @Test func closesAnIdleConnection() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", TestPaths.sampleData.path, "--db", db, "--quiet"]).status == 0)
        let serve = CLI.binary.deletingLastPathComponent().appendingPathComponent("policykb-serve")
        let server = try Server(db: db, directory: directory, executable: serve,
                                arguments: ["--db", db, "--port", "0", "--idle-timeout", "1"])
        defer { _ = try? server.stop(SIGTERM) }
        let port = server.port
        // A raw socket that connects and says nothing.
        let socket = try ServeSafetyTests.connected(port: port)
        defer { close(socket) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let started = Date()
        var byte: UInt8 = 0
        let read = recv(socket, &byte, 1, 0)
        // The server closes it (recv returns 0) well before the 10 s the read waits.
        #expect(read == 0)
        #expect(Date().timeIntervalSince(started) < 8)
    }
}
