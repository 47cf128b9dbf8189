import Foundation
import PolicykbTestSupport
import Testing
@testable import PolicyCore

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
