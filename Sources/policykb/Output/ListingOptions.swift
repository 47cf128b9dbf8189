import ArgumentParser
import Foundation
import PolicyCore

/// `--output` and `--columns`, for the listings (articles, policies,
/// targets, goals, compare, search): where the rows go and which columns
/// they keep.
struct ListingOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Write the rows to this file (json, csv or xlsx; xlsx needs it), replacing it whole.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp(
        "The columns to show, in order, comma-separated (default: every column; in a table, those that fit).",
        valueName: "names"))
    var columns: String?

    /// Refuses what cannot be written before any query runs.
    func check(_ format: OutputFormat) throws {
        if format == .xlsx && output == nil {
            throw CommandFailure.usage("--format xlsx writes a workbook, not text for a terminal: add --output FILE.xlsx")
        }
        if format == .table && output != nil {
            throw CommandFailure.usage("--output writes json, csv or xlsx: add --format xlsx (or csv, json)")
        }
    }

    /// The names `--columns` gave, checked against the table's.
    func chosenColumns(of available: [String]) throws -> [String]? {
        guard let columns else { return nil }
        let names = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        if names.isEmpty { throw CommandFailure.usage("--columns needs column names (\(available.joined(separator: ", ")))") }
        if let unknown = names.first(where: { !available.contains($0) }) {
            throw CommandFailure.usage("--columns: no column \(unknown) (columns: \(available.joined(separator: ", ")))")
        }
        return names
    }

    /// The table with only the chosen columns, in the order chosen. Chosen
    /// columns are all kept in a terminal (cut to fit, never left out).
    func choose(_ table: OutputTable) throws -> OutputTable {
        guard let names = try chosenColumns(of: table.columns) else { return table }
        var chosen = table
        let indices = names.compactMap { table.columns.firstIndex(of: $0) }
        chosen.columns = names
        chosen.rows = table.rows.map { row in indices.map { row[$0] } }
        chosen.priorities = [:]
        return chosen
    }

    /// The table as `format` writes it: to the `--output` file when there
    /// is one, else to standard output (a table fitted to the terminal, a
    /// note on standard error naming any column left out).
    func write(_ table: OutputTable, as format: OutputFormat, sheetName: String) throws {
        let table = try choose(table)
        switch format {
        case .table:
            guard !table.rows.isEmpty else { return Console.out("nothing matched\n") }
            let width = Console.width
            let (text, leftOut) = OutputRenderer.layout(table, width: width)
            Console.out(text)
            if let note = OutputRenderer.leftOutNote(leftOut, width: width) { Console.error(note) }
        case .xlsx:
            try deliver(try workbook(table, sheetName: sheetName))
        case .json, .csv:
            try deliver(Array(OutputRenderer.render(table, as: format).utf8))
        }
    }

    func workbook(_ table: OutputTable, sheetName: String) throws -> [UInt8] {
        do {
            return try RecordTable(columns: table.columns, rows: table.rows).xlsx(sheetName: sheetName)
        } catch let error as XLSXWorkbook.Failure {
            throw CommandFailure.input(error.description)
        } catch let error as StoredZip.Failure {
            throw CommandFailure.input(error.description)
        }
    }

    /// Bytes to the `--output` file, or to standard output.
    func deliver(_ bytes: [UInt8]) throws {
        if let output { try OutputFile.write(bytes, to: output) } else { Console.out(bytes) }
    }
}
