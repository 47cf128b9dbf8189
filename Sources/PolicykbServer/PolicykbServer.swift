import Foundation
import Hummingbird
import Logging
import PolicyCore
import PolicykbServeConfiguration
import PolicyExtraction
import NIOCore

/// `policykb serve`: the knowledge base in a browser and as a JSON API, on
/// Hummingbird, reading the database through read-only connections.
public enum PolicykbServer {
    /// The router with every page, API endpoint and asset, keeping up to
    /// `cacheEntries` rendered answers until the database changes.
    public static func router(pool: StorePool,
                              cacheEntries: Int = ServerConfiguration.defaultCacheEntries,
                              requestTimeout: Int = ServerConfiguration.defaultRequestTimeout) -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self, options: .autoGenerateHeadEndpoints)
        Routes(pool: pool, cache: ResponseCache(path: pool.path, capacity: cacheEntries), requestTimeout: requestTimeout)
            .register(on: router)
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
            router: router(pool: pool, cacheEntries: configuration.cacheEntries, requestTimeout: configuration.requestTimeout),
            // A connection with nothing to read or write for this long is
            // closed: a client that opens many and goes quiet cannot hold
            // the server's connections (or its read-only database handles).
            // ConnectionWatch tells the queries when a client has gone.
            server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionWatch()],
                                                idleTimeout: .seconds(Int64(configuration.idleTimeout)))),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port),
                                                    serverName: "policykb"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }
}
