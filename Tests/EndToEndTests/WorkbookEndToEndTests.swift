import Foundation
import PolicyCore
import PolicykbTestSupport
import Testing

/// `--format xlsx --output FILE` on the sample bulletins, read back by
/// openpyxl (from PyPI, in a venv of the test's own) as Excel would.
@Suite struct WorkbookEndToEndTests {
    /// Every listing writes a whole workbook and leaves nothing else behind.
    @Test func everyListingWritesAWorkbook() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try CLITests.sampleDatabase(in: dir)
        let out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let listings: [(String, [String])] = [
            ("goals", ["goals", "--kind", "all"]), ("compare", ["compare", "--metric", "产业"]), ("articles", ["articles"]),
            ("policies", ["policies"]), ("targets", ["targets"]), ("search", ["search", "数据"]),
        ]
        for (name, arguments) in listings {
            let file = out.appendingPathComponent("\(name).xlsx").path
            let run = try CLI.run(arguments + ["--db", db, "--format", "xlsx", "--output", file])
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(run.stdout.isEmpty, "\(name)")
            let bytes = try #require(FileManager.default.contents(atPath: file), "\(name)")
            #expect(Array(bytes.prefix(4)) == [0x50, 0x4B, 0x03, 0x04], "\(name)")
        }
        // Written again, a file is replaced whole; no temporary file stays.
        let again = try CLI.run(["articles", "--db", db, "--format", "xlsx", "--output", out.appendingPathComponent("articles.xlsx").path])
        #expect(again.status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
                == listings.map { "\($0.0).xlsx" }.sorted())
    }

    /// A workbook is not for a terminal; a folder that does not exist is
    /// named; nothing half-written is left.
    @Test func workbooksNeedAFileThatCanBeWritten() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try CLITests.sampleDatabase(in: dir)
        let bare = try CLI.run(["goals", "--db", db, "--format", "xlsx"])
        #expect(bare.status == 2)
        #expect(bare.stdout.isEmpty)
        #expect(bare.stderr == "policykb: --format xlsx writes a workbook, not text for a terminal: add --output FILE.xlsx\n")
        let missing = dir.appendingPathComponent("no-such-folder/goals.xlsx").path
        let unwritable = try CLI.run(["goals", "--db", db, "--format", "xlsx", "--output", missing])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr == "policykb: cannot write \(missing): no such file or directory\n")
        let table = try CLI.run(["goals", "--db", db, "--output", dir.appendingPathComponent("goals.txt").path])
        #expect(table.status == 2, "\(table.stderr)")
        for command in [["show", "1"], ["check"], ["ingest", "SampleData"]] {
            let run = try CLI.run(command + ["--db", db, "--format", "xlsx"])
            #expect(run.status == 2, "\(command)")
            #expect(run.stderr.contains("--format xlsx is for articles, policies, targets, goals, compare and search"), "\(command): \(run.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { !$0.hasPrefix("kb.sqlite") }.isEmpty)
    }

    /// CSV and JSON go to --output too, the same bytes as on standard
    /// output.
    @Test func outputTakesCSVAndJSON() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try CLITests.sampleDatabase(in: dir)
        for format in ["csv", "json"] {
            let file = dir.appendingPathComponent("policies.\(format)").path
            let written = try CLI.run(["policies", "--db", db, "--format", format, "--output", file])
            #expect(written.status == 0)
            let printed = try CLI.run(["policies", "--db", db, "--format", format])
            let bytes = try #require(FileManager.default.contents(atPath: file))
            #expect(String(decoding: bytes, as: UTF8.self) == printed.stdout)
            // UTF-8 without a byte-order mark (README: how to open it in Excel).
            #expect(!bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        }
    }

    /// openpyxl reads what the command line wrote: the header names, bold
    /// and frozen; numbers as numbers; dates as dates; Chinese text whole;
    /// wider columns for longer text.
    @Test(.enabled(if: !Openpyxl.pypiUnreachable, "pip cannot reach PyPI to install openpyxl"))
    func openpyxlReadsTheWorkbooks() throws {
        let python = try Openpyxl.python()
        defer { Openpyxl.remove() }
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try CLITests.sampleDatabase(in: dir)

        let goalsFile = dir.appendingPathComponent("goals.xlsx").path
        #expect(try CLI.run(["goals", "--kind", "all", "--db", db, "--format", "xlsx", "--output", goalsFile]).status == 0)
        let goals = try CLI.json(try CLI.run(["goals", "--kind", "all", "--db", db, "--format", "json"]).stdout)
        let sheet = try Openpyxl.read(goalsFile, python: python)
        #expect(sheet.title == "goals")
        #expect(sheet.header == GoalRow.columns)
        #expect(sheet.headerBold)
        #expect(sheet.frozen == "A2")
        try #require(sheet.rows.count == goals.count)
        let column = { (name: String) in try #require(GoalRow.columns.firstIndex(of: name)) }
        let (id, value, metric, stretch) = (try column("id"), try column("value"), try column("metric"), try column("stretch"))
        for (row, goal) in zip(sheet.rows, goals) {
            #expect(row[id].type == "int" && row[id].value as? Int == goal["id"] as? Int)
            #expect(["int", "float"].contains(row[value].type), "\(row[value])")
            #expect((row[value].value as? NSNumber)?.doubleValue == (goal["value"] as? NSNumber)?.doubleValue)
            #expect(row[metric].type == "str" && row[metric].value as? String == goal["metric"] as? String)
            #expect(row[stretch].type == "bool")
        }
        #expect(sheet.rows.contains { ($0[metric].value as? String)?.unicodeScalars.contains { $0.properties.isIdeographic } == true })
        #expect(sheet.widths[metric] > sheet.widths[id])

        let articlesFile = dir.appendingPathComponent("articles.xlsx").path
        #expect(try CLI.run(["articles", "--db", db, "--format", "xlsx", "--output", articlesFile]).status == 0)
        let articles = try CLI.json(try CLI.run(["articles", "--db", db, "--format", "json"]).stdout)
        let articleSheet = try Openpyxl.read(articlesFile, python: python)
        // The JSON-only date_precision is left out: the date cell says it (2025-10 is text).
        let flat = JSONOnlyColumns.flat(ArticleRow.columns)
        #expect(articleSheet.header == flat)
        let (date, title) = (try #require(flat.firstIndex(of: "issue_date")), try #require(flat.firstIndex(of: "title")))
        try #require(articleSheet.rows.count == articles.count)
        for (row, article) in zip(articleSheet.rows, articles) {
            #expect(row[title].value as? String == article["title"] as? String)
            if let issued = article["issue_date"] as? String, issued.count == 10 {
                #expect(row[date].type == "datetime" && (row[date].value as? String)?.hasPrefix(issued) == true, "\(row[date])")
            }
        }
        #expect(articleSheet.rows.contains { $0[date].type == "datetime" })
    }
}

/// openpyxl in a virtual environment of its own, in a temporary folder.
enum Openpyxl {
    struct Cell: CustomStringConvertible {
        let type: String
        let value: Any?
        var description: String { "\(type) \(value ?? "nil")" }
    }

    struct Sheet {
        let title: String
        let header: [String]
        let headerBold: Bool
        let frozen: String?
        let widths: [Double]
        let rows: [[Cell]]
    }

    static let folder = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-openpyxl-\(UUID().uuidString)")

    /// The venv made and openpyxl installed, once; pip's complaint if not.
    static let installed: Result<URL, OpenpyxlError> = {
        let python = folder.appendingPathComponent("bin/python")
        do {
            let made = try CLI.run(["-m", "venv", folder.path], executable: URL(fileURLWithPath: "/usr/bin/python3"))
            guard made.status == 0 else { return .failure(OpenpyxlError("python3 -m venv: \(made.stderr)")) }
            let install = try CLI.run(["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "openpyxl"],
                                      executable: python)
            guard install.status == 0 else {
                remove()
                return .failure(OpenpyxlError("pip install openpyxl: \(install.stderr)"))
            }
            return .success(python)
        } catch {
            return .failure(OpenpyxlError("python3 -m venv: \(error)"))
        }
    }()

    /// Whether pip failed only because PyPI could not be reached (no
    /// network, no proxy): the one reason to skip.
    static var pypiUnreachable: Bool {
        guard case .failure(let failure) = installed else { return false }
        let text = failure.description.lowercased()
        return ["connection", "network is unreachable", "name resolution", "temporary failure", "no matching distribution",
                "could not find a version", "timed out", "proxy"].contains { text.contains($0) }
    }

    static func python() throws -> URL { try installed.get() }

    static func remove() { try? FileManager.default.removeItem(at: folder) }

    static let script = """
        import json, sys, datetime, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        sheet = book.active
        def cell(c):
            v = c.value
            if isinstance(v, datetime.datetime): return {"type": "datetime", "value": v.isoformat()}
            return {"type": type(v).__name__, "value": v}
        rows = list(sheet.iter_rows())
        letters = [openpyxl.utils.get_column_letter(i + 1) for i in range(sheet.max_column)]
        print(json.dumps({
            "title": sheet.title,
            "header": [c.value for c in rows[0]],
            "bold": all(c.font.b for c in rows[0]),
            "frozen": sheet.freeze_panes,
            "widths": [sheet.column_dimensions[l].width for l in letters],
            "rows": [[cell(c) for c in row] for row in rows[1:]],
        }, ensure_ascii=False))
        """

    static func read(_ file: String, python: URL) throws -> Sheet {
        let run = try CLI.run(["-c", script, file], executable: python)
        guard run.status == 0, let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] else {
            throw OpenpyxlError("openpyxl could not read \(file): \(run.stderr)")
        }
        let rows = (object["rows"] as? [[[String: Any]]] ?? []).map { row in
            row.map { Cell(type: $0["type"] as? String ?? "?", value: $0["value"] is NSNull ? nil : $0["value"]) }
        }
        return Sheet(title: object["title"] as? String ?? "", header: object["header"] as? [String] ?? [],
                     headerBold: object["bold"] as? Bool ?? false, frozen: object["frozen"] as? String,
                     widths: (object["widths"] as? [NSNumber] ?? []).map(\.doubleValue), rows: rows)
    }
}

struct OpenpyxlError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
