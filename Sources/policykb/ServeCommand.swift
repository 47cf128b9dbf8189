import ArgumentParser
import Foundation
import PolicyCore

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the knowledge base in a browser, with a JSON API (read-only).",
        discussion: """
            Pages: search, articles with their evidence highlighted, compare charts, policies, goals
            and a timeline; JSON under /api (the same field names as --format json). The database is
            opened read-only. It listens on 127.0.0.1 unless --host says otherwise; there is no
            authentication. Ctrl-C (SIGINT) or SIGTERM stops it after the requests in flight.
            The server is the program policykb-serve, beside policykb (swift build) or in
            ../lib/policykb (Scripts/install.sh); this command checks the options and runs it.
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
        let configuration = ServerConfiguration(databasePath: options.databasePath, host: host, port: port,
                                                cacheEntries: cacheEntries)
        if let warning = ServerConfiguration.exposureWarning(host: host) {
            Console.error("policykb: warning: " + warning)
        }
        guard let server = ServerExecutable.locate() else {
            throw CommandFailure.input("serve: the server program \(ServerExecutable.name) is neither beside policykb nor in "
                                       + "../lib/policykb (swift build builds it; Scripts/install.sh installs it)")
        }
        let reason = ServerExecutable.replaceProcess(with: server, arguments: configuration.arguments)
        throw CommandFailure.input("serve: cannot run \(server): \(reason)")
    }
}
