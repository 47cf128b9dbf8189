import ArgumentParser
import Foundation

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv
}

/// Options every command takes.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file (default: $POLICYKB_DB, else ./policykb.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: "Output format: table (for people), json or csv.")
    var format: OutputFormat = .table

    var databasePath: String {
        if let db { return db }
        if let path = ProcessInfo.processInfo.environment["POLICYKB_DB"], !path.isEmpty { return path }
        return "policykb.sqlite"
    }
}

/// Standard output and error, unbuffered enough for progress lines.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
}
