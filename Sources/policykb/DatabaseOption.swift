import ArgumentParser
import Foundation
import PolicyCore

/// `--db` alone, for commands whose `--format` offers more than
/// table|json|csv (`corrections --format gold`, `changes --format markdown`).
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "The database file (default: $POLICYKB_DB, else ./policykb.sqlite).", valueName: "path"))
    var db: String?

    var path: String { StoreOptions.databasePath(db) }

    /// The store at `path` to correct goals in: an existing database only
    /// (opening for writing would otherwise create an empty one).
    static func writable(_ path: String) throws -> PolicyStore {
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.noDatabase(path: path) }
        return try PolicyStore(path: path, access: .write)
    }
}

/// A `--format` that adds its own forms to table, JSON and CSV.
protocol ExtendedFormat: RawRepresentable<String>, ExpressibleByArgument, CaseIterable {}

extension ExtendedFormat {
    /// The common format of the same name; nil for the command's own.
    var common: OutputFormat? { OutputFormat(rawValue: rawValue) }
}
