import ArgumentParser
import Foundation

/// What `push` and `pull` take: the hub and the local file.
struct HubArguments: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "The hub, a postgresql:// URL (default: $POLICYKB_HUB, else libpq's PGHOST, PGPORT, PGUSER, PGDATABASE and ~/.pgpass).",
        valueName: "url"))
    var url: String?

    @Option(name: .long, help: ArgumentHelp(
        "The database file (default: $POLICYKB_DB, else ./policykb.sqlite).", valueName: "path"))
    var db: String?

    @Flag(help: "No progress line on a terminal.")
    var quiet = false

    /// Runs `policykb-hub COMMAND`. The URL travels in the environment
    /// (POLICYKB_HUB), not in the helper's arguments, where `ps` would show
    /// any password it holds.
    func handOver(_ command: String) throws -> Never {
        guard let helper = HelperExecutable.hub.locate() else {
            throw CommandFailure.input("\(command): the hub program \(HelperExecutable.hub.name) is neither beside policykb nor in "
                                       + "../lib/policykb (swift build builds it; Scripts/install.sh installs it)")
        }
        if let url { setenv("POLICYKB_HUB", url, 1) }
        var arguments = [command]
        if let db { arguments += ["--db", db] }
        if quiet { arguments.append("--quiet") }
        let reason = HelperExecutable.hub.replaceProcess(with: helper, arguments: arguments)
        throw CommandFailure.input("\(command): cannot run \(helper): \(reason)")
    }
}

struct PushCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "push",
        abstract: "Send the knowledge base to the team's PostgreSQL hub.",
        discussion: """
            Sends every issue with its articles, policies, targets, goals, evidence and warnings, one \
            transaction per issue. An issue the hub holds (same file digest) is skipped; a file with the \
            same publication, date and name but other content replaces the hub's issue. Several machines \
            may push at once. A push that is stopped leaves whole issues; run it again to finish. The first \
            push creates the hub's tables. No password is ever printed. The hub program is policykb-hub, \
            beside policykb; it alone loads the PostgreSQL client library.
            Examples:
              policykb push postgresql://ann@hub.example.org/policykb --db kb.sqlite
              POLICYKB_HUB=postgresql://hub.example.org/policykb policykb push
            """)

    @OptionGroup var hub: HubArguments

    func run() throws { try hub.handOver("push") }
}

struct PullCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pull",
        abstract: "Build or refresh a local copy of the team's hub.",
        discussion: """
            Fetches the issues the local file lacks (only those changed since the last pull), one \
            transaction per issue, and removes the issues the hub no longer holds; search, compare, serve \
            and the SQLite extension then work on the team's whole collection. The file may be served \
            while it is pulled into.
            Example: policykb pull postgresql://hub.example.org/policykb --db team.sqlite
            """)

    @OptionGroup var hub: HubArguments

    func run() throws { try hub.handOver("pull") }
}
