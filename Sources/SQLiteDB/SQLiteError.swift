import CSQLite

/// An error reported by SQLite, with everything needed to act on it.
///
/// "The sqlite3_errcode() interface returns the numeric result code or
/// extended result code for the most recent failed sqlite3_* API call
/// associated with a database connection" — policykb turns extended codes on
/// for every connection, so `extendedCode` is the precise one
/// (`SQLITE_CONSTRAINT_UNIQUE` rather than `SQLITE_CONSTRAINT`) and
/// `primaryCode` its low byte.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The extended result code, e.g. 2067 for SQLITE_CONSTRAINT_UNIQUE.
    public let extendedCode: Int32
    /// The message SQLite gave (`sqlite3_errmsg`), or a message of our own.
    public let message: String
    /// The SQL being prepared or run, when there was one.
    public let sql: String?

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    /// "The least significant 8 bits of the extended result code are the
    /// primary result code."
    public var primaryCode: Int32 { extendedCode & 0xFF }

    /// The name SQLite gives the code, e.g. "constraint failed".
    public var codeDescription: String { String(cString: sqlite3_errstr(extendedCode)) }

    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    public var description: String {
        var text = "SQLite error \(extendedCode) (\(codeDescription)): \(message)"
        if let sql { text += " — in: \(sql)" }
        return text
    }
}
