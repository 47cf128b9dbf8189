import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
    /// An Excel workbook, for the listings, written with `--output`.
    case xlsx

    /// Refuses a workbook in a command that has no listing to put in one.
    func refuseWorkbook(in command: String) throws {
        if self == .xlsx {
            throw ValidationError("\(command) writes table, json or csv; --format xlsx is for articles, policies, targets, goals, compare and search")
        }
    }
}

/// Options every command that reads or writes the database takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file (default: $POLICYKB_DB, else ./policykb.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: "Output format: table (for people), json, csv or xlsx (the listings, with --output).")
    var format: OutputFormat = .table

    var databasePath: String { Self.databasePath(db) }

    /// `--db`, else `$POLICYKB_DB`, else `./policykb.sqlite`.
    static func databasePath(_ db: String?) -> String {
        if let db { return db }
        if let path = ProcessInfo.processInfo.environment["POLICYKB_DB"], !path.isEmpty { return path }
        return "policykb.sqlite"
    }
}

/// `--limit` and `--offset` for listings. A table for people shows the first
/// `defaultTableLimit` rows unless told otherwise; JSON and CSV, written
/// for programs, hold every row unless told otherwise.
struct PageOptions: ParsableArguments {
    static let defaultTableLimit = 50

    // `.unconditional`: `--limit -1` reaches validate() (and gets its
    // message) instead of reading as a missing value.
    @Option(parsing: .unconditional, help: "Print at most this many rows; 0 for all (default: 50 in a table, all in JSON and CSV).")
    var limit: Int?

    @Option(parsing: .unconditional, help: "Skip this many rows first.")
    var offset = 0

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        if offset < 0 { throw ValidationError("--offset must be 0 or more") }
    }

    /// The page to ask for: one row more than shown, so that the listing
    /// can say whether rows were left out.
    func page(for format: OutputFormat) -> Page {
        Page(limit: shownLimit(for: format).map { $0 + 1 }, offset: offset)
    }

    func shownLimit(for format: OutputFormat) -> Int? {
        switch limit {
        case .some(0): nil
        case .some(let limit): limit
        case .none: format == .table ? Self.defaultTableLimit : nil
        }
    }

    /// The rows to print, and a note for standard error when more exist.
    func cut<Row>(_ rows: [Row], format: OutputFormat) -> (rows: [Row], note: String?) {
        guard let shown = shownLimit(for: format), rows.count > shown else { return (rows, nil) }
        return (Array(rows.prefix(shown)),
                "first \(shown) rows from \(offset + 1) shown; --offset \(offset + shown) for the next, --limit 0 for all")
    }
}

/// Standard output and error, unbuffered enough for progress lines.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func out(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    /// A message with its control characters written out (`\n`, `\u{1B}`):
    /// an error that quotes the user's input stays one line, and an escape
    /// sequence in it cannot drive the terminal.
    static func visible(_ message: String) -> String {
        var out = ""
        for scalar in message.unicodeScalars {
            switch scalar.value {
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0x00..<0x20, 0x7F..<0xA0, 0x2028, 0x2029:
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour on a terminal, unless `NO_COLOR` is set to anything: "Command-
    /// line software which adds ANSI color to its output by default should
    /// check for a NO_COLOR environment variable that, when present and not
    /// an empty string ... prevents the addition of ANSI color."
    static var useColor: Bool {
        stdoutIsTerminal && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }

    /// The width tables must fit: `$COLUMNS`, else the terminal's, else
    /// none (a pipe or a file takes lines of any length).
    static var width: Int? {
        if let columns = ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        guard stdoutIsTerminal else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// How the command is run, for hints: the path typed when it has a
    /// folder (`.build/release/policykb`), else `policykb`.
    static var commandName: String {
        let typed = CommandLine.arguments.first ?? "policykb"
        return typed.contains("/") ? typed : "policykb"
    }
}
