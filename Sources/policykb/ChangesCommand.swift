import ArgumentParser
import Foundation
import PolicyCore

enum ChangesFormat: String, ExtendedFormat {
    case table, json, csv, markdown
}

/// `policykb changes --since DATE|ISSUE`: the analyst's weekly digest.
struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "What is new about targets since a date: set, changed, superseded, met or behind.",
        discussion: """
            Lists the events of target lines (see `policykb history --help`) dated on or after --since, \
            a date or an issue (its own date and every later issue, of any periodical): \
            new targets, changed ones (raised, lowered, moved, firmed up), those a newer policy superseded, \
            and later statistics that say a target was met or is behind. --format markdown writes a \
            digest to paste into a report.

            Examples:
              policykb changes --since 2025-03-01
              policykb changes --since 数字经济周报:2025/3
              policykb changes --since issue-2025-03.txt --format json
              policykb changes --since 2025-03 --region 深圳 --format markdown > digest.md
            """)

    @OptionGroup var database: DatabaseOption

    @Option(help: ArgumentHelp("The first day to include: 2025-03-05, 2025-03 or 2025; or an issue: its file name, or periodical:number (周报:3, 周报:2025/3, 周报:2025年第3期).", valueName: "date|issue"))
    var since: String

    @Option(help: "A region (code or name); a province includes its cities.")
    var region: String?

    @Flag(help: "Add why each goal joined its line.")
    var explain = false

    @Option(help: "table, json, csv or markdown.")
    var format: ChangesFormat = .table

    func run() throws {
        let store = try PolicyStore(path: database.path, access: .read)
        let day: String
        if let date = DateBound.start(since) {
            day = date
        } else {
            do {
                day = try store.issueDate(named: since)
            } catch let error as IssueNameError {
                throw CommandFailure.usage("--since \(error)")
            }
        }
        let codes = try region.map { try FilterOptions.regionCodes($0, in: store) }
        let rows = try store.lineChanges(since: day, regionCodes: codes)
        switch format.common {
        case .json?:
            Console.out(RecordValue.array(rows.map(\.changeObject)).json() + "\n")
        case let common?:
            Console.out(OutputRenderer.render(LineEventTable.table(rows, explain: explain), as: common))
        case nil:
            Console.out(Self.markdown(rows, since: day))
        }
    }

    /// A digest for a report: one section per kind of change, a bullet per event citing its issue.
    static func markdown(_ rows: [LineEventRow], since: String) -> String {
        let sections: [(String, (LineEventRow) -> Bool)] = [
            ("New targets", { $0.event.kind == .set }),
            ("Changed targets", { $0.event.kind == .changed }),
            ("Superseded targets", { $0.event.kind == .superseded }),
            ("Met", { $0.event.outcome == .met || $0.event.outcome == .metLate }),
            ("Behind", { $0.event.outcome == .behind }),
        ]
        var out = "# Targets: changes since \(since)\n\n"
        if rows.isEmpty { return out + "Nothing new.\n" }
        for (title, belongs) in sections {
            let matching = rows.filter(belongs)
            guard !matching.isEmpty else { continue }
            out += "## \(title) (\(matching.count))\n\n"
            for row in matching {
                let goal = row.event.goal
                let place = row.line.regionName ?? row.line.regionCode ?? "—"
                let detail = row.event.detail.isEmpty ? "" : " (\(row.event.detail))"
                let issue = [goal.publication.map { "《\($0)》" }, goal.issueNumber.map { "第\($0)期" }, row.event.date]
                    .compactMap { $0 }.joined(separator: " ")
                let quote = (goal.evidence.first?.text ?? "").replacingOccurrences(of: "\n", with: " ")
                out += "- **\(markdownEscaped(place)) \(markdownEscaped(row.line.metric))**: \(markdownEscaped(what(row)))"
                    + "\(detail) — \(markdownEscaped(issue)), goal \(goal.id): “\(markdownEscaped(quote))”\n"
            }
            out += "\n"
        }
        return out
    }

    /// The event in words: the target stated, the statistic against its
    /// target, or the target that supersedes the line's.
    static func what(_ row: LineEventRow) -> String {
        let goal = row.event.goal
        func target(_ goal: GoalRow) -> String {
            goal.figure + (goal.stretch ? " (力争)" : "") + " by " + (goal.year.map(String.init) ?? "no year")
        }
        switch row.event.kind {
        case .reported:
            return "\(goal.figure) reported for \(goal.year.map(String.init) ?? "no year"), against \(target(row.event.against ?? row.line.current))"
        case .superseded:
            return "\(target(row.event.against ?? row.line.current)) superseded by \(target(goal))"
        case .set, .restated, .changed:
            return target(goal)
        }
    }

    /// Text with Markdown's markup characters escaped, so that a quote cannot format the digest.
    static func markdownEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_[]<#|".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
