import Foundation
import Testing
@testable import PolicyExtraction

/// Pages of government portals, written for these tests: the articles in
/// one content block, and around them what a portal prints on every page —
/// header, menus, a breadcrumb, a date/source/font-size bar, share buttons,
/// 上一篇/下一篇, a sidebar of related links and hot topics, a footer with
/// the sponsor and the site's registration. Only the articles are stored.
@Suite struct PortalPageTests {
    struct Item {
        var title: String
        var note: String?
        var paragraphs: [String]
        var source: String
    }

    /// Ten items of a provincial compilation page; some with an editor's
    /// note under the title, one with a table of indicators.
    static let items: [Item] = [
        Item(title: "省政府常务会议研究部署制造业数字化转型工作", note: nil,
             paragraphs: ["会议指出，要以智能制造为主攻方向，推动规模以上工业企业数字化改造全覆盖，培育一批标杆工厂。",
                          "会议要求，各地各部门要加强要素保障，完善配套政策，确保各项任务落到实处。"],
             source: "省政府办公厅"),
        Item(title: "全省工业互联网平台建设现场推进会在东湖召开", note: "工业互联网是制造业数字化转型的关键支撑，本期摘编推进会主要内容，供各地参考。",
             paragraphs: ["推进会介绍了重点平台的建设成效，全省已培育省级工业互联网平台四十五个，连接工业设备超过一百二十万台套。",
                          "会议提出，到2027年，全省重点行业工业互联网平台普及率达到百分之六十以上。"],
             source: "省经济和信息化厅"),
        Item(title: "省发展改革委印发数据要素市场化配置改革实施方案", note: nil,
             paragraphs: ["方案明确，到2026年底，全省公共数据开放数据集达到五千个以上，数据交易额年均增长百分之二十。",
                          "方案提出建设数据流通基础设施，探索数据资产入表和数据资产质押融资。"],
             source: "省发展改革委"),
        Item(title: "北湖市出台支持人工智能产业发展十条措施", note: nil,
             paragraphs: ["措施提出，对新建智能算力中心按照实际投资额给予最高百分之十的补助，单个项目最高两千万元。",
                          "对首次认定的人工智能领域专精特新企业，一次性奖励五十万元。"],
             source: "北湖市人民政府"),
        Item(title: "南江县推进乡村数字治理试点工作取得阶段性成效", note: "基层数字治理事关群众切身利益，南江县的做法值得关注。",
             paragraphs: ["南江县依托县级数据平台，将全县二百一十个行政村纳入数字治理试点，村务公开事项全部实现线上办理。",
                          "下一步，该县将推动试点经验在全县复制推广，力争年底前实现行政村全覆盖。"],
             source: "南江县人民政府"),
        Item(title: "全省5G网络建设主要指标完成情况", note: nil,
             paragraphs: ["截至三季度末，全省5G网络建设主要指标进展顺利，具体情况如下表所示。",
                          "下一阶段，全省将加快推进5G网络向农村地区延伸覆盖。"],
             source: "省通信管理局"),
        Item(title: "省科技厅发布首批概念验证中心建设名单", note: nil,
             paragraphs: ["首批名单共包含十二家概念验证中心，覆盖集成电路、生物医药、新材料等重点领域。",
                          "对纳入名单的中心，省级财政给予每家最高三百万元的建设经费支持。"],
             source: "省科学技术厅"),
        Item(title: "西山市打造低空经济产业集聚区", note: nil,
             paragraphs: ["西山市规划建设低空经济产业园，已引进无人机整机及零部件企业二十六家，年产值突破四十亿元。",
                          "该市还开通了三条城市低空物流航线，日均配送量超过两千单。"],
             source: "西山市发展和改革局"),
        Item(title: "省市场监管局部署平台经济常态化监管工作", note: "平台经济健康发展离不开公平竞争的市场环境。",
             paragraphs: ["会议要求，各级市场监管部门要完善平台企业合规指引，建立健全平台经济监管协同机制。",
                          "会议强调，要依法查处平台领域不正当竞争行为，维护消费者合法权益。"],
             source: "省市场监督管理局"),
        Item(title: "东港区建成全省首个区级算力调度中心", note: nil,
             paragraphs: ["东港区算力调度中心汇聚通用算力和智能算力资源，可统一调度区内六个数据中心的算力。",
                          "中心投运后，区内中小企业使用算力的平均成本下降约三成。"],
             source: "东港区人民政府"),
    ]

    /// A table of indicators inside the sixth item.
    static let indicatorTable = """
        <table><tr><th>指标</th><th>目标</th><th>完成</th></tr>
        <tr><td>5G基站（万个）</td><td>12</td><td>10.5</td></tr>
        <tr><td>千兆光网覆盖率（%）</td><td>90</td><td>86</td></tr></table>
        """

    /// Portal furniture: none of these words may reach an article.
    static let furniture = ["某省人民政府门户网站", "政务公开", "相关链接", "热点专题", "主办单位", "备案", "网站标识码", "上一篇", "下一篇",
                            "分享到", "字号", "国务院部门网站", "优化营商环境专题", "政府信息公开年报", "当前位置"]

    static let header = """
        <!DOCTYPE html><html><head><meta charset="utf-8"><title>信息汇编 - 某省人民政府门户网站</title>
        <script>var nav = "<p>假</p>";</script></head><body>
        <div class="top"><a href="/"><img src="/logo.png" alt="logo"></a><h1><a href="/">某省人民政府门户网站</a></h1></div>
        <nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li><li><a href="/hd/">政民互动</a></li></ul></nav>
        <div class="crumb-wrap">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 信息汇编</div>
        """

    /// A sidebar of related links and hot topics (no class that says so:
    /// the links say it), and a footer as plain blocks.
    static let sidebarAndFooter = """
        <div class="col-r">
          <h3>相关链接</h3>
          <ul><li><a href="https://www.gov.example/">国务院部门网站</a></li><li><a href="/sz/">各市州政府网站</a></li>
          <li><a href="/bm/">省直部门网站</a></li></ul>
          <h3>热点专题</h3>
          <ul><li><a href="/zt/1/">优化营商环境专题</a></li><li><a href="/zt/2/">政府信息公开年报</a></li>
          <li><a href="/zt/3/">数字政府建设专题</a></li></ul>
        </div>
        </div>
        <div class="ft"><p>主办单位：某省人民政府办公厅　承办：某省大数据中心</p>
        <p>网站标识码：0000000000　某ICP备00000000号　某公网安备 00000000000000号</p></div>
        </body></html>
        """

    static func paragraphs(of item: Item, table: Bool, noteApart: Bool) -> String {
        var html = ""
        if let note = item.note { html += noteApart ? "<p>【编者按】</p>\n<p>\(note)</p>\n" : "<p>【编者按】\(note)</p>\n" }
        html += item.paragraphs.enumerated().map { index, text in
            "<p>\(text)</p>" + (table && index == 0 ? "\n" + indicatorTable : "")
        }.joined(separator: "\n")
        return html + "\n<p>（信息来源：\(item.source)）</p>\n"
    }

    /// A compilation page: `<h3>` titles in one content block.
    static func compilationPage(titleMarkup: (String) -> String, contents: Bool = false, noteApart: Bool = false) -> String {
        var html = header + """
            <div class="main"><div class="article">
            <h2>产业数字化信息汇编（2025年第11期）</h2>
            <div class="info">发布时间：2025-11-03 09:30　来源：省经济和信息化厅　字号：<a href="javascript:;">大</a> <a href="javascript:;">中</a> <a href="javascript:;">小</a></div>

            """
        if contents {
            html += "<p>本期目录</p>\n<ul class=\"toc\">"
                + items.enumerated().map { "<li><a href=\"#a\($0.offset)\">\($0.element.title)</a></li>" }.joined() + "</ul>\n"
        }
        html += "<div class=\"content\">\n"
        for (index, item) in items.enumerated() {
            html += titleMarkup(item.title) + "\n" + paragraphs(of: item, table: index == 5, noteApart: noteApart)
        }
        html += """
            </div>
            <div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
            <p>上一篇：<a href="/x/1.html">全省第十期信息汇编</a></p><p>下一篇：<a href="/x/3.html">全省第十二期信息汇编</a></p>
            </div>

            """
        return html + sidebarAndFooter
    }

    static func read(_ html: String) throws -> ParsedIssue {
        try BulletinFile.read(fileName: "portal.html", bytes: Array(html.utf8)).issue
    }

    static func expectOnlyTheItems(_ issue: ParsedIssue, _ label: String) {
        #expect(issue.articles.count == items.count, "\(label): \(issue.articles.map(\.title))")
        #expect(issue.articles.map(\.title) == items.map(\.title), "\(label)")
        for article in issue.articles {
            let text = article.title + article.body + (article.source ?? "")
            for word in furniture {
                #expect(!text.contains(word), "\(label):「\(article.title)」holds \(word)")
            }
            #expect(!article.title.contains("#"), "\(label): \(article.title)")
        }
        #expect(issue.articles.map(\.source) == items.map(\.source), "\(label)")
        // The editor's note stays with its own article.
        for (article, item) in zip(issue.articles, items) {
            if let note = item.note { #expect(article.body.contains(note), "\(label): \(item.title)") }
            #expect(article.body.contains(item.paragraphs[1]), "\(label): \(item.title)")
        }
    }

    @Test func aCompilationPageWithH3TitlesGivesItsTenArticlesOnly() throws {
        Self.expectOnlyTheItems(try Self.read(Self.compilationPage { "<h3>\($0)</h3>" }), "h3")
    }

    @Test func boldParagraphTitlesWithEditorsNotesStartTheirOwnArticles() throws {
        Self.expectOnlyTheItems(try Self.read(Self.compilationPage { "<p><strong>\($0)</strong></p>" }), "p strong")
        Self.expectOnlyTheItems(try Self.read(Self.compilationPage(titleMarkup: { "<p style=\"text-align:center\"><b> \($0) </b></p>" },
                                                                   noteApart: true)), "p b, 【编者按】 apart")
        Self.expectOnlyTheItems(try Self.read(Self.compilationPage(titleMarkup: { "<h3>\($0)</h3>" }, noteApart: true)), "h3, 【编者按】 apart")
    }

    @Test func titlesByClassAndAContentsListKeepNoMarkdownMarks() throws {
        Self.expectOnlyTheItems(try Self.read(Self.compilationPage(titleMarkup: { "<div class=\"title\">\($0)</div>" }, contents: true)),
                                "class, contents")
        let issue = try Self.read(Self.compilationPage(titleMarkup: { "<h3>\($0)</h3>" }, contents: true))
        Self.expectOnlyTheItems(issue, "h3, contents")
        #expect(issue.reading.layout == .contents)
    }

    /// A site name set as a plain `<h1>` outside the content block, and a
    /// footer with no class: the content block cannot be told from the
    /// titles alone, and the sidebar's links and the footer's lines still go.
    @Test func aPlainSiteHeadingAndAnUnnamedFooterChangeNothing() throws {
        let page = Self.compilationPage { "<h3>\($0)</h3>" }
            .replacingOccurrences(of: "<h1><a href=\"/\">某省人民政府门户网站</a></h1>", with: "<h1>某省人民政府门户网站</h1>")
            .replacingOccurrences(of: "<div class=\"ft\">", with: "<div>")
        #expect(page.contains("<h1>某省人民政府门户网站</h1>"))
        Self.expectOnlyTheItems(try Self.read(page), "plain h1, unnamed footer")
    }

    @Test func theTableOfIndicatorsReachesExtractionAsRows() throws {
        let issue = try Self.read(Self.compilationPage { "<h3>\($0)</h3>" })
        let body = try #require(issue.articles.first { $0.title == Self.items[5].title }).body
        // Each row a paragraph of its own, as extraction reads a table (TextTable).
        #expect(body.contains("指标 | 目标 | 完成\n\n5G基站（万个） | 12 | 10.5\n\n千兆光网覆盖率（%） | 90 | 86\n\n"), "\(body)")
    }

    @Test func theContentBlockIsChosenAndFurnitureLinesGo() {
        let text = HTMLText.text(fromHTML: Self.compilationPage { "<h3>\($0)</h3>" })
        #expect(!text.contains("首页"))
        #expect(!text.contains("相关链接"))
        #expect(!text.contains("主办单位"))
        // The bar keeps its date and source, not its font-size buttons.
        #expect(text.contains("发布时间：2025-11-03 09:30　来源：省经济和信息化厅\n") || text.contains("发布时间：2025-11-03 09:30 来源：省经济和信息化厅\n"),
                "\(text.prefix(300))")
    }

    /// A bold sentence in a paragraph, or a bold list item, is no title.
    @Test func boldSubheadingsAndEmphasisAreNoTitles() {
        let text = HTMLText.text(fromHTML: """
            <p><strong>一、总体要求</strong></p><p><strong>到2027年全省数字经济核心产业增加值占比达到百分之十二。</strong></p>
            <p><strong>省数据局召开年度工作会议</strong></p><p>会议总结了全年工作。</p>
            """)
        #expect(text == "一、总体要求\n\n到2027年全省数字经济核心产业增加值占比达到百分之十二。\n\n### 省数据局召开年度工作会议\n\n会议总结了全年工作。\n")
    }
}
