import Foundation
import PolicykbTestSupport
import Testing

/// Bulletins as PDF: each sample bulletin is rendered to PDF on this
/// machine (headless Chromium printing an HTML page set in a CJK font),
/// ingested through pdftotext, and must give the articles the text file
/// gives. Without the tools the tests are skipped, saying what to install.
@Suite struct PDFIngestTests {
    static let chromium = CLI.which("chromium") ?? CLI.which("chromium-browser") ?? CLI.which("google-chrome")

    /// A CJK font fontconfig knows (fonts-wqy-zenhei, fonts-noto-cjk).
    static let hasCJKFont: Bool = {
        guard let fcList = CLI.which("fc-list"), let run = try? CLI.run([":lang=zh", "family"], executable: fcList) else {
            return false
        }
        return !run.stdout.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }()

    static var toolsReady: Bool { chromium != nil && CLI.which("pdftotext") != nil && hasCJKFont }

    @Test(.enabled(if: toolsReady,
                   "needs chromium, pdftotext (poppler-utils) and a CJK font (fonts-wqy-zenhei): .ci/run installs them"),
          arguments: ["zhcs-2025-12.txt", "szzl-2025-07.txt", "cyszh-2025-10.txt", "slcy-2025-09.txt"])
    func aRenderedPDFGivesTheTextFilesArticles(_ name: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let textFile = TestPaths.sampleData.appendingPathComponent(name)
        let pdf = dir.appendingPathComponent(name.replacingOccurrences(of: ".txt", with: ".pdf"))
        try Self.render(textFile, to: pdf, in: dir)

        let db = dir.appendingPathComponent("kb.sqlite").path
        let ingest = try CLI.run(["ingest", pdf.path, "--db", db])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let fromPDF = try CLI.json(try CLI.run(["articles", "--db", db, "--format", "json"]).stdout)

        let textDB = dir.appendingPathComponent("text.sqlite").path
        #expect(try CLI.run(["ingest", textFile.path, "--db", textDB]).status == 0)
        let fromText = try CLI.json(try CLI.run(["articles", "--db", textDB, "--format", "json"]).stdout)

        try #require(fromPDF.count == fromText.count, "\(fromPDF.map { $0["title"] ?? "" })")
        for (pdfRow, textRow) in zip(fromPDF, fromText) {
            for field in ["title", "section", "source", "region_code"] {
                #expect(pdfRow[field] as? String == textRow[field] as? String, "\(name): \(field)")
            }
        }

        // inspect reads the PDF the same way, and says where its text came from.
        let inspect = try CLI.run(["inspect", pdf.path, "--format", "json"])
        #expect(inspect.status == 0, "\(inspect.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any])
        #expect(report["encoding"] as? String == "PDF text (pdftotext)")
        let inspected = (report["articles"] as? [[String: Any]] ?? []).compactMap { $0["title"] as? String }
        #expect(inspected == fromText.compactMap { $0["title"] as? String })
    }

    @Test func aPDFWithoutPdftotextFailsInOneLineSayingWhatToInstall() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("a.pdf")
        try Data("%PDF-1.4\n%%EOF\n".utf8).write(to: pdf)
        let run = try CLI.run(["ingest", pdf.path, "--db", dir.appendingPathComponent("kb.sqlite").path],
                              environment: ["PATH": dir.path])
        #expect(run.status == 1)
        #expect(run.stderr == "policykb: \(pdf.path): PDF input needs pdftotext, which is not installed: install poppler-utils (apt-get install poppler-utils)\n")
    }

    /// Sets the bulletin's lines as paragraphs of an HTML page and prints it.
    static func render(_ text: URL, to pdf: URL, in dir: URL) throws {
        let lines = try String(contentsOf: text, encoding: .utf8).components(separatedBy: "\n")
        let escaped = lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.map { line in
            "<p>" + line.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;") + "</p>"
        }
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>
            @page { size: A4; margin: 2cm }
            body { font-family: "WenQuanYi Zen Hei", "Noto Sans CJK SC", sans-serif; font-size: 11pt }
            p { margin: 0 0 1.2em 0; line-height: 1.5 }
            </style></head><body>
            \(escaped.joined(separator: "\n"))
            </body></html>
            """
        let page = dir.appendingPathComponent("page.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let chromium = try #require(chromium)
        let run = try CLI.run(["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                               "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                               "--print-to-pdf=\(pdf.path)", page.absoluteString], executable: chromium)
        try #require(FileManager.default.fileExists(atPath: pdf.path), "chromium printed nothing: \(run.stderr.suffix(300))")
    }
}
