import Foundation

/// Debian's headless Chromium, as the browser test drives it: the DOM after
/// load (`--dump-dom`) and screenshots. Every fetch other than loopback is
/// refused (a dead proxy, no DNS), so the test sends traffic to 127.0.0.1
/// only; background services are switched off.
struct Chromium {
    let executable: URL

    /// Chromium from PATH, or nil (the test then skips and says why).
    static func find() -> Chromium? {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":") {
                let url = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: url.path) { return Chromium(executable: url) }
            }
        }
        return nil
    }

    static let isolation = [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--disable-extensions", "--disable-domain-reliability", "--no-pings",
        "--metrics-recording-only", "--disable-features=Translate,OptimizationHints,MediaRouter",
        // Loopback bypasses a proxy by default; everything else meets a dead one.
        "--proxy-server=http://127.0.0.1:9",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ]

    /// The document as the browser built it, serialized; `language` (zh-CN)
    /// is the browser's UI language and the Accept-Language it sends.
    func dom(_ url: String, language: String? = nil) async throws -> String {
        try await run(Self.language(language) + ["--dump-dom", url]).stdout
    }

    /// A PNG of the page at the given window size.
    func screenshot(_ url: String, to file: URL, width: Int = 1200, height: Int = 1400, language: String? = nil) async throws {
        _ = try await run(Self.language(language) + ["--screenshot=\(file.path)", "--window-size=\(width),\(height)", url])
    }

    static func language(_ tag: String?) -> [String] {
        tag.map { ["--lang=\($0)", "--accept-lang=\($0)"] } ?? []
    }

    /// Runs the browser on a thread of its own: waiting for it must not
    /// hold one of the cooperative threads the live server answers on.
    private func run(_ arguments: [String]) async throws -> (stdout: String, stderr: String) {
        try await withCheckedThrowingContinuation { continuation in
            let executable = executable
            Thread.detachNewThread {
                continuation.resume(with: Result { try Chromium(executable: executable).runBlocking(arguments) })
            }
        }
    }

    private func runBlocking(_ arguments: [String]) throws -> (stdout: String, stderr: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Output to files, not pipes: a DOM larger than a pipe's buffer
        // would block the browser until someone read it.
        let outFile = scratch.appendingPathComponent("stdout"), errFile = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outFile.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let process = Process()
        process.executableURL = executable
        process.arguments = Self.isolation + ["--user-data-dir=\(scratch.appendingPathComponent("profile").path)"] + arguments
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        try process.run()
        // Bounded: a browser that hangs fails the test instead of the run.
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw ChromiumError("chromium did not finish in 90 s: \(arguments.joined(separator: " "))")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        let stdout = String(decoding: try Data(contentsOf: outFile), as: UTF8.self)
        let stderr = String(decoding: try Data(contentsOf: errFile), as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw ChromiumError("chromium exited \(process.terminationStatus): \(stderr.suffix(800))")
        }
        return (stdout, stderr)
    }
}

struct ChromiumError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
