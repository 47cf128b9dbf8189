#if canImport(Glibc)
import Glibc
#endif
import CLibPQ

/// One connection to a PostgreSQL server through the system libpq.
///
/// libpq reads what it is not told from the environment (`PGHOST`,
/// `PGPORT`, `PGUSER`, `PGDATABASE`, `PGSSLMODE`, …) and passwords from
/// `~/.pgpass`; an empty connection string means "all from the
/// environment". TLS is libpq's: the default `sslmode=prefer` uses it when
/// the server offers it.
///
/// Values go over the wire as text, parameters always bound (never spliced
/// into SQL). A connection is used by one thread at a time; it is a class
/// only so that `deinit` closes it.
public final class PostgresConnection {
    private let connection: OpaquePointer

    /// Connects, or throws `PostgresError.connection` with libpq's reason,
    /// which names host and port but never the password.
    public init(_ conninfo: String) throws(PostgresError) {
        // The connection string, not the URL's text, goes to libpq; messages
        // built here quote only `ConnectionString.redacted`.
        guard let connection = PQconnectdb(conninfo) else {
            throw .connection("libpq could not allocate a connection")
        }
        guard PQstatus(connection) == CONNECTION_OK else {
            let message = Self.firstLine(PQerrorMessage(connection).map { String(cString: $0) } ?? "")
            PQfinish(connection)
            throw .connection(message)
        }
        self.connection = connection
        // Notices ("relation already exists, skipping") are not the user's business.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    deinit { PQfinish(connection) }

    /// The server's version number (150018 for 15.18).
    public var serverVersion: Int { Int(PQserverVersion(connection)) }

    /// Whether the connection runs over TLS.
    public var usesTLS: Bool { PQsslInUse(connection) != 0 }

    /// Runs one statement (or, without parameters, several separated by
    /// semicolons) and returns its rows.
    @discardableResult
    public func execute(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> PostgresResult {
        let result: OpaquePointer?
        if parameters.isEmpty {
            result = PQexec(connection, sql)
        } else {
            // strdup'd C strings live until PQexecParams returns.
            let cStrings: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.flatMap { strdup($0) } }
            defer { cStrings.forEach { free($0) } }
            result = cStrings.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { values in
                    PQexecParams(connection, sql, Int32(parameters.count), nil, values.baseAddress, nil, nil, 0)
                }
            }
        }
        guard let result else {
            throw .query(sqlState: nil, message: Self.firstLine(PQerrorMessage(connection).map { String(cString: $0) } ?? ""))
        }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY else {
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = PQresultErrorMessage(result).map { String(cString: $0) } ?? ""
            PQclear(result)
            if PQstatus(connection) != CONNECTION_OK {
                throw .connection(Self.firstLine(message))
            }
            throw .query(sqlState: state, message: Self.firstLine(message))
        }
        return PostgresResult(result)
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back
    /// when it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// Quotes text for use as a literal in SQL built here (libpq's escaping,
    /// which knows the connection's encoding).
    public func literal(_ text: String) -> String {
        guard let escaped = PQescapeLiteral(connection, text, text.utf8.count) else { return "NULL" }
        defer { PQfreemem(escaped) }
        return String(cString: escaped)
    }

    static func firstLine(_ message: String) -> String {
        let trimmed = message.split(separator: "\n").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
        return trimmed.first.map(String.init) ?? "unknown error"
    }
}

extension Substring {
    fileprivate func trimmingCharacters() -> Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}

/// The rows of one statement, read as text (NULL as nil).
public struct PostgresResult: Sendable {
    public let columns: [String]
    public let rows: [[String?]]
    /// The rows a command changed (INSERT, UPDATE, DELETE), when it says.
    public let affected: Int

    init(_ result: OpaquePointer) {
        defer { PQclear(result) }
        let columnCount = Int(PQnfields(result)), rowCount = Int(PQntuples(result))
        columns = (0..<columnCount).map { String(cString: PQfname(result, Int32($0))) }
        var rows: [[String?]] = []
        rows.reserveCapacity(rowCount)
        for row in 0..<rowCount {
            rows.append((0..<columnCount).map { column in
                PQgetisnull(result, Int32(row), Int32(column)) != 0
                    ? nil : String(cString: PQgetvalue(result, Int32(row), Int32(column)))
            })
        }
        self.rows = rows
        affected = Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// The first column of the first row.
    public var scalar: String? { rows.first?.first ?? nil }

    /// The value of `column` in `row`, nil when NULL or no such column.
    public func value(_ row: Int, _ column: String) -> String? {
        guard let index = columns.firstIndex(of: column) else { return nil }
        return rows[row][index]
    }
}

public enum PostgresError: Error, CustomStringConvertible, Equatable {
    /// The server could not be reached or refused the connection.
    case connection(String)
    /// A statement failed; `sqlState` is the five-character SQLSTATE.
    case query(sqlState: String?, message: String)

    public var sqlState: String? {
        if case .query(let state, _) = self { return state }
        return nil
    }

    /// A deadlock or a serialization failure: the transaction may be retried.
    public var isTransient: Bool { ["40P01", "40001"].contains(sqlState ?? "") }

    public var description: String {
        switch self {
        case .connection(let message): message
        case .query(_, let message): message
        }
    }
}
