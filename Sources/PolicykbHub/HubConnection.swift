import Foundation
import PolicykbHubMigrations
import PostgresClient

/// A connection to the team hub, migrated to this binary's schema.
public final class HubConnection {
    public let connection: PostgresConnection
    /// The hub as it may be printed: its address with any password hidden.
    public let displayName: String

    /// The connection string to use: `url` when given, else `$POLICYKB_HUB`,
    /// else "" — libpq then takes everything from `PGHOST`, `PGPORT`,
    /// `PGUSER`, `PGDATABASE`, `PGSSLMODE`, … and `~/.pgpass`.
    public static func conninfo(_ url: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let url, !url.isEmpty { return url }
        if let hub = environment["POLICYKB_HUB"], !hub.isEmpty { return hub }
        return ""
    }

    /// Connects and brings the schema up to date (or refuses a newer one).
    public init(_ conninfo: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(HubError) {
        displayName = Self.describe(conninfo, environment: environment)
        do {
            connection = try PostgresConnection(conninfo)
        } catch {
            throw .unreachable(hub: displayName, reason: error.description)
        }
        try HubMigrator(hub: displayName).migrate(connection)
    }

    /// The address shown in messages: the redacted URL, or what libpq will
    /// read from the environment.
    static func describe(_ conninfo: String, environment: [String: String]) -> String {
        if !conninfo.isEmpty { return ConnectionString.redacted(conninfo) }
        let host = environment["PGHOST"].flatMap { $0.isEmpty ? nil : $0 } ?? "(default socket)"
        let database = environment["PGDATABASE"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["PGUSER"] ?? "(default)"
        return "PGHOST=\(host) PGDATABASE=\(database)"
    }

    /// Runs a statement, turning a failure into a `HubError` naming `what`.
    @discardableResult
    func run(_ what: String, _ sql: String, _ parameters: [String?] = []) throws(HubError) -> PostgresResult {
        do {
            return try connection.execute(sql, parameters)
        } catch {
            throw wrap(error, what)
        }
    }

    func wrap(_ error: PostgresError, _ what: String) -> HubError {
        if case .connection(let reason) = error { return .unreachable(hub: displayName, reason: reason) }
        return .failed(hub: displayName, what: what, reason: error.description, sqlState: error.sqlState)
    }
}

/// Applies Migrations/postgres in order, each in a transaction, recorded
/// with its checksum in `schema_migrations`, as `Migrator` does for SQLite.
/// An advisory lock keeps two first pushers from migrating at once.
struct HubMigrator {
    let hub: String
    /// pg_advisory_xact_lock key for migrating (any fixed number: "policykb").
    static let lockKey = "7064707985754110"

    func migrate(_ connection: PostgresConnection) throws(HubError) {
        do {
            // Under the lock from the start: two first pushers creating
            // schema_migrations at once would collide in the catalog.
            try connection.transaction {
                try connection.execute("SELECT pg_advisory_xact_lock(\(Self.lockKey))")
                try connection.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version    integer PRIMARY KEY,
                        name       text NOT NULL,
                        checksum   text NOT NULL,
                        applied_at timestamptz NOT NULL DEFAULT now()
                    )
                    """)
                // Every migration the hub lacks, in order, also one numbered
                // below the hub's latest (branches numbered theirs apart).
                let applied = try verify(connection)
                for migration in HubSchema.migrations where !applied.contains(migration.version) {
                    do {
                        try connection.execute(migration.sql)
                    } catch {
                        throw HubError.failed(hub: hub, what: "migration \(migration.name)", reason: "\(error)")
                    }
                    try connection.execute("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                                           [String(migration.version), migration.name, migration.checksum])
                }
            }
        } catch let error as HubError {
            throw error
        } catch let error as PostgresError {
            if case .connection(let reason) = error { throw .unreachable(hub: hub, reason: reason) }
            throw .failed(hub: hub, what: "checking the schema", reason: error.description)
        } catch {
            throw .failed(hub: hub, what: "checking the schema", reason: "\(error)")
        }
    }

    /// Checks the recorded migrations against this binary's; returns the
    /// versions applied.
    func verify(_ connection: PostgresConnection) throws -> Set<Int> {
        let rows = try connection.execute("SELECT version, name, checksum FROM schema_migrations ORDER BY version").rows
        var applied = Set<Int>()
        for row in rows {
            let version = Int(row[0] ?? "") ?? 0, name = row[1] ?? "?", checksum = row[2] ?? ""
            applied.insert(version)
            if version > HubSchema.version {
                throw HubError.schemaTooNew(hub: hub, hubVersion: rows.compactMap { Int($0[0] ?? "") }.max() ?? version,
                                            binaryVersion: HubSchema.version)
            }
            guard let migration = HubSchema.migrations.first(where: { $0.version == version }) else {
                throw HubError.schemaMismatch(hub: hub, reason: "the hub records migration \(version) (\(name)), which this binary does not have")
            }
            if migration.checksum != checksum {
                throw HubError.schemaMismatch(hub: hub, reason: "migration \(migration.name) has changed since it was applied to the hub")
            }
        }
        return applied
    }
}
