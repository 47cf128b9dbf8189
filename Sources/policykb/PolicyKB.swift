import ArgumentParser
import Foundation
import PolicyCore

@main
struct PolicyKB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policykb",
        abstract: "A policy knowledge base in one SQLite file: bulletins, policies, targets and goals.",
        discussion: """
            Start with `policykb ingest FILE...`, then `policykb search 算力` or `policykb articles`.
            Every command takes --db PATH (default $POLICYKB_DB, else ./policykb.sqlite) and
            --format table|json|csv.
            """,
        subcommands: [IngestCommand.self, SearchCommand.self, ArticlesCommand.self, PoliciesCommand.self,
                      TargetsCommand.self, GoalsCommand.self, CompareCommand.self, ExtractCommand.self, CheckCommand.self,
                      InspectCommand.self]
    )

    /// Exit statuses: 0 success, 1 bad input or a failed file, 2 usage.
    static func main() {
        MemoryTuning.apply()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let failure as CommandFailure {
            if !failure.message.isEmpty { Console.error("policykb: " + failure.message) }
            Foundation.exit(failure.status)
        } catch let error as PolicyError {
            Console.error("policykb: " + error.message)
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            // Usage errors (unknown options, bad values) exit with 2, as
            // shells and most tools do, in one line; everything else with 1.
            let message = fullMessage(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            let text = message.hasPrefix("Error: ") ? String(message.dropFirst(7)) : message
            Console.error("policykb: " + text + " (see policykb --help)")
            let isUsage = code == .validationFailure || error is ValidationError
            Foundation.exit(isUsage ? 2 : (code.rawValue == 0 ? 1 : (code == .failure ? 1 : code.rawValue)))
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
}
