/// A value of a record as the command line and the server write it: typed
/// so that JSON keeps numbers as numbers (exact goal values as stored), and
/// objects keep their keys in the order written (`article_id` first, then
/// `title`…). One type for both sides, so that a row has one shape.
public indirect enum RecordValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    /// A number already written in decimal: 800000000000, 0.5.
    case number(String)
    case string(String)
    case array([RecordValue])
    case object([Field])

    public struct Field: Sendable, Equatable {
        public let key: String
        public let value: RecordValue

        public init(key: String, value: RecordValue) {
            self.key = key
            self.value = value
        }
    }

    public static func object(_ pairs: KeyValuePairs<String, RecordValue>) -> RecordValue {
        .object(pairs.map { Field(key: $0.key, value: $0.value) })
    }

    public static func object(_ pairs: [(String, RecordValue)]) -> RecordValue {
        .object(pairs.map { Field(key: $0.0, value: $0.1) })
    }

    /// A row as an object: each column name with its value, in order.
    public static func object(columns: [String], values: [RecordValue]) -> RecordValue {
        .object(zip(columns, values).map { Field(key: $0, value: $1) })
    }

    public init(_ value: String?) { self = value.map { .string($0) } ?? .null }
    public init(_ value: Int?) { self = value.map { .int(Int64($0)) } ?? .null }
    public init(_ value: Int64?) { self = value.map { .int($0) } ?? .null }

    /// The value of `key` in an object, nil elsewhere.
    public subscript(key: String) -> RecordValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    /// The value as JSON on one line. With `escapingMarkup`, `<`, `>`, `&`
    /// and the line separators are escaped too (the server's API), so that
    /// JSON never carries markup to a client that mistakes it for HTML.
    public func json(escapingMarkup: Bool = false) -> String {
        var out = ""
        write(to: &out, escapingMarkup: escapingMarkup)
        return out
    }

    func write(to out: inout String, escapingMarkup: Bool) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .double(let number):
            guard number.isFinite else { out += "null"; return }
            if number == number.rounded(), abs(number) < 1e15 { out += String(Int64(number)) } else { out += String(number) }
        case .number(let literal): out += literal
        case .string(let text): out += JSONString.quote(text, escapingMarkup: escapingMarkup)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += ", " }
                item.write(to: &out, escapingMarkup: escapingMarkup)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (index, field) in fields.enumerated() {
                if index > 0 { out += ", " }
                out += JSONString.quote(field.key, escapingMarkup: escapingMarkup)
                out += ": "
                field.value.write(to: &out, escapingMarkup: escapingMarkup)
            }
            out += "}"
        }
    }
}

/// A row type with its columns: the one definition of what a listing
/// writes, which the command line's table, JSON and CSV and the server's
/// API all render.
public protocol OutputRecord {
    /// The column names, in order: JSON keys and CSV headers.
    static var columns: [String] { get }
    /// One value per column.
    var values: [RecordValue] { get }
}

extension OutputRecord {
    /// The row as a JSON object, keys in column order.
    public var object: RecordValue { .object(columns: Self.columns, values: values) }
}

/// Rows of one record type, ready for any rendering: a JSON array of
/// objects, CSV or a workbook with the type's columns.
public struct RecordTable: Sendable {
    public let columns: [String]
    public let rows: [[RecordValue]]

    public init<Record: OutputRecord>(_ records: [Record]) {
        columns = Record.columns
        rows = records.map(\.values)
    }

    public init(columns: [String], rows: [[RecordValue]]) {
        self.columns = columns
        self.rows = rows
    }

    /// The rows as a JSON array of objects, keys in column order.
    public var json: RecordValue { .array(rows.map { .object(columns: columns, values: $0) }) }

    /// RFC 4180 text with a header row.
    public var csv: String { CSVTable.text(columns: columns, rows: rows) }

    /// An .xlsx workbook of one sheet named `sheetName`.
    public func xlsx(sheetName: String) throws -> [UInt8] {
        try XLSXWorkbook(sheetName: sheetName, table: self).bytes()
    }
}
