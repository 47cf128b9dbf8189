import SQLiteDB
import PolicyExtraction

/// Why the database could not be opened or read.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// A read command was pointed at a path with no file.
    case noDatabase(path: String)
    /// The path names a folder (SQLite would say "disk I/O error").
    case isFolder(path: String)
    /// SQLite refused the file (not a database, damaged, no permission).
    case cannotOpen(path: String, SQLiteError)
    /// The file's schema is older than the binary's, and a read command
    /// does not migrate.
    case schemaTooOld(path: String, version: Int, latest: Int)
    /// The file is not a policykb database.
    case notPolicykb(path: String, reason: NotPolicykbReason)
    /// A writer was given a file it cannot write.
    case readOnly(path: String)
    /// A file this process cannot write whose `-wal` holds committed
    /// transactions that SQLite cannot read without writing beside it.
    case walUnreadable(path: String, SQLiteError)
    /// A migration could not be verified or applied.
    case migration(MigrationError)
    /// A region name the gazetteer does not know.
    case unknownRegion(String)
    /// Memory ran out for a buffer of the given purpose.
    case outOfMemory(String)

    public enum NotPolicykbReason: Sendable, Equatable {
        /// SQLite does not recognise the file (text, damaged, encrypted).
        case notSQLite
        /// An SQLite database of another application.
        case foreignTables([String])
        /// An SQLite database with nothing in it.
        case empty
        /// An SQLite database marked by another tool: a `user_version` or
        /// `schema_migrations` table that policykb did not write.
        case foreignSchema(String)
    }

    public var description: String {
        switch self {
        case .notPolicykb(let path, .notSQLite):
            "\(path): not a policykb database (not an SQLite file)"
        case .notPolicykb(let path, .foreignTables(let tables)):
            "\(path): not a policykb database: it is an SQLite database of another application (tables: "
                + tables.prefix(5).joined(separator: ", ") + (tables.count > 5 ? ", …" : "") + "); give policykb a file of its own"
        case .notPolicykb(let path, .foreignSchema(let reason)):
            "\(path): not a policykb database: \(reason); give policykb a file of its own"
        case .walUnreadable(let path, let error):
            "\(path): its -wal file holds committed changes that cannot be read here (\(error.message)); "
                + "they need \(path)-shm beside it, or write permission on the folder: open it once with that permission"
        case .notPolicykb(let path, .empty):
            "\(path): not a policykb database yet (an empty SQLite file, as an ingest stopped before it made the schema leaves one); "
                + "run `policykb ingest FILE... --db \(path)` to fill it"
        case .readOnly(let path):
            "\(path): the database is read-only; writing needs permission to write the file and its folder"
        case .noDatabase(let path):
            "\(path): no database here; run `policykb ingest FILE...` first, or pass --db"
        case .isFolder(let path):
            "\(path): a folder, not a database file; give --db a file's path (\(path)/policykb.sqlite)"
        case let .cannotOpen(path, error):
            "cannot open \(path): \(error.message) (\(error.extendedCode))"
        case let .schemaTooOld(path, version, latest):
            "\(path): schema version \(version) is older than this binary's \(latest) (an older policykb's file, or an ingest "
                + "stopped while it migrated); any `policykb ingest --db \(path)` completes the schema"
        case .migration(let error):
            error.description
        case .unknownRegion(let input):
            "unknown region「\(input)」: give a code (440300), a name (深圳市) or a short name (深圳)"
        case .outOfMemory(let purpose):
            "out of memory for \(purpose)"
        }
    }
}
