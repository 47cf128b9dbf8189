import Foundation
import PolicyCore
import PolicyExtraction

/// A value in command output: the core's record value, shared with the
/// server so that a row has one shape.
typealias OutputValue = RecordValue

/// Rows with named columns, rendered as a table, JSON or CSV.
struct OutputTable {
    var columns: [String]
    var rows: [[OutputValue]] = []
    /// Columns whose table cells are cut to this display width.
    var maxWidths: [String: Int] = [:]

    init(columns: [String], maxWidths: [String: Int] = [:]) {
        self.columns = columns
        self.maxWidths = maxWidths
    }

    /// The table of `records`, in their type's columns.
    init<Record: OutputRecord>(_ records: [Record], maxWidths: [String: Int] = [:]) {
        self.init(columns: Record.columns, maxWidths: maxWidths)
        rows = records.map(\.values)
    }

    mutating func append(_ row: [OutputValue]) {
        precondition(row.count == columns.count, "a row has one value per column")
        rows.append(row)
    }

    /// The rows as JSON objects, keys in column order.
    var objects: [OutputValue] { rows.map { .object(columns: columns, values: $0) } }
}

enum OutputRenderer {
    static func render(_ table: OutputTable, as format: OutputFormat) -> String {
        switch format {
        case .json: json(table)
        case .csv: csv(table)
        // A header over nothing reads as a fault; a table says so in words.
        case .table: table.rows.isEmpty ? "nothing matched\n" : text(table, width: Console.width)
        }
    }

    // MARK: JSON

    /// One array of objects, keys in column order, one object per line.
    static func json(_ table: OutputTable) -> String {
        guard !table.rows.isEmpty else { return "[]\n" }
        let objects = table.objects.map(json)
        return "[\n" + objects.map { "  " + $0 }.joined(separator: ",\n") + "\n]\n"
    }

    /// The rows as one JSON array on one line.
    static func jsonLine(_ table: OutputTable) -> String {
        "[" + table.objects.map(json).joined(separator: ", ") + "]"
    }

    static func json(_ value: OutputValue) -> String { value.json() }

    // MARK: CSV

    /// RFC 4180, as the server writes it too (`CSVTable`).
    static func csv(_ table: OutputTable) -> String { CSVTable.text(columns: table.columns, rows: table.rows) }

    /// A value as one line of text (CSV cells, table cells).
    static func flat(_ value: OutputValue, listSeparator: String = " | ") -> String {
        CSVTable.flat(value, listSeparator: listSeparator)
    }

    // MARK: Table

    /// Columns aligned by display width (CJK characters take two cells),
    /// cut with `…` so that every line fits `width` when there is one: the
    /// widest columns give up cells first, down to a few each.
    ///
    /// With `highlight`, match marks in cells become colour after the
    /// cells are cut and padded (the marks take no cells).
    static func text(_ table: OutputTable, width: Int? = nil, highlight: Bool = false) -> String {
        var cells = table.rows.map { row in
            zip(table.columns, row).map { column, value -> String in
                let text = flat(value, listSeparator: " ").replacingOccurrences(of: "\n", with: " ")
                return truncate(text, to: table.maxWidths[column] ?? 60)
            }
        }
        var widths = table.columns.map(displayWidth)
        for row in cells {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
        }
        if let width {
            let separators = 2 * max(0, widths.count - 1)
            // Down to 6 cells a column, or 3 when even that is too wide.
            let floor = widths.count * 6 + separators <= width ? 6 : 3
            while widths.reduce(separators, +) > width,
                  let widest = widths.indices.filter({ widths[$0] > floor }).max(by: { widths[$0] < widths[$1] }) {
                widths[widest] -= 1
            }
            cells = cells.map { row in zip(row, widths).map { truncate($0, to: $1) } }
        }
        func line(_ values: [String]) -> String {
            // Trailing blanks trimmed by hand: a regular expression here
            // costs a millisecond of start-up (NSRegularExpression).
            var text = zip(values, widths).map { pad(truncate($0, to: $1), to: $1) }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            guard highlight, text.unicodeScalars.contains(where: MatchMark.isMark) else { return text }
            // A cut may leave a mark open: the line ends with a reset.
            return MatchMark.render(text, open: "\u{1B}[1;31m", close: "\u{1B}[0m") + "\u{1B}[0m"
        }
        var out = [line(table.columns), line(widths.map { String(repeating: "-", count: $0) })]
        out += cells.map(line)
        return out.joined(separator: "\n") + "\n"
    }

    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + scalarWidth($1) }
    }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        if MatchMark.isMark(scalar) { return 0 }
        return switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD: 2
        default: scalar.properties.generalCategory == .nonspacingMark ? 0 : 1
        }
    }

    static func pad(_ text: String, to width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - displayWidth(text)))
    }

    static func truncate(_ text: String, to width: Int) -> String {
        guard displayWidth(text) > width else { return text }
        var out = "", used = 0
        for scalar in text.unicodeScalars {
            let w = scalarWidth(scalar)
            if used + w > width - 1 { break }
            out.unicodeScalars.append(scalar)
            used += w
        }
        return out + "…"
    }
}
