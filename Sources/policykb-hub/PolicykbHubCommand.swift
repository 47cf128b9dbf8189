import ArgumentParser
import Foundation
import PolicyCore
import PolicykbHub

/// The program behind `policykb push` and `policykb pull`: the only one
/// that links libpq (Docs/ARCHITECTURE.md, "The hub").
@main
struct PolicykbHubCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policykb-hub",
        abstract: "Push a knowledge base to the team's PostgreSQL hub, or pull a copy of it (run through policykb push/pull).",
        subcommands: [Push.self, Pull.self])

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as HubError {
            FileHandle.standardError.write(Data("policykb: \(error.description)\n".utf8))
            Foundation.exit(1)
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("policykb: \(error)\n".utf8))
            Foundation.exit(1)
        } catch {
            exit(withError: error)
        }
    }
}

struct HubOptions: ParsableArguments {
    @Argument(help: "The hub: a postgresql:// URL (default: $POLICYKB_HUB, else libpq's PGHOST, PGUSER, ... and ~/.pgpass).")
    var url: String?

    @Option(help: "The local database file (default: $POLICYKB_DB, else ./policykb.sqlite).")
    var db: String?

    @Flag(help: "No progress line.")
    var quiet = false

    var databasePath: String {
        if let db { return db }
        if let path = ProcessInfo.processInfo.environment["POLICYKB_DB"], !path.isEmpty { return path }
        return "policykb.sqlite"
    }

    /// A progress line on a terminal, rewritten in place.
    func progress(_ verb: String) -> (Int, Int) -> Void {
        guard !quiet, isatty(STDERR_FILENO) == 1 else { return { _, _ in } }
        return { done, total in
            FileHandle.standardError.write(Data("\r\(verb) \(done)/\(total) issues\u{1B}[K".utf8))
            if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}

struct Push: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Send the local knowledge base's issues to the hub.")
    @OptionGroup var options: HubOptions

    func run() throws {
        let store = try PolicyStore(path: options.databasePath, access: .read)
        let hub = try HubConnection(HubConnection.conninfo(options.url))
        let summary = try HubPush(hub: hub, store: store, progress: options.progress("pushing")).run()
        print("pushed to \(hub.displayName): \(summary.inserted) issues added, \(summary.replaced) replaced, "
              + "\(summary.skipped) already there; \(summary.articles) articles, \(summary.rows) rows; "
              + "\(summary.corrections) corrections sent")
    }
}

struct Pull: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build or refresh a local SQLite copy of the hub.")
    @OptionGroup var options: HubOptions

    func run() throws {
        let hub = try HubConnection(HubConnection.conninfo(options.url))
        let store = try PolicyStore(path: options.databasePath, access: .write)
        let summary = try HubPull(hub: hub, store: store, progress: options.progress("pulling")).run()
        print("pulled from \(hub.displayName) into \(options.databasePath): \(summary.added) issues added, "
              + "\(summary.replaced) replaced, \(summary.removed) removed, \(summary.unchanged) unchanged; "
              + "\(summary.corrections) corrections taken")
    }
}
