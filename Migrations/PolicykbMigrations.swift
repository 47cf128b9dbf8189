import SQLiteDB

/// The schema of a policykb database: the SQL files of this folder, in
/// order, compiled into the binary by the EmbedMigrations plugin.
public enum PolicykbSchema {
    /// Every migration this binary knows.
    public static let migrations: [Migration] = embeddedMigrationFiles.map {
        Migration(version: $0.version, name: $0.name, sql: $0.sql, checksum: $0.checksum)
    }

    /// The schema version of a fully migrated database.
    public static var version: Int { migrations.last?.version ?? 0 }
}
