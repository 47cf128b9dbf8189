import Testing
@testable import PolicyExtraction

/// The document as context (EXTRACTION.md §8): what a figure is follows from
/// the block it stands in — a report of last year, then a list of this
/// year's goals — before any cue word of its clause. Passages written for
/// these tests, in the shapes work reports, communiqués and plans take.
@Suite struct DocumentContextTests {
    func goals(_ text: String, issueYear: Int) throws -> [ExtractedGoal] {
        try TextExtraction.goals(text, issueYear: issueYear)
    }

    @Test func aWorkReportReportsLastYearThenListsThisYearsGoals() throws {
        let text = """
        市长在政府工作报告中介绍，2025年全市地区生产总值达到8650亿元，增长6.1%，城镇新增就业14.2万人。\
        报告提出，今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业13万人以上；\
        研发经费投入增长10%；粮食产量稳定在210万吨以上。
        """
        let found = try goals(text, issueYear: 2026)
        let statistics = found.filter { $0.kind == .statistic }.map(\.value)
        #expect(Set(statistics) == [865_000_000_000, 6.1, 142_000])
        let targets = found.filter { $0.kind == .target }
        #expect(Set(targets.map(\.value)) == [5.5, 130_000, 10, 2_100_000])
        #expect(targets.allSatisfy { $0.year == 2026 })
    }

    @Test func numberedHeadingsGovernTheirItemsInTraditionalScript() throws {
        let text = """
        一、過去五年工作成績
        1、全省生產總值從3.2萬億元增加到4.6萬億元。
        2、研發投入強度由2.1%提高到2.6%。
        二、「十五五」時期主要目標
        1、全省生產總值年均增長5%左右。
        2、數字經濟核心產業增加值佔比達到15%。
        """
        let found = try goals(text, issueYear: 2026)
        let past = found.filter { [3_200_000_000_000, 4_600_000_000_000, 2.1, 2.6].contains($0.value) }
        #expect(past.count == 4 && past.allSatisfy { $0.kind == .statistic })
        // The level a change reaches counts what its start counted.
        #expect(past.filter { $0.metric == "全省生產總值" }.count == 2)
        let plan = found.filter { $0.value == 5 || $0.value == 15 }
        #expect(plan.count == 2 && plan.allSatisfy { $0.kind == .target && $0.year == 2030 })
    }

    @Test func aSentenceNamingGoalsGovernsTheOneGoingOnWithQizhong() throws {
        let text = "已有十余个省份公布了2026年经济增长预期目标。其中，甲省为5.5%左右，乙省为5%以上。"
        // 十余个省份 is a count the sentence reports; the two figures after 其中 are the goals it names.
        let found = try goals(text, issueYear: 2026).filter { $0.unit == "%" }
        #expect(found.count == 2)
        #expect(found.allSatisfy { $0.kind == .target && $0.year == 2026 })
    }

    @Test func aReportOfResultsMakesStatisticsButNotWhatLooksAhead() throws {
        let text = """
        条例施行三年多来，全省数字经济发展取得显著成效。新建5G基站4.8万个，培育数据企业超过600家。\
        下一步，计划再建设5G基站2万个。
        """
        let found = try goals(text, issueYear: 2025)
        #expect(found.first { $0.value == 48_000 }?.kind == .statistic)
        #expect(found.first { $0.value == 600 }?.kind == .statistic)
        #expect(found.first { $0.value == 20_000 }?.kind == .target)
    }

    @Test func aCommuniqueKeepsEachChangeWithItsMetric() throws {
        let text = "全年规模以上工业增加值1865亿元，同比增长7.2%。其中，高技术制造业增加值412亿元，同比增长12.5%。"
        let found = try goals(text, issueYear: 2026)
        #expect(found.allSatisfy { $0.kind == .statistic })
        #expect(found.first { $0.value == 12.5 }?.metric == "高技术制造业增加值同比增长")
    }

    @Test func aQuotedPlanSaysWhatItMeansToDo() throws {
        let text = "会议提出，要加快建设智能网联汽车产业集群，培育整车企业5家以上，带动产业规模达到3000亿元。"
        let found = try goals(text, issueYear: 2026)
        #expect(found.count == 2 && found.allSatisfy { $0.kind == .target })
    }
}
