import Foundation
import PolicykbTestSupport
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

@Suite struct BulletinParserRealTests {
    struct GoldArticle: Decodable {
        let n: Int
        let section: String
        let title: String
        let source: String
        let urls: [String]
    }

    struct Gold: Decodable {
        struct Issue: Decodable {
            let publication: String
            let date: String
            let number: Int
            let cumulative_number: Int
            let sections: [String]
        }
        let issue: Issue
        let articles: [GoldArticle]
    }

    @Test(.enabled(if: TestPaths.hasSharedCorpus, "needs ../shared/corpus"))
    func readsTheRealBulletinAsItsAnnotationSays() throws {
        let text = TextDecoder.normalize(try String(contentsOf: TestPaths.realBulletin, encoding: .utf8))
        let gold = try JSONDecoder().decode(Gold.self, from: Data(contentsOf: TestPaths.realGold))
        let issue = try BulletinParser().parse(text)
        #expect(issue.publication == gold.issue.publication)
        #expect(issue.date == gold.issue.date)
        #expect(issue.number == gold.issue.number)
        #expect(issue.cumulativeNumber == gold.issue.cumulative_number)
        #expect(issue.sections == gold.issue.sections)
        try #require(issue.articles.count == gold.articles.count)
        for (article, expected) in zip(issue.articles, gold.articles) {
            #expect(article.position == expected.n)
            #expect(article.title.comparisonKey == expected.title.comparisonKey)
            #expect(article.section == expected.section)
            #expect(article.source?.comparisonKey == expected.source.comparisonKey, "article \(expected.n)")
            #expect(article.urls == expected.urls, "article \(expected.n)")
        }
    }

    @Test(.enabled(if: TestPaths.hasSharedCorpus, "needs ../shared/corpus"))
    func bodiesAreCleanAndRejoined() throws {
        let text = TextDecoder.normalize(try String(contentsOf: TestPaths.realBulletin, encoding: .utf8))
        let articles = try BulletinParser().parse(text).articles
        let bodies = articles.map(\.body)
        for body in bodies {
            #expect(!body.contains("扫描二维码"))
            #expect(!body.contains("原文链接"))
            #expect(!body.contains("（来源："))
            #expect(!body.contains("\n\n\n"))
            #expect(!body.hasPrefix("\n") && !body.hasSuffix("\n"))
        }
        // Words broken at page ends are whole again.
        #expect(bodies[1].contains("全面贯彻落实党的二十大和二十届二中、三中全会精神"))
        #expect(bodies[2].contains("分批次、分阶段加大开放"))
        #expect(bodies[3].contains("制定智能工厂建设提升计划"))
        #expect(bodies[7].contains("给予每家不超过200万元的奖补；支持标杆示范带动，重点支持制造业企业"))
        #expect(bodies[9].contains("明确 AI 竞争与数据保护规则；"))
        // Headings, dates and signatures stay paragraphs of their own.
        #expect(bodies[8].contains("\n\n2025年2月11日\n\n"))
        #expect(bodies[8].hasSuffix("Carly Kind 澳大利亚信息专员办公室 隐私专员"))
        #expect(bodies[9].contains("\n\n一、相关背景\n\n"))
        // The Shenzhen article keeps its four policy headings.
        #expect(bodies[5].components(separatedBy: "\n\n《深圳市").count == 5)
        // Back matter is not part of the last article.
        #expect(!bodies[12].contains("贵阳智能大数据战略研究院"))
        #expect(bodies[12].hasSuffix("让政府决策更聪明、企业服务更精准、群众生活更便利。"))
        // The first article is not preceded by masthead or contents text.
        #expect(bodies[0].hasPrefix("为贯彻落实党中央、国务院决策部署"))
    }
}

@Suite struct BulletinParserVariantTests {
    @Test func readsAnotherLayout() throws {
        let issue = try BulletinParser().parse(TextDecoder.normalize(try TestPaths.fixture("variant-bulletin.txt")))
        #expect(issue.publication == "数字政策周报")
        #expect(issue.date == "2024-11-04")
        #expect(issue.number == 21)
        #expect(issue.cumulativeNumber == 305)
        #expect(issue.sections == ["政策速递", "地方动态", "国际视野"])
        #expect(issue.articles.map(\.page) == [2, 4, 6, 9])
        #expect(issue.articles.map(\.section) == ["政策速递", "政策速递", "地方动态", "国际视野"])
        #expect(issue.articles.map(\.title) == [
            "工业和信息化部印发算力基础设施高质量发展行动计划",
            "国家数据局等十七部门发布“数据要素×”三年行动计划",
            "上海出台人工智能大模型创新发展若干措施",
            "欧盟人工智能法案正式生效",
        ])
        #expect(issue.articles.map(\.source) == ["工业和信息化部", "国家数据局", "上海市经济和信息化委员会", nil])
        #expect(issue.articles.map(\.urls) == [
            ["https://www.miit.gov.cn/example/compute.html"], [],
            ["https://www.sheitc.sh.gov.cn/example/llm.html"], [],
        ])
        // A paragraph broken by a page number is one paragraph again.
        #expect(issue.articles[0].body.contains("等重点领域推进算力应用，打造一批"))
        #expect(!issue.articles[0].body.contains("- 3 -"))
        // The back matter presenting the masthead's organisation is cut.
        #expect(issue.articles[3].body.hasSuffix("透明度和人工监督等要求。"))
    }

    @Test func readsTextWithoutStructureAsOneArticleWithAWarning() throws {
        let issue = try BulletinParser().parse("这是一段普通的文字，没有目录，也没有标题，只是几句话而已。\n\n第二段也是普通的文字，说明一些情况。")
        #expect(issue.reading.layout == .singleArticle)
        try #require(issue.articles.count == 1)
        #expect(issue.articles[0].body.contains("第二段也是普通的文字"))
        #expect(issue.reading.warnings.map(\.kind) == [.singleArticle])
    }

    @Test func refusesOnlyATextWithNothingReadable() {
        #expect(throws: BulletinParseError.noText) { try BulletinParser().parse("— 12 —\n\n3\n\n……") }
        #expect(throws: BulletinParseError.noText) { try BulletinParser().parse("\n \n") }
    }

    @Test func warnsOfATitleMissingFromTheText() throws {
        let text = "刊物\n\n本期要目\n\n要闻\n\n- 01 北京发布数据条例\n- 02 上海发布算力方案\n- 03 广州发布数据交易办法\n\n北京发布数据条例\n\n北京的正文。\n\n广州发布数据交易办法\n\n广州的正文。\n"
        let issue = try BulletinParser().parse(text)
        #expect(issue.articles.map(\.title) == ["北京发布数据条例", "广州发布数据交易办法"])
        #expect(issue.articles.map(\.body) == ["北京的正文。", "广州的正文。"])
        #expect(issue.reading.warnings.map(\.kind) == [.titleNotFound])
        #expect(issue.reading.warnings.first?.message.contains("上海发布算力方案") == true)
    }

    @Test func findsATitleWrittenSlightlyDifferently() throws {
        let text = """
            刊物

            本期要目

            要闻

            - 01 北京市发布公共数据开放条例解读
            - 02 上海发布算力方案

            北京发布公共数据开放条例解读

            北京的正文。

            上海发布算力方案

            上海的正文。
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.articles.map(\.body) == ["北京的正文。", "上海的正文。"])
    }
}

@Suite struct BodyLineTests {
    @Test(arguments: [
        ("原文链接：https://a.gov.cn/x.html", "https://a.gov.cn/x.html"),
        ("原文链接：<https://a.gov.cn/x.html>", "https://a.gov.cn/x.html"),
        ("原文链接: <https://a.gov.cn/x.html#3129>", "https://a.gov.cn/x.html#3129"),
        ("https://a.gov.cn/y", "https://a.gov.cn/y"),
    ])
    func linkLines(line: String, url: String) {
        #expect(BodyLine.linkURL(line[...]) == url)
    }

    @Test func prosePointingAtAURLIsNotALinkLine() {
        #expect(BodyLine.linkURL("详情请访问政府网站 https://a.gov.cn 查看全文"[...]) == nil)
    }

    @Test(arguments: [
        ("正文结束。（来源：国家数据局）", "正文结束。", "国家数据局"),
        ("(来源:“启元洞见”微信公众号)", "", "“启元洞见”微信公众号"),
        ("正文。（来源：中国政府网（www.gov.cn））", "正文。", "中国政府网（www.gov.cn）"),
        ("来源：贵阳日报", "", "贵阳日报"),
        ("【来源：国家数据局】", "", "国家数据局"),
    ])
    func sourceLines(line: String, rest: String, source: String) throws {
        let split = try #require(BodyLine.splitSource(line[...]))
        #expect(String(split.text) == rest)
        #expect(split.source == source)
    }

    @Test func parenthesesThatAreNotSourcesStay() {
        #expect(BodyLine.splitSource("英国信息专员办公室（ICO）"[...]) == nil)
    }

    @Test func footers() {
        #expect(BodyLine.isFooter("扫描二维码可阅读或下载全文"))
        #expect(BodyLine.isFooter("- 12 -"))
        #expect(BodyLine.isFooter("第 3 页"))
        #expect(!BodyLine.isFooter("2025年2月11日"))
    }
}
