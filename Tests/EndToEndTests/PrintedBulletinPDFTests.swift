import Foundation
import PolicykbTestSupport
import Testing

/// A bulletin printed to PDF by headless Chromium as a reader would print
/// it — the browser's own running header and footer (date, title, address,
/// `3/7`) on every page, or a header the page repeats itself — at two page
/// sizes and fonts, read back through pdftotext. Every article is found
/// under its title (one just before a forced page break among them), the
/// first one not split by the masthead, and no running line is left in any
/// article. Without the tools the tests skip saying why; in CI they fail.
@Suite struct PrintedBulletinPDFTests {
    struct Article {
        var title: String
        var paragraphs: [String]
        var source: String
    }

    static let publication = "数字经济参考"

    static let articles: [Article] = {
        let titles = ["省数据局部署公共数据资源开发利用工作", "北川市出台促进智能网联汽车产业发展若干措施", "全省算力网络建设现场会在临江召开",
                      "南岭县打造县域数字经济发展示范区", "省工业和信息化厅公布首批智能工厂名单", "东港区推进中小企业数字化转型城市试点",
                      "西原市发布低空经济高质量发展行动方案", "省科技厅启动人工智能重大科技专项"]
        let sentences = ["会议强调，要坚持统筹发展和安全，加快构建公共数据资源开发利用体系，推动公共数据有序开放和授权运营。",
                         "各地要结合实际制定具体实施方案，明确责任分工和时间节点，建立健全工作推进机制，定期调度任务进展。",
                         "下一步，将持续加大政策支持力度，引导社会资本积极参与，培育一批具有较强竞争力的骨干企业和特色产业集群。",
                         "到2027年，全省规模以上工业企业关键工序数控化率达到百分之七十以上，数字化研发设计工具普及率达到百分之九十。",
                         "对新认定的省级示范项目，按照项目实际投资额的百分之十给予补助，单个项目最高不超过五百万元。"]
        let sources = ["省数据局", "北川市人民政府", "省发展改革委", "南岭县人民政府", "省工业和信息化厅", "东港区人民政府", "西原市人民政府",
                       "省科学技术厅"]
        return titles.enumerated().map { index, title in
            // Articles of different lengths, so that page ends fall anywhere;
            // each paragraph names its article, to know where text went.
            let count = 2 + (index * 3) % 4
            // A place of its own in every paragraph, of a length of its own,
            // so that no printed line repeats (a line on many pages is furniture).
            let paragraphs = (0..<count).map { n in
                let place = String(Array("东西南北中")[(index + n) % 5]) + String("湖江山海原川岭港".prefix(1 + (index * 4 + n) % 8))
                return "（\(index + 1)-\(n + 1)）\(place)" + sentences[(index + n) % sentences.count]
            }
            return Article(title: title, paragraphs: paragraphs, source: sources[index])
        }
    }()

    static let chromium = CLI.which("chromium") ?? CLI.which("chromium-browser") ?? CLI.which("google-chrome")
    static var inCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    static var toolsReady: Bool { chromium != nil && CLI.which("pdftotext") != nil && PDFIngestTests.hasCJKFont }

    /// Page size, font and size, and whether the browser prints its own
    /// header and footer (else the page repeats a header of its own).
    struct Print: CustomTestStringConvertible, Sendable {
        var size: String
        var font: String
        var points: Int
        var browserHeader: Bool
        var testDescription: String { "\(size) \(font) \(points)pt\(browserHeader ? " with the browser's header" : "")" }
    }

    static func page(_ print: Print) -> String {
        var body = ""
        for (index, article) in articles.enumerated() {
            body += "<p class=\"t\">\(article.title)</p>\n"
            // A title just before a page break.
            if index == 4 { body += "<div style=\"break-before: page\"></div>\n" }
            body += article.paragraphs.map { "<p>\($0)</p>" }.joined(separator: "\n")
            body += "\n<p>（来源：\(article.source)）</p>\n"
        }
        let runningHeader = print.browserHeader ? "" : "<div class=\"run\">\(publication)　2025年第9期</div>"
        return """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>\(publication)</title><style>
            @page { size: \(print.size); margin: 2cm 1.6cm }
            body { font-family: "\(print.font)"; font-size: \(print.points)pt }
            p { margin: 0 0 0.8em 0; line-height: 1.5 }
            p.t { font-size: \(print.points + 3)pt; font-weight: bold; margin-top: 1.2em }
            .run { position: fixed; top: -1.4cm; left: 0; font-size: 9pt }
            .mast { font-size: \(print.points * 2)pt }
            </style></head><body>
            \(runningHeader)
            <p class="mast">\(publication)</p>
            <p>2025年第9期（总第57期）</p>
            <p>省数字经济研究中心编印　　2025年9月15日</p>
            \(body)</body></html>
            """
    }

    @Test(.enabled(if: toolsReady || inCI,
                   "needs chromium, pdftotext (poppler-utils) and a CJK font (fonts-wqy-zenhei): .ci/run installs them"),
          arguments: [Print(size: "A4", font: "WenQuanYi Zen Hei", points: 12, browserHeader: true),
                      Print(size: "A5", font: "WenQuanYi Zen Hei Sharp", points: 14, browserHeader: true),
                      Print(size: "A5", font: "WenQuanYi Zen Hei", points: 13, browserHeader: false)])
    func aPrintedBulletinGivesEveryArticleAndNoRunningLine(_ print: Print) throws {
        let chromium = try #require(Self.chromium, "chromium is not installed")
        try #require(CLI.which("pdftotext") != nil, "pdftotext is not installed")
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = dir.appendingPathComponent("bulletin.html")
        try Self.page(print).write(to: html, atomically: true, encoding: .utf8)
        let pdf = dir.appendingPathComponent("bulletin.pdf")
        let run = try CLI.run(["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(dir.appendingPathComponent("profile").path)",
                               "--print-to-pdf=\(pdf.path)", html.absoluteString] + (print.browserHeader ? [] : ["--no-pdf-header-footer"]),
                              executable: chromium)
        try #require(FileManager.default.fileExists(atPath: pdf.path), "chromium printed nothing: \(run.stderr.suffix(300))")

        let inspect = try CLI.run(["inspect", pdf.path, "--format", "json"])
        try #require(inspect.status == 0, "\(inspect.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(inspect.stdout.utf8)) as? [String: Any])
        let found = report["articles"] as? [[String: Any]] ?? []
        #expect(found.compactMap { $0["title"] as? String } == Self.articles.map(\.title), "\(print.testDescription)")

        let db = dir.appendingPathComponent("kb.sqlite").path
        let ingest = try CLI.run(["ingest", pdf.path, "--db", db])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        let stored = try CLI.json(try CLI.run(["articles", "--db", db, "--format", "json"]).stdout)
        try #require(stored.count == Self.articles.count, "\(print.testDescription): \(stored.map { $0["title"] ?? "" })")
        for (row, article) in zip(stored, Self.articles) {
            let id = try #require(row["id"] as? Int)
            let show = try CLI.run(["show", String(id), "--db", db, "--format", "json"]).stdout
            let shown = try JSONSerialization.jsonObject(with: Data(show.utf8)) as? [String: Any] ?? [:]
            let body = (shown["body"] as? String ?? "").filter { !$0.isWhitespace }
            #expect(row["title"] as? String == article.title)
            #expect(row["source"] as? String == article.source, "\(article.title)")
            // Every paragraph whole, across page ends; nothing of the page around it.
            for paragraph in article.paragraphs {
                #expect(body.contains(paragraph), "\(print.testDescription): \(article.title) lost \(paragraph.prefix(8))")
            }
            for furniture in [Self.publication, "file:", "2025年第9期", "/"] {
                #expect(!body.contains(furniture), "\(print.testDescription): \(article.title) holds \(furniture)")
            }
        }
    }
}
