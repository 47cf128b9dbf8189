import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction

/// Shows how a file is read, without touching a database: what a user runs
/// when an archive ingests strangely.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show how a bulletin file is read: encoding, layout, what is cut, every article, warnings.",
        discussion: """
            Writes nothing. Lines are those of the decoded text (for a PDF, of pdftotext's output).
            Exit status: 0 when the file can be read, 1 when it cannot (the reason is printed).
            """)

    @Option(name: .long, help: "Output format: table (for people) or json.")
    var format: OutputFormat = .table

    @Argument(help: ArgumentHelp("A bulletin file (.txt, .pdf, .jsonl).", valueName: "file"))
    var path: String

    func validate() throws { try format.refuseWorkbook(in: "inspect") }

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try Ingestion.readFile(path)
        } catch {
            throw CommandFailure.input("\(path): \(error.description)")
        }
        let file: BulletinFile
        do {
            file = try BulletinFile.read(fileName: URL(fileURLWithPath: path).lastPathComponent, bytes: bytes)
        } catch {
            throw CommandFailure.input("\(path): \(error.description)")
        }
        switch format {
        case .json: Console.out(OutputRenderer.json(Self.json(file, path: path)) + "\n")
        case .table, .csv, .xlsx: Console.out(Self.text(file, path: path))
        }
    }

    static func text(_ file: BulletinFile, path: String) -> String {
        let issue = file.issue
        let reading = issue.reading
        var out = "file      \(path)\n"
        out += "encoding  \(file.encoding.rawValue)\n"
        out += "layout    \(reading.layout.rawValue)"
        if !issue.sections.isEmpty { out += ", sections: " + issue.sections.joined(separator: " / ") }
        out += "\n"
        let numbers = [issue.date.map(issue.datePrecision.label), issue.number.map { "第\($0)期" }, issue.cumulativeNumber.map { "总第\($0)期" }].compactMap { $0 }
        out += "issue     《\(issue.publication)》 " + numbers.joined(separator: " ") + "\n"
        out += "\ncut\n"
        let furniture = reading.cuts.filter { $0.kind == .pageFurniture }
        for cut in reading.cuts where cut.kind != .pageFurniture {
            let lines = cut.firstLine == cut.lastLine ? "line \(cut.firstLine)" : "lines \(cut.firstLine)–\(cut.lastLine)"
            out += "  \(cut.kind.rawValue.padding(toLength: 26, withPad: " ", startingAt: 0)) \(lines.padding(toLength: 14, withPad: " ", startingAt: 0)) \(cut.sample)\n"
        }
        if !furniture.isEmpty {
            var samples: [String] = []
            for cut in furniture where !samples.contains(cut.sample) && samples.count < 3 { samples.append(cut.sample) }
            out += "  running headers/footers    \(furniture.count) lines, e.g. " + samples.map { "「\($0)」" }.joined(separator: " ") + "\n"
        }
        if reading.cuts.isEmpty { out += "  nothing\n" }
        out += "\narticles (\(issue.articles.count))\n"
        var table = OutputTable(columns: ["#", "line", "chars", "section", "title", "source", "links"],
                                maxWidths: ["title": 44, "source": 24, "section": 12])
        for article in issue.articles {
            table.append([.int(Int64(article.position)), OutputValue(article.line), .int(Int64(article.body.count)),
                          OutputValue(article.section), .string(article.title), OutputValue(article.source),
                          .int(Int64(article.urls.count))])
        }
        out += OutputRenderer.render(table, as: .table)
        out += "\nwarnings (\(reading.warnings.count))\n"
        for warning in reading.warnings { out += "  - \(warning.message)\n" }
        return out
    }

    static func json(_ file: BulletinFile, path: String) -> OutputValue {
        let issue = file.issue
        return .object([
            ("file", .string(path)),
            ("encoding", .string(file.encoding.rawValue)),
            ("layout", .string(issue.reading.layout.rawValue)),
            ("publication", .string(issue.publication)),
            ("issue_date", OutputValue(issue.date.map(issue.datePrecision.label))),
            ("date_precision", OutputValue(issue.date == nil ? nil : issue.datePrecision.rawValue)),
            ("issue_number", OutputValue(issue.number)),
            ("cumulative_number", OutputValue(issue.cumulativeNumber)),
            ("sections", .array(issue.sections.map { .string($0) })),
            ("cuts", .array(issue.reading.cuts.map { cut in
                .object([("kind", .string(cut.kind.rawValue)), ("first_line", .int(Int64(cut.firstLine))),
                         ("last_line", .int(Int64(cut.lastLine))), ("text", .string(cut.sample))])
            })),
            ("articles", .array(issue.articles.map { article in
                .object([("position", .int(Int64(article.position))), ("line", OutputValue(article.line)),
                         ("chars", .int(Int64(article.body.count))), ("section", OutputValue(article.section)),
                         ("title", .string(article.title)), ("source", OutputValue(article.source)),
                         ("urls", .array(article.urls.map { .string($0) }))])
            })),
            ("warnings", .array(issue.reading.warnings.map { warning in
                .object([("kind", .string(warning.kind.rawValue)), ("message", .string(warning.message))])
            })),
        ])
    }
}
