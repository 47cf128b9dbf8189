import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction

/// `policykb goals fix ID`: an analyst's correction of one goal.
struct GoalsFixCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Correct a goal's kind, value, year or metric; the correction survives re-ingest.",
        discussion: """
            The correction is stored under what the goal came from (its article's text and the words it \
            quotes), not its id, so it is applied again whenever that article is ingested again, from the \
            same file changed or from a copy. Listings show the goal with corrected: true and the values \
            extraction had found under original. --value takes a number in base units (3000) or a quantity \
            as texts write it (3000亿元, 不少于50家, 57%), whose unit and comparator are taken too.

            Examples:
              policykb goals fix 812 --value 1万亿元 --year 2027
              policykb goals fix 812 --kind statistic --note "a figure already reached"
            """)

    @OptionGroup var options: StoreOptions

    @Argument(help: "The goal's id (from `policykb goals`).")
    var id: Int64

    @Option(help: "target, incentive or statistic.")
    var kind: GoalKindOption?

    @Option(help: "The value: 3000, 3000亿元, 不少于50家, 57%.")
    var value: String?

    @Option(help: "The horizon year (for a statistic, the year reported).")
    var year: Int?

    @Option(help: "What is counted or measured.")
    var metric: String?

    @Option(help: "Why, for whoever reads the correction later.")
    var note: String?

    func validate() throws {
        _ = try fix()
    }

    func run() throws {
        let store = try DatabaseOption.writable(options.databasePath)
        try GoalCorrectionOutput.run(id: id, options: options, store: store) { try store.fixGoal(id, with: try fix()) }
    }

    /// The correction the options ask for; a usage error names the option at fault.
    func fix() throws -> GoalFix {
        var fix = GoalFix(year: year, note: note)
        if let kind {
            guard kind != .all, let only = kind.kinds.first else { throw ValidationError("--kind: target, incentive or statistic") }
            fix.kind = only
        }
        if let value {
            guard let quantity = FixedQuantity(parsing: value) else {
                throw ValidationError("--value「\(value)」: not a number or a quantity (3000, 3000亿元, 不少于50家, 57%)")
            }
            fix.quantity = quantity
        }
        if let year, !(1900...2200).contains(year) { throw ValidationError("--year \(year): not a year between 1900 and 2200") }
        if let metric {
            let trimmed = metric.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { throw ValidationError("--metric needs some text") }
            fix.metric = trimmed
        }
        if fix.isEmpty { throw ValidationError(CorrectionError.nothingToChange.description) }
        return fix
    }
}

/// `policykb goals reject ID`: the figure is no goal.
struct GoalsRejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Mark a goal as wrongly extracted; listings leave it out, also after re-ingest.",
        discussion: """
            goals, compare and history leave rejected goals out unless given --include-rejected; show \
            lists them with rejected: true. Like fix, the rejection is kept under the article's text and \
            the goal's words, so a re-ingest does not bring the goal back.

            Example:
              policykb goals reject 815 --note "the fund's size, not a target"
            """)

    @OptionGroup var options: StoreOptions

    @Argument(help: "The goal's id (from `policykb goals`).")
    var id: Int64

    @Option(help: "Why, for whoever reads the correction later.")
    var note: String?

    func run() throws {
        let store = try DatabaseOption.writable(options.databasePath)
        try GoalCorrectionOutput.run(id: id, options: options, store: store) { try store.rejectGoal(id, note: note) }
    }
}

/// What fix and reject share: the store's errors as one line, then the
/// goal as it now lists.
enum GoalCorrectionOutput {
    static func run(id: Int64, options: StoreOptions, store: PolicyStore, correct: () throws -> Int64) throws {
        do {
            _ = try correct()
        } catch let error as CorrectionError {
            throw CommandFailure.input(error.description)
        }
        var filter = GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases), includeRejected: true)
        filter.goalID = id
        Console.out(OutputRenderer.render(GoalsCommand.table(try store.goals(filter)), as: options.format))
    }
}

extension PolicyKB {
    /// The command the arguments name. `goals fix` and `goals reject` take
    /// --kind, --year and --metric, which `goals` itself has too, and the
    /// parser hands a parent's options to the parent even after a
    /// subcommand's name: so they are parsed on their own.
    static func parseCommand(_ arguments: [String]) throws -> any ParsableCommand {
        let corrections: [any ParsableCommand.Type] = [GoalsFixCommand.self, GoalsRejectCommand.self]
        if arguments.count >= 2, arguments[0] == GoalsCommand.configuration.commandName,
           let command = corrections.first(where: { $0.configuration.commandName == arguments[1] }) {
            return try command.parseAsRoot(Array(arguments.dropFirst(2)))
        }
        return try parseAsRoot(arguments)
    }
}
