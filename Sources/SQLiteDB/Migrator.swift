import CSQLite

/// One numbered schema change: the SQL of a file such as `0002_regions.sql`.
public struct Migration: Sendable, Equatable {
    public let version: Int
    public let name: String
    public let sql: String
    /// A digest of `sql`, recorded when the migration is applied and
    /// compared on every open: a migration edited after it was applied is
    /// refused. Whoever supplies the migration computes it (policykb's
    /// build embeds a SHA-256 with each file).
    public let checksum: String

    public init(version: Int, name: String, sql: String, checksum: String) {
        self.version = version
        self.name = name
        self.sql = sql
        self.checksum = checksum
    }
}

public enum MigrationError: Error, CustomStringConvertible, Equatable {
    case databaseTooNew(path: String, databaseVersion: Int, binaryVersion: Int)
    case changedSinceApplied(name: String, recorded: String, current: String)
    case unknownApplied(version: Int, name: String)
    case invalidList(String)
    case failed(name: String, message: String)

    public var description: String {
        switch self {
        case let .databaseTooNew(path, databaseVersion, binaryVersion):
            "\(path): schema version \(databaseVersion) is newer than this binary's \(binaryVersion); use a newer policykb"
        case let .changedSinceApplied(name, recorded, current):
            "migration \(name) has changed since it was applied (recorded checksum \(recorded.prefix(12))…, now \(current.prefix(12))…)"
        case let .unknownApplied(version, name):
            "the database records migration \(version) (\(name)), which this binary does not have"
        case let .invalidList(reason):
            "invalid migration list: \(reason)"
        case let .failed(name, message):
            "migration \(name) failed: \(message)"
        }
    }
}

/// Applies migrations in order, each in its own transaction, and records
/// them with their checksum in `schema_migrations`. `PRAGMA user_version`
/// holds the version of the last one applied.
public struct Migrator: Sendable {
    public let migrations: [Migration]

    public init(_ migrations: [Migration]) throws(MigrationError) {
        let sorted = migrations.sorted { $0.version < $1.version }
        for (previous, next) in zip(sorted, sorted.dropFirst()) where previous.version == next.version {
            throw .invalidList("two migrations numbered \(next.version): \(previous.name), \(next.name)")
        }
        if let first = sorted.first, first.version < 1 {
            throw .invalidList("migration numbers start at 1, found \(first.version) (\(first.name))")
        }
        self.migrations = sorted
    }

    /// The version a fully migrated database has.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// Checks the applied migrations and applies the pending ones.
    /// Returns the migrations applied now.
    @discardableResult
    public func migrate(_ database: Database) throws -> [Migration] {
        let current = try database.userVersion()
        if current > latestVersion {
            throw MigrationError.databaseTooNew(path: database.path, databaseVersion: current, binaryVersion: latestVersion)
        }
        try verifyApplied(database)
        var applied: [Migration] = []
        for migration in migrations where migration.version > current {
            let done: Bool = try database.transaction(.immediate) {
                // Another process may have migrated while this one waited
                // for the write lock.
                guard try database.userVersion() < migration.version else { return false }
                try database.execute("""
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version    INTEGER PRIMARY KEY,
                        name       TEXT NOT NULL,
                        checksum   TEXT NOT NULL,
                        applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
                    ) STRICT
                    """)
                do {
                    try database.execute(migration.sql)
                } catch let error as SQLiteError {
                    throw MigrationError.failed(name: migration.name, message: error.message)
                }
                try database.execute("INSERT INTO schema_migrations (version, name, checksum) VALUES (?, ?, ?)",
                                     [migration.version, migration.name, migration.checksum])
                try database.setUserVersion(migration.version)
                return true
            }
            if done { applied.append(migration) }
        }
        return applied
    }

    /// Refuses a database whose recorded migrations differ from this
    /// binary's.
    public func verifyApplied(_ database: Database) throws {
        let exists = try database.scalar(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'").int ?? 0
        guard exists > 0 else { return }
        // A linear search of a dozen migrations: a dictionary would cost more
        // to build (its generic type is instantiated at run time, on every
        // start of the command) than it saves.
        for row in try database.rows("SELECT version, name, checksum FROM schema_migrations ORDER BY version") {
            let version = row["version"].int ?? 0
            let name = row["name"].string ?? "?"
            let recorded = row["checksum"].string ?? ""
            guard let migration = migrations.first(where: { $0.version == version }) else {
                throw MigrationError.unknownApplied(version: version, name: name)
            }
            if migration.checksum != recorded {
                throw MigrationError.changedSinceApplied(name: migration.name, recorded: recorded, current: migration.checksum)
            }
        }
    }
}
