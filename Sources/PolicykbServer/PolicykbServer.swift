import Foundation
import Hummingbird
import Logging
import NIOCore

/// Where to serve which database.
public struct ServerConfiguration: Sendable {
    public var databasePath: String
    /// Loopback unless asked otherwise: the server has no authentication.
    public var host: String
    /// 0 picks a free port (printed when the server runs).
    public var port: Int
    /// How many rendered answers to keep until the database changes
    /// (`ResponseCache`); 0 renders every request afresh.
    public var cacheEntries: Int

    public static let defaultCacheEntries = 512

    public init(databasePath: String, host: String = "127.0.0.1", port: Int = 8080,
                cacheEntries: Int = defaultCacheEntries) {
        self.databasePath = databasePath
        self.host = host
        self.port = port
        self.cacheEntries = cacheEntries
    }

    /// Whether `host` is a loopback address, reachable from this machine only.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        return host == "localhost" || host == "::1" || host == "[::1]" || host.hasPrefix("127.")
    }

    /// What to tell the user before listening on `host`, when anyone else
    /// could reach it; nil for loopback.
    public static func exposureWarning(host: String) -> String? {
        guard !isLoopback(host) else { return nil }
        return "listening on \(host), not on loopback: policykb serve has no authentication, "
            + "so anyone who can reach this address can read the whole database"
    }
}

/// `policykb serve`: the knowledge base in a browser and as a JSON API, on
/// Hummingbird, reading the database through read-only connections.
public enum PolicykbServer {
    /// The router with every page, API endpoint and asset, keeping up to
    /// `cacheEntries` rendered answers until the database changes.
    public static func router(pool: StorePool,
                              cacheEntries: Int = ServerConfiguration.defaultCacheEntries) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self, options: .autoGenerateHeadEndpoints)
        Routes(pool: pool, cache: ResponseCache(path: pool.path, capacity: cacheEntries)).register(on: router)
        return router
    }

    /// The application, ready for `runService()`, which stops it cleanly
    /// on SIGINT or SIGTERM (finishing the requests in flight).
    /// - Throws: `StoreError` when the database cannot be opened read-only.
    public static func application(
        _ configuration: ServerConfiguration,
        onServerRunning: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        let pool = try StorePool(path: configuration.databasePath)
        var logger = Logger(label: "policykb-serve")
        logger.logLevel = .warning
        return Application(
            router: router(pool: pool, cacheEntries: configuration.cacheEntries),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "policykb"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }
}
