import CSQLite

/// A connection to one SQLite database file. It owns its handle and closes
/// it when released.
///
/// A `Database` is used by one thread at a time (it is not `Sendable`);
/// concurrent work opens one connection per thread, which WAL mode lets read
/// while another writes.
public final class Database {
    public let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]

    public enum Mode: Sendable {
        case readWrite
        case readOnly
        /// Read-only, for a file no one can change while it is open (on
        /// read-only media, or without write permission on it or its
        /// folder): "SQLite always opens immutable database files read-only
        /// and it skips all file locking and change detection", so it needs
        /// no `-wal` or `-shm` file beside it.
        case immutable
    }

    /// Registers an extension (tokenizers, SQL functions) with every
    /// connection the process opens from now on: "This interface causes the
    /// xEntryPoint() function to be invoked for each new database connection
    /// that is created." Registering the same entry point twice is harmless:
    /// "If xEntryPoint has already been registered, then this routine is a
    /// no-op."
    public static func addAutomaticExtension(_ entryPoint: @convention(c) () -> Void) throws(SQLiteError) {
        let code = sqlite3_auto_extension(entryPoint)
        guard code == SQLITE_OK else { throw SQLiteError(extendedCode: code, message: "cannot register an extension") }
    }

    /// Opens (and with `.readWrite` creates) the database at `path`.
    /// `busyTimeout` is how long a statement waits for another connection's
    /// lock before failing with SQLITE_BUSY.
    public init(path: String, mode: Mode = .readWrite, busyTimeout milliseconds: Int32 = 10_000) throws(SQLiteError) {
        var handle: OpaquePointer?
        let flags: Int32 = switch mode {
        case .readWrite: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
        case .readOnly: SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX
        case .immutable: SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI
        }
        let name = mode == .immutable ? Self.immutableURI(path) : path
        let code = sqlite3_open_v2(name, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            // "A database connection handle is usually returned in *ppDb, even
            // if an error occurs."
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let handle { sqlite3_close_v2(handle) }
            throw SQLiteError(extendedCode: code, message: "\(message): \(path)")
        }
        self.handle = handle
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, milliseconds)
    }

    deinit {
        statementCache.removeAll()
        // "If sqlite3_close_v2() is called with unfinalized prepared
        // statements ... the database connection becomes an unusable
        // 'zombie' which will automatically be deallocated when the last
        // prepared statement is finalized." Statements retain their
        // Database, so none outlives this point.
        sqlite3_close_v2(handle)
    }

    /// An error carrying the connection's current message and extended code.
    func error(code: Int32, sql: String?) -> SQLiteError {
        let extended = sqlite3_extended_errcode(handle)
        let message = String(cString: sqlite3_errmsg(handle))
        // A failed step reports its code through the return value; errcode
        // can hold a stale code when the failure came from elsewhere.
        let chosen = (extended & 0xFF) == (code & 0xFF) ? extended : code
        return SQLiteError(extendedCode: chosen, message: message, sql: sql)
    }

    /// A `file:` URI naming `path` with `immutable=1`: "the characters
    /// '?', '#' and '%' ... must be escaped" in the path part.
    static func immutableURI(_ path: String) -> String {
        var escaped = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "%"), 0x80...0xFF:
                escaped += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            default:
                escaped.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return "file:" + escaped + "?immutable=1"
    }

    /// Whether the connection cannot write: "sqlite3_db_readonly(D,N)
    /// interface returns 1 if the database N of connection D is read-only".
    /// A read-write open of a file without write permission silently gives
    /// such a connection.
    public var isReadOnly: Bool { sqlite3_db_readonly(handle, "main") == 1 }

    // MARK: Statements

    /// Prepares a new statement.
    public func prepare(_ sql: String) throws(SQLiteError) -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// A prepared statement kept for reuse by its SQL text: the hot paths
    /// (one insert per article) prepare once per connection.
    public func cached(_ sql: String) throws(SQLiteError) -> Statement {
        if let statement = statementCache[sql] { return statement }
        let statement = try prepare(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs SQL text that may hold several statements and binds nothing.
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// Runs one statement with bound values.
    public func execute(_ sql: String, _ values: [any DatabaseValueConvertible]) throws(SQLiteError) {
        try cached(sql).execute(values)
    }

    /// All rows of a query.
    public func rows(_ sql: String, _ values: [any DatabaseValueConvertible] = []) throws(SQLiteError) -> [Row] {
        try prepare(sql).rows(values)
    }

    /// The first column of the first row, or `.null`.
    public func scalar(_ sql: String, _ values: [any DatabaseValueConvertible] = []) throws(SQLiteError) -> DatabaseValue {
        let statement = try prepare(sql)
        try statement.bind(values)
        guard try statement.step() else { return .null }
        return statement.value(0)
    }

    /// Copies the whole main database into `target`'s, replacing it, with
    /// the online backup API: "The backup API copies the content of one
    /// database into another ... sqlite3_backup_step() with a negative
    /// argument copies all remaining pages."
    public func copy(into target: Database) throws(SQLiteError) {
        guard let backup = sqlite3_backup_init(target.handle, "main", handle, "main") else {
            throw target.error(code: sqlite3_errcode(target.handle), sql: nil)
        }
        let step = sqlite3_backup_step(backup, -1)
        let finish = sqlite3_backup_finish(backup)
        guard step == SQLITE_DONE, finish == SQLITE_OK else {
            throw target.error(code: step == SQLITE_DONE ? finish : step, sql: nil)
        }
    }

    // MARK: Connection state

    /// "returns the rowid of the most recent successful INSERT into a rowid
    /// table"
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// `PRAGMA user_version`: "an integer at offset 60 in the database
    /// header", free for the application; policykb keeps its schema version
    /// there.
    public func userVersion() throws(SQLiteError) -> Int {
        try scalar("PRAGMA user_version").int ?? 0
    }

    public func setUserVersion(_ version: Int) throws(SQLiteError) {
        // PRAGMA takes no bound parameters; the value is an Int, not user text.
        try execute("PRAGMA user_version = \(version)")
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
