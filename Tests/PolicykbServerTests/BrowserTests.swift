import Foundation
import Hummingbird
import HummingbirdTesting
import PolicyCore
import PolicyExtraction
import PolicykbTestSupport
import Testing
@testable import PolicykbServer

/// The pages in a real browser: headless Chromium against a live server on
/// a free loopback port. Finds search results in the DOM, the highlighted
/// evidence on an article, and a bar per row on the compare page, whose
/// screenshot it takes (`POLICYKB_SCREENSHOT=Docs/compare.png` keeps it,
/// for the README).
@Suite struct BrowserTests {
    @Test func searchArticleAndCompareInChromium() async throws {
        guard let chromium = Chromium.find() else {
            // .ci/run installs Debian's chromium; without it there is nothing to drive.
            print("BrowserTests: skipped: no chromium on PATH (apt-get install chromium)")
            return
        }
        let store = try PolicyStore(path: TestDatabase.path(), access: .read)
        let hits = try store.search(SearchRequest(query: try SearchQuery.parse("算力"), limit: 20)).hits
        let goals = try store.goals(GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases)))
        let articleID = try #require(Dictionary(grouping: goals, by: \.articleID).max { $0.value.count < $1.value.count }?.key)
        let articleGoals = goals.filter { $0.articleID == articleID }
        // 产业: several units and years, so the chart has several groups.
        let compared = try store.goals(GoalFilter(kinds: [.target], metric: "产业"))
        #expect(GoalComparison.groups(compared).count >= 2)
        let xss = try TestDatabase.xssArticleID()

        let app = Application(router: PolicykbServer.router(pool: try TestDatabase.pool()))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            let base = "http://localhost:\(port)"

            let search = try await chromium.dom("\(base)/search?q=\(HTTP.q("算力"))")
            #expect(search.components(separatedBy: "<li class=\"hit\"").count - 1 == hits.count)
            for hit in hits { #expect(search.contains("href=\"/articles/\(hit.articleID)\"")) }
            #expect(search.contains("<mark>算力</mark>"))

            let article = try await chromium.dom("\(base)/articles/\(articleID)")
            let marks = article.components(separatedBy: "<mark class=\"evidence\"").count - 1
            #expect(marks >= articleGoals.count)
            for goal in articleGoals {
                #expect(article.contains("id=\"ev-\(goal.id)\""))
                #expect(article.contains("<b>metric</b> \(HTML.escape(goal.metric))"))
            }

            // The browser parsed the hostile article into text, not elements.
            let hostile = try await chromium.dom("\(base)/articles/\(xss)")
            #expect(hostile.components(separatedBy: "<script").count - 1 == 1)
            #expect(hostile.contains("&lt;script&gt;alert('title')&lt;/script&gt;攻击测试"))

            let compareURL = "\(base)/compare?metric=\(HTTP.q("产业"))"
            let compare = try await chromium.dom(compareURL)
            let bars = compare.components(separatedBy: "<rect class=\"bar").count - 1
            let rows = compare.components(separatedBy: "<tr class=\"row\"").count - 1
            #expect(bars == compared.count && rows == compared.count && bars > 0)

            let directory = try TestPaths.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: directory) }
            let png = directory.appendingPathComponent("compare.png")
            try await chromium.screenshot(compareURL, to: png, width: 1100, height: 620 + 62 * compared.count)
            let data = try Data(contentsOf: png)
            #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            #expect(data.count > 20_000, "a drawn page, not a blank one")
            if let keep = ProcessInfo.processInfo.environment["POLICYKB_SCREENSHOT"], !keep.isEmpty {
                let target = URL(fileURLWithPath: keep, relativeTo: TestPaths.packageRoot)
                try? FileManager.default.removeItem(at: target)
                try FileManager.default.copyItem(at: png, to: target)
            }
        }
    }

    /// The UI as a browser set to Chinese gets it: labels in Chinese, rows
    /// naming regions (never a code), and the README's screenshots of the
    /// home, a search and the goals page (`POLICYKB_SCREENSHOTS=Docs/screenshots`
    /// keeps them; `pngquant` then brings each under 200 KB).
    @Test func chineseUIInChromium() async throws {
        guard let chromium = Chromium.find() else {
            print("BrowserTests: skipped: no chromium on PATH (apt-get install chromium)")
            return
        }
        let store = try PolicyStore(path: TestDatabase.path(), access: .read)
        let hits = try store.search(SearchRequest(query: try SearchQuery.parse("算力"), limit: 20)).hits
        let goals = try store.goals(GoalFilter(kinds: [.target, .incentive]), page: Page(limit: Limits.defaultPageSize, offset: 0))
        let codes = Set(Gazetteer.seeded.regions.keys)
        let app = Application(router: PolicykbServer.router(pool: try TestDatabase.pool()))
        try await app.test(.live) { client in
            let base = "http://localhost:\(try #require(client.port))"
            let pages = [
                ("home", "\(base)/", 1200, 900),
                ("search", "\(base)/search?q=\(HTTP.q("算力"))", 1200, 1100),
                ("goals", "\(base)/goals", 1300, 1000),
            ]
            let home = try await chromium.dom(pages[0].1, language: "zh-CN")
            #expect(home.contains("<html lang=\"zh-CN\">"))
            for label in ["搜索", "对比", "时间线", "政策", "目标", "地区", "起始日期", "截止日期", "查询语法", "placeholder=\"例如 2025-06\""] {
                #expect(home.contains(label), "home: \(label)")
            }
            #expect(!home.contains(">Search<") && !home.contains(">until<"))

            let search = try await chromium.dom(pages[1].1, language: "zh-CN")
            #expect(search.components(separatedBy: "<li class=\"hit\"").count - 1 == hits.count)
            #expect(search.contains("篇匹配的文章") && search.contains("<h3>地区</h3>"))
            for hit in hits {
                let row = search.components(separatedBy: "data-article=\"\(hit.articleID)\"").dropFirst().first?
                    .components(separatedBy: "</li>").first ?? ""
                let meta = row.components(separatedBy: "<div class=\"meta\">").dropFirst().first?.components(separatedBy: "</div>").first ?? ""
                if let code = hit.regionCode, let name = Gazetteer.seeded.regions[code]?.name { #expect(meta.contains(name)) }
                #expect(!codes.contains { meta.contains($0) }, "article \(hit.articleID): \(meta)")
            }

            let goalsPage = try await chromium.dom(pages[2].1, language: "zh-CN")
            #expect(goalsPage.contains("<th>地区</th>") && goalsPage.contains("<th>原文依据</th>") && goalsPage.contains(">CSV</a>"))
            for goal in goals {
                let row = goalsPage.components(separatedBy: "<tr id=\"goal-\(goal.id)\"").dropFirst().first?
                    .components(separatedBy: "</tr>").first ?? ""
                let cells = row.matches(of: /<td[^>]*>([^<]*)<\/td>/).map { String($0.1) }
                #expect(!cells.contains { codes.contains($0) }, "goal \(goal.id)")
                if let code = goal.regionCode, let name = Gazetteer.seeded.regions[code]?.name { #expect(cells.contains(name)) }
            }

            for (name, url, width, height) in pages {
                try await Self.screenshot(chromium, url, name: "\(name)-zh", width: width, height: height)
            }
        }
    }

    /// The target line page and /changes as a browser set to Chinese builds
    /// them, on the target series: the line's steps are its statements, in
    /// order, each a link to its evidence; the digest lists every event. Its
    /// screenshots are `line-zh.png` and `changes-zh.png` (kept as the
    /// others are, with `POLICYKB_SCREENSHOTS`).
    @Test func linePageAndChangesInChromium() async throws {
        guard let chromium = Chromium.find() else {
            print("BrowserTests: skipped: no chromium on PATH (apt-get install chromium)")
            return
        }
        let database = try TestDatabase.seriesPath()
        let store = try PolicyStore(path: database, access: .read)
        // The line with the most kinds of event, then the most events.
        let line = try #require(try store.targetLines().max { a, b in
            (Set(a.events.map(\.kind)).count, a.events.count) < (Set(b.events.map(\.kind)).count, b.events.count)
        })
        let statements = line.events.filter(\.kind.statesTarget)
        let since = try #require(line.events.dropFirst().first?.date)
        let changes = try store.lineChanges(since: since)
        let app = Application(router: PolicykbServer.router(pool: try StorePool(path: database)))
        try await app.test(.live) { client in
            let base = "http://localhost:\(try #require(client.port))"
            let lineURL = "\(base)/lines/\(line.id)", changesURL = "\(base)/changes?since=\(since)"
            let page = try await chromium.dom(lineURL, language: "zh-CN")
            let steps = page.matches(of: /<a href="([^"]+)" class="step [a-z]+" data-goal="([0-9]+)"/).map { (String($0.1), Int64($0.2) ?? 0) }
            #expect(steps.map(\.1) == statements.map(\.goal.id))
            #expect(steps.map(\.0) == statements.map { "/articles/\($0.goal.articleID)#ev-\($0.goal.id)" })
            #expect(page.contains("<title>目标线：") && page.contains("现行目标"))
            // The browser lays out the SVG: the steps run left to right.
            let xs = page.matches(of: /class="step [a-z]+"[^>]*>.*?<circle class="point" cx="([0-9]+)"/).compactMap { Int($0.1) }
            #expect(xs == xs.sorted() && xs.count == statements.count)

            let digest = try await chromium.dom(changesURL, language: "zh-CN")
            #expect(digest.components(separatedBy: "<tr class=\"change").count - 1 == changes.count && !changes.isEmpty)
            #expect(digest.contains("调整的目标"))

            try await Self.screenshot(chromium, lineURL, name: "line-zh", width: 1200, height: 1000)
            try await Self.screenshot(chromium, changesURL, name: "changes-zh", width: 1300, height: 1000)
        }
    }

    /// A screenshot of `url` in Chinese, checked to be a drawn page, kept as
    /// `NAME.png` in the folder `POLICYKB_SCREENSHOTS` names, if any.
    static func screenshot(_ chromium: Chromium, _ url: String, name: String, width: Int, height: Int) async throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let png = directory.appendingPathComponent("\(name).png")
        try await chromium.screenshot(url, to: png, width: width, height: height, language: "zh-CN")
        let data = try Data(contentsOf: png)
        #expect(data.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        // Under 200 KB once quantized (pngquant), as kept in Docs/screenshots.
        #expect(data.count > 20_000 && data.count < 400_000, "\(name): \(data.count) bytes")
        guard let keep = ProcessInfo.processInfo.environment["POLICYKB_SCREENSHOTS"], !keep.isEmpty else { return }
        let target = URL(fileURLWithPath: keep, relativeTo: TestPaths.packageRoot).appendingPathComponent(png.lastPathComponent)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: png, to: target)
    }
}
