import Foundation
import Testing
@testable import PolicyCore
@testable import PolicyExtraction
@testable import PolicyNumbers

/// Each stage of goal extraction alone: clauses, scopes, roles, metric
/// hygiene, script folding.
@Suite struct ExtractionStageTests {
    // MARK: Stage 1: clauses

    @Test func clausesEndAtFullAndHalfWidthMarksButNotInsideFigures() {
        let body = BodyText("到2027年,建成基站3,000个;力争5:1达标。下一句")
        let comma = body.clauseEnd(after: 0)
        #expect(body[0..<comma] == "到2027年")
        let next = body.clauseEnd(after: comma + 1)
        #expect(body[(comma + 1)..<next] == "建成基站3,000个")
        // 5:1 is a ratio, not a clause end.
        let third = body.clauseEnd(after: next + 1)
        #expect(body[(next + 1)..<third] == "力争5:1达标")
        #expect(body.sentenceEnd(after: 0) == third + 1)
    }

    @Test func aLineBreakInsideASentenceEndsNothing() {
        let body = BodyText("《行动方案》提出，到2027年，全省数字经济规模突破1.5万亿元，省级公共数据平台汇聚数\n据量超过200PB。\n\n第二段。")
        let inside = body.text.unicodeScalars.firstIndex(of: "\n").map { body.text.unicodeScalars.distance(from: body.text.unicodeScalars.startIndex, to: $0) } ?? 0
        #expect(!body.endsSentence(at: inside))
        #expect(!body.endsClause(at: inside))
        #expect(body.sentenceStart(before: inside + 3) == 0)
        // A short line without a stop is a heading: it ends its sentence.
        let heading = BodyText("一、总体目标\n到2027年，建成平台10个。")
        #expect(heading.endsSentence(at: 6))
        // So does a short line without a stop after the break: the name of
        // the next scheme does not join the last line of the one before.
        let text = "截至2024年底，评审委员会已批准项目220个，企业投入约7.12亿元\n研发开支回赠计划\n为企业的研发开支提供现金回赠。"
        let schemes = BodyText(text)
        let breaks = text.unicodeScalars.indices.filter { text.unicodeScalars[$0] == "\n" }
            .map { text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: $0) }
        #expect(breaks.count == 2 && breaks.allSatisfy { schemes.endsSentence(at: $0) })
        // A short last piece of a wrapped sentence ends with its stop: it is no heading.
        #expect(!BodyText("全省新建5G基站12000个，累计建成基站总数达到\n15万个。\n").endsSentence(at: 22))
    }

    // MARK: Stage 2: scopes

    func scoped(_ text: String, issueYear: Int? = 2025, hasPolicy: Bool = true) -> (BodyText, ClauseScopes) {
        let body = BodyText(text)
        let targets = TargetExtractor().extract(body: body, issueYear: issueYear, policies: PolicyExtractor.Result())
        return (body, ClauseScopes(body: body, targets: targets, issueYear: issueYear, hasPolicy: hasPolicy))
    }

    func offset(of needle: String, in body: BodyText) -> Int {
        body.occurrences(of: needle).first ?? -1
    }

    @Test func stretchIsBoundToItsClauseUnlessItOpensTheSentence() {
        let (body, scopes) = scoped("到2027年，建成基站8万个，力争算力达到20EFLOPS，光缆超过5000公里。力争到2030年，规模翻番，企业达到100家。")
        #expect(scopes.stretch(at: offset(of: "8万", in: body)) == nil)
        #expect(scopes.stretch(at: offset(of: "20EFLOPS", in: body))?.word == "力争")
        #expect(scopes.stretch(at: offset(of: "5000", in: body)) == nil)
        #expect(scopes.stretch(at: offset(of: "100家", in: body))?.word == "力争")
        // 努力 as a noun is no marker.
        let (noun, nounScopes) = scoped("通过三年左右的努力，建成基站8万个。")
        #expect(nounScopes.stretch(at: offset(of: "8万", in: noun)) == nil)
    }

    @Test func reportCuesInTheirClauseOrOpeningTheSentence() {
        let (body, scopes) = scoped("全省已建成数据中心20个，到2027年将新增智算中心10个。2024年，全省算力规模为30EFLOPS。较2024年提高5个百分点。")
        func cue(_ needle: String) -> String? {
            let at = offset(of: needle, in: body)
            let clause = body.clauseStart(before: at)..<body.clauseEnd(after: at)
            return scopes.reportCue(at: at, clause: clause)?.word
        }
        #expect(cue("20个") == "已")
        #expect(cue("10个") == nil)
        #expect(cue("30EFLOPS") == "2024年")
        #expect(cue("5个百分点") == nil)
        // A year after the issue's opens no report.
        let (future, futureScopes) = scoped("2027年，全省算力规模为60EFLOPS。", issueYear: 2025)
        let at = offset(of: "60", in: future)
        #expect(futureScopes.reportCue(at: at, clause: future.clauseStart(before: at)..<future.clauseEnd(after: at)) == nil)
    }

    // MARK: Stage 3: roles

    func roles(_ text: String) -> [String] {
        GoalExtractor(explains: true).explain(text).map { $0.reasons.first ?? "" }
    }

    @Test func rolesOfQualifiersConditionsDurationsAndTextCounts() {
        let decisions = GoalExtractor(explains: true).explain("《某市方案》提出，用三年时间，培育营业收入超10亿元的企业30家；对年产值超过5000万元的企业，给予奖励20万元；共8章40条。")
        let reasons = decisions.map { "\($0.quantity.surface): \($0.summary)" }
        #expect(decisions.count == 7, "\(reasons)")
        #expect(reasons[0].hasPrefix("三年: dropped: a duration"), "\(reasons)")
        #expect(reasons[1].hasPrefix("超10亿元: dropped: qualifies 企业"), "\(reasons)")
        #expect(reasons[2].hasPrefix("30家: kept: target"), "\(reasons)")
        #expect(reasons[3].hasPrefix("超过5000万元: dropped: a condition on 企业"), "\(reasons)")
        #expect(reasons[4].hasPrefix("20万元: kept: incentive"), "\(reasons)")
        #expect(reasons[5].hasPrefix("8章: dropped: counts the text"), "\(reasons)")
        #expect(reasons[6].hasPrefix("40条: dropped: counts the text"), "\(reasons)")
    }

    // MARK: Stage 5: metric hygiene

    @Test func hygieneMakesANameOfAPhrase() {
        #expect(GoalExtractor.hygienic("新建大型及以上数据中心电能利用效率（PUE）") == "新建大型及以上数据中心电能利用效率")
        #expect(GoalExtractor.hygienic("到2027年底全省“专精特新”企业") == "全省专精特新企业")
        #expect(GoalExtractor.hygienic("占比努力") == "占比")
        #expect(GoalExtractor.hygienic("，截至2024年底全省基站、") == "全省基站")
        #expect(GoalExtractor.hygienic(String(repeating: "很长的指标名称", count: 5)).count == 24)
    }

    // MARK: Script folding

    @Test func traditionalFoldsToSimplifiedOneForOne() {
        #expect(ScriptFold.fold("力爭補助資助億個行動計劃發髮") == "力争补助资助亿个行动计划发发")
        #expect(ScriptFold.fold("ASCII 123，。") == "ASCII 123，。")
        let body = BodyText("力爭到2027年，補助100萬元")
        #expect(body.scalars.count == body.original.count)
        #expect(body.contains("力争", in: 0..<body.count))
        #expect(body[0..<2] == "力爭")
        #expect(body.folded(0..<2) == "力争")
    }

    @Test func unitKindsComeFromTheNumberLayer() {
        let kinds = QuantityScanner().quantities(in: "50亿元，20%，3个百分点，100家，1.2EFLOPS，3年，PUE降至1.2以下")
            .map(\.unitKind)
        #expect(kinds == [.money, .share, .percentagePoint, .count, .measure, .duration, .ratio])
    }
}

extension GoalExtractor {
    /// The decisions on `text` read as one article with no region, for stage tests.
    func explain(_ text: String, issueYear: Int? = 2025) -> [QuantityDecision] {
        let body = BodyText(text)
        let policies = PolicyExtractor(regions: RegionDetector(gazetteer: Gazetteer(regions: [], names: []))).extract(body: body, articleRegion: nil)
        let targets = TargetExtractor().extract(body: body, issueYear: issueYear, policies: policies)
        return decide(body: body, policies: policies, targets: targets, articleRegion: nil, issueYear: issueYear)
    }
}

@Suite struct DateReadingTests {
    @Test func datesInEitherScriptAndSpacing() {
        #expect(DateReading.firstDate(in: "自2025年3月29日起施行") == "2025-03-29")
        #expect(DateReading.firstDate(in: "有效期至 2027 年 12 月 31 號") == "2027-12-31")
        #expect(DateReading.firstDate(in: "2025年13月1日，2026年1月2日") == "2026-01-02")
        #expect(DateReading.firstDate(in: "12025年1月1日") == nil)
    }
}
