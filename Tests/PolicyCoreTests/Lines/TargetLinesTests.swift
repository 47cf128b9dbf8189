import Foundation
import PolicyNumbers
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// `TargetLines.build` and `MetricKey` on goals made for each rule.
@Suite struct TargetLinesTests {
    /// A goal as the store would list it; article ids follow dates as the store's do.
    static func goal(_ id: Int64, _ date: String, metric: String, value: Decimal, unit: String? = "元", year: Int? = 2027,
                     kind: ExtractedGoal.Kind = .target, comparator: PolicyNumbers.Comparator = .equal, stretch: Bool = false,
                     region: (String, String) = ("440300", "深圳市"), policy: (Int64, String)? = nil,
                     article: Int64? = nil, rejected: Bool = false) -> GoalRow {
        let articleID = article ?? ArticleIDs.firstID(ofDay: ArticleIDs.dayKey(date))
        let correction = rejected ? GoalCorrectionMark(correctionID: 1, rejected: true, note: nil, original: OriginalGoalValues(
            kind: kind.rawValue, metric: metric, comparator: comparator.rawValue, valueExact: "\(value)", unit: unit, year: year)) : nil
        return GoalRow(id: id, kind: kind, articleID: articleID, articleTitle: "文章\(id)", issueDate: date, policyID: policy?.0,
                       policyTitle: policy?.1, regionCode: region.0, regionName: region.1, year: year,
                       yearSource: year == nil ? .none : .stated, metric: metric, comparator: comparator, value: value,
                       unit: unit, stretch: stretch, targetID: nil,
                       evidence: [EvidenceRow(articleID: articleID, start: 0, end: 4, text: "\(metric)\(value)")],
                       correction: correction)
    }

    static let plan: (Int64, String) = (1, "深圳市数字经济发展行动计划（2025—2027年）")
    static let newPlan: (Int64, String) = (2, "深圳市数字经济发展规划（2026—2030年）")

    static func events(_ line: TargetLine) -> [String] {
        line.events.map { $0.kind.rawValue + ($0.detail.isEmpty ? "" : ":" + $0.detail) }
    }

    @Test func restatedAcrossScriptsAndScopeWords() {
        let lines = TargetLines.build([
            Self.goal(1, "2025-01-06", metric: "全市数字经济核心产业增加值", value: 800_000_000_000, policy: Self.plan),
            Self.goal(2, "2025-01-20", metric: "深圳數字經濟核心產業增加值", value: 800_000_000_000),
            Self.goal(3, "2025-02-03", metric: "我市数字经济核心产业增加值", value: 800_000_000_000, policy: Self.plan),
        ])
        #expect(lines.count == 1)
        #expect(lines.first.map(Self.events) == ["set", "restated", "restated"])
        #expect(lines.first?.metricKey == "数字经济核心产业增加值")
    }

    @Test func eachKindOfChange() throws {
        let lines = TargetLines.build([
            Self.goal(1, "2025-01-06", metric: "领军企业", value: 50, unit: "家", stretch: true, policy: Self.plan),
            Self.goal(2, "2025-02-06", metric: "領軍企業", value: 50, unit: "家", policy: Self.plan),
            Self.goal(3, "2025-03-06", metric: "领军企业", value: 60, unit: "家", policy: Self.plan),
            Self.goal(4, "2025-04-06", metric: "领军企业", value: 55, unit: "家", policy: Self.plan),
            Self.goal(5, "2025-05-06", metric: "领军企业", value: 55, unit: "家", year: 2028, policy: Self.plan),
            Self.goal(6, "2025-06-06", metric: "领军企业", value: 55, unit: "家", year: 2028, comparator: .atLeast),
        ])
        #expect(lines.count == 1)
        #expect(try Self.events(#require(lines.first)) == ["set", "changed:firmed_up", "changed:raised", "changed:lowered",
                                                          "changed:moved_later", "changed:comparator"])
        #expect(lines.first?.current.id == 6)
    }

    @Test func milestonesOfOneArticleAndOtherUnitsStayApart() {
        let lines = TargetLines.build([
            Self.goal(1, "2025-01-06", metric: "产业规模", value: 300_000_000_000, year: 2025, policy: Self.plan, article: 10),
            Self.goal(2, "2025-01-06", metric: "产业规模", value: 500_000_000_000, year: 2027, policy: Self.plan, article: 10),
            Self.goal(3, "2025-01-06", metric: "产业规模", value: 10, unit: "%", year: 2027, policy: Self.plan, article: 10),
            // Restating the 2027 milestone joins that line, not the 2025 one.
            Self.goal(4, "2025-03-06", metric: "产业总规模", value: 500_000_000_000, year: 2027),
        ])
        #expect(lines.map(Self.events) == [["set"], ["set", "restated"], ["set"]])
        #expect(lines[0].events[0].reason.isEmpty == false)
        #expect(lines[1].events[0].reason.contains("already has a goal of this article"))
    }

    @Test func otherRegionKindOrMetricIsAnotherLine() {
        let lines = TargetLines.build([
            Self.goal(1, "2025-01-06", metric: "产业规模", value: 100),
            Self.goal(2, "2025-01-07", metric: "产业规模", value: 100, region: ("310000", "上海市")),
            Self.goal(3, "2025-01-08", metric: "产业规模", value: 100, kind: .incentive),
            Self.goal(4, "2025-01-09", metric: "企业数量", value: 100),
        ])
        #expect(lines.count == 4)
    }

    @Test func anotherYearWithoutThePolicyIsANewLineAndSaysWhy() throws {
        let lines = TargetLines.build([
            Self.goal(1, "2025-01-06", metric: "产业规模", value: 100, year: 2025, policy: Self.plan),
            Self.goal(2, "2025-03-06", metric: "产业规模", value: 100, year: 2026),
        ])
        #expect(lines.count == 2)
        let reason = try #require(lines.last?.events.first?.reason)
        #expect(reason.contains("other year (2026) and no policy"), "\(reason)")
        #expect(lines.first.map(Self.events) == ["set"], "no policy: nothing supersedes")
    }

    @Test func aNewerPolicyForALaterYearSupersedes() throws {
        let lines = TargetLines.build([
            Self.goal(1, "2025-01-06", metric: "产业规模", value: 100, year: 2027, policy: Self.plan),
            Self.goal(2, "2025-06-06", metric: "产业规模", value: 150, year: 2030, policy: Self.newPlan),
            // An earlier year in a new policy supersedes nothing.
            Self.goal(3, "2025-07-06", metric: "产业规模", value: 90, year: 2026, policy: (3, "另一方案")),
        ])
        #expect(lines.map(Self.events) == [["set", "superseded:by line 2"], ["set"], ["set"]])
        #expect(lines[0].events[1].against?.id == 1)
    }

    @Test func statisticsReportMetBehindOrProgress() {
        let goals = [
            Self.goal(1, "2024-01-06", metric: "基站数量", value: 80_000, unit: "个", year: 2025),
            Self.goal(2, "2024-01-06", metric: "算力占比", value: 60, unit: "%", year: 2026, region: ("310000", "上海市")),
            Self.goal(3, "2024-01-06", metric: "单位能耗", value: 0.5, unit: "吨", year: 2025, comparator: .atMost),
            Self.goal(4, "2025-06-01", metric: "基站數量", value: 70_000, unit: "个", year: 2024, kind: .statistic),
            Self.goal(5, "2026-02-01", metric: "全市基站数量", value: 76_000, unit: "个", year: 2025, kind: .statistic),
            Self.goal(6, "2026-02-01", metric: "算力占比", value: 65, unit: "%", year: 2025, kind: .statistic,
                      region: ("310000", "上海市")),
            Self.goal(7, "2026-02-01", metric: "单位能耗", value: 0.45, unit: "吨", year: 2025, kind: .statistic),
            Self.goal(8, "2027-02-01", metric: "基站数量", value: 90_000, unit: "个", year: 2026, kind: .statistic),
            // Before the line was set: not a report on it.
            Self.goal(9, "2023-02-01", metric: "算力占比", value: 70, unit: "%", year: 2022, kind: .statistic,
                      region: ("310000", "上海市")),
        ]
        let lines = TargetLines.build(goals)
        #expect(lines.map(Self.events) == [["set", "reported:progress", "reported:behind", "reported:met_late"],
                                           ["set", "reported:met"], ["set", "reported:met"]])
    }

    @Test func rejectedGoalsTakeNoPart() {
        let lines = TargetLines.build([
            Self.goal(1, "2025-01-06", metric: "产业规模", value: 100),
            Self.goal(2, "2025-02-06", metric: "产业规模", value: 900, rejected: true),
            Self.goal(3, "2026-02-06", metric: "产业规模", value: 10, year: 2027, kind: .statistic, rejected: true),
        ])
        #expect(lines.map(Self.events) == [["set"]])
    }

    @Test func metricKeys() {
        #expect(MetricKey.key("全市算力總規模", regionName: "上海市") == "算力规模")
        #expect(MetricKey.key("上海算力规模", regionName: "上海市") == "算力规模")
        #expect(MetricKey.key("我省 5G 基站个数", regionName: "广东省") == "5G基站数量")
        #expect(MetricKey.key("新疆数字经济比重", regionName: "新疆维吾尔自治区") == "数字经济占比")
        #expect(MetricKey.key("营业收入", regionName: nil) == MetricKey.key("营收", regionName: nil))
        #expect(MetricKey.key("全市", regionName: nil) == "全市", "a metric of scope words alone keeps them")
    }
}
