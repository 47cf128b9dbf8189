import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Load bulletin files (or directories of them) into the database.",
        discussion: """
            Each file becomes one issue, written in one transaction: a file that fails leaves nothing \
            behind, and the other files are still ingested. A file already ingested with the same content \
            is skipped; one whose content changed replaces its issue. Directories are walked for .txt, \
            .text, .jsonl, .pdf, .html and .htm files; the summary lists the other files it passed over. Ctrl-C stops after \
            the file in hand (exit status 130); the same command resumes.

            Exit status: 0 when every file succeeded, 1 when some failed or none was found, 2 for usage \
            errors, 130 when interrupted.

            Examples:
              policykb ingest SampleData
              policykb ingest archive/ --db kb.sqlite --jobs 2 --format json
              policykb ingest new.txt --dry-run
            """)

    @OptionGroup var options: StoreOptions

    @Flag(help: "Report what would happen and write nothing.")
    var dryRun = false

    @Flag(help: "Stop at the first file that fails.")
    var failFast = false

    @Flag(help: "No progress bar, and no line per file in the table output.")
    var quiet = false

    @Option(help: "Threads that read, parse and extract files while one writes (default: one per core).")
    var jobs: Int?

    @Argument(help: ArgumentHelp("Bulletin files or directories.", valueName: "path"))
    var paths: [String]

    func validate() throws {
        try options.format.refuseWorkbook(in: "ingest")
        if paths.isEmpty { throw ValidationError("give at least one file or directory to ingest") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    func run() throws {
        let store = try PolicyStore(path: options.databasePath)
        var ingestion = Ingestion(store: store)
        ingestion.dryRun = dryRun
        ingestion.failFast = failFast
        if let jobs { ingestion.workers = jobs }
        let format = options.format
        let bar = ProgressBar(enabled: !quiet && Console.stderrIsTerminal)
        let quiet = self.quiet
        let interrupt = InterruptFlag()
        interrupt.install()
        let report = try ingestion.run(paths, progress: bar.update, shouldStop: { interrupt.isSet }) { outcome in
            if outcome.status == .failed {
                bar.clear()
                Console.error("policykb: \(Console.visible(outcome.path)): \(outcome.reason ?? "failed")")
            } else if format == .table && !quiet {
                bar.clear()
                Console.out(Self.describe(outcome) + "\n")
            }
        }
        bar.clear()
        switch format {
        case .json:
            Console.out(OutputRenderer.json(summary(report)) + "\n")
        case .csv, .xlsx:
            var table = OutputTable(columns: ["path", "status", "reason", "publication", "issue_date",
                                              "issue_number", "cumulative_number", "articles", "warnings"])
            for file in report.files {
                table.append([.string(file.path), .string(file.status.rawValue), OutputValue(file.reason),
                              OutputValue(file.publication), OutputValue(file.issueDate), OutputValue(file.issueNumber),
                              OutputValue(file.cumulativeNumber), .int(Int64(file.articles)),
                              .string(file.warnings.map(\.message).joined(separator: "; "))])
            }
            for file in report.skipped {
                table.append([.string(file.path), .string("skipped"), .string(file.reason), .null, .null, .null, .null,
                              .int(0), .string("")])
            }
            Console.out(OutputRenderer.csv(table))
        case .table:
            for line in Self.skippedLines(report, quiet: quiet) { Console.out(line + "\n") }
            Console.out(Self.summaryLine(report, dryRun: dryRun) + "\n")
            if report.articles > 0 && !dryRun && !report.interrupted {
                let database = options.db != nil || ProcessInfo.processInfo.environment["POLICYKB_DB"] != nil
                    ? " --db \(options.databasePath)" : ""
                Console.out("Next, try: \(Console.commandName) search 数据要素\(database)\n")
            }
        }
        if report.interrupted {
            throw CommandFailure(message: "stopped after \(report.files.count) of \(report.filesFound) files; "
                                 + "run the same command to resume", status: 130)
        }
        if report.filesFound == 0 {
            throw CommandFailure.input("no bulletin files found in " + paths.joined(separator: ", ") + " (looked for "
                                       + Ingestion.ingestibleExtensions.sorted().map { "." + $0 }.joined(separator: ", ") + ")")
        }
        if !report.failed.isEmpty { throw CommandFailure.silent }
    }

    static func describe(_ outcome: FileOutcome) -> String {
        let issue = [outcome.publication.map { "《\($0)》" }, outcome.issueDate,
                     outcome.issueNumber.map { "第\($0)期" }, outcome.cumulativeNumber.map { "总第\($0)期" }]
            .compactMap { $0 }.joined(separator: " ")
        // What the reading of the file should tell the user, under its line.
        let warnings = outcome.status == .failed || outcome.status == .unchanged ? ""
            : outcome.warnings.map { "\n  warning: \($0.message)" }.joined()
        return line(for: outcome, issue: issue) + warnings
    }

    static func line(for outcome: FileOutcome, issue: String) -> String {
        switch outcome.status {
        case .ingested: return "ingested  \(Console.visible(outcome.path)): \(issue), \(outcome.articles) articles"
        case .replaced: return "replaced  \(Console.visible(outcome.path)): \(issue), \(outcome.articles) articles (content changed)"
        case .unchanged: return "unchanged \(Console.visible(outcome.path))" + (outcome.reason.map { " (\($0))" } ?? ": already ingested")
        case .wouldIngest: return "would ingest  \(Console.visible(outcome.path)): \(issue), \(outcome.articles) articles"
        case .wouldReplace: return "would replace \(Console.visible(outcome.path)): \(issue), \(outcome.articles) articles"
        case .failed: return "failed    \(Console.visible(outcome.path)): \(outcome.reason ?? "")"
        }
    }

    /// Files a directory walk passed over: each with its reason, or with
    /// `--quiet` their number.
    static func skippedLines(_ report: IngestReport, quiet: Bool) -> [String] {
        guard !report.skipped.isEmpty else { return [] }
        if quiet { return ["skipped \(report.skipped.count) files that are not bulletins (see --format json)"] }
        return report.skipped.map { "skipped   \(Console.visible($0.path)): \($0.reason)" }
    }

    static func summaryLine(_ report: IngestReport, dryRun: Bool = false) -> String {
        var parts = ["\(report.filesFound) files"]
        for status in [FileOutcome.Status.ingested, .replaced, .unchanged, .wouldIngest, .wouldReplace, .failed] {
            let n = report.count(status)
            if n > 0 { parts.append("\(n) \(status.rawValue.replacingOccurrences(of: "_", with: " "))") }
        }
        if report.notTried > 0 { parts.append("\(report.notTried) not tried") }
        if !report.skipped.isEmpty { parts.append("\(report.skipped.count) skipped") }
        let warned = report.files.filter { !$0.warnings.isEmpty && $0.status != .failed && $0.status != .unchanged }.count
        if warned > 0 { parts.append("\(warned) with warnings") }
        parts.append("\(report.articles) articles" + (dryRun ? " would be written" : ""))
        if report.goals > 0 { parts.append("\(report.goals) goals") }
        var line = parts.joined(separator: ", ") + String(format: " in %.2f s", report.seconds)
        if report.notTried > 0 && !report.interrupted {
            line += "\nstopped at the first failure (--fail-fast): \(report.notTried) files not tried"
        }
        return line
    }

    func summary(_ report: IngestReport) -> OutputValue {
        .object([
            ("files_found", .int(Int64(report.filesFound))),
            ("files_seen", .int(Int64(report.files.count))),
            ("ingested", .int(Int64(report.count(.ingested)))),
            ("unchanged", .int(Int64(report.count(.unchanged)))),
            ("replaced", .int(Int64(report.count(.replaced)))),
            ("would_ingest", .int(Int64(report.count(.wouldIngest)))),
            ("would_replace", .int(Int64(report.count(.wouldReplace)))),
            ("failed", .array(report.failed.map { .object([("path", .string($0.path)), ("reason", OutputValue($0.reason))]) })),
            ("skipped", .array(report.skipped.map { .object([("path", .string($0.path)), ("reason", .string($0.reason))]) })),
            ("not_tried", .int(Int64(report.notTried))),
            ("interrupted", .bool(report.interrupted)),
            ("with_warnings", .int(Int64(report.files.filter { !$0.warnings.isEmpty && $0.status != .failed }.count))),
            ("articles", .int(Int64(report.articles))),
            ("goals", .int(Int64(report.goals))),
            ("seconds", .double((report.seconds * 1000).rounded() / 1000)),
            ("files", .array(report.files.map { file in
                .object([("path", .string(file.path)), ("status", .string(file.status.rawValue)),
                         ("reason", OutputValue(file.reason)), ("publication", OutputValue(file.publication)),
                         ("issue_date", OutputValue(file.issueDate)),
                         ("date_precision", OutputValue(file.datePrecision?.rawValue)), ("issue_number", OutputValue(file.issueNumber)),
                         ("cumulative_number", OutputValue(file.cumulativeNumber)),
                         ("articles", .int(Int64(file.articles))),
                         ("warnings", .array(file.warnings.map { warning in
                             .object([("kind", .string(warning.kind.rawValue)), ("message", .string(warning.message))])
                         }))])
            })),
        ])
    }
}
