import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Run extraction on a piece of text, without a database, and print the goals found.",
        discussion: """
            Reads FILE, or standard input when FILE is - or absent.

            Examples:
              echo '到2027年，培育核心企业不少于50家' | policykb extract --format json
              policykb extract --quantities notes.txt
              policykb extract --lines --quantities cases.txt     (one JSON array per input line)
              policykb extract --explain notes.txt                 (why each number is, or is not, a goal)
            """)

    @Option(name: .long, help: "Output format: table, json or csv (default: table; json with --lines).")
    var format: OutputFormat?

    @Flag(help: "Print every quantity found (surface, start, end, value, unit, comparator) instead of goals.")
    var quantities = false

    @Flag(help: "Print, for every quantity, what extraction decided and why (kept: target; horizon …; metric …).")
    var explain = false

    @Flag(help: "Treat each input line as its own text: N lines in, N JSON arrays out (or CSV rows with a line column).")
    var lines = false

    @Option(help: "The year relative horizons (通过2年左右时间) count from.")
    var issueYear: Int?

    @Argument(help: "A text file, or - for standard input.")
    var file: String = "-"

    func validate() throws {
        if lines && format == .table { throw ValidationError("--lines prints JSON (one array per line) or CSV, not a table") }
        if explain && quantities { throw ValidationError("--explain and --quantities are exclusive") }
    }

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw CommandFailure.input("\(file): no such file or not readable")
            }
            data = contents
        }
        let text: String
        do {
            text = try TextDecoder.decode([UInt8](data)).text
        } catch {
            throw CommandFailure.input("\(file == "-" ? "standard input" : file): \(error)")
        }
        let extractor = try TextExtractor()
        if lines {
            let inputLines = Self.lines(of: text)
            if format == .csv {
                // One CSV: every row carries the number of its input line.
                var combined: OutputTable?
                for (number, line) in inputLines.enumerated() {
                    let table = self.table(for: line, extractor: extractor)
                    if combined == nil { combined = OutputTable(columns: ["line"] + table.columns) }
                    for row in table.rows { combined?.append([.int(Int64(number + 1))] + row) }
                }
                let empty = OutputTable(columns: ["line"] + self.table(for: "", extractor: extractor).columns)
                Console.out(OutputRenderer.csv(combined ?? empty))
            } else {
                for line in inputLines {
                    Console.out(OutputRenderer.jsonLine(self.table(for: line, extractor: extractor)) + "\n")
                }
            }
            return
        }
        Console.out(OutputRenderer.render(table(for: text, extractor: extractor), as: format ?? .table))
    }

    /// The lines of `text`: a final line break ends the last line rather
    /// than starting an empty one, and CRLF counts as one break.
    static func lines(of text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    func table(for text: String, extractor: TextExtractor) -> OutputTable {
        if explain {
            var table = OutputTable(columns: ["surface", "start", "end", "value", "unit", "comparator", "decision", "rules"],
                                    maxWidths: ["decision": 100])
            for decision in extractor.explain(text, issueYear: issueYear) {
                let quantity = decision.quantity
                table.append([.string(quantity.surface), .int(Int64(quantity.start)), .int(Int64(quantity.end)),
                              .number("\(quantity.value)"), OutputValue(quantity.unit),
                              OutputValue(decision.goal?.comparator.rawValue ?? quantity.comparator?.rawValue),
                              .string(decision.summary), .array(decision.rules.map { .string($0.rawValue) })])
            }
            return table
        }
        if quantities {
            var table = OutputTable(columns: ["surface", "start", "end", "value", "unit", "comparator"])
            for quantity in extractor.quantities(in: text) {
                table.append([.string(quantity.surface), .int(Int64(quantity.start)), .int(Int64(quantity.end)),
                              .number("\(quantity.value)"), OutputValue(quantity.unit),
                              OutputValue(quantity.comparator?.rawValue)])
            }
            return table
        }
        let result = extractor.extract(text, issueYear: issueYear)
        var table = OutputTable(
            columns: ["kind", "metric", "comparator", "value", "unit", "stretch", "year", "year_source", "policy_title",
                      "region_code", "evidence"],
            maxWidths: ["metric": 24, "policy_title": 24, "evidence": 48])
        for goal in result.goals {
            table.append([
                .string(goal.kind.rawValue), .string(goal.metric), .string(goal.comparator.rawValue),
                .number("\(goal.value)"), OutputValue(goal.unit), .bool(goal.stretch), OutputValue(goal.year),
                .string(goal.yearSource.rawValue), OutputValue(goal.policyIndex.map { result.policies[$0].title }),
                OutputValue(goal.regionCode),
                .array(goal.evidence.map { span in
                    .object([("start", .int(Int64(span.start))), ("end", .int(Int64(span.end))), ("text", .string(span.text))])
                }),
            ])
        }
        return table
    }
}
