import PolicyCore
import PolicyExtraction

/// RFC 4180 text, as `policykb … --format csv` writes it: a header row, then
/// one `CSVField` per value.
enum CSV {
    static func table(columns: [String], rows: [[JSON]]) -> String {
        var lines = [columns.map { CSVField.encode($0) }.joined(separator: ",")]
        for row in rows {
            lines.append(row.map { value in
                if case .number = value { return CSVField.encode(flat(value), isText: false) }
                return CSVField.encode(flat(value))
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func flat(_ value: JSON) -> String {
        switch value {
        case .null: ""
        case .string(let text): text
        case .number(let literal): literal
        case .array(let items): items.map(flat).joined(separator: " | ")
        default: value.text
        }
    }
}
