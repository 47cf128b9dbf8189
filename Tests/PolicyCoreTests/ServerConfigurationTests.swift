import PolicyCore
import PolicykbServeConfiguration
import PolicyExtraction
import Testing

/// What `policykb serve` hands to the server program, and what that
/// program refuses.
@Suite struct ServerConfigurationTests {
    @Test func argumentsRoundTrip() throws {
        let configurations = [
            ServerConfiguration(databasePath: "/tmp/kb.sqlite"),
            ServerConfiguration(databasePath: "知识库 with space.sqlite", host: "::1", port: 0, cacheEntries: 0),
            ServerConfiguration(databasePath: "--db", host: "0.0.0.0", port: 65535, cacheEntries: 100_000, idleTimeout: 5),
        ]
        for configuration in configurations {
            #expect(try ServerConfiguration(arguments: configuration.arguments) == configuration)
        }
    }

    @Test func defaultsAreTheCommandsDefaults() throws {
        let configuration = try ServerConfiguration(arguments: ["--db", "kb.sqlite"])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.port == 8080)
        #expect(configuration.cacheEntries == ServerConfiguration.defaultCacheEntries)
        #expect(configuration.idleTimeout == ServerConfiguration.defaultIdleTimeout)
    }

    @Test func refusesWhatItCannotUseNamingTheArgument() {
        let cases: [([String], String)] = [
            ([], "--db is required"),
            (["--db"], "--db needs a value"),
            (["--db", "kb", "--verbose", "1"], "unknown argument --verbose"),
            (["--db", "kb", "--port", "70000"], "--port must be a number in 0…65535, not 70000"),
            (["--db", "kb", "--port", "eighty"], "--port must be a number"),
            (["--db", "kb", "--cache-entries", "-1"], "--cache-entries must be a number"),
            (["--db", "kb", "--idle-timeout", "0"], "--idle-timeout must be a number in 1…86400"),
        ]
        for (arguments, message) in cases {
            #expect {
                _ = try ServerConfiguration(arguments: arguments)
            } throws: { error in
                (error as? ServerArgumentError)?.message.hasPrefix(message) == true
            }
        }
    }

    @Test func onlyLoopbackGoesWithoutAWarning() {
        for host in ["127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"] {
            #expect(ServerConfiguration.exposureWarning(host: host) == nil, "\(host)")
        }
        for host in ["0.0.0.0", "::", "192.168.1.2", "example.org"] {
            #expect(ServerConfiguration.exposureWarning(host: host)?.contains("no authentication") == true, "\(host)")
        }
    }
}
