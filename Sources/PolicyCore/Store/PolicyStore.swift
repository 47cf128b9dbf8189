import Foundation
import PolicyExtraction
import PolicykbMigrations
import SQLiteDB

/// A policykb database: one SQLite file, migrated to this binary's schema.
public final class PolicyStore {
    public let database: Database
    public let path: String
    /// Fingerprints of stored articles that ingest compared new ones with
    /// (see `assignStories`): formulaic news makes the same few articles
    /// candidates again and again.
    var candidateFingerprints = StoryCandidateCache()
    /// Every stored article's LSH band keys (`loadStoryBands`).
    var storyBands: StoryBandIndex?

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
    /// Readers of a file they cannot write, or in a folder that cannot take
    /// the `-wal` and `-shm` files, open it immutable.
    ///
    /// - Throws: `StoreError`: no file (reading), a file that is not a
    ///   policykb database (text, damaged, another application's SQLite
    ///   file), a read-only file for a writer, or a schema this binary
    ///   cannot use.
    public init(path: String, access: Access = .write) throws {
        self.path = path
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && isFolder.boolValue { throw StoreError.isFolder(path: path) }
        if access != .write && !exists {
            throw StoreError.noDatabase(path: path)
        }
        try Self.registerExtension()
        let writable = !exists || Self.canWrite(beside: path)
        // An immutable open ignores the -wal: safe only when it holds no
        // committed transaction (a writer killed before its checkpoint
        // leaves some). Otherwise a read-only open reads it, through the
        // -shm beside it ("a read-only WAL-mode database can be opened as
        // long as the -shm and -wal files already exist").
        let walCommitted = !writable && access != .write && WriteAheadLog.hasCommittedFrames(databasePath: path)
        let mode: Database.Mode = switch access {
        case .write: .readWrite
        case .inspect: writable ? .readWrite : (walCommitted ? .readOnly : .immutable)
        case .read: writable || walCommitted ? .readOnly : .immutable
        }
        do {
            database = try Database(path: path, mode: mode)
        } catch {
            throw StoreError.cannotOpen(path: path, error)
        }
        if access == .write && (database.isReadOnly || !writable) {
            throw StoreError.readOnly(path: path)
        }
        let migrator: Migrator
        do {
            migrator = try Migrator(PolicykbSchema.migrations)
        } catch {
            throw StoreError.migration(error)
        }
        do {
            try Self.identify(database, path: path, creating: access == .write, migrator: migrator)
        } catch StoreError.cannotOpen(_, let error) where walCommitted {
            throw StoreError.walUnreadable(path: path, error)
        }
        do {
            try database.execute("PRAGMA foreign_keys = ON")
            if access == .write {
                // Before the file has a schema: articles of a few kilobytes
                // leave half of every 4 KB page empty; 8 KB pages hold three.
                if try database.userVersion() == 0 { try database.execute("PRAGMA page_size = 8192") }
                try database.execute("PRAGMA journal_mode = WAL")
                try database.execute("PRAGMA synchronous = NORMAL")
                // A writer writes in bursts (ingest, pull: a transaction per
                // file, each rewriting FTS5 segments): the log is folded into
                // the file every 10,000 pages instead of "the default ... 1000
                // pages", so a page rewritten by many transactions is copied
                // once and the file synced a seventh as often; and 64 MiB of
                // page cache instead of 2 MiB keeps the pages the next
                // transaction reads. Ingest of a 20 MB corpus: 0.87× the time
                // (Docs/PERFORMANCE.md). The log stays under 80 MB, and
                // `checkpoint()` empties it when the writer is done.
                try database.execute("PRAGMA wal_autocheckpoint = 10000")
                try database.execute("PRAGMA cache_size = -65536")
            } else if access == .read {
                // Queries read the index's pages straight from the OS page
                // cache instead of copying each one in with read(): about 5%
                // off a search here. "Memory-mapped I/O ... can improve
                // performance for I/O intensive operations"; SQLite caps the
                // size at its compile-time SQLITE_MAX_MMAP_SIZE. Writers keep
                // plain I/O, where an I/O error is an error, not a signal.
                try database.execute("PRAGMA mmap_size = 2147418112")
            }
        } catch where error.code == .readOnly {
            throw StoreError.readOnly(path: path)
        } catch {
            throw StoreError.cannotOpen(path: path, error)
        }
        do {
            if access == .write {
                try migrator.migrate(database)
                try fillLineKeys()
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
        } catch let error as SQLiteError where error.code == .readOnly {
            throw StoreError.readOnly(path: path)
        } catch let error as SQLiteError {
            throw StoreError.cannotOpen(path: path, error)
        }
    }

    /// Whether the connection can write (a read-only or immutable open cannot).
    public var isReadOnly: Bool { database.isReadOnly }

    /// Whether this process can write the file at `path` and create files
    /// beside it (SQLite's `-wal`, `-shm` and `-journal`).
    static func canWrite(beside path: String) -> Bool {
        let folder = Self.folder(of: path)
        return access(path, W_OK) == 0 && access(folder, W_OK | X_OK) == 0
            && !Self.isImmutableFile(path) && !Self.isImmutableFile(folder)
    }

    /// The folder that holds `path`, by its text (`a/b.sqlite` → `a`,
    /// `b.sqlite` → `.`, `/b.sqlite` → `/`): `URL` would cost a tenth of a
    /// millisecond on every start of the command.
    static func folder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// Whether the file has the Linux immutable attribute (`chattr +i`),
    /// which `access(2)` does not report to root.
    static func isImmutableFile(_ path: String) -> Bool {
        #if os(Linux)
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var flags: Int32 = 0
        // FS_IOC_GETFLAGS = _IOR('f', 1, long); FS_IMMUTABLE_FL = 0x10.
        let getFlags: UInt = 0x8008_6601
        guard ioctl(descriptor, getFlags, &flags) == 0 else { return false }
        return flags & 0x10 != 0
        #else
        return false
        #endif
    }

    /// Refuses a file that is not a policykb database, before anything is
    /// written to it: not SQLite at all (SQLite says so on the first read),
    /// or another application's SQLite file — tables and no policykb schema,
    /// a `user_version` policykb did not set, or a `schema_migrations` table
    /// of another tool (Rails and golang-migrate keep one, without
    /// policykb's names and checksums). An empty database is fine to create
    /// a schema in; to a reader it is not a policykb database.
    static func identify(_ database: Database, path: String, creating: Bool, migrator: Migrator) throws {
        do {
            let version = try database.userVersion()
            let tables = try database.rows("""
                SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
                ORDER BY name
                """).map { try $0.decode("name", as: String.self) }
            if tables.contains("schema_migrations") {
                if let reason = try foreignMigrationRecords(database, migrator: migrator) {
                    throw StoreError.notPolicykb(path: path, reason: .foreignSchema(reason))
                }
                return
            }
            if version != 0 {
                throw StoreError.notPolicykb(path: path, reason: .foreignSchema(
                    "user_version is \(version) but it has no policykb migration records"))
            }
            if !tables.isEmpty { throw StoreError.notPolicykb(path: path, reason: .foreignTables(tables)) }
            if !creating { throw StoreError.notPolicykb(path: path, reason: .empty) }
        } catch let error as SQLiteError where error.code == .notADatabase {
            throw StoreError.notPolicykb(path: path, reason: .notSQLite)
        } catch let error as SQLiteError {
            throw StoreError.cannotOpen(path: path, error)
        }
    }

    /// Why a `schema_migrations` table is not policykb's, or nil when it
    /// is: policykb's has `version`, `name` and `checksum`, and its first
    /// row is this binary's first migration by name or checksum (a newer
    /// binary's file still starts with it; `Migrator` judges the rest,
    /// edited migrations included).
    static func foreignMigrationRecords(_ database: Database, migrator: Migrator) throws -> String? {
        let columns = Set(try database.rows("SELECT name FROM pragma_table_info('schema_migrations')")
            .map { try $0.decode("name", as: String.self) })
        guard columns.isSuperset(of: ["version", "name", "checksum"]) else {
            return "its schema_migrations table is another tool's (columns: \(columns.sorted().joined(separator: ", ")))"
        }
        guard let first = try database.rows("SELECT version, name, checksum FROM schema_migrations ORDER BY version LIMIT 1").first
        else { return nil }
        guard let expected = migrator.migrations.first, first["version"].int == expected.version,
              first["name"].string == expected.name || first["checksum"].string == expected.checksum
        else {
            return "its schema_migrations table records \(first["name"].string ?? "?"), not policykb's first migration"
        }
        return nil
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
