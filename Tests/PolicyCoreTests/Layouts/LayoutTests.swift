import Foundation
import PolicykbTestSupport
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// Bulletins written for these tests, one per layout: contents lists with
/// numbers, leaders, dashes or none; no contents list, with dressed or bare
/// headings under banners; running headers and footers; prefaces and
/// editorial blocks. Each is read as its annotation says, in every encoding
/// and line-end form a bulletin arrives in.
@Suite struct LayoutTests {
    @Test(arguments: SampleBulletin.all)
    func readsTheBulletinAsAnnotated(_ sample: SampleBulletin) throws {
        let issue = try BulletinParser().parse(try sample.text())
        #expect(issue.reading.layout == sample.layout)
        #expect(issue.publication == sample.publication)
        #expect(issue.date == sample.date)
        #expect(issue.number == sample.number)
        #expect(issue.sections == sample.sections)
        #expect(issue.reading.warnings.isEmpty, "\(issue.reading.warnings)")
        try #require(issue.articles.count == sample.articles.count, "\(issue.articles.map(\.title))")
        for (index, (article, expected)) in zip(issue.articles, sample.articles).enumerated() {
            #expect(article.position == index + 1)
            #expect(article.title == expected.title)
            #expect(article.section == expected.section, "\(expected.title)")
            #expect(article.source == expected.source, "\(expected.title)")
            #expect(article.urls.count == expected.links, "\(expected.title)")
            #expect(!article.body.isEmpty && !article.body.contains("\n\n\n"))
            #expect(!article.body.contains("来源"), "\(expected.title)")
            #expect(!article.body.contains(expected.title), "\(expected.title): the title is not body text")
        }
        for (index, text) in sample.bodyHolds {
            #expect(issue.articles[index].body.contains(text), "article \(index + 1) lacks「\(text)」")
        }
        for text in sample.nowhere {
            for article in issue.articles {
                #expect(!article.body.contains(text), "「\(text)」in the body of \(article.title)")
            }
        }
    }

    /// The same bulletin as CRLF, UTF-16 (both byte orders, with BOM) and
    /// GB18030 bytes reads to the same issue.
    @Test(arguments: SampleBulletin.all)
    func readsEveryEncodingAlike(_ sample: SampleBulletin) throws {
        let text = try sample.text()
        let reference = try BulletinParser().parse(text)
        let utf8 = Array(text.utf8)
        var forms: [(String, [UInt8], TextEncoding)] = [
            ("CRLF", Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), .utf8),
            ("UTF-8 BOM", [0xEF, 0xBB, 0xBF] + utf8, .utf8BOM),
            ("UTF-16LE", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }, .utf16LE),
            ("UTF-16BE CRLF", [0xFE, 0xFF] + text.replacingOccurrences(of: "\n", with: "\r\n").utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }, .utf16BE),
        ]
        let gb = try #require(TextDecoder.convert(utf8, from: "UTF-8", to: "GB18030"))
        forms.append(("GB18030", gb, .gb18030))
        let gbCRLF = try #require(TextDecoder.convert(Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), from: "UTF-8", to: "GB18030"))
        forms.append(("GB18030 CRLF", gbCRLF, .gb18030))
        for (name, bytes, encoding) in forms {
            let file = try BulletinFile.read(fileName: sample.file, bytes: bytes)
            #expect(file.encoding == encoding, "\(name)")
            #expect(file.issue.articles == reference.articles, "\(name)")
            #expect(file.issue.sections == reference.sections, "\(name)")
            // A monthly's issue is dated by its month, with no warning.
            #expect(file.issue.reading.warnings.isEmpty, "\(name)")
        }
    }

    @Test func contentsEntriesInEveryDress() {
        let cases: [(String, Int?, String)] = [
            ("- 01 国家数据局发布数据条例", 1, "国家数据局发布数据条例"),
            ("1. 住房城乡建设部部署平台建设……………2", 2, "住房城乡建设部部署平台建设"),
            ("03　工业和信息化部印发方案 ……… 4", 4, "工业和信息化部印发方案"),
            ("2025世界制造业大会在合肥开幕……………12", 12, "2025世界制造业大会在合肥开幕"),
            ("02　2025年人工智能标准化工作要点发布 ……… 3", 3, "2025年人工智能标准化工作要点发布"),
            ("- 5G＋工业互联网融合应用在宁波全面铺开", nil, "5G＋工业互联网融合应用在宁波全面铺开"),
            ("P5 上海发布算力方案", 5, "上海发布算力方案"),
            ("国务院印发行动意见  7", 7, "国务院印发行动意见"),
        ]
        for (line, page, title) in cases {
            let entry = BulletinParser.contentsEntry(line[...])
            #expect(entry?.title == title, "\(line)")
            #expect(entry?.page == page, "\(line)")
        }
        // A bare title is not an entry by its own dress: the text decides.
        #expect(BulletinParser.contentsEntry("2025世界制造业大会在合肥开幕"[...]) == nil)
    }

    @Test func pageFurnitureInEveryDress() {
        for line in ["— 5 —", "- 5 -", "第5页", "第 5 页 共 16 页", "5/16", "·12·", "Page 3", "12", "[3]"] {
            #expect(Sheet.isPageNumber(line[...]), "\(line)")
        }
        for line in ["2025年", "（1）", "5G", "第3章", "1.5亿元"] {
            #expect(!Sheet.isPageNumber(line[...]), "\(line)")
        }
    }

    /// A running header or footer inside a paragraph goes, and the
    /// paragraph is one again; a title broken over a page break is one title.
    @Test func furnitureInsideParagraphsAndTitles() throws {
        let text = """
            政务数据周刊

            2025年8月4日　第30期

            ◆ 要闻 ◆

            ■ 国家数据局发布公共数据资源授权运营

            第2页

            政务数据周刊　2025年8月4日

            实施规范

            国家数据局近日发布公共数据资源授权运营实施规范，明确授权运营的范围、程序和监管要求，推动公共数据资源

            第3页

            政务数据周刊　2025年8月4日

            依法合规高效开发利用。规范自发布之日起施行。

            来源：国家数据局

            ■ 浙江省出台数据要素市场培育若干措施

            浙江省人民政府办公厅近日印发若干措施，提出到2027年全省数据交易额突破500亿元。

            来源：浙江省人民政府

            政务数据周刊　2025年8月4日

            第4页
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.reading.layout == .headings)
        #expect(issue.sections == ["要闻"])
        #expect(issue.articles.map(\.title) == ["国家数据局发布公共数据资源授权运营实施规范", "浙江省出台数据要素市场培育若干措施"])
        #expect(issue.articles.first?.body == "国家数据局近日发布公共数据资源授权运营实施规范，明确授权运营的范围、程序和监管要求，推动公共数据资源依法合规高效开发利用。规范自发布之日起施行。")
        #expect(issue.reading.cuts.filter { $0.kind == .pageFurniture }.count == 6)
    }

    /// Bare headings: a short line of its own before body paragraphs, under
    /// section names on lines of their own; the subheadings inside an
    /// article, which do not follow an article's end, stay in it.
    @Test func bareHeadingsUnderSectionNames() throws {
        let text = """
            区域创新动态
            2025年第6期

            地方政策

            江苏省发布制造业智能化改造行动方案

            江苏省工业和信息化厅近日发布行动方案，提出到2026年全省规模以上工业企业智能化改造覆盖率达到90%。

            主要任务

            方案部署了智能工厂建设、工业软件攻关等六项主要任务，推动制造业高端化、智能化、绿色化发展。

            来源：江苏省工业和信息化厅

            广州市推进人工智能赋能千行百业

            广州市人民政府近日印发实施意见，支持人工智能在制造、商贸、医疗等领域的深度应用。

            来源：广州市人民政府

            国际观察

            日本发布人工智能基本计划草案

            日本政府近日公布人工智能基本计划草案，提出加强算力基础设施和人才培养，推动人工智能研发与应用。

            来源：新华社
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.reading.layout == .headings)
        #expect(issue.publication == "区域创新动态")
        #expect(issue.sections == ["地方政策", "国际观察"])
        #expect(issue.articles.map(\.title) == ["江苏省发布制造业智能化改造行动方案", "广州市推进人工智能赋能千行百业", "日本发布人工智能基本计划草案"])
        #expect(issue.articles.map(\.section) == ["地方政策", "地方政策", "国际观察"])
        #expect(issue.articles[0].body.contains("主要任务\n\n方案部署了"))
        #expect(issue.articles.map(\.source) == ["江苏省工业和信息化厅", "广州市人民政府", "新华社"])
    }

    /// A bulletin compiled from web pages: numbered titles (一、…) with a
    /// byline under each (发布时间：… 来源：…), which a list item in a body
    /// never has; the name and the number share the masthead's line.
    @Test func numberedTitlesOverBylines() throws {
        let text = """
            算力观察周报 2025年第21期

            一、安徽出台算力券实施细则
            发布时间：2025-06-03　来源：安徽省数据资源管理局
            安徽省近日出台算力券实施细则，对租用智能算力的企业按合同金额的30%给予补贴。
            细则明确了申领条件和兑付流程。

            二、重庆发布智能网联新能源汽车产业集群行动计划
            发布时间：2025-06-05　来源：重庆市经济和信息化委员会
            行动计划提出，到2027年，全市智能网联新能源汽车产量达到200万辆。

            三、青岛推进海洋数据开放共享
            发布时间：2025-06-06
            青岛市近日印发工作方案，推动海洋观测数据向科研机构和企业开放。
            一、建设统一的数据目录；二、完善授权运营机制。
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.reading.layout == .headings)
        #expect(issue.publication == "算力观察周报")
        #expect(issue.number == 21)
        #expect(issue.articles.map(\.title) == ["安徽出台算力券实施细则", "重庆发布智能网联新能源汽车产业集群行动计划", "青岛推进海洋数据开放共享"])
        #expect(issue.articles.map(\.source) == ["安徽省数据资源管理局", "重庆市经济和信息化委员会", nil])
        #expect(issue.articles.map(\.date) == ["2025-06-03", "2025-06-05", "2025-06-06"])
        #expect(issue.articles.allSatisfy { !$0.body.contains("发布时间") && !$0.body.contains("来源") })
        // A numbered line in a body, with no byline under it, stays text.
        #expect(issue.articles[2].body.contains("一、建设统一的数据目录"))
    }

    /// A bulletin published as a web page (`HTMLText`): the site's
    /// navigation, scripts and footer are no articles; headings give the
    /// masthead, sections and titles; a link to the original keeps its address.
    @Test func webPageWithHeadings() throws {
        let page = """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <title>智算观察 第12期</title>
            <style>body { font-family: sans-serif; } .x::before { content: "算力"; }</style>
            <script>var total = 2025; document.write("<p>不应出现</p>");</script>
            </head>
            <body>
            <nav><a href="/">首页</a> | <a href="/list">往期</a></nav>
            <h1>智算观察</h1>
            <p>2025年第12期&nbsp;&nbsp;2025年6月16日</p>
            <!-- 栏目一 -->
            <h2>政策要闻</h2>
            <h3>某省印发算力基础设施高质量发展行动方案</h3>
            <p>某省人民政府办公厅近日印发《某省算力基础设施高质量发展行动方案（2025—2027年）》。方案提出，
            到2027年，全省算力总规模达到25EFLOPS，智能算力占比超过60%。</p>
            <p>方案明确，对新建智算中心按设备投资额的10%给予补助，单个项目最高1000万元。</p>
            <p>来源：某省人民政府网站&nbsp;<a href="https://example.gov.cn/a/1.html">原文链接</a></p>
            <h3>某市发布数据要素市场化配置改革实施意见</h3>
            <p>某市提出，到2026年底，培育数据商和第三方专业服务机构不少于80家，数据交易额突破50亿元。</p>
            <p>来源：某市发展和改革委员会</p>
            <h2>地方动态</h2>
            <h3>某区启动&ldquo;人工智能+&rdquo;应用场景征集</h3>
            <p>某区近日启动&ldquo;人工智能+&rdquo;应用场景征集活动，计划于2026年遴选示范场景30个，每个给予最高50万元奖励。</p>
            <p>来源：某区融媒体中心</p>
            <footer><p>主办：某省大数据中心 &copy; 2025</p></footer>
            </body>
            </html>
            """
        let file = try BulletinFile.read(fileName: "zsgc-12.html", bytes: Array(page.utf8))
        let issue = file.issue
        #expect(issue.publication == "智算观察" && issue.number == 12 && issue.date == "2025-06-16")
        #expect(issue.sections == ["政策要闻", "地方动态"])
        #expect(issue.articles.map(\.title) == ["某省印发算力基础设施高质量发展行动方案", "某市发布数据要素市场化配置改革实施意见",
                                                "某区启动“人工智能+”应用场景征集"])
        #expect(issue.articles.map(\.source) == ["某省人民政府网站", "某市发展和改革委员会", "某区融媒体中心"])
        #expect(issue.articles.first?.urls == ["https://example.gov.cn/a/1.html"])
        #expect(issue.articles[0].body.contains("到2027年，全省算力总规模达到25EFLOPS"))
        #expect(issue.articles.allSatisfy { !$0.body.contains("首页") && !$0.body.contains("不应出现") && !$0.body.contains("主办") })
    }

    /// A page exported from a messaging platform, in GB18030: no headings,
    /// titles in bold paragraphs, numbered in a contents list (本期导读)
    /// and again over each article; spans and line breaks inside sentences.
    @Test func webPageOfSpansWithANumberedContentsList() throws {
        let page = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"><title>数字政策周报</title></head>
            <body><div id="app"><div class="rich_media_content">
            <section><p style="text-align:center"><span style="font-size:20px"><strong>数字政策周报</strong></span></p>
            <p style="text-align:center"><span>2025年第41期（总第208期）</span></p>
            <p style="text-align:center"><span>2025年10月20日</span></p></section>
            <section><p><strong><span>【本期导读】</span></strong></p>
            <p><span>1.某省出台数字贸易发展若干措施</span></p>
            <p><span>2.某市推动低空经济与数字技术融合</span></p></section>
            <section><p><strong><span>1.某省出台数字贸易发展若干措施</span></strong></p>
            <p><span>近日，某省商务厅印发《某省促进数字贸易发展若干措施》，提出到2027年，</span><span>全省数字贸易进出口额达到3000亿元，<br>培育数字贸易重点企业200家以上。</span></p>
            <p><span>对年度数字服务出口额首次突破1000万美元的企业，给予一次性奖励20万元。</span></p>
            <p><span>（来源：某省商务厅）</span></p></section>
            <section><p><strong><span>2.某市推动低空经济与数字技术融合</span></strong></p>
            <p><span>某市近日召开低空经济发展大会。会议提出，力争到2026年底，全市建成低空起降点150个，开通低空航线80条。</span></p>
            <p><span>（来源：某市日报）</span></p></section>
            </div></div></body></html>
            """
        let bytes = try #require(TextDecoder.convert(Array(page.utf8), from: "UTF-8", to: "GB18030"))
        let file = try BulletinFile.read(fileName: "szzczb-41.htm", bytes: bytes)
        #expect(file.encoding == .gb18030)
        let issue = file.issue
        #expect(issue.publication == "数字政策周报" && issue.number == 41 && issue.date == "2025-10-20")
        #expect(issue.articles.map(\.title) == ["某省出台数字贸易发展若干措施", "某市推动低空经济与数字技术融合"])
        #expect(issue.articles.map(\.source) == ["某省商务厅", "某市日报"])
        #expect(issue.articles[0].body.contains("全省数字贸易进出口额达到3000亿元"))
        #expect(issue.reading.warnings.isEmpty, "\(issue.reading.warnings)")
    }

    /// The same bulletin as text: a contents list whose entries are numbered
    /// as the titles below are. The list ends where its first title comes
    /// again with its number, and a title loses the number.
    @Test func numberedContentsListAndNumberedTitles() throws {
        let text = """
            数字政策周报

            2025年第41期（总第208期）

            2025年10月20日

            【本期导读】

            1.某省出台数字贸易发展若干措施

            2.某市推动低空经济与数字技术融合

            1.某省出台数字贸易发展若干措施

            近日，某省商务厅印发《某省促进数字贸易发展若干措施》，提出到2027年，全省数字贸易进出口额达到3000亿元，
            培育数字贸易重点企业200家以上。

            对年度数字服务出口额首次突破1000万美元的企业，给予一次性奖励20万元。

            （来源：某省商务厅）

            2.某市推动低空经济与数字技术融合

            某市近日召开低空经济发展大会。会议提出，力争到2026年底，全市建成低空起降点150个，开通低空航线80条。

            （来源：某市日报）
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.reading.layout == .contents)
        #expect(issue.articles.map(\.title) == ["某省出台数字贸易发展若干措施", "某市推动低空经济与数字技术融合"])
        #expect(issue.reading.warnings.isEmpty, "\(issue.reading.warnings)")
    }

    /// A bulletin exported field by field (标题：, 来源：, 发布日期：, 正文：):
    /// the labels go, the fields give each article its source and date.
    @Test func fieldByFieldExport() throws {
        let text = """
            数据要素动态
            2025年第7期

            标题：某省印发公共数据授权运营管理办法
            来源：某省数据局
            发布日期：2025-07-03
            正文：某省数据局近日印发《某省公共数据授权运营管理办法》，明确到2026年，全省开放公共数据集不少于5000个，培育授权运营机构20家以上。
            办法提出，对授权运营收益的20%给予数据提供单位补偿。

            标题：某市建设城市可信数据空间
            来源：某市日报
            发布日期：2025-07-05
            正文：某市提出，到2027年建成城市可信数据空间3个，接入企业超过1000家。

            标题：某县推动数字乡村建设
            来源：某县融媒体中心
            发布日期：2025-07-06
            正文：某县计划于2026年底前完成全部行政村光纤网络升级改造，建设益农信息社120个。
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.articles.map(\.title) == ["某省印发公共数据授权运营管理办法", "某市建设城市可信数据空间", "某县推动数字乡村建设"])
        #expect(issue.articles.map(\.source) == ["某省数据局", "某市日报", "某县融媒体中心"])
        #expect(issue.articles.map(\.date) == ["2025-07-03", "2025-07-05", "2025-07-06"])
        #expect(issue.articles.allSatisfy { !$0.body.hasPrefix("正文") && !$0.body.contains("发布日期") })
        #expect(issue.articles[0].body.hasPrefix("某省数据局近日印发"))
    }

    /// A page made on a messaging platform: sections and titles behind bars
    /// (▍, ▌), an editor's line and an end mark (（完）) after the text.
    @Test func barMarkedHeadingsAndEndMarks() throws {
        let text = """
            算力网络周刊
            第18期 2025年9月8日

            ▍政策速递

            ▌某省发布算力券实施细则

            某省工业和信息化厅近日发布《某省算力券实施细则》，每年发放算力券总额不超过2亿元，单个企业年度支持最高200万元。
            责任编辑：王某

            ▌某市出台智算中心建设指引

            某市提出，到2027年建成智算中心5个，智能算力规模达到10000P。（完）

            ▍地方实践

            ▌某区打造人工智能创新街区

            某区计划用三年时间集聚人工智能企业300家，打造人工智能创新街区。
            （来源：某区政府网）
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.sections == ["政策速递", "地方实践"])
        #expect(issue.articles.map(\.title) == ["某省发布算力券实施细则", "某市出台智算中心建设指引", "某区打造人工智能创新街区"])
        #expect(issue.articles.map(\.section) == ["政策速递", "政策速递", "地方实践"])
        #expect(issue.articles.allSatisfy { !$0.body.contains("完）") && !$0.body.contains("责任编辑") }, "\(issue.articles.map(\.body))")
    }

    /// No blank lines at all; each title over a byline whose labels stand in
    /// brackets (【来源】… 【日期】…); a compiler's line (某厅 编) under the
    /// masthead, which is no section.
    @Test func denseWithBracketedBylineLabels() throws {
        let text = """
            工业互联网简报
            2025年第22期
            某省工业和信息化厅 编
            某省发布工业互联网平台培育方案
            【来源】某省工业和信息化厅 【日期】2025-11-03
            某省近日发布工业互联网平台培育方案，提出到2027年培育省级以上工业互联网平台60个，带动10万家企业上云用平台。
            方案明确，对新认定的国家级平台给予一次性奖励300万元。
            某市打造5G全连接工厂
            【来源】某市日报 【日期】2025-11-04
            某市提出，到2026年建成5G全连接工厂50家，培育5G应用解决方案供应商20家。
            某县推进中小企业数字化转型
            【来源】某县政府网 【日期】2025-11-05
            某县今年已推动320家中小企业完成数字化改造，计划明年再推动400家。
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.sections.isEmpty, "\(issue.sections)")
        #expect(issue.articles.map(\.title) == ["某省发布工业互联网平台培育方案", "某市打造5G全连接工厂", "某县推进中小企业数字化转型"])
        #expect(issue.articles.map(\.source) == ["某省工业和信息化厅", "某市日报", "某县政府网"])
        #expect(issue.articles.map(\.date) == ["2025-11-03", "2025-11-04", "2025-11-05"])
        #expect(issue.articles.allSatisfy { !$0.body.contains("【") })
    }

    /// A Markdown export: `# 刊名` over the issue's line is the masthead,
    /// `##` sections, `###` titles, `**来源：**` sources.
    @Test func markdownExport() throws {
        let text = """
            # 算力产业周报

            2025年第30期 | 2025年7月28日

            ## 政策速递

            ### 工信部部署算力互联互通行动

            工业和信息化部近日部署算力互联互通行动，提出到2026年建立完善的算力互联互通标准体系。

            **来源：** 工业和信息化部

            ## 地方动态

            ### 宁夏推进东数西算枢纽节点建设

            宁夏回族自治区提出，到2027年中卫数据中心集群标准机架规模达到30万架。

            **来源：** 宁夏日报
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.publication == "算力产业周报")
        #expect(issue.date == "2025-07-28" && issue.number == 30)
        #expect(issue.sections == ["政策速递", "地方动态"])
        #expect(issue.articles.map(\.title) == ["工信部部署算力互联互通行动", "宁夏推进东数西算枢纽节点建设"])
        #expect(issue.articles.map(\.source) == ["工业和信息化部", "宁夏日报"])
        #expect(issue.articles.allSatisfy { !$0.body.contains("来源") && !$0.body.contains("*") })
    }

    /// Articles between rules of dashes, titles marked ▲, the name and the
    /// month on the masthead's one line.
    @Test func articlesBetweenRules() throws {
        let text = """
            工业数字化参考  2025年9月刊

            ------------------------------------------------------------

            ▲ 山东启动制造业数字化转型提标行动

            山东省工业和信息化厅日前启动提标行动，提出到2027年培育省级数字化转型标杆企业300家。

            来源：大众日报

            ------------------------------------------------------------

            ▲ 湖南发布工业软件产业发展方案

            湖南省提出，到2027年全省工业软件产业规模突破500亿元。

            来源：湖南日报

            ------------------------------------------------------------
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.publication == "工业数字化参考")
        #expect(issue.articles.map(\.title) == ["山东启动制造业数字化转型提标行动", "湖南发布工业软件产业发展方案"])
        #expect(issue.articles.map(\.source) == ["大众日报", "湖南日报"])
        #expect(issue.articles.allSatisfy { !$0.body.contains("------") })
    }

    /// Traditional script: 來源 ends an article and names its source, as
    /// 来源 does.
    @Test func traditionalSourceLines() throws {
        let text = """
            智慧政府通訊 第9期 2025年7月

            【政策要聞】

            數位部公布資料開放推動計畫
            數位發展部公布資料開放推動計畫，預計三年內開放高價值資料集500項。
            （來源：數位發展部）

            高雄市推動智慧港口實證
            高雄市政府宣布，今年將在港區建置20處智慧感測場域，每案最高補助150萬元。
            資料來源：高雄市政府經濟發展局
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.publication == "智慧政府通訊")
        #expect(issue.articles.map(\.title) == ["數位部公布資料開放推動計畫", "高雄市推動智慧港口實證"])
        #expect(issue.articles.map(\.source) == ["數位發展部", "高雄市政府經濟發展局"])
        #expect(issue.articles.allSatisfy { !$0.body.contains("來源") })
    }

    /// `【标题】` headings, and a contents list whose entries have no
    /// numbers and no pages: an unmarked line that is the second half of a
    /// title is joined to it, one that stands alone in the text is an entry.
    @Test func unnumberedContentsWithAWrappedEntry() throws {
        let text = """
            数字经济参阅
            2025年3月3日

            本期导读

            国家数据局印发数据产业高质量发展的
            指导意见
            上海发布公共数据开放实施细则
            深圳推进数据资产入表试点

            国家数据局印发数据产业高质量发展的指导意见

            国家数据局近日印发指导意见，提出到2029年数据产业规模年均增速超过15%。

            上海发布公共数据开放实施细则

            上海市数据局近日发布实施细则，明确公共数据开放的范围、方式和安全要求。

            深圳推进数据资产入表试点

            深圳市近日启动数据资产入表试点，首批纳入20家企业。
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.reading.layout == .contents)
        #expect(issue.articles.map(\.title) == ["国家数据局印发数据产业高质量发展的指导意见", "上海发布公共数据开放实施细则", "深圳推进数据资产入表试点"])
        #expect(issue.articles.map(\.body).allSatisfy { $0.hasSuffix("。") && !$0.contains("\n") })
    }

    /// A title damaged in the body is found between its neighbours; a
    /// title lost from the contents list is found by its heading.
    @Test func titlesFoundFromNeighboursAndHeadings() throws {
        let text = """
            刊物

            目录

            北京发布数据条例……1
            上海发布算力方案……2

            北京发布数据条例

            北京的正文，讲述条例的主要内容和实施安排。

            来源：北京日报

            上�发布算�方案

            上海的正文，讲述方案的目标任务和保障措施。

            来源：解放日报

            广州发布数据交易管理办法

            广州的正文，讲述办法的适用范围和交易规则。

            来源：广州日报
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.articles.map(\.title) == ["北京发布数据条例", "上海发布算力方案", "广州发布数据交易管理办法"])
        #expect(issue.articles.map(\.source) == ["北京日报", "解放日报", "广州日报"])
        #expect(issue.articles[1].body == "上海的正文，讲述方案的目标任务和保障措施。")
        #expect(Set(issue.reading.warnings.map(\.kind)) == [.titleInferred, .unlistedArticle])
    }
}
