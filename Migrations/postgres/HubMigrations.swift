/// The hub's schema (Migrations/postgres/*.sql), compiled into the binary by
/// the EmbedMigrations plugin, as the SQLite file's are.
public enum HubSchema {
    public struct Migration: Sendable, Equatable {
        public let version: Int
        public let name: String
        public let sql: String
        /// SHA-256 of `sql`: recorded when applied, compared on every push and pull.
        public let checksum: String
    }

    /// Every migration this binary knows, in order.
    public static let migrations: [Migration] = embeddedMigrationFiles.map {
        Migration(version: $0.version, name: $0.name, sql: $0.sql, checksum: $0.checksum)
    }

    /// The version of a fully migrated hub.
    public static var version: Int { migrations.last?.version ?? 0 }
}
