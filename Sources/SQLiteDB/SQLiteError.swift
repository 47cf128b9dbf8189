/// An error reported by SQLite, with everything needed to act on it.
///
/// "The sqlite3_errcode() interface returns the numeric result code or
/// extended result code for the most recent failed sqlite3_* API call
/// associated with a database connection" — every connection here turns
/// extended codes on, so `extendedCode` is the precise one
/// (`SQLITE_CONSTRAINT_UNIQUE` rather than `SQLITE_CONSTRAINT`) and `code`
/// its primary category. Match on either:
///
///     catch let error as SQLiteError where error.code == .readOnly { … }
///     catch let error as SQLiteError where error.extendedCode == .constraintUnique { … }
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// The extended result code, e.g. SQLITE_CONSTRAINT_UNIQUE.
    public let extendedCode: ResultCode
    /// The message SQLite gave (`sqlite3_errmsg`), or a message of our own.
    public let message: String
    /// The SQL being prepared or run, when there was one.
    public let sql: String?

    public init(_ code: ResultCode, message: String, sql: String? = nil) {
        extendedCode = code
        self.message = message
        self.sql = sql
    }

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.init(ResultCode(rawValue: extendedCode), message: message, sql: sql)
    }

    /// The primary result code: "The least significant 8 bits of the
    /// extended result code are the primary result code."
    public var code: ResultCode { extendedCode.primaryResultCode }

    /// Another connection holds a lock this one needs.
    public var isBusy: Bool { code == .busy || code == .locked }

    public var description: String {
        var text = "SQLite error \(extendedCode.rawValue) (\(extendedCode)): \(message)"
        if let sql { text += " — in: \(sql)" }
        return text
    }
}
