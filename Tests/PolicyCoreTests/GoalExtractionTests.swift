import PolicyNumbers
@testable import PolicyNumbers
import Foundation
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// Goal extraction on sentences written for these tests: every form and
/// trap of EXTRACTION.md §5, in other regions, figures and phrasing than the
/// annotated bulletin.
@Suite struct GoalExtractionTests {
    static let extractor: TextExtractor = {
        do { return try TextExtractor() } catch { preconditionFailure("gazetteer: \(error)") }
    }()

    func goals(_ text: String, year: Int? = nil) -> [ExtractedGoal] {
        Self.extractor.extract(text, issueYear: year).goals
    }

    /// (kind, metric fragment, comparator, value, unit)
    typealias Expected = (ExtractedGoal.Kind, String, PolicyNumbers.Comparator, String, String?)

    func expect(_ text: String, _ expected: [Expected], sourceLocation: SourceLocation = #_sourceLocation) {
        let found = goals(text)
        #expect(found.count == expected.count, "\(text): \(found.map { "\($0.metric) \($0.comparator.rawValue) \($0.value) \($0.unit ?? "")" })",
                sourceLocation: sourceLocation)
        for (goal, want) in zip(found, expected) {
            #expect(goal.kind == want.0, "\(text)", sourceLocation: sourceLocation)
            #expect(goal.metric.contains(want.1), "\(text): metric \(goal.metric) lacks \(want.1)", sourceLocation: sourceLocation)
            #expect(goal.comparator == want.2, "\(text): \(goal.metric)", sourceLocation: sourceLocation)
            #expect(goal.value == Decimal(string: want.3), "\(text): \(goal.metric) value \(goal.value)", sourceLocation: sourceLocation)
            #expect(goal.unit == want.4, "\(text): \(goal.metric) unit", sourceLocation: sourceLocation)
        }
    }

    @Test func targetsUnderAHorizon() throws {
        let text = "《成都市加快发展低空经济行动方案》提出，到2027年，培育低空经济核心企业不少于60家，打造典型应用场景120个以上。"
        expect(text, [(.target, "低空经济核心企业", .atLeast, "60", "家"), (.target, "典型应用场景", .atLeast, "120", "个")])
        let found = goals(text)
        #expect(found.allSatisfy { $0.year == 2027 && $0.yearSource == .stated })
        #expect(found.allSatisfy { $0.regionCode == "510100" })
    }

    @Test func twoGoalsInOneClauseWithAStretchFigure() {
        let found = goals("到2026年，全省软件和信息技术服务业规模达5000亿元以上、力争6000亿元。")
        #expect(found.count == 2)
        #expect(found.map(\.value) == [500_000_000_000, 600_000_000_000])
        #expect(found.map(\.comparator) == [.atLeast, .equal])
        #expect(found.map(\.stretch) == [false, true])
        #expect(found.allSatisfy { $0.metric.contains("软件和信息技术服务业规模") && $0.unit == "元" })
    }

    @Test func aNumberInsideTheMetricIsNotTheGoal() {
        expect("到2028年，新增培育估值超五十亿企业8家以上、营收过百亿企业12家以上。",
               [(.target, "估值超五十亿企业", .atLeast, "8", "家"), (.target, "营收过百亿企业", .atLeast, "12", "家")])
        expect("到2028年，实现百亿级应用场景落地30个以上。", [(.target, "应用场景", .atLeast, "30", "个")])
    }

    @Test func aMagnitudeClassAloneIsTheGoal() {
        expect("到2027年，打造两个千亿级智能网联汽车产业集群。", [(.target, "产业集群", .equal, "2", "个")])
        expect("到2027年，培育万亿级数字经济产业集群。", [(.target, "产业集群", .atLeast, "1000000000000", "元")])
    }

    @Test func aRateAndACapInOneSentence() {
        expect("对企业购置工业软件的，按其设备投资额的30%给予补贴，每家企业最高不超过100万元。",
               [(.incentive, "设备投资额", .equal, "30", "%"), (.incentive, "补贴", .atMost, "1000000", "元")])
    }

    @Test func vouchersInterestAndPremiums() {
        expect("企业可申领不超过20万元的“算力券”。", [(.incentive, "算力券", .atMost, "200000", "元")])
        expect("对获得贷款的企业按实际贷款金额的1.5%予以贴息。", [(.incentive, "贴息", .equal, "1.5", "%")])
        expect("给予一定比例的保费补贴，单个企业不超过30万元。", [(.incentive, "保费补贴", .atMost, "300000", "元")])
    }

    @Test func theSameCapForDifferentMeasuresStaysSeveralGoals() {
        let found = goals("对认定的市级工业互联网平台给予奖补不超过80万元。对新建的智能工厂给予奖补不超过80万元。")
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.kind == .incentive && $0.value == 800_000 })
    }

    @Test func aRestatedTargetIsOneGoalWithTwoSpans() throws {
        let text = "到2027年，突破不少于80项关键技术，建设3个创新中心。\n\n预期到2027年底，突破八十余项关键技术。"
        let found = goals(text)
        let technique = try #require(found.first { $0.metric.contains("关键技术") })
        #expect(found.filter { $0.metric.contains("关键技术") }.count == 1)
        #expect(technique.evidence.count == 2)
        #expect(technique.comparator == .atLeast)
        let scalars = Array(text.unicodeScalars)
        for span in technique.evidence {
            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.text)
        }
    }

    @Test func countsThatDescribeTheTextAreNotGoals() {
        expect("《方案》部署了7项重点任务，包括5个方面，提出20条具体举措，由30位专家论证，山东、河南等6个省份参加。", [])
        expect("会议从四个维度提出要求，四份文件同时发布。", [])
    }

    @Test func datesCodesAndNamesAreNotQuantities() {
        expect("《办法》自2024年5月1日起施行，重点支持L3—L5级企业和5G应用，按照“1+3+N”布局和“20+8”产业集群推进。", [])
        expect("2025年3月7日，市政府召开十四五规划中期评估会议。", [])
        expect("通过3年左右时间，一天内完成审批，五年前启动的项目。", [])
    }

    @Test func reportedFactsAreStatistics() {
        expect("截至2024年底，全市已建成5G基站3.2万个。", [(.statistic, "5G基站", .equal, "32000", "个")])
        expect("平台上线以来，已累计服务企业1200余家。", [(.statistic, "服务企业", .greaterThan, "1200", "家")])
    }

    @Test func sharesAndPercentagePoints() {
        expect("到2025年，数字经济核心产业增加值占地区生产总值比重达到12%左右。",
               [(.target, "数字经济核心产业增加值占地区生产总值比重", .approximately, "12", "%")])
        expect("到2026年，企业上云率提高5个百分点。", [(.target, "企业上云率", .equal, "5", "百分点")])
        expect("到2026年，关键工序数控化率达到百分之六十五。", [(.target, "关键工序数控化率", .equal, "65", "%")])
    }

    @Test func chineseNumeralsTraditionalFormsAndBareMultipliers() {
        expect("到2030年，建成兩千家智能工廠。", [(.target, "智能工廠", .equal, "2000", "家")])
        expect("到2027年，推动万台工业机器人规模应用，形成百余项行业标准。",
               [(.target, "工业机器人", .equal, "10000", "台"), (.target, "行业标准", .greaterThan, "100", "项")])
        expect("到2027年，集成电路产业规模突破1.2万亿元。", [(.target, "集成电路产业规模", .greaterThan, "1200000000000", "元")])
        expect("到2027年，引进高端人才三千五百人。", [(.target, "高端人才", .equal, "3500", "人")])
        expect("到2027年，数据中心机架数达到１２，０００个以上。", [(.target, "数据中心机架数", .atLeast, "12000", "个")])
    }

    @Test func otherCurrenciesKeepTheirName() {
        expect("到2026年，吸引外资超过50亿美元。", [(.target, "外资", .greaterThan, "5000000000", "美元")])
    }

    @Test func horizonsOfEveryForm() {
        let text = """
            到 2026 年，全市数据产业规模达 800 亿元。展望2035年，建成数据要素市场体系。

            力争在2026年建成20个可信数据空间。2025年底前完成改造企业不少于500家。
            """
        let result = Self.extractor.extract(text)
        #expect(result.targets.map(\.year) == [2026, 2035, 2026, 2025])
        #expect(result.goals.map(\.year) == [2026, 2026, 2025])
        #expect(result.goals.map(\.stretch) == [false, true, false])
    }

    @Test func aRelativeHorizonCountsFromTheIssueYear() throws {
        let result = Self.extractor.extract("通过3年左右时间，建成5个数字乡村示范县。", issueYear: 2024)
        let target = try #require(result.targets.first)
        #expect(target.year == 2027)
        #expect(target.yearSource == .relative)
        #expect(result.goals.first?.year == 2027)
    }

    @Test func aGoalWithoutHorizonTakesThePolicyPeriod() throws {
        let result = Self.extractor.extract("《西安市推进人工智能产业发展三年行动方案（2024—2026年）》提出，培育人工智能企业不少于300家。")
        let goal = try #require(result.goals.first)
        #expect(goal.year == 2026)
        #expect(goal.yearSource == .policyPeriod)
        #expect(result.policies.first?.title == "西安市推进人工智能产业发展三年行动方案（2024—2026年）")
        #expect(result.policies.first?.startYear == 2024)
        #expect(goal.regionCode == "610100")
    }
}

@Suite struct PolicyExtractionTests {
    let extractor = GoalExtractionTests.extractor

    @Test func periodsFromTitles() {
        #expect(PolicyExtractor.period(of: "某某行动计划（2025—2027年）")! == (2025, 2027))
        #expect(PolicyExtractor.period(of: "某某目录(2025-2027年)")! == (2025, 2027))
        #expect(PolicyExtractor.period(of: "某某方案（2024 年—2026 年）".removingWhitespace)! == (2024, 2026))
        #expect(PolicyExtractor.period(of: "“十四五”数字经济发展规划")! == (2021, 2025))
        #expect(PolicyExtractor.period(of: "“十五五”规划纲要")! == (2026, 2030))
        #expect(PolicyExtractor.period(of: "数据安全法") == nil)
    }

    @Test func aliasesDatesOfForceAndRegions() throws {
        let text = """
            江苏省工业和信息化厅印发《江苏省智能制造示范工厂建设实施细则（试行）》（以下简称《细则》）。

            《细则》自2025年1月1日起施行，有效期至2027年12月31日。《细则》明确，对示范工厂给予奖励不超过100万元。
            """
        let result = extractor.extract(text)
        let policy = try #require(result.policies.first)
        #expect(policy.title == "江苏省智能制造示范工厂建设实施细则（试行）")
        #expect(policy.alias == "细则")
        #expect(policy.effectiveFrom == "2025-01-01")
        #expect(policy.effectiveUntil == "2027-12-31")
        #expect(policy.regionCode == "320000")
        #expect(result.policies.count == 1)
        #expect(result.goals.first?.policyIndex == 0)
    }

    @Test func booksAndReportsAreNotPolicies() {
        let result = extractor.extract("研究院出版了《数字经济蓝皮书》和《块数据》，并发布《2024年人工智能发展报告》。")
        #expect(result.policies.isEmpty)
    }

    @Test func anIssuerNamingSeveralCountriesIsInternational() throws {
        let result = extractor.extract("来自法国、德国和意大利的监管机构发布了《人工智能监管合作声明》。")
        #expect(try #require(result.policies.first).regionCode == "INTL")
    }

    @Test func aGoalUnderAPolicyHeadingBelongsToThatPolicy() {
        let text = """
            杭州发布两项政策：《杭州市算力券管理办法》和《杭州市数据要素市场培育方案（2025—2026年）》。

            《杭州市算力券管理办法》

            对符合条件的企业给予算力券支持，每家企业每年不超过200万元。

            《杭州市数据要素市场培育方案（2025—2026年）》

            到2026年，培育数据商100家以上。
            """
        let result = extractor.extract(text)
        #expect(result.goals.count == 2)
        #expect(result.goals.map { $0.policyIndex.map { result.policies[$0].title } } == [
            "杭州市算力券管理办法", "杭州市数据要素市场培育方案（2025—2026年）",
        ])
    }
}

@Suite struct HorizonAcrossPageBreakTests {
    /// A horizon stated once covers the goals after it in its paragraph,
    /// also when the paragraph continues after a page break.
    @Test func aGoalAfterAPageBreakKeepsItsHorizon() throws {
        let text = """
            简报

            2025年6月1日 第3期

            本期要目

            地方新政

            - 01 湖南发布算力产业行动方案

            湖南发布算力产业行动方案

            湖南省工业和信息化厅印发《湖南省算力产业高质量发展行动方案》（以下简称《方案》）。

            《方案》提出，到2027年，全省算力规模超过20 EFLOPS，培育算力服务企业不少于200家，建设智算中心

            - 7 -

            10个以上，带动相关产业规模突破1000亿元。

            """
        let store = try PolicyStore(path: ":memory:")
        let prepared = try IssuePreparer(gazetteer: try store.gazetteer()).prepare(SourceFile(path: "/x.txt"), bytes: Array(text.utf8))
        let article = try #require(prepared.articles.first)
        #expect(article.parsed.body.contains("建设智算中心10个以上"))
        let goals = article.extraction.goals
        #expect(goals.map(\.value) == [20, 200, 10, 100_000_000_000])
        #expect(goals.allSatisfy { $0.year == 2027 && $0.yearSource == .stated })
        #expect(goals.first { $0.value == 10 }?.metric == "智算中心")
        #expect(goals.allSatisfy { $0.regionCode == "430000" })
    }
}
