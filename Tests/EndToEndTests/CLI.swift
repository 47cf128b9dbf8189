import Foundation
import PolicykbTestSupport

/// Runs the built `policykb` binary as a user would.
enum CLI {
    static let packageRoot = TestPaths.packageRoot
    static let sharedCorpus = TestPaths.sharedCorpus
    static let realBulletin = TestPaths.realBulletin
    static let realGold = TestPaths.realGold
    static let scorer = TestPaths.scorer
    static var hasSharedCorpus: Bool { TestPaths.hasSharedCorpus }
    static var hasSqliteShell: Bool { which("sqlite3") != nil }
    static var hasPython: Bool { which("python3") != nil }

    /// The binary built beside the test bundle.
    static let binary: URL = {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var candidates = [testBinary.deletingLastPathComponent().appendingPathComponent("policykb")]
        // An .xctest bundle directory on some platforms.
        candidates.append(testBinary.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("policykb"))
        for configuration in ["debug", "release"] {
            candidates.append(packageRoot.appendingPathComponent(".build/\(configuration)/policykb"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:],
                    executable: URL = binary) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["POLICYKB_DB"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a full pipe cannot block the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    static func which(_ tool: String) -> URL? {
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(tool)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// A fresh temporary directory, removed by the caller's `defer`.
    static func temporaryDirectory() throws -> URL { try TestPaths.temporaryDirectory() }

    /// The rows of `search --format json`: one object with `total`,
    /// `offset`, `limit` and `results`.
    static func searchRows(_ text: String) throws -> [[String: Any]] {
        try searchObject(text)["results"] as? [[String: Any]] ?? []
    }

    static func searchObject(_ text: String) throws -> [String: Any] {
        guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw CocoaError(.coderReadCorrupt)
        }
        return object
    }

    static func json(_ text: String) throws -> [[String: Any]] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let rows = value as? [[String: Any]] else { throw CocoaError(.coderReadCorrupt) }
        return rows
    }
}
