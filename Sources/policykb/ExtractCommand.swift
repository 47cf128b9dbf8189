import ArgumentParser
import Foundation
import PolicyCore

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Run extraction on a piece of text, without a database, and print the goals found.",
        discussion: """
            Reads FILE, or standard input when FILE is - or absent.
              echo '到2027年，培育核心企业不少于50家' | policykb extract --format json
              policykb extract --quantities notes.txt
              policykb extract --lines --quantities cases.txt     (one JSON array per input line)
              policykb extract --explain notes.txt                 (why each number is, or is not, a goal)
            """)

    @Option(name: .long, help: "Output format: table, json or csv.")
    var format: OutputFormat = .table

    @Flag(help: "Print every quantity found (surface, start, end, value, unit, comparator) instead of goals.")
    var quantities = false

    @Flag(help: "Print, for every quantity, what extraction decided and why (kept: target; horizon …; metric …).")
    var explain = false

    @Flag(help: "Treat each input line as its own text and print one JSON array per line.")
    var lines = false

    @Option(help: "The year relative horizons (通过2年左右时间) count from.")
    var issueYear: Int?

    @Argument(help: "A text file, or - for standard input.")
    var file: String = "-"

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
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let table = self.table(for: String(line), extractor: extractor)
                Console.out(OutputRenderer.jsonLine(table) + "\n")
            }
            return
        }
        Console.out(OutputRenderer.render(table(for: text, extractor: extractor), as: format))
    }

    func validate() throws {
        if explain && quantities { throw ValidationError("--explain and --quantities are exclusive") }
    }

    func table(for text: String, extractor: TextExtractor) -> OutputTable {
        if explain {
            var table = OutputTable(columns: ["surface", "start", "end", "value", "unit", "comparator", "decision"],
                                    maxWidths: ["decision": 100])
            for decision in extractor.explain(text, issueYear: issueYear) {
                let quantity = decision.quantity
                table.append([.string(quantity.surface), .int(Int64(quantity.start)), .int(Int64(quantity.end)),
                              .number("\(quantity.value)"), OutputValue(quantity.unit),
                              OutputValue(decision.goal?.comparator.rawValue ?? quantity.comparator?.rawValue),
                              .string(decision.summary)])
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
                .list(goal.evidence.map { span in
                    .object([("start", .int(Int64(span.start))), ("end", .int(Int64(span.end))), ("text", .string(span.text))])
                }),
            ])
        }
        return table
    }
}
