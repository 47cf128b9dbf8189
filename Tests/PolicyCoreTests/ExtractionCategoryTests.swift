import Foundation
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// One suite per category of error the extraction issue measured on unseen
/// text. Every sentence is written for these tests, in other regions,
/// figures and phrasings than the annotated bulletins, many in both scripts,
/// with the negative case beside the positive one.
@Suite struct ExtractionCategoryTests {
    static let extractor: TextExtractor = {
        do { return try TextExtractor() } catch { preconditionFailure("gazetteer: \(error)") }
    }()

    func goals(_ text: String, year: Int? = 2025) -> [ExtractedGoal] {
        Self.extractor.extract(text, issueYear: year).goals
    }

    /// Each sentence's first goal has the kind given.
    func expectFirstKinds(_ cases: [(String, ExtractedGoal.Kind)], sourceLocation: SourceLocation = #_sourceLocation) {
        for (sentence, kind) in cases {
            let found = goals(sentence)
            #expect(found.first?.kind == kind, "\(sentence): \(found.map { "\($0.kind) \($0.metric)" })",
                    sourceLocation: sourceLocation)
        }
    }

    /// "kind metric comparator value unit" per goal, for compact expectations.
    func rows(_ text: String, year: Int? = 2025) -> [String] {
        goals(text, year: year).map { "\($0.kind.rawValue) \($0.metric) \($0.comparator.rawValue) \($0.value) \($0.unit ?? "-")" }
    }

    // MARK: 1. Reported facts are statistics

    @Test func aPastYearOpeningASentenceReportsAFact() {
        for text in ["《某省专精特新企业培育行动方案》提出，到2028年，全省专精特新企业不少于300家。2024年，全省专精特新企业已达186家，同比增长12.4%。",
                     "《某省專精特新企業培育行動方案》提出，到2028年，全省專精特新企業不少於300家。2024年，全省專精特新企業已達186家，同比增長12.4%。"] {
            let found = goals(text)
            #expect(found.map(\.kind) == [.target, .statistic, .statistic], "\(text)")
            #expect(found.map(\.value) == [300, 186, Decimal(string: "12.4") ?? 0])
            #expect(found.first?.year == 2028)
        }
    }

    /// A comparison with the year before (同比, 较上年同期) is said only of
    /// what has happened: it makes its whole sentence a report, the figures
    /// before it too. 目前 opening a sentence, and 拥有 with no horizon over
    /// it, state what is. A horizon or a future cue keeps a target.
    @Test func yearOnYearPresentAndPossessionReportFacts() {
        let policy = "《某区人工智能产业发展行动方案（2025—2027年）》提出，到2027年，全区人工智能企业不少于200家。"
        let cases: [(String, [ExtractedGoal.Kind])] = [
            ("全区软件业务收入完成642亿元，同比增长8.1%。", [.statistic, .statistic]),
            ("全區軟件業務收入完成642億元，同比增長8.1%。", [.statistic, .statistic]),
            ("全区规模以上算力企业318家，较上年同期增加27家。", [.statistic, .statistic]),
            ("目前，全区拥有省级工程研究中心41个。", [.statistic]),
            ("全区拥有国家级孵化器6家。", [.statistic]),
            ("全區擁有國家級孵化器6家。", [.statistic]),
            // Under a horizon, or looking ahead, the same verbs set targets.
            ("到2027年，全区拥有国家级孵化器10家。", [.target]),
            ("全区人工智能企业达到260家。", [.target]),
            ("全区将新增算力企业50家。", [.target]),
        ]
        for (sentence, kinds) in cases {
            // A paragraph of its own: a horizon carries through its paragraph.
            let found = goals(policy + "\n" + sentence).dropFirst()
            #expect(found.map(\.kind) == kinds, "\(sentence): \(found.map { "\($0.kind) \($0.metric) \($0.value)" })")
        }
    }

    /// The pool of a scheme is an incentive (§7), also in news that names no
    /// policy; money a report totals after the fact is not.
    @Test func poolsOfASchemeAreIncentivesInNewsToo() {
        let cases: [(String, ExtractedGoal.Kind)] = [
            ("区财政每年安排2亿元专项资金，支持数据要素企业发展。", .incentive),
            ("區財政每年安排2億元專項資金，支持數據要素企業發展。", .incentive),
            ("香港特區政府宣布撥款15億元，資助本地研發中心。", .incentive),
            ("今年以来，全区共兑现各类奖补资金1.8亿元。", .statistic),
        ]
        expectFirstKinds(cases)
    }

    /// A deadline after 在 (目标在2030年前) is a horizon like one opening a
    /// clause; the aim, the deadline and 使 do not name what is counted.
    @Test func aDeadlineAfterAnAimIsAHorizon() {
        for text in ["某部表示，目标在2029年前使智慧醫療產業產值突破2兆元。", "某部表示，目标在2029年以前使智慧医疗产业产值突破2兆元。"] {
            let found = goals(text)
            #expect(found.count == 1, "\(text)")
            #expect(found.first?.kind == .target && found.first?.year == 2029)
            #expect(found.first?.value == 2_000_000_000_000)
            #expect(found.first.map { ["智慧醫療產業產值", "智慧医疗产业产值"].contains($0.metric) } == true, "\(found.map(\.metric))")
        }
        // 在2020年 with no 前 dates a fact, not a deadline.
        let fact = goals("该区在2020年建成数据中心3个。", year: 2025)
        #expect(fact.first?.kind == .statistic && fact.first?.year == 2020)
        #expect(TargetExtractor().horizons(in: BodyText("该区在2020年建成数据中心3个。"), issueYear: 2025).isEmpty)
    }

    /// Support given as an amount (给予…最高300万元支持) is a grant; in news
    /// with no policy a stated aim (计划, 预计, 确保) is a target, while 将
    /// alone announces a programme, reported as a fact.
    @Test func supportAsAnAmountAndAimsInNews() {
        let grant = goals("《某区场景开放办法》明确，每年遴选50个左右场景，给予每个场景最高200万元支持。")
        #expect(grant.map(\.kind) == [.target, .incentive], "\(grant.map { "\($0.kind) \($0.metric)" })")
        #expect(grant.last?.comparator == .atMost && grant.last?.value == 2_000_000)
        let cases: [(String, ExtractedGoal.Kind)] = [
            ("某区计划新增上云企业800家。", .target),
            ("某區預計今年新增上雲企業800家。", .target),
            ("博览会期间还将举办8场专题论坛。", .statistic),
            ("该区去年新增上云企业800家。", .statistic),
        ]
        expectFirstKinds(cases)
    }

    /// §7: in an article from Hong Kong, Macao or Taiwan a bare 元 is the
    /// local currency; 人民币 next to it, or a mainland article, keeps 元.
    @Test func aBareYuanIsTheLocalCurrencyOfHongKongMacaoAndTaiwan() {
        let cases: [(String, String)] = [
            ("香港特區政府宣布撥款20億元推動創新科技。", "港元"),
            ("澳门特区政府拨款3亿元支持数字化转型。", "澳门元"),
            ("臺北市政府對每家企業補助最高50萬元。", "新台币"),
            ("香港特區政府宣布撥款人民幣20億元推動合作。", "元"),
            ("深圳市对每家企业给予最高50万元奖励。", "元"),
            ("香港特區政府宣布撥款1億美元推動合作。", "美元"),
        ]
        for (sentence, unit) in cases {
            #expect(goals(sentence).first?.unit == unit, "\(sentence): \(goals(sentence).map { $0.unit ?? "-" })")
        }
    }

    /// A short scope subject and its verb (全省建成, 该平台汇聚) and a trailing
    /// 完成 or 可达 are not part of what is counted.
    @Test func scopeSubjectsAndTheirVerbsLeaveTheMetric() {
        let cases: [(String, String)] = [
            ("全省建成5G基站8.6万个。", "5G基站"),
            ("该平台汇聚公共数据资源3.4万余条。", "公共数据资源"),
            ("全区新增数字化车间27个。", "数字化车间"),
            ("全市软件业务收入完成390亿元。", "全市软件业务收入"),
            ("项目建成后年产值可达60亿元。", "年产值"),
            ("全國擁有國家級孵化器6家。", "國家級孵化器"),
            // A longer subject is part of the metric: no scope word opens it.
            ("人工智能核心产业规模达到900亿元。", "人工智能核心产业规模"),
        ]
        for (sentence, metric) in cases {
            #expect(goals(sentence).first?.metric == metric, "\(sentence): \(goals(sentence).map(\.metric))")
        }
    }

    @Test func aCueGovernsOnlyItsOwnClause() {
        let found = goals("《某市算力行动计划》明确，全市已建成数据中心20个，到2027年将新增智算中心10个。")
        #expect(found.map(\.kind) == [.statistic, .target])
        #expect(found.last?.year == 2027)
    }

    @Test func reportsBySourceAndBracketedPastFigures() {
        #expect(rows("据统计，2023年全国工业互联网平台连接设备9600万台套。").first?.hasPrefix("statistic") == true)
        #expect(rows("《报告》显示，2024年全省数字经济规模达到2.1万亿元，约占全国的3.6%。").allSatisfy { $0.hasPrefix("statistic") })
        let bracketed = goals("《某市行动计划》提出，到2027年，全市5G基站达到5万个（2024年底为3.1万个）。")
        #expect(bracketed.map(\.kind) == [.target, .statistic])
        // The negative: a future sentence with no cue stays a target.
        #expect(goals("《某市行动计划》提出，到2027年，全市数据企业达到500家。").map(\.kind) == [.target])
    }

    @Test func aChangeFromAPastLevelToAFutureOne() {
        let found = goals("《某市规划》提出，全市数字经济规模由2020年的2.5万亿元增长至2026年的3.2万亿元。", year: 2024)
        #expect(found.map(\.kind) == [.statistic, .target])
        #expect(found.map(\.metric) == ["全市数字经济规模", "全市数字经济规模"])
        #expect(found.last?.year == 2026)
        // A past year opening a clause of a target sentence reports that clause only.
        let mixed = goals("《某市方案》提出，到2027年，全市工业机器人产量达到50万台，2024年全市工业机器人产量达24万台。")
        #expect(mixed.map(\.kind) == [.target, .statistic])
    }

    @Test func newsOfAnEventWithNoPolicyReportsFacts() {
        let found = goals("第三届数字经济博览会在南宁开幕，展览面积约5万平方米，吸引了800余家企业参展，现场签约项目126个。")
        #expect(found.count == 3)
        #expect(found.allSatisfy { $0.kind == .statistic })
    }

    /// What a programme is expected to bring about is its target, in news
    /// too; an event's programme and a scheme's reported results are not.
    @Test func expectedEffectsAndReportsUnderASchemesName() {
        expectFirstKinds([
            ("市商务局表示，这批消费券可望带动商户营业额增长3亿元。", .target),
            ("該專案將可協助120家中小企業導入雲端服務。", .target),
            ("博览会期间还将举办15场供需对接会。", .statistic),
        ])
        // The name of the next scheme, alone on its line, does not make the
        // last line of the one before look ahead (计划 is an aim word).
        let text = """
            人才专项资助
            为企业引进的研发人员提供资助，每名人员最高资助额为30万元
            截至2024年底，委员会已批准申请860宗，当中企业投入约4.6亿元
            青年科学家计划
            为青年科学家提供研究经费。
            """
        let traditional = """
            人才專項資助
            為企業引進的研發人員提供資助，每名人員最高資助額為30萬元
            截至2024年底，委員會已批准申請860宗，當中企業投入約4.6億元
            青年科學家計劃
            為青年科學家提供研究經費。
            """
        for text in [text, traditional] {
            #expect(rows(text).contains { $0.hasPrefix("statistic ") && $0.hasSuffix(" ~ 460000000 元") }, "\(rows(text))")
        }
    }

    // MARK: 2. Grants are incentives

    @Test func respectiveGrantsAreSeveralIncentives() {
        let found = goals("《某市若干措施》明确，对新认定的国家级、省级、市级示范企业，分别给予50万元、30万元、10万元的一次性支持。")
        #expect(found.map(\.kind) == [.incentive, .incentive, .incentive])
        #expect(found.map(\.value) == [500_000, 300_000, 100_000])
        #expect(found.allSatisfy { $0.metric.contains("一次性支持") })
    }

    @Test func ratesCapsAndPoolsInBothScripts() {
        for text in ["《某区若干政策》提出，对购买算力服务的企业，按合同金额的20%给予补助，单个企业每年最高不超过300万元。",
                     "《某區若干政策》提出，對購買算力服務的企業，按合同金額的20%給予補助，單個企業每年最高不超過300萬元。"] {
            let found = goals(text)
            #expect(found.map(\.kind) == [.incentive, .incentive], "\(text)")
            #expect(found.map(\.value) == [20, 3_000_000])
            #expect(found.map(\.comparator) == [.equal, .atMost])
            #expect(found.first?.metric.contains("合同金") == true, "\(found.first?.metric ?? "")")
        }
        // A cap standing apart from its rate: 按不超过…的30%.
        let apart = goals("《某市办法》规定，对符合条件的项目，按不超过设备投资额的30%予以支持。")
        #expect(apart.map(\.comparator) == [.atMost])
        #expect(apart.map(\.kind) == [.incentive])
    }

    /// A cap on the grant verb or named by its noun bounds the grant however
    /// long the object between (最多资助…的40%, 资助额上限为…的四分之一).
    @Test func aCapOnTheVerbOrNounBoundsTheGrant() {
        for text in ["《某市专项资金办法》规定，市财政最多资助入选项目核定设备投入的40%。",
                     "《某市專項資金辦法》規定，市財政最多資助入選項目核定設備投入的40%。",
                     "《某市专项资金办法》规定，市财政资助额上限为入选项目核定设备投入的40%。"] {
            let found = goals(text)
            #expect(found.map(\.kind) == [.incentive], "\(text)")
            #expect(found.map(\.comparator) == [.atMost], "\(text)")
        }
    }

    /// What a scheme asks of applicants is no goal; the level a change starts
    /// from is a fact, in fractions written without 之 too.
    @Test func applicantTermsAndChangeStarts() {
        let terms = goals("《某区配套办法》规定，申报企业须投入不少于项目总投资的三分之二，区财政给予最高80万元补助。")
        #expect(terms.map(\.value) == [800_000], "\(terms.map(\.value))")
        let change = goals("《某區資助計劃》修訂後，資助比例由四分一提高至二分一。")
        #expect(change.map(\.kind) == [.statistic, .incentive], "\(change.map { "\($0.kind) \($0.value)" })")
        #expect(change.map(\.value) == [25, 50])
    }

    @Test func aFloorOnMoneyIsAGoalNotAGrant() {
        let found = goals("《某省数据交易方案》提出，到2027年，数据交易场所年交易额突破500亿元，并对入场交易的企业给予补贴。")
        #expect(found.map(\.kind) == [.target])
    }

    /// A rate given (给予最高50%) is granted under a horizon too, and so is
    /// the cap beside it; both name the base, not the giving.
    @Test func aRateGivenUnderAHorizonIsAGrant() {
        let text = "《某省行动方案》提出，到2027年，全省企业数字化转型全覆盖。每年重点支持技术攻关，按项目总投资给予最高40%、不超过800万元资金支持。"
        let found = goals(text)
        #expect(found.map(\.kind) == [.incentive, .incentive], "\(found.map { "\($0.kind) \($0.metric)" })")
        #expect(found.map(\.value) == [40, 8_000_000])
        #expect(found.allSatisfy { $0.metric.hasPrefix("项目总投资") && !$0.metric.contains("给予") && !$0.metric.contains("%") },
                "\(found.map(\.metric))")
    }

    /// A cap a few words before the figure (最高可獲, 上限為) caps it; an
    /// allowance (津貼) is a grant; 未來三年 before a goal verb is a horizon.
    @Test func hongKongGrantsAndSpans() {
        let grants = goals("香港特區政府宣布預留20億元推行「智能生產資助計劃」，每間企業最高可獲800萬元資助，資助上限為項目開支的三分之一。")
        #expect(grants.map(\.kind) == [.incentive, .incentive, .incentive], "\(grants.map { "\($0.kind) \($0.metric)" })")
        #expect(grants.map(\.comparator) == [.equal, .atMost, .atMost])
        #expect(grants.first?.unit == "港元")
        #expect(goals("該計劃下每名研究員每月津貼為3.2萬元。").first?.kind == .incentive)
        let span = goals("某園區計劃未來三年培育250間初創企業，並把從業人員增至4萬人。", year: 2025)
        #expect(span.map(\.year) == [2028, 2028] && span.allSatisfy { $0.kind == .target }, "\(span.map { "\($0.kind) \($0.year as Any)" })")
        // Spaced figures (未來 4 年) and an average over the coming years frame the goal too.
        for text in ["某縣府期望未來 4 年平均經濟成長率達 3% 以上、失業率低於 3.5%。",
                     "某县政府期望未来 4 年平均经济增长率达 3% 以上、失业率低于 3.5%。"] {
            let spaced = goals(text, year: 2024)
            #expect(spaced.map(\.year) == [2028, 2028], "\(spaced.map { "\($0.kind) \($0.year as Any) \($0.metric)" })")
            #expect(spaced.allSatisfy { !$0.metric.contains("4") }, "\(spaced.map(\.metric))")
        }
    }

    /// The recipient an eligibility clause names ends where the giving
    /// begins; a count after verbs alone counts what the sentence counted.
    @Test func recipientsAndBareVerbs() {
        let grant = goals("《某省平台培育方案》明确，对新认定的国家级平台给予一次性奖励200万元。")
        #expect(grant.first?.metric == "国家级平台一次性奖励", "\(grant.map(\.metric))")
        let again = goals("某县今年已推动260家中小企业完成数字化改造，计划明年再推动300家。", year: 2025)
        #expect(again.map(\.kind) == [.statistic, .target])
        #expect(again.last.map { $0.metric.hasPrefix("中小企业") } == true && again.last?.year == 2026, "\(again.map(\.metric))")
    }

    /// Hong Kong's measure words name a grant's recipient (每宗申請); its
    /// 按年 reports a change where no horizon governs.
    @Test func hongKongRecipientsAndAnnualChanges() {
        #expect(goals("《某資助計劃》規定，每宗申請的資助額不多於40萬元。").first?.metric.hasPrefix("每宗申請") == true)
        #expect(goals("《某補助要點》規定，每案補助最高新臺幣60萬元。").first?.metric == "每案補助")
        #expect(goals("《某計劃》公布。數據中心的用電量按年增加近兩成。").first?.kind == .statistic)
        #expect(goals("《某計劃》提出，到2027年，數據中心的用電量按年增加近兩成。").first?.kind == .target)
    }

    /// §7: a reported figure carries the year it is of — the last year its
    /// sentence names before it, 去年 and 今年 from the issue — and a level
    /// reached by a past year (增长至2024年的…) is reported, not a target.
    @Test func reportedFiguresCarryTheirYear() {
        let cases: [(String, [Int?])] = [
            ("2024年，全省数字经济核心产业增加值达到2900亿元，同比增长7.5%。", [2024, 2024]),
            ("截至2024年底，全市累計建成5G基站2.6萬個。", [2024]),
            ("去年全市软件业务收入突破900亿元。", [2024]),
            ("全省数字经济规模由2020年的2.1万亿元增长至2024年的2.9万亿元。", [2020, 2024]),
            ("2020年以来，全省累计培育专精特新企业700家。", [nil]),
            ("《某省数字经济规划（2021—2025年）》实施以来，全省新增上云企业9000家。", [nil]),
        ]
        for (sentence, years) in cases {
            let found = goals(sentence, year: 2025)
            #expect(found.allSatisfy { $0.kind == .statistic }, "\(sentence): \(found.map { "\($0.kind)" })")
            #expect(found.map(\.year) == years, "\(sentence): \(found.map(\.year))")
        }
    }

    /// Compensation at a rate (给予…补偿) is granted like a subsidy.
    @Test func compensationIsAGrant() {
        for text in ["《某省公共数据授权运营办法》明确，按授权运营收益的15%给予数据提供单位补偿。",
                     "《某省公共數據授權運營辦法》明確，按授權運營收益的15%給予數據提供單位補償。"] {
            let found = goals(text)
            #expect(found.map(\.kind) == [.incentive] && found.first?.value == 15 && found.first?.unit == "%",
                    "\(found.map { "\($0.kind) \($0.metric)" })")
        }
    }

    // MARK: 3. Qualifiers and conditions are not goals

    @Test func aQualifierInsideTheMetricIsNotAGoal() {
        for text in ["《某市方案》提出，到2027年，营业收入超20亿元的软件企业达到35家。",
                     "《某市方案》提出，到2027年，營業收入超20億元的軟件企業達到35家。"] {
            let found = goals(text)
            #expect(found.count == 1, "\(text)")
            #expect(found.first?.value == 35)
            #expect(found.first?.unit == "家")
        }
    }

    /// Thresholds listed with 、 before the noun they qualify (首次突破1亿元、
    /// 10亿元、50亿元的企业) are all conditions, not only the last; in a
    /// metric the list stays whole.
    @Test func aListOfThresholdsQualifiesAllAlong() {
        let grants = goals("《某区办法》明确，对年营收首次突破2亿元、20亿元、80亿元的企业，分别给予60万元、120万元、240万元奖励。")
        #expect(grants.map(\.kind) == [.incentive, .incentive, .incentive], "\(grants.map { "\($0.kind) \($0.value)" })")
        #expect(grants.map(\.value) == [600_000, 1_200_000, 2_400_000])
        let counts = goals("《某市方案》提出，到2027年，营业收入超2亿元、20亿元的软件企业分别达到40家、6家。")
        #expect(counts.map(\.value) == [40, 6] && counts.allSatisfy { $0.metric.hasSuffix("软件企业") }, "\(counts.map(\.metric))")
    }

    @Test func anEligibilityConditionIsNotAGoal() {
        let found = goals("《某县若干措施》明确，对员工数50人以上的企业，给予一次性奖励10万元；对年度研发投入超过500万元的企业，按研发投入的10%给予补助。")
        #expect(found.map(\.value) == [100_000, 10])
        #expect(found.allSatisfy { $0.kind == .incentive })
    }

    // MARK: 4. Metric phrases

    @Test func metricsAreNamesNotClauseDebris() {
        for goal in goals("《某省方案》提出，到2026年底，力争全省规模以上工业企业数字化改造覆盖率达到85%以上，新建大型数据中心PUE降至1.2以下。") {
            #expect(!goal.metric.contains("到2026年"))
            #expect(!goal.metric.contains("力争") && !goal.metric.contains("以下") && !goal.metric.contains("达到"))
            #expect(goal.metric.count <= 24)
            #expect(goal.metric.first.map { !$0.isPunctuation } ?? false)
        }
        let share = goals("到2027年，全省规模以上工业战略性新兴产业增加值占规模以上工业增加值的比重超过40%。")
        #expect(share.first?.metric == "全省规模以上工业战略性新兴产业增加值占比")
    }

    /// 高达, 多达 before a figure are copulas like 达: they leave the metric.
    @Test func copulasOfDegreeLeaveTheMetric() {
        #expect(goals("全区软件和信息服务业营收高达326亿元，同比增长9.2%。").first?.metric == "全区软件和信息服务业营收")
        #expect(goals("全區軟件和信息服務業營收高達326億元，同比增長9.2%。").first?.metric == "全區軟件和信息服務業營收")
        #expect(goals("参会企业多达1200家。").first?.metric == "参会企业")
    }

    /// A part counted after 其中 by its qualifier alone (其中年营业收入超1000亿元的
    /// 2个) counts what the sentence just counted, so qualified.
    @Test func aPartAfterQiZhongKeepsTheHeadNoun() {
        for text in ["《某省方案》提出，到2027年，培育先进制造业集群12个，其中年营业收入超2000亿元的3个。",
                     "《某省方案》提出，到2027年，培育先進製造業集群12個，其中年營業收入超2000億元的3個。"] {
            let found = goals(text)
            #expect(found.map(\.value) == [12, 3])
            #expect(found.last.map { $0.metric.hasSuffix("集群") && $0.metric.contains("2000") } == true, "\(found.map(\.metric))")
        }
    }

    // MARK: 5. Traditional script

    /// Hong Kong and Taiwan quote titles in 「」: one that ends as a policy
    /// does (實施意見, 行動方案, 計畫) is a policy; a quoted slogan or scheme
    /// is not. Taiwan's 計畫 is a plan in 《》 too.
    @Test func quotedTitlesOfHongKongAndTaiwan() {
        let quoted = Self.extractor.extract(
            "某部發布「智慧製造賦能專項行動實施意見」，明確到2027年，打造80個工業高質量數據集。政府亦推出「科技券」及「強化數位韌性」。",
            issueYear: 2025)
        #expect(quoted.policies.map(\.title) == ["智慧製造賦能專項行動實施意見"])
        #expect(quoted.goals.first?.policyIndex == 0)
        let plan = Self.extractor.extract("行政院核定《數位韌性強化計畫》，到2027年完成建置備援通訊站點700處。", issueYear: 2025)
        #expect(plan.policies.map(\.title) == ["數位韌性強化計畫"])
    }

    @Test func traditionalStretchGrantsAndPolicies() {
        let text = "臺中市政府發布《臺中市智慧製造行動計劃（2025—2028年）》，到2028年，力爭培育智慧工廠120個，產業產值達到3,500億元；對通過認定的示範場域，給予最高500萬元補助。"
        let result = Self.extractor.extract(text, issueYear: 2025)
        #expect(result.policies.map(\.title) == ["臺中市智慧製造行動計劃（2025—2028年）"])
        #expect(result.policies.first?.endYear == 2028)
        #expect(result.goals.map(\.kind) == [.target, .target, .incentive])
        #expect(result.goals.map(\.stretch) == [true, false, false])
        #expect(result.goals.map(\.value) == [120, 350_000_000_000, 5_000_000])
        #expect(result.goals.first?.unit == "个")
        #expect(result.goals.last?.metric.contains("補助") == true)
    }

    // MARK: 6. Number and unit forms

    @Test func numberAndUnitForms() {
        let found = goals("""
            《某市行动方案》提出，到2027年，数字经济核心产业增加值占比超过三分之一，软件业务收入达到５﹒８６萬億元，\
            培育骨干企业1 900家，新建数据中心PUE降至1.25以下，城市网络时延控制在5毫秒以内，新增光伏装机300兆瓦，\
            开通低空航线20条，新增无人机起降800架次，智能算力达到100TOPS，推广工业机器人2000台（套）。
            """)
        #expect(found.map(\.unit) == ["%", "元", "家", nil, "毫秒", "兆瓦", "条", "架次", "TOPS", "台套"])
        #expect(found.first?.comparator == .greaterThan)
        #expect(found.dropFirst().first?.value == 5_860_000_000_000)
        #expect(found.dropFirst(2).first?.value == 1900)
        #expect(found.dropFirst(3).first?.value == Decimal(string: "1.25"))
        #expect(found.dropFirst(3).first?.comparator == .atMost)
    }

    @Test func yearsInEveryCalendarAreDatesNotQuantities() {
        #expect(goals("二○二五年，全市新增企业50家。").map(\.value) == [50])
        #expect(goals("民國114年，全市補助廠商103家。").map(\.value) == [103])
        #expect(goals("《某市方案》提出，对符合条件的项目给予1个点的贴息。").map(\.unit) == ["百分点"])
    }

    // MARK: 7. Structure: ranges, lists, stretch scope, horizons

    @Test func aRangeIsTwoGoalsOnOneMetric() {
        let found = goals("《某省方案》提出，到2027年，培育3—5家年营收超百亿元的链主企业，建设10至15个特色园区。")
        #expect(found.map(\.value) == [3, 5, 10, 15])
        #expect(found.map(\.comparator) == [.atLeast, .atMost, .atLeast, .atMost])
        #expect(found[0].metric == found[1].metric && found[0].metric.contains("链主企业"))
        #expect(found[2].metric.contains("特色园区"))
    }

    @Test func respectiveFiguresGoToTheirItems() {
        let found = goals("《某区行动计划》提出，到2027年，全区高新技术企业和科技型中小企业分别达到600家和1500家。")
        #expect(found.map(\.metric) == ["高新技术企业", "科技型中小企业"])
        #expect(found.map(\.value) == [600, 1500])
    }

    @Test func stretchCoversItsClauseOrTheSentenceItOpens() {
        let opening = goals("《某省方案》提出，力争到2027年，全省低空经济规模突破600亿元，建成起降场200个。到2030年，低空经济规模达到1200亿元。")
        #expect(opening.map(\.stretch) == [true, true, false])
        let middle = goals("《某省方案》提出，到2027年，建成5G基站8万个；争取算力规模达到20EFLOPS；光缆里程超过5000公里。")
        #expect(middle.map(\.stretch) == [false, true, false])
        let trailing = goals("到2026年，全省软件收入达到3000亿元以上、力争3500亿元，占比努力达到15%左右。")
        #expect(trailing.map(\.stretch) == [false, true, true])
    }

    @Test func horizonsOfEveryForm() {
        #expect(goals("《某市方案》提出，2026年前，建成智能工厂30个。").first?.year == 2026)
        #expect(goals("《某市方案》提出，到2025年底，建成智能工厂30个。").first?.year == 2025)
        #expect(goals("《某省规划》提出，“十五五”末，数字经济核心产业增加值占比达到15%。").first?.year == 2030)
        let relative = goals("《某市方案》提出，用三年时间，建成智能工厂30个。", year: 2025)
        #expect(relative.first?.year == 2028)
        #expect(relative.first?.yearSource == .relative)
    }

    @Test func aHorizonCarriesIntoAParagraphThatContinuesIt() {
        let text = "《某省方案》提出，到2027年，全省建成智能工厂100个。\n\n同时，培育数字化转型服务商50家。\n\n某市新建基站300个。"
        let found = goals(text)
        #expect(found.map(\.value) == [100, 50, 300])
        #expect(found.map(\.year) == [2027, 2027, nil])
    }

    @Test func relativeHorizonsOfThisYearNextYearAndComingYears() {
        let found = goals("《某市方案》提出，到今年底，建成基站500个；明年底前，新增智算中心3个。未来三年内，培育链主企业10家。", year: 2025)
        #expect(found.map(\.year) == [2025, 2026, 2028])
        #expect(found.allSatisfy { $0.yearSource == .relative })
        // 今年以来 looks back: a report, not a horizon.
        let past = goals("《某市方案》印发。今年以来，全市新增基站500个。", year: 2025)
        #expect(past.map(\.kind) == [.statistic])
        // A bare 今年 or 明年 before a goal verb or a future cue is the plan's year,
        // in news with no policy too; 今年上半年 looks back.
        let plans = goals("某区确保今年新增上云企业800家。明年建成5G基站2000个。", year: 2025)
        #expect(plans.map(\.kind) == [.target, .target])
        #expect(plans.map(\.year) == [2025, 2026] && plans.allSatisfy { $0.yearSource == .relative })
        #expect(plans.first?.metric == "上云企业")
        #expect(goals("今年上半年，全区软件业务收入增长9%。", year: 2025).map(\.kind) == [.statistic])
        // 三年内 before a goal verb counts from the issue's year; 近三年内 is a condition.
        let within = goals("《某区方案》提出，力争三年内集聚数据企业500家。", year: 2025)
        #expect(within.map(\.year) == [2028] && within.first?.metric == "数据企业" && within.first?.stretch == true)
        #expect(goals("《某区办法》规定，对近三年内无违法记录的企业给予最高50万元奖励。", year: 2025).first?.year == nil)
    }

    @Test func aPastYearOpeningASentenceIsNoHorizon() {
        let text = "2023年，全省新增智能工厂42个。"
        let found = goals(text, year: 2025)
        #expect(found.first?.kind == .statistic)
        // No horizon: the year is the report's (§7), not a target's.
        #expect(TargetExtractor().horizons(in: BodyText(text), issueYear: 2025).isEmpty)
        #expect(found.first?.year == 2023)
    }

    // MARK: 7b. Years in other forms

    /// An aim names its year without 到 or 前 (计划于2028年, 预计2027年底,
    /// 目標是2029年): a horizon, and neither the aim nor the year is part of
    /// the metric. A date of force (将于2026年3月起施行) is none.
    @Test func anAimBeforeAYearIsAHorizon() {
        let cases: [(String, Int, String)] = [
            ("某市计划于2028年建成智能算力中心6个。", 2028, "智能算力中心"),
            ("某市計劃於2028年建成智能算力中心6個。", 2028, "智能算力中心"),
            ("预计2027年底，全区工业互联网标识解析量达到30亿次。", 2027, "全区工业互联网标识解析量"),
            ("該局目標是2029年建成省級數據交易平台2個。", 2029, "省級數據交易平台"),
            ("某县拟于2027年前培育数字农业示范基地15个。", 2027, "数字农业示范基地"),
            // Hong Kong's deadline (在2030年或以前) and the object marker 把 / 將.
            ("特區政府計劃在2030年或以前把公共充電設施增至18萬個。", 2030, "公共充電設施"),
            ("某局目標在2027年或之前，將本地數據中心上架率提升至85%。", 2027, "本地數據中心上架率"),
        ]
        for (sentence, year, metric) in cases {
            let found = goals(sentence, year: 2025)
            #expect(found.count == 1 && found.first?.kind == .target, "\(sentence): \(found.map { "\($0.kind) \($0.metric)" })")
            #expect(found.first?.year == year && found.first?.yearSource == .stated, "\(sentence)")
            #expect(found.first?.metric == metric, "\(sentence): \(found.map(\.metric))")
        }
        // A date of force starts a rule: the grant stays a grant, with no year.
        let force = goals("该办法将于2026年3月起施行，对新落户的数据企业给予最高80万元奖励。", year: 2025)
        #expect(force.map(\.kind) == [.incentive] && force.first?.year == nil, "\(force.map { "\($0.kind) \($0.year as Any)" })")
        // 将 with no preposition marks an object, not an aim.
        #expect(TargetExtractor().horizons(in: BodyText("将2026年确定为数据要素应用年，新增场景40个。"), issueYear: 2025).isEmpty)
    }

    /// A year still ahead of the issue's, opening a clause, is a horizon
    /// (§7: one no later dates a report); with 起 it starts a yearly goal,
    /// which looks ahead too, in news that names no policy.
    @Test func aFutureYearOpeningAClauseIsAHorizon() {
        for text in ["2030年，全区数字经济核心产业增加值占地区生产总值比重达到18%。",
                     "2030年，全區數字經濟核心產業增加值佔地區生產總值比重達到18%。"] {
            let found = goals(text, year: 2025)
            #expect(found.first?.kind == .target && found.first?.year == 2030, "\(found.map { "\($0.kind) \($0.year as Any)" })")
        }
        // The same sentence in an issue of 2031 reports.
        #expect(goals("2030年，全区数字经济核心产业增加值占地区生产总值比重达到18%。", year: 2031).first?.kind == .statistic)
        let yearly = goals("2026年起，某区每年新增数据标注岗位1500个。", year: 2025)
        #expect(yearly.map(\.kind) == [.target] && yearly.first?.year == nil, "\(yearly.map { "\($0.kind) \($0.year as Any)" })")
        // A half year or a month names no horizon (a span names its last
        // year: spansDeadlinesAndDurations).
        for text in ["2026年上半年，全区新增5G基站800个。", "2026年3月，全区新增5G基站800个。"] {
            #expect(TargetExtractor().horizons(in: BodyText(text), issueYear: 2025).isEmpty, "\(text)")
        }
    }

    /// Taiwan's official text counts years from 1912 (民國115年 = 2026) and
    /// often leaves the calendar's name out (115年, 一一五年). Its central
    /// bodies (行政院, 國發會) place a text in Taiwan, as its cities do.
    @Test func taiwanYearsAreHorizons() {
        let cases: [(String, Int, String)] = [
            ("行政院核定，一一五年前完成設置公共充電樁4800座。", 2026, "公共充電樁"),
            ("國發會表示，預計117年數位經濟產值突破新臺幣7兆元。", 2028, "數位經濟產值"),
            ("臺中市政府預計於116年完成建置智慧路燈3萬盞。", 2027, "智慧路燈"),
            ("民國119年再生能源發電占比達25%。", 2030, "再生能源發電占比"),
        ]
        for (sentence, year, metric) in cases {
            let found = goals(sentence, year: 2025)
            #expect(found.first?.kind == .target && found.first?.year == year,
                    "\(sentence): \(found.map { "\($0.kind) \($0.metric) \($0.year as Any)" })")
            #expect(found.first?.metric == metric, "\(sentence): \(found.map(\.metric))")
            #expect(found.first?.regionCode == "710000" || !sentence.hasPrefix("行政院") && !sentence.hasPrefix("國發會"))
        }
        // A past ROC year opening a sentence reports (113年 = 2024).
        #expect(goals("國發會指出，113年全國數位經濟產值達新臺幣5.6兆元。", year: 2025).first?.kind == .statistic)
        // Outside Taiwan's text three digits and 年 are a duration, not a year.
        #expect(TargetExtractor().horizons(in: BodyText("大坝设计使用寿命延长至120年。"), issueYear: 2025).isEmpty)
        #expect(Self.extractor.regions.articleRegion(title: "立法院三讀通過數位發展條例", source: nil, body: "") == "710000")
    }

    /// §7: a plan's period (“十五五”期间, 十五五时期) is its end year, as its
    /// end (“十四五”末) is; 新建 leaves the metric like 建成.
    @Test func aPlansPeriodIsItsEndYear() {
        let cases: [(String, Int)] = [
            ("《某省数字经济发展规划》提出，“十五五”期间，全省新建5G基站4万个。", 2030),
            ("《某省數字經濟發展規劃》提出，“十五五”期間，全省新建5G基站4萬個。", 2030),
            ("《某市规划》明确，十四五时期，全市新增上云企业8000家。", 2025),
        ]
        for (sentence, year) in cases {
            let found = goals(sentence, year: 2024)
            #expect(found.first?.year == year && found.first?.kind == .target, "\(sentence)")
        }
        #expect(goals(cases[0].0, year: 2024).first?.metric == "5G基站")
        // The plan's name alone names no year.
        #expect(TargetExtractor().horizons(in: BodyText("《某省“十五五”数字经济发展规划》印发。"), issueYear: 2025).isEmpty)
    }

    /// A span of years opening a clause governs as its last year (yearly
    /// goals under it get that year); 截至 a year still ahead is a deadline;
    /// a span of time (用3年时间) leaves the metric.
    @Test func spansDeadlinesAndDurations() {
        let yearly = goals("《某省方案》提出，2026年至2028年，每年遴选工业互联网示范项目40个。", year: 2025)
        #expect(yearly.first?.kind == .target && yearly.first?.year == 2028, "\(yearly.map { "\($0.kind) \($0.year as Any)" })")
        let dashed = goals("《某省方案》提出，2026—2028年，全省每年新增规上数字企业100家。", year: 2025)
        #expect(dashed.first?.year == 2028)
        // A span already past reports; a policy's period in its title is no horizon.
        #expect(goals("2019—2023年，全省累计建成5G基站12万个。", year: 2025).first?.kind == .statistic)
        #expect(TargetExtractor().horizons(in: BodyText("《某省数据产业行动方案（2026—2028年）》印发。"), issueYear: 2025).isEmpty)
        // 截至 a future year sets a deadline; 截至 a past one dates a count.
        let ahead = goals("《某市方案》提出，截至2027年底，累计建成无人驾驶测试道路500公里。", year: 2025)
        #expect(ahead.first?.kind == .target && ahead.first?.year == 2027, "\(ahead.map { "\($0.kind) \($0.year as Any)" })")
        #expect(goals("《某市方案》印发。截至2024年底，全市累计建成测试道路320公里。", year: 2025).first?.kind == .statistic)
        let span = goals("《某省方案》提出，力争用3年时间引进数字技术人才1.2万名。", year: 2025)
        #expect(span.first?.metric == "数字技术人才" && span.first?.year == 2028, "\(span.map(\.metric))")
    }

    /// In news: an aim before this year's end (力争年底前, 确保年内) is a
    /// relative horizon; 规划建设 and 拟 state a plan; the horizon's tail
    /// and a trailing 将 leave the metric.
    @Test func newsAimsAtThisYearsEnd() {
        let late = goals("记者从市数据局获悉，下一步全市将加快建设算力设施，力争年底前智能算力规模突破6000P。", year: 2025)
        #expect(late.first?.kind == .target && late.first?.year == 2025 && late.first?.yearSource == .relative)
        #expect(late.first?.metric == "智能算力规模", "\(late.map(\.metric))")
        let planned = goals("该数据中心项目规划建设标准机柜9000个。", year: 2025)
        #expect(planned.first?.kind == .target && planned.first?.metric == "标准机柜", "\(planned.map { "\($0.kind) \($0.metric)" })")
        let end = goals("全省计划到今年底开放公共数据集1.5万个。", year: 2025)
        #expect(end.first?.metric == "开放公共数据集" || end.first?.metric == "公共数据集", "\(end.map(\.metric))")
        let forecast = goals("据预测，到2030年全国数据要素市场规模将超过4000亿元。", year: 2025)
        #expect(forecast.first?.metric == "全国数据要素市场规模", "\(forecast.map(\.metric))")
    }

    /// The quick test of a code point covers every aim word.
    @Test func everyAimWordPassesTheQuickTest() {
        for word in TargetExtractor.aimWords {
            #expect(word.unicodeScalars.first.map(TargetExtractor.mayStartAim) == true, "\(word)")
        }
    }

    /// A quoted name inside a noun phrase is part of it (专精特新“小巨人”企业);
    /// a word that only starts like an adverb keeps it (再生资源, 使用率).
    @Test func quotedNamesAndWordsLikeAdverbsStayInTheMetric() {
        let giants = goals("到2027年，某市培育50家专精特新“小巨人”企业。")
        #expect(giants.first.map { $0.metric.contains("小巨人") && $0.metric.hasSuffix("企业") } == true, "\(giants.map(\.metric))")
        let renewable = goals("到2027年，某县再生资源回收企业达到40家。")
        #expect(renewable.first?.metric == "某县再生资源回收企业" || renewable.first?.metric == "再生资源回收企业",
                "\(renewable.map(\.metric))")
    }

    // MARK: 8. Not goals at all

    @Test func durationsAndCountsOfTheTextAreNotGoals() {
        #expect(goals("《某市数字乡村三年行动方案》为期4年，共5章30条，提出15项具体措施。").isEmpty)
        #expect(goals("近日，某省印发三年行动方案，围绕6个重点领域部署了20项重点任务。").isEmpty)
    }
}
