import Testing
@testable import PolicyExtraction

/// Dates as bulletins give them: a monthly's issue is dated its month, a
/// quarterly's its quarter, with that precision; an issue with no date at
/// all says so.
@Suite struct IssueDateTests {
    static func bulletin(masthead: String) -> String {
        """
        \(masthead)

        【上海市发布公共数据开放新举措】
        上海市近日发布公共数据开放新举措，到2027年开放数据集不少于5000个，推动数据资源高效流通。
        （来源：上海市大数据中心）

        【杭州市启动算力券第二批申报工作】
        杭州市启动算力券第二批申报工作，单个企业每年最高补贴300万元，申报截止时间为下月底。
        （来源：杭州市经济和信息化局）
        """
    }

    @Test(arguments: [
        ("《城市数字化月刊》\n2025年10月号 · 总第41期", "2025-10-01", DatePrecision.month),
        ("《城市數字化月刊》\n2025年9月 第9期", "2025-09-01", .month),
        ("《城市数字化月刊》\n2024-03 第3期", "2024-03-01", .month),
        // Chinese numerals, in both scripts.
        ("《城市数字化月刊》\n二〇二五年十月 第10期", "2025-10-01", .month),
        ("《城市數字化月刊》\n二〇二五年十月號 第10期", "2025-10-01", .month),
        ("《城市數字化月刊》\n二零二五年十二月 第12期", "2025-12-01", .month),
        ("《城市數字化周報》\n二〇二四年三月十八日 第11期", "2024-03-18", .day),
        ("《城市数字化季刊》\n2025年第3季度 总第12期", "2025-07-01", .quarter),
        ("《城市数字化季刊》\n2026年一季度", "2026-01-01", .quarter),
        ("《城市數字化季刊》\n二〇二五年第四季度", "2025-10-01", .quarter),
        // A year and the issue's number in it, nothing finer.
        ("《城市数字化研究》\n2025年第2期", "2025-01-01", .year),
        ("《城市數字化年鑑》\n二〇二四年卷", "2024-01-01", .year),
    ])
    func anIssueIsDatedWithItsPrecision(masthead: String, date: String, precision: DatePrecision) throws {
        let issue = try BulletinParser().parse(Self.bulletin(masthead: masthead))
        #expect(issue.date == date)
        #expect(issue.datePrecision == precision)
        // The precision says it; no warning is needed.
        #expect(issue.reading.warnings.isEmpty, "\(issue.reading.warnings)")
        #expect(issue.articles.count == 2)
    }

    /// A year in running text before the contents is a plan's, not the issue's.
    @Test func aPlansYearDoesNotDateTheIssue() throws {
        let issue = try BulletinParser().parse(Self.bulletin(masthead: "《城市数字化周报》\n第41期\n到2027年，全市建成数据要素市场。"))
        #expect(issue.date == nil)
    }

    @Test func aDayWinsOverItsMonth() throws {
        let issue = try BulletinParser().parse(Self.bulletin(masthead: "《城市数字化周报》\n2025年10月8日 第41期"))
        #expect(issue.date == "2025-10-08")
        #expect(issue.datePrecision == .day)
        #expect(issue.reading.warnings.isEmpty)
    }

    /// Reading a file (ingest, inspect) warns of an issue with no date.
    @Test func anUndatedIssueSaysSo() throws {
        let text = Self.bulletin(masthead: "《城市数字化周报》\n第41期")
        let file = try BulletinFile.read(fileName: "weekly.txt", bytes: Array(text.utf8))
        #expect(file.issue.date == nil)
        #expect(file.issue.reading.warnings.map(\.kind) == [.undated])
        let dated = Self.bulletin(masthead: "《城市数字化周报》\n2025年10月8日 第41期")
        #expect(try BulletinFile.read(fileName: "weekly.txt", bytes: Array(dated.utf8)).issue.reading.warnings.isEmpty)
    }
}
