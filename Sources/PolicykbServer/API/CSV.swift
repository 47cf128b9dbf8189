/// RFC 4180 text, as `policykb … --format csv` writes it: a header row,
/// fields quoted when they hold a comma, quote or line break.
enum CSV {
    static func table(columns: [String], rows: [[JSON]]) -> String {
        var lines = [columns.map(field).joined(separator: ",")]
        for row in rows {
            lines.append(row.map { field(flat($0)) }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
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
