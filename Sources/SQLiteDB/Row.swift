/// A row copied out of a statement, readable by column name or position.
///
/// Read columns with `decode(_:)`, which fails on NULL, and
/// `decodeIfPresent(_:)`, which maps NULL to nil: a NOT NULL column that
/// reads as NULL is a broken assumption to report, not a value to default.
public struct Row: Sendable {
    public let columns: [String]
    public let values: [DatabaseValue]

    public init(columns: [String], values: [DatabaseValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(index: Int) -> DatabaseValue { values[index] }

    /// The value of the first column with this name; `.null` when there is none.
    public subscript(name: String) -> DatabaseValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }

    /// The column's value as `T`.
    /// - Throws: `RowDecodingError` when there is no such column, the value
    ///   is NULL, or it does not convert to `T`.
    public func decode<T: DatabaseValueDecodable>(_ column: String, as type: T.Type = T.self) throws(RowDecodingError) -> T {
        guard let value = try decodeIfPresent(column, as: type) else {
            throw RowDecodingError(column: column, problem: .null)
        }
        return value
    }

    /// The column's value as `T`, or nil when it is NULL.
    /// - Throws: `RowDecodingError` when there is no such column or the value
    ///   does not convert to `T`.
    public func decodeIfPresent<T: DatabaseValueDecodable>(_ column: String, as type: T.Type = T.self) throws(RowDecodingError) -> T? {
        guard let index = columns.firstIndex(of: column) else {
            throw RowDecodingError(column: column, problem: .noSuchColumn)
        }
        let value = values[index]
        if value.isNull { return nil }
        guard let decoded = T(databaseValue: value) else {
            throw RowDecodingError(column: column, problem: .typeMismatch(value, expected: "\(T.self)"))
        }
        return decoded
    }
}

/// A column that does not hold what the reader expected.
public struct RowDecodingError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Problem: Sendable, Equatable {
        case noSuchColumn
        case null
        case typeMismatch(DatabaseValue, expected: String)
    }

    public let column: String
    public let problem: Problem

    public init(column: String, problem: Problem) {
        self.column = column
        self.problem = problem
    }

    public var description: String {
        switch problem {
        case .noSuchColumn: "no column \(column) in the row"
        case .null: "column \(column) is NULL where a value is required"
        case let .typeMismatch(value, expected): "column \(column) holds \(value), not a \(expected)"
        }
    }
}

/// A value that can be read from a column.
public protocol DatabaseValueDecodable {
    /// The value, or nil when `databaseValue` does not convert (NULL never
    /// reaches this initializer).
    init?(databaseValue: DatabaseValue)
}

extension String: DatabaseValueDecodable {
    public init?(databaseValue: DatabaseValue) {
        guard case .text(let text) = databaseValue else { return nil }
        self = text
    }
}

extension Int64: DatabaseValueDecodable {
    public init?(databaseValue: DatabaseValue) {
        guard let value = databaseValue.int64 else { return nil }
        self = value
    }
}

extension Int: DatabaseValueDecodable {
    public init?(databaseValue: DatabaseValue) {
        guard let value = databaseValue.int else { return nil }
        self = value
    }
}

extension Double: DatabaseValueDecodable {
    public init?(databaseValue: DatabaseValue) {
        guard let value = databaseValue.double else { return nil }
        self = value
    }
}

extension Bool: DatabaseValueDecodable {
    public init?(databaseValue: DatabaseValue) {
        guard let value = databaseValue.int64 else { return nil }
        self = value != 0
    }
}

/// Enums stored by their raw value decode through it; an unknown raw value
/// is a type mismatch.
extension DatabaseValueDecodable where Self: RawRepresentable, RawValue: DatabaseValueDecodable {
    public init?(databaseValue: DatabaseValue) {
        guard let raw = RawValue(databaseValue: databaseValue) else { return nil }
        self.init(rawValue: raw)
    }
}

extension Statement {
    /// Binds `values`, steps through every row and copies each out.
    public func rows(_ values: [any DatabaseValueConvertible] = []) throws(SQLiteError) -> [Row] {
        defer { reset() }
        try bind(values)
        let columns = (0..<columnCount).map(columnName)
        var rows: [Row] = []
        while try step() {
            rows.append(Row(columns: columns, values: (0..<columns.count).map(value)))
        }
        return rows
    }
}
