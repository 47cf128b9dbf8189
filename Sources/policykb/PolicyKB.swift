import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction
import SQLiteDB

@main
struct PolicyKB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policykb",
        abstract: "A policy knowledge base in one SQLite file: bulletins, policies, targets and goals.",
        discussion: """
            Start with `policykb ingest FILE...`, then `policykb search 算力` or `policykb articles`. \
            Every command takes --db PATH (default $POLICYKB_DB, else ./policykb.sqlite) and \
            --format table|json|csv; the listings (articles, policies, targets, goals, compare, search) also \
            write Excel workbooks (--format xlsx --output FILE.xlsx) and take --columns to choose their columns.

            Exit status: 0 success; 1 bad input (a file that could not be ingested, a database that \
            cannot be read, no such article); 2 a usage error (an unknown option, a malformed query, \
            an unknown region, a date that does not exist); 130 interrupted.

            Shell completions: policykb --generate-completion-script bash|zsh|fish.
            """,
        version: PolicykbVersion.string,
        subcommands: [IngestCommand.self, SearchCommand.self, ShowCommand.self, ArticlesCommand.self, PoliciesCommand.self,
                      TargetsCommand.self, GoalsCommand.self, CompareCommand.self, ExtractCommand.self, CheckCommand.self,
                      InspectCommand.self, ServeCommand.self, CorrectionsCommand.self, HistoryCommand.self,
                      ChangesCommand.self, PushCommand.self, PullCommand.self]
    )

    /// Exit statuses: 0 success, 1 bad input or a failed file, 2 usage.
    static func main() {
        MemoryTuning.apply()
        do {
            var command = try parseCommand(Array(CommandLine.arguments.dropFirst()))
            try command.run()
        } catch {
            let failure = CommandFailure(error)
            if !failure.message.isEmpty { Console.error("policykb: " + Console.visible(failure.message)) }
            Foundation.exit(failure.status)
        }
    }
}

/// A failure already explained to the user, with the status to exit with.
struct CommandFailure: Error {
    let message: String
    let status: Int32

    static func usage(_ message: String) -> CommandFailure { CommandFailure(message: message, status: 2) }
    static func input(_ message: String) -> CommandFailure { CommandFailure(message: message, status: 1) }
    /// Exit 1 with nothing more to say (the details were printed).
    static let silent = CommandFailure(message: "", status: 1)

    init(message: String, status: Int32) {
        self.message = message
        self.status = status
    }

    /// What to print and how to exit for any error a command throws.
    init(_ error: any Error) {
        switch error {
        case let failure as CommandFailure:
            self = failure
        case let problem as RecordFilterInput.Problem:
            self = .usage(problem.description)
        case let error as StoreError:
            self = .input(error.description)
        case let error as IngestError:
            self = .input(error.description)
        case let error as SQLiteError:
            // Never the SQL text: what failed and SQLite's reason.
            self = .input("the database could not answer: \(error.message) (\(error.extendedCode))")
        case let error as MigrationError:
            self = .input(error.description)
        case let error as RowDecodingError:
            self = .input("the database holds something unexpected: \(error.description)")
        default:
            // The argument parser's own errors: help and version requests
            // (exit 0, printed by the parser), usage errors (exit 2, one
            // line and where to read more), and anything else it wraps.
            let code = PolicyKB.exitCode(for: error)
            if code == .success { PolicyKB.exit(withError: error) }
            let message = Self.ownWords(PolicyKB.message(for: error))
            if code == .validationFailure, let command = Self.unknownCommand() {
                let names = PolicyKB.configuration.subcommands.compactMap { $0.configuration.commandName }
                self = .usage("no command '\(command)' (commands: \(names.joined(separator: ", ")); see policykb --help)")
            } else if code == .validationFailure {
                self = .usage(message + " (see \(Self.helpCommand()))")
            } else {
                self = CommandFailure(message: message, status: code == .failure ? 1 : code.rawValue)
            }
        }
    }

    /// argument-parser's message in the tool's words: lower case (it
    /// capitalises, Unknown option …), one line, no "Please".
    static func ownWords(_ message: String) -> String {
        var text = message
        if let list = text.range(of: ". Please provide one of the following:\n") {
            // Six values or more come as a bulleted list.
            let values = text[list.upperBound...].split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }.map { "'\($0)'" }
            text = text[..<list.lowerBound] + ": give one of " + values.joined(separator: ", ")
        } else if let list = text.range(of: ". Please provide one of ") {
            var values = String(text[list.upperBound...])
            if !values.contains(" or "), let and = values.range(of: " and ", options: .backwards) {
                values.replaceSubrange(and, with: " or ")
            }
            text = text[..<list.lowerBound] + ": give one of " + values
        }
        text = text.replacingOccurrences(of: ". Did you mean ", with: "; did you mean ")
        while text.hasSuffix(".") || text.hasSuffix("\n") { text.removeLast() }
        return text.first.map { String($0).lowercased() + text.dropFirst() } ?? text
    }

    /// The first argument when it names no command (a typo such as
    /// `policykb artcles`), else nil.
    static func unknownCommand(arguments: [String] = CommandLine.arguments) -> String? {
        guard let first = arguments.dropFirst().first, !first.hasPrefix("-") else { return nil }
        let names = PolicyKB.configuration.subcommands.compactMap { $0.configuration.commandName } + ["help"]
        return names.contains(first) ? nil : first
    }

    /// `policykb SUBCOMMAND --help` for the subcommand on the command line,
    /// else `policykb --help`.
    static func helpCommand(arguments: [String] = CommandLine.arguments) -> String {
        let names = PolicyKB.configuration.subcommands.compactMap { $0.configuration.commandName }
        let subcommand = arguments.dropFirst().first { names.contains($0) }
        return "policykb " + (subcommand.map { $0 + " " } ?? "") + "--help"
    }
}
