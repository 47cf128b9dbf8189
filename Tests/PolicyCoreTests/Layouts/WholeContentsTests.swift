import CorpusGenerator
import Testing
@testable import PolicyExtraction

/// A contents list found whole (every title it names is in the text) was
/// not damaged: a heading-like line it does not name is the article's own
/// (a speaker's name and post, a short line), and an article only on
/// strong evidence — a warning says which way each went.
@Suite struct WholeContentsTests {
    static func bulletin(unlisted: [String]) -> String {
        """
        数字治理简报
        2025年第8期

        本期要目
        省数据局召开公共数据授权运营座谈会
        东山市发布算力基础设施三年行动计划

        省数据局召开公共数据授权运营座谈会

        来源：省数据局

        \(unlisted[0])

        座谈会上，与会企业代表围绕公共数据授权运营的场景、收益分配和安全管理提出意见建议。

        会议要求，年内完成首批十个授权运营场景的评估和上线工作。

        （来源：省数据局）

        \(unlisted[1])

        东山市发布算力基础设施三年行动计划
        行动计划提出，到2027年全市算力总规模达到每秒五百亿亿次浮点运算，智能算力占比超过百分之七十。

        计划还提出建设城市算力调度平台，实现全市算力资源统一调度。

        （来源：东山市发展和改革委员会）
        """
    }

    @Test func aSpeakersLineUnderTheBylineStaysInItsArticleWithAWarning() throws {
        for speaker in ["王建华 国家数据局副司长", "李静怡（省数据局首席专家）", "赵海峰"] {
            let issue = try BulletinParser().parse(Self.bulletin(unlisted: [speaker, ""]))
            #expect(issue.articles.map(\.title) == ["省数据局召开公共数据授权运营座谈会", "东山市发布算力基础设施三年行动计划"], "\(speaker)")
            #expect(issue.articles.first?.body.contains(speaker) == true, "\(speaker)")
            let warnings = issue.reading.warnings.filter { $0.kind == .unlistedHeading }
            #expect(warnings.count <= 1 && warnings.allSatisfy { $0.message.contains(speaker.removingWhitespace) }, "\(issue.reading.warnings)")
        }
    }

    @Test func aDressedUnlistedTitleAfterAFinishedArticleIsStillAnArticle() throws {
        let issue = try BulletinParser().parse(Self.bulletin(unlisted: ["王建华 国家数据局副司长", """
            【南岭县上线企业数据服务专区】
            南岭县政务服务网上线企业数据服务专区，首批提供二十项数据产品，服务企业超过三百家。
            """]))
        #expect(issue.articles.map(\.title) == ["省数据局召开公共数据授权运营座谈会", "南岭县上线企业数据服务专区",
                                               "东山市发布算力基础设施三年行动计划"])
        #expect(issue.reading.warnings.contains { $0.kind == .unlistedArticle && $0.message.contains("南岭县上线企业数据服务专区") })
    }

    /// Bulletins of the generated corpus list every title (some with an
    /// interview's speaker under its source line): exactly the articles
    /// written are read, under their titles.
    @Test(arguments: [UInt64(7), 23])
    func generatedBulletinsGiveTheArticlesTheyWereWrittenWith(seed: UInt64) throws {
        let generator = CorpusGenerator(seed: seed)
        var speakers = 0
        for index in 0..<120 {
            let bulletin = generator.bulletin(index)
            let issue = try BulletinParser().parse(bulletin.text)
            #expect(issue.articles.count == bulletin.titles.count, "\(bulletin.fileName): \(issue.articles.map(\.title))")
            #expect(issue.articles.map { $0.title.removingWhitespace } == bulletin.titles.map(\.removingWhitespace),
                    "\(bulletin.fileName)")
            speakers += issue.reading.warnings.filter { $0.kind == .unlistedHeading }.count
        }
        // The corpus holds speakers' lines, and each was warned about.
        #expect(speakers >= 20)
    }
}
