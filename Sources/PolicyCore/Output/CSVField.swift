import Foundation

/// One field of RFC 4180 text, as both the command line (`--format csv`) and
/// the server's downloads write it.
public enum CSVField {
    /// `text` quoted when it holds a comma, quote or line break (quotes
    /// doubled).
    ///
    /// Text that a spreadsheet would run as a formula — starting with `=`,
    /// `+`, `-`, `@`, a tab or a carriage return — gets a leading `'`, which
    /// spreadsheets show as text (OWASP's advice against CSV injection:
    /// titles and evidence are text from outside). Numbers are written as
    /// they are, so `-5` stays a number. A lone sign holds no formula: the
    /// comparator `=` (and a `-` standing for nothing) is written as it is,
    /// so that a column of comparators reads back unchanged.
    /// - Parameter isText: false for a number, which is never guarded.
    public static func encode(_ text: String, isText: Bool = true) -> String {
        var text = text
        if isText, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           text.unicodeScalars.count > 1 {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// RFC 4180 text of rows with named columns, as `policykb … --format csv`
/// and the server's CSV downloads write it: a header row, then one field
/// per value, lists joined with ` | `, a quoted span as its text.
public enum CSVTable {
    public static func text(columns: [String], rows: [[RecordValue]]) -> String {
        let (columns, rows) = JSONOnlyColumns.flat(columns: columns, rows: rows)
        var lines = [columns.map { CSVField.encode($0) }.joined(separator: ",")]
        for row in rows {
            lines.append(row.map { value in
                switch value {
                case .int, .double, .number: CSVField.encode(flat(value), isText: false)
                default: CSVField.encode(flat(value))
                }
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The records' table.
    public static func text<Record: OutputRecord>(_ records: [Record]) -> String {
        text(columns: Record.columns, rows: records.map(\.values))
    }

    /// A value as one line of text (CSV cells, table cells).
    public static func flat(_ value: RecordValue, listSeparator: String = " | ") -> String {
        switch value {
        case .null: ""
        case .string(let text): text
        case .array(let items): items.map { flat($0, listSeparator: listSeparator) }.joined(separator: listSeparator)
        case .double(let number) where number != 0 && abs(number) < 0.001: String(format: "%.6f", number)
        case .object(let fields):
            // A quoted span reads as its text.
            if let text = fields.first(where: { $0.key == "text" })?.value { flat(text, listSeparator: listSeparator) } else { value.json() }
        default: value.json()
        }
    }
}
