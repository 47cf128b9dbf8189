import ArgumentParser
import Foundation
import PolicyCore
import PolicykbServeConfiguration
import PolicyExtraction

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

    @Option(help: "Seconds a connection may stay idle before the server closes it.")
    var idleTimeout = ServerConfiguration.defaultIdleTimeout

    @Option(help: "Seconds one request may take, waiting and running, before it is stopped (503).")
    var requestTimeout = ServerConfiguration.defaultRequestTimeout

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if cacheEntries < 0 { throw ValidationError("--cache-entries must be 0 or more") }
        if !(1...86_400).contains(idleTimeout) { throw ValidationError("--idle-timeout must be between 1 and 86400") }
        if !(1...3_600).contains(requestTimeout) { throw ValidationError("--request-timeout must be between 1 and 3600") }
    }

    func run() throws {
        let configuration = ServerConfiguration(databasePath: options.databasePath, host: host, port: port,
                                                cacheEntries: cacheEntries, idleTimeout: idleTimeout,
                                                requestTimeout: requestTimeout)
        // The server warns when it listens beyond loopback (run directly
        // too), before it opens the database.
        guard let server = HelperExecutable.server.locate() else {
            throw CommandFailure.input("serve: the server program \(HelperExecutable.server.name) is neither beside policykb nor in "
                                       + "../lib/policykb (swift build builds it; Scripts/install.sh installs it)")
        }
        let reason = HelperExecutable.server.replaceProcess(with: server, arguments: configuration.arguments)
        throw CommandFailure.input("serve: cannot run \(server): \(reason)")
    }
}
