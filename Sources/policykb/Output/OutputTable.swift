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
    /// Which columns a narrow terminal leaves out first: the highest
    /// numbers go first, 0 (and a column not named) stays.
    var priorities: [String: Int] = [:]
    /// Columns that may be cut with `…` to fit, down to this width, before
    /// a column is left out. With `priorities`, a column not named here is
    /// never cut (ids, dates, numbers): it is shown whole or left out.
    var minWidths: [String: Int] = [:]
    /// Lines printed under each row in a table (`search --explain`).
    var trailers: [[String]] = []

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
        // A workbook is bytes for a file (ListingOptions.write).
        case .xlsx: ""
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

    /// Columns aligned by display width (CJK characters take two cells).
    /// When a `width` is given every line fits it: columns the table ranks
    /// lowest are left out first, then the widest cuttable ones are cut
    /// with `…` (`ColumnFitting`).
    ///
    /// With `highlight`, match marks in cells become colour after the
    /// cells are cut and padded (the marks take no cells).
    static func text(_ table: OutputTable, width: Int? = nil, highlight: Bool = false) -> String {
        layout(table, width: width, highlight: highlight).text
    }

    /// The table's text and the columns left out to fit `width`.
    static func layout(_ table: OutputTable, width: Int? = nil, highlight: Bool = false) -> (text: String, leftOut: [String]) {
        var table = table
        (table.columns, table.rows) = JSONOnlyColumns.flat(columns: table.columns, rows: table.rows)
        let cells = table.rows.map { row in
            zip(table.columns, row).map { column, value -> String in
                let text = flat(value, listSeparator: " ").replacingOccurrences(of: "\n", with: " ")
                return truncate(text, to: table.maxWidths[column] ?? 60)
            }
        }
        var natural = table.columns.map(displayWidth)
        for row in cells {
            for (index, cell) in row.enumerated() { natural[index] = max(natural[index], displayWidth(cell)) }
        }
        let fitted = ColumnFitting.fit(table.columns.indices.map { index in
            let column = table.columns[index]
            // A table that ranks no columns cuts any of them (down to 6);
            // one that does cuts only those given a narrowest width.
            let minimum = table.minWidths[column] ?? (table.priorities.isEmpty ? 6 : natural[index])
            return ColumnFitting.Column(natural: natural[index], minimum: minimum, priority: table.priorities[column] ?? 0)
        }, width: width)
        let widths = fitted.widths
        func line(_ values: [String]) -> String {
            // Trailing blanks trimmed by hand: a regular expression here
            // costs a millisecond of start-up (NSRegularExpression).
            var text = zip(fitted.kept.map { values[$0] }, widths).map { pad(truncate($0, to: $1), to: $1) }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            guard highlight, text.unicodeScalars.contains(where: MatchMark.isMark) else { return text }
            // A cut may leave a mark open: the line ends with a reset.
            return MatchMark.render(text, open: "\u{1B}[1;31m", close: "\u{1B}[0m") + "\u{1B}[0m"
        }
        var out = [line(table.columns), line(table.columns.indices.map { index in
            fitted.kept.firstIndex(of: index).map { String(repeating: "-", count: widths[$0]) } ?? ""
        })]
        for (index, row) in cells.enumerated() {
            out.append(line(row))
            if index < table.trailers.count {
                out += table.trailers[index].flatMap { wrap($0, width: width, indent: 4) }
            }
        }
        let leftOut = table.columns.indices.filter { !fitted.kept.contains($0) }.map { table.columns[$0] }
        return (out.joined(separator: "\n") + "\n", leftOut)
    }

    /// A line under a row, indented and broken to fit `width`.
    static func wrap(_ text: String, width: Int?, indent: Int) -> [String] {
        let margin = String(repeating: " ", count: indent)
        guard let width, width > indent + 10 else { return [margin + text] }
        var lines: [String] = [], current = "", used = 0
        for scalar in text.unicodeScalars {
            let cells = scalarWidth(scalar)
            if used + cells > width - indent {
                lines.append(margin + current)
                current = ""
                used = 0
                if scalar == " " { continue }
            }
            current.unicodeScalars.append(scalar)
            used += cells
        }
        if !current.isEmpty { lines.append(margin + current) }
        return lines
    }

    /// One line for standard error naming the columns a table left out.
    static func leftOutNote(_ leftOut: [String], width: Int?) -> String? {
        guard !leftOut.isEmpty else { return nil }
        return "left out to fit \(width.map { "\($0) columns" } ?? "the terminal"): \(leftOut.joined(separator: ", "))"
            + " (--columns chooses the columns; --format csv, json or xlsx has them all)"
    }

    static func displayWidth(_ text: String) -> Int { DisplayWidth.of(text) }

    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int { DisplayWidth.of(scalar) }

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
