import Testing
@testable import PolicyExtraction

/// A bracketed title broken over two lines (【 and the first half, then the
/// second half and 】) is one title, without its brackets, in either script.
@Suite struct BrokenTitleTests {
    @Test(arguments: [
        ("【杭州市启动算力券第二批申报工作并公布", "支持方向】", "杭州市启动算力券第二批申报工作并公布支持方向"),
        ("【杭州市啟動算力券第二批申報工作並公布", "支持方向】", "杭州市啟動算力券第二批申報工作並公布支持方向"),
    ])
    func aTitleOverTwoLinesIsOneTitle(first: String, second: String, title: String) throws {
        let text = """
            《城市数字化周报》
            2025年第12期

            【上海市发布公共数据开放新举措】
            上海市近日发布公共数据开放新举措，到2027年开放数据集不少于5000个，推动数据资源高效流通。
            （来源：上海市大数据中心）

            \(first)
            \(second)
            杭州市启动算力券第二批申报工作，单个企业每年最高补贴300万元，申报截止时间为下月底。
            （来源：杭州市经济和信息化局）

            【南京市发布人工智能产业行动计划】
            南京市发布人工智能产业行动计划，到2026年核心产业规模突破500亿元。
            （来源：南京市工业和信息化局）
            """
        let issue = try BulletinParser().parse(text)
        #expect(issue.articles.map(\.title) == ["上海市发布公共数据开放新举措", title, "南京市发布人工智能产业行动计划"])
    }
}
