/// Where to serve which database: what `policykb serve` hands to the
/// server, which runs as its own executable (`policykb-serve`) so that the
/// command line does not load the HTTP stack on every start.
public struct ServerConfiguration: Sendable, Equatable {
    public var databasePath: String
    /// Loopback unless asked otherwise: the server has no authentication.
    public var host: String
    /// 0 picks a free port (printed when the server runs).
    public var port: Int
    /// How many rendered answers to keep until the database changes
    /// (`ResponseCache`); 0 renders every request afresh.
    public var cacheEntries: Int

    /// Seconds a connection may stay idle (nothing read, nothing written)
    /// before the server closes it.
    public var idleTimeout: Int

    /// Seconds one request may take (queued and running) before it is
    /// stopped and answered 503.
    public var requestTimeout: Int

    public static let defaultCacheEntries = 512
    public static let defaultIdleTimeout = 30
    public static let defaultRequestTimeout = 10

    public init(databasePath: String, host: String = "127.0.0.1", port: Int = 8080,
                cacheEntries: Int = defaultCacheEntries, idleTimeout: Int = defaultIdleTimeout,
                requestTimeout: Int = defaultRequestTimeout) {
        self.databasePath = databasePath
        // An IPv6 address as URLs write it ([::1]) is the address itself.
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = port
        self.cacheEntries = cacheEntries
        self.idleTimeout = idleTimeout
        self.requestTimeout = requestTimeout
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

extension ServerConfiguration {
    /// The server executable's arguments, as `init(arguments:)` reads them:
    /// `--db PATH --host HOST --port N --cache-entries N --idle-timeout S
    /// --request-timeout S`.
    public var arguments: [String] {
        ["--db", databasePath, "--host", host, "--port", String(port), "--cache-entries", String(cacheEntries),
         "--idle-timeout", String(idleTimeout), "--request-timeout", String(requestTimeout)]
    }

    /// The names `init(arguments:)` takes, each with a value.
    public static let argumentNames = ["--db", "--host", "--port", "--cache-entries", "--idle-timeout", "--request-timeout"]

    /// The configuration `arguments` describe (without the program name).
    /// - Throws: `ServerArgumentError` naming the argument and the reason.
    public init(arguments: [String]) throws(ServerArgumentError) {
        var values: [String: String] = [:]
        var rest = arguments[...]
        while let name = rest.popFirst() {
            guard Self.argumentNames.contains(name) else {
                throw ServerArgumentError(message: "unknown argument \(name)")
            }
            guard let value = rest.popFirst() else { throw ServerArgumentError(message: "\(name) needs a value") }
            values[name] = value
        }
        guard let path = values["--db"] else { throw ServerArgumentError(message: "--db is required") }
        func number(_ name: String, default value: Int, in range: ClosedRange<Int>) throws(ServerArgumentError) -> Int {
            guard let text = values[name] else { return value }
            guard let number = Int(text), range.contains(number) else {
                throw ServerArgumentError(message: "\(name) must be a number in \(range.lowerBound)…\(range.upperBound), not \(text)")
            }
            return number
        }
        self.init(databasePath: path, host: values["--host"] ?? "127.0.0.1",
                  port: try number("--port", default: 8080, in: 0...65535),
                  cacheEntries: try number("--cache-entries", default: Self.defaultCacheEntries, in: 0...Int.max),
                  idleTimeout: try number("--idle-timeout", default: Self.defaultIdleTimeout, in: 1...86_400),
                  requestTimeout: try number("--request-timeout", default: Self.defaultRequestTimeout, in: 1...3_600))
    }
}

/// Arguments the server executable cannot use.
public struct ServerArgumentError: Error, CustomStringConvertible, Equatable {
    public let message: String
    public var description: String { message }
}
