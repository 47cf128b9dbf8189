import Testing
@testable import PolicyExtraction

/// Back matter is the end of the issue, whatever its heading says: by its
/// name (关于本刊, 聯繫我們) or by its kind (a short heading over the
/// periodical's address, telephone and e-mail).
@Suite struct BackMatterTests {
    static func bulletin(backMatterHeading: String, particulars: [String]) -> String {
        """
        《城市数字化周报》
        2025年第12期

        【上海市发布公共数据开放新举措】
        上海市近日发布公共数据开放新举措，到2027年开放数据集不少于5000个，推动数据资源高效流通。
        （来源：上海市大数据中心）

        【杭州市启动算力券第二批申报】
        杭州市启动算力券第二批申报工作，单个企业每年最高补贴300万元，申报截止时间为下月底。
        （来源：杭州市经济和信息化局）

        \(backMatterHeading)
        \(particulars.joined(separator: "\n"))
        """
    }

    @Test(arguments: [
        ("关于本刊", ["本刊为内部交流资料，每周出版一期，欢迎各单位交流使用。"]),
        ("聯繫我們", ["歡迎來稿，本刊將擇優刊用。"]),
        ("本刊信息", ["每周一期。"]),
        // No name that says so: the particulars under it do.
        ("周报编务", ["地址：上海市某区某路100号", "电话：021-00000000", "邮箱：weekly@example.org"]),
        ("編務資訊", ["地址：臺北市某區某路1號", "電話：02-0000-0000", "E-mail：weekly@example.org"]),
    ])
    func backMatterIsNoArticle(heading: String, lines: [String]) throws {
        let issue = try BulletinParser().parse(Self.bulletin(backMatterHeading: heading, particulars: lines))
        #expect(issue.articles.map(\.title) == ["上海市发布公共数据开放新举措", "杭州市启动算力券第二批申报"])
        #expect(!issue.articles.contains { $0.body.contains(lines[0]) }, "\(heading)")
    }

    /// A short heading over an article whose first lines are no particulars
    /// stays an article.
    @Test func aShortTitleOverAnArticleStaysATitle() throws {
        let text = Self.bulletin(backMatterHeading: "【市政务服务中心办公地址变更的通知】", particulars: [
            "市政务服务中心于本月起迁至新址办公，地址：上海市某区某路200号，办事群众请留意。",
            "（来源：上海市政务服务中心）",
        ])
        let issue = try BulletinParser().parse(text)
        #expect(issue.articles.map(\.title).last == "市政务服务中心办公地址变更的通知")
    }
}
