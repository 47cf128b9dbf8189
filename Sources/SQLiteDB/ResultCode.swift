import CSQLite

/// An SQLite result code, primary or extended, with names for the ones the
/// project acts on.
///
/// "Result codes are signed 32-bit integers. The least significant 8 bits
/// of the result code define a broad category and are called the 'primary
/// result code'. More significant bits provide more detailed information
/// about the error and are called the 'extended result code'." An extended
/// code matches its primary code in a pattern, as GRDB's `ResultCode` does:
///
///     catch let error as SQLiteError where error.code == .readOnly
///     switch error.extendedCode { case .constraint: … }  // any constraint violation
public struct ResultCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public let rawValue: Int32

    public init(rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The broad category: the low 8 bits.
    public var primaryResultCode: ResultCode { ResultCode(rawValue: rawValue & 0xFF) }

    /// The name SQLite gives the code (`sqlite3_errstr`), e.g. "constraint failed".
    public var description: String { String(cString: sqlite3_errstr(rawValue)) }

    /// A primary code matches itself and each of its extended codes; an
    /// extended code matches only itself.
    public static func ~= (pattern: ResultCode, code: ResultCode) -> Bool {
        pattern.rawValue & 0xFF == pattern.rawValue ? pattern == code.primaryResultCode : pattern == code
    }

    // Primary result codes ("Primary Result Code List").
    public static let ok = ResultCode(rawValue: SQLITE_OK)
    /// "a generic error code that is used when no other more specific error code is available"
    public static let error = ResultCode(rawValue: SQLITE_ERROR)
    public static let `internal` = ResultCode(rawValue: SQLITE_INTERNAL)
    public static let permission = ResultCode(rawValue: SQLITE_PERM)
    public static let abort = ResultCode(rawValue: SQLITE_ABORT)
    public static let busy = ResultCode(rawValue: SQLITE_BUSY)
    public static let locked = ResultCode(rawValue: SQLITE_LOCKED)
    public static let noMemory = ResultCode(rawValue: SQLITE_NOMEM)
    /// "an attempt is made to alter some data for which the current database connection does not have write permission"
    public static let readOnly = ResultCode(rawValue: SQLITE_READONLY)
    public static let interrupt = ResultCode(rawValue: SQLITE_INTERRUPT)
    public static let ioError = ResultCode(rawValue: SQLITE_IOERR)
    public static let corrupt = ResultCode(rawValue: SQLITE_CORRUPT)
    public static let notFound = ResultCode(rawValue: SQLITE_NOTFOUND)
    public static let full = ResultCode(rawValue: SQLITE_FULL)
    public static let cannotOpen = ResultCode(rawValue: SQLITE_CANTOPEN)
    public static let schema = ResultCode(rawValue: SQLITE_SCHEMA)
    public static let constraint = ResultCode(rawValue: SQLITE_CONSTRAINT)
    public static let mismatch = ResultCode(rawValue: SQLITE_MISMATCH)
    public static let misuse = ResultCode(rawValue: SQLITE_MISUSE)
    public static let range = ResultCode(rawValue: SQLITE_RANGE)
    /// "the file being opened does not appear to be an SQLite database file"
    public static let notADatabase = ResultCode(rawValue: SQLITE_NOTADB)

    // Extended result codes the project tells apart.
    public static let constraintUnique = ResultCode(rawValue: 2067) // SQLITE_CONSTRAINT_UNIQUE
    public static let constraintForeignKey = ResultCode(rawValue: 787) // SQLITE_CONSTRAINT_FOREIGNKEY
    public static let readOnlyDatabaseMoved = ResultCode(rawValue: 1032) // SQLITE_READONLY_DBMOVED
}
