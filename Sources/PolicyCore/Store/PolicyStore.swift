import Foundation
import PolicykbMigrations
import SQLiteDB

/// A policykb database: one SQLite file, migrated to this binary's schema.
public final class PolicyStore {
    public let database: Database
    public let path: String

    public enum Access: Sendable {
        /// Creates the file if needed and migrates it.
        case write
        /// The file must exist and be fully migrated; nothing is written.
        case read
        /// As `read`, on a writable connection: FTS5's integrity check is
        /// an INSERT, though it changes nothing.
        case inspect
    }

    /// Opens the database at `path`.
    ///
    /// Writers put it in WAL mode — "WAL provides more concurrency as readers
    /// do not block writers and a writer does not block readers" — with
    /// `synchronous=NORMAL`, which in WAL mode "is safe from corruption" and
    /// loses at most the last transactions on power loss, not on a crash.
    public init(path: String, access: Access = .write) throws {
        self.path = path
        if access != .write && !FileManager.default.fileExists(atPath: path) {
            throw StoreError.noDatabase(path: path)
        }
        try Self.registerExtension()
        do {
            database = try Database(path: path, mode: access == .read ? .readOnly : .readWrite)
            try database.execute("PRAGMA foreign_keys = ON")
            if access == .write {
                // Before the file has a schema: articles of a few kilobytes
                // leave half of every 4 KB page empty; 8 KB pages hold three.
                if try database.userVersion() == 0 { try database.execute("PRAGMA page_size = 8192") }
                try database.execute("PRAGMA journal_mode = WAL")
                try database.execute("PRAGMA synchronous = NORMAL")
            } else if access == .read {
                // Queries read the index's pages straight from the OS page
                // cache instead of copying each one in with read(): about 5%
                // off a search here. "Memory-mapped I/O ... can improve
                // performance for I/O intensive operations"; SQLite caps the
                // size at its compile-time SQLITE_MAX_MMAP_SIZE. Writers keep
                // plain I/O, where an I/O error is an error, not a signal.
                try database.execute("PRAGMA mmap_size = 2147418112")
            }
        } catch {
            throw StoreError.cannotOpen(path: path, error)
        }
        do {
            let migrator = try Migrator(PolicykbSchema.migrations)
            if access == .write {
                try migrator.migrate(database)
            } else {
                let version = try database.userVersion()
                if version > migrator.latestVersion {
                    throw MigrationError.databaseTooNew(path: path, databaseVersion: version, binaryVersion: migrator.latestVersion)
                }
                if version < migrator.latestVersion {
                    throw StoreError.schemaTooOld(path: path, version: version, latest: migrator.latestVersion)
                }
                try migrator.verifyApplied(database)
            }
        } catch let error as MigrationError {
            throw StoreError.migration(error)
        } catch let error as SQLiteError {
            throw StoreError.cannotOpen(path: path, error)
        }
    }

    /// The region names extraction looks for.
    public func gazetteer() throws -> Gazetteer {
        let regions = try database.rows("SELECT code, name, level, parent_code FROM regions").map {
            Gazetteer.Region(code: try $0.decode("code"), name: try $0.decode("name"), level: try $0.decode("level"),
                             parentCode: try $0.decodeIfPresent("parent_code"))
        }
        let names = try database.rows("SELECT name, code, kind, priority FROM region_names").map {
            (name: try $0.decode("name", as: String.self), code: try $0.decode("code", as: String.self),
             kind: try $0.decode("kind", as: String.self), priority: try $0.decode("priority", as: Int.self))
        }
        return Gazetteer(regions: regions, names: names)
    }
}
