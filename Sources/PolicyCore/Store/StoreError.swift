import SQLiteDB

/// Why the database could not be opened or read.
public enum StoreError: Error, CustomStringConvertible, Sendable {
    /// A read command was pointed at a path with no file.
    case noDatabase(path: String)
    /// SQLite refused the file (not a database, damaged, no permission).
    case cannotOpen(path: String, SQLiteError)
    /// The file's schema is older than the binary's, and a read command
    /// does not migrate.
    case schemaTooOld(path: String, version: Int, latest: Int)
    /// A migration could not be verified or applied.
    case migration(MigrationError)
    /// A region name the gazetteer does not know.
    case unknownRegion(String)
    /// A query or write failed inside SQLite.
    case database(SQLiteError)
    /// Memory ran out for a buffer of the given purpose.
    case outOfMemory(String)

    public var description: String {
        switch self {
        case .noDatabase(let path):
            "\(path): no database here; run `policykb ingest FILE...` first, or pass --db"
        case let .cannotOpen(path, error):
            "cannot open \(path): \(error.message) (\(error.extendedCode))"
        case let .schemaTooOld(path, version, latest):
            "\(path): schema version \(version) is older than this binary's \(latest); any `policykb ingest` migrates it"
        case .migration(let error):
            error.description
        case .unknownRegion(let input):
            "unknown region「\(input)」: give a code (440300), a name (深圳市) or a short name (深圳)"
        case .database(let error):
            "\(error.message) (\(error.extendedCode))"
        case .outOfMemory(let purpose):
            "out of memory for \(purpose)"
        }
    }
}
