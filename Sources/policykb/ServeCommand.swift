import ArgumentParser
import Dispatch
import Foundation
import PolicykbServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the knowledge base in a browser, with a JSON API (read-only).",
        discussion: """
            Pages: search, articles with their evidence highlighted, compare charts, policies, goals
            and a timeline; JSON under /api (the same field names as --format json). The database is
            opened read-only. It listens on 127.0.0.1 unless --host says otherwise; there is no
            authentication. Ctrl-C (SIGINT) or SIGTERM stops it after the requests in flight.
            Example: policykb serve --db kb.sqlite --port 8080
            """)

    @OptionGroup var options: StoreOptions

    @Option(help: "The address to listen on; anything but loopback is reachable by others, without authentication.")
    var host = "127.0.0.1"

    @Option(help: "The port; 0 picks a free one.")
    var port = 8080

    @Option(help: "How many rendered pages and API answers to keep until the database changes; 0 keeps none.")
    var cacheEntries = ServerConfiguration.defaultCacheEntries

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if cacheEntries < 0 { throw ValidationError("--cache-entries must be 0 or more") }
    }

    func run() throws {
        if let warning = ServerConfiguration.exposureWarning(host: host) {
            Console.error("policykb: warning: " + warning)
        }
        let host = host
        let application = try PolicykbServer.application(
            ServerConfiguration(databasePath: options.databasePath, host: host, port: port, cacheEntries: cacheEntries)
        ) { port in
            let shown = host.contains(":") ? "[\(host)]" : host
            Console.out("policykb serve: http://\(shown):\(port)/ (Ctrl-C stops)\n")
        }
        // The commands run synchronously (PolicyKB.main); the server is
        // async. It runs as a task on Swift's cooperative threads while this
        // thread waits: the main thread is not one of them, so nothing the
        // server needs is blocked. runService() returns once SIGINT or
        // SIGTERM has shut the server down gracefully.
        let finished = DispatchSemaphore(value: 0)
        let outcome = ServeOutcome()
        Task {
            do {
                try await application.runService()
            } catch {
                outcome.error = error
            }
            finished.signal()
        }
        finished.wait()
        if let error = outcome.error { throw CommandFailure.input("serve: \(error)") }
        Console.error("policykb serve: stopped")
    }
}

/// The server task's error, handed to the waiting thread.
///
/// `@unchecked Sendable` is safe: the task writes `error` once before it
/// signals the semaphore, and the main thread reads it only after `wait()`
/// returns; the semaphore orders the write before the read.
private final class ServeOutcome: @unchecked Sendable {
    var error: (any Error)?
}
