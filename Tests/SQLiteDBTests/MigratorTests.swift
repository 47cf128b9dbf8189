import Foundation
import Testing
@testable import SQLiteDB

/// A migration whose checksum is its SQL text: the Migrator compares
/// checksums, whoever computes them.
private func migration(_ version: Int, _ name: String, _ sql: String) -> Migration {
    Migration(version: version, name: name, sql: sql, checksum: sql)
}

@Suite struct MigratorTests {
    let first = migration(1, "0001_a.sql", "CREATE TABLE a (x);")
    let second = migration(2, "0002_b.sql", "CREATE TABLE b (y); INSERT INTO b VALUES (1);")

    @Test func appliesInOrderAndRecordsChecksums() throws {
        let db = try Database(path: ":memory:")
        let applied = try Migrator([second, first]).migrate(db)
        #expect(applied.map(\.version) == [1, 2])
        #expect(try db.userVersion() == 2)
        let rows = try db.rows("SELECT version, name, checksum FROM schema_migrations ORDER BY version")
        #expect(rows.map { $0["name"].string } == ["0001_a.sql", "0002_b.sql"])
        #expect(rows[0]["checksum"].string == first.checksum)
        // Running again applies nothing.
        #expect(try Migrator([first, second]).migrate(db).isEmpty)
    }

    @Test func appliesOnlyPendingOnes() throws {
        let db = try Database(path: ":memory:")
        try Migrator([first]).migrate(db)
        let applied = try Migrator([first, second]).migrate(db)
        #expect(applied == [second])
    }

    @Test func refusesANewerDatabaseNamingBothVersions() throws {
        let db = try Database(path: ":memory:")
        try Migrator([first, second]).migrate(db)
        let error = #expect(throws: MigrationError.self) { try Migrator([first]).migrate(db) }
        #expect(error == .databaseTooNew(path: ":memory:", databaseVersion: 2, binaryVersion: 1))
        #expect(error?.description.contains("schema version 2 is newer than this binary's 1") == true)
    }

    @Test func refusesAChangedMigrationNamingTheFile() throws {
        let db = try Database(path: ":memory:")
        try Migrator([first, second]).migrate(db)
        let edited = migration(2, "0002_b.sql", "CREATE TABLE b (y, z);")
        let error = #expect(throws: MigrationError.self) { try Migrator([first, edited]).migrate(db) }
        guard case .changedSinceApplied(let name, _, _) = error else {
            Issue.record("expected changedSinceApplied, got \(String(describing: error))")
            return
        }
        #expect(name == "0002_b.sql")
    }

    @Test func aFailingMigrationLeavesNothingBehind() throws {
        let db = try Database(path: ":memory:")
        let broken = migration(2, "0002_broken.sql", "CREATE TABLE c (x); SELECT nonsense FROM nowhere;")
        #expect(throws: MigrationError.self) { try Migrator([first, broken]).migrate(db) }
        #expect(try db.userVersion() == 1)
        #expect(try db.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'c'") == .integer(0))
    }

    @Test func duplicateNumbersAreRejected() {
        #expect(throws: MigrationError.self) {
            try Migrator([first, migration(1, "0001_other.sql", "")])
        }
    }
}
