/// Every rule of goal extraction, with its examples: sentences written for
/// this catalogue, in simplified and traditional script, each with the
/// figure the rule must decide (`decides`) or leave alone (`ignores`).
/// `ExtractionRuleTests` runs them by id; `policykb rules` prints the list.
/// Examples are data, like the word tables: the rule code holds no sentence.
public enum ExtractionRules {
    public static func rule(_ id: ExtractionRule.ID) -> ExtractionRule? {
        catalogue.first { $0.id == id }
    }

    public static let catalogue: [ExtractionRule] = context + role + kind + year + metric + subject + number

    typealias Example = ExtractionRule.Example

    // MARK: Context (DocumentContext, GoalExtractor+Tables)

    static let context: [ExtractionRule] = [
        ExtractionRule(
            id: .contextHeading, stage: .context,
            summary: "A heading line naming a goal list (主要目标) or a report of results (工作回顾, 过去五年) governs the lines under it, up to the next such heading or one numbered alike.",
            words: ["goalListLeadIns", "resultsLeadIns", "pastSpanOpener", "headingMaxLength"],
            examples: [
                Example("二、“十五五”时期主要目标\n全市研发经费投入强度达到3.5%\n数字经济核心产业增加值占比提高到15%", figure: "3.5%",
                        .decides(.target, year: 2030)),
                Example("二、2027年主要預期目標\n全市地區生產總值增長6%左右\n城鎮新增就業12萬人", figure: "6%左右",
                        .decides(.target, year: 2027)),
                Example("一、2025年工作回顧\n全省新增高新技術企業1500家\n研發投入增長9%", figure: "1500家", .decides(.statistic)),
                Example("会议审议通过了主要目标和重点任务，全年新增企业300家，比上年增加20家。", figure: "300家", .ignores),
            ]),
        ExtractionRule(
            id: .contextColonList, stage: .context,
            summary: "A clause naming a goal list and ending in a colon (主要预期目标是：) governs the rest of its paragraph; the list's year is its items' horizon.",
            words: ["goalListLeadIns", "listCopulas", "listColons", "relativeYears"],
            examples: [
                Example("今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，城镇新增就业80万人。", figure: "80万人",
                        .decides(.target, year: 2026)),
                Example("明年發展主要目標：研發投入增長8%以上，新增上市公司10家。", figure: "10家", .decides(.target, year: 2027)),
                Example("主要目标已经基本完成，全年新增就业60万人。", figure: "60万人", .ignores),
            ]),
        ExtractionRule(
            id: .contextGoesOn, stage: .context,
            summary: "A sentence naming a goal list governs the next sentence when it goes on with 其中.",
            words: ["goalListLeadIns", "goesOnOpeners"],
            examples: [
                Example("多地公布了2026年预期目标。其中，山东为5.5%左右，江苏为5%以上。", figure: "5.5%左右",
                        .decides(.target, year: 2026)),
                Example("各地陸續公布2026年主要目標。其中，廣東為5%左右。", figure: "5%左右", .decides(.target, year: 2026)),
                Example("各地陆续公布了预期目标。随后，山东发布数据显示增长5.2%。", figure: "5.2%", .ignores),
            ]),
        ExtractionRule(
            id: .contextResults, stage: .context,
            summary: "A sentence that reports results (过去五年, 一年来, 取得显著成效) governs the rest of its paragraph: its figures are statistics unless their clause looks ahead.",
            words: ["resultsLeadIns", "pastSpanOpener"],
            examples: [
                Example("过去五年，全市规上工业增加值年均增长8.1%，新增上市公司45家。", figure: "45家", .decides(.statistic)),
                Example("一年來，全省引進重大項目120個，實際利用外資增長6%。", figure: "120個", .decides(.statistic)),
                Example("过去的做法已经不适用，到2027年培育专精特新企业500家。", figure: "500家", .ignores),
            ]),
        ExtractionRule(
            id: .contextPlanReport, stage: .context,
            summary: "A paragraph opening with a report quoting a plan (报告指出, 会议提出) speaks of what the plan means to do: figures nothing reports are targets.",
            words: ["planReportLeads"],
            examples: [
                Example("报告指出，要加快建设算力枢纽，打造行业数据集50个以上。", figure: "50个以上", .decides(.target)),
                Example("會議提出，推動中小企業數位轉型，培育示範工廠30家。", figure: "30家", .decides(.target)),
                Example("报告指出，全市数字经济规模已达到1.2万亿元。", figure: "1.2万亿元", .ignores),
            ]),
        ExtractionRule(
            id: .contextTable, stage: .context,
            summary: "Lines of cells split by | or tabs form a table: each cell a goal of its row's metric, with the unit of its row or header and the year of its column.",
            words: ["cellSeparators", "tableMinLines", "unitHeaders", "metricHeaders", "nonValueHeaders", "valueHeaders"],
            examples: [
                Example("指标 | 单位 | 2024年 | 2028年目标\n算力规模 | EFLOPS | 20 | 60\n数据产业规模 | 亿元 | 500 | 1500", figure: "1500",
                        .decides(.target, year: 2028)),
                Example("指標 | 單位 | 2023年 | 2027年\n智慧工廠 | 家 | 12 | 40\n上雲企業 | 萬家 | 1.5 | 3", figure: "40",
                        .decides(.target, year: 2027)),
                Example("全年新增企业200家 | 来源：统计局", figure: "200家", .ignores),
            ]),
    ]

    // MARK: Role (GoalExtractor+Role)

    static let role: [ExtractionRule] = [
        ExtractionRule(
            id: .roleBare, stage: .role,
            summary: "A bare number with no unit or comparator, not a small ratio, reads as no measure.",
            words: [],
            examples: [
                Example("到2027年，全市发展指数达到128", figure: "128", .decides(nil)),
                Example("到2027年，全市發展指數達到128", figure: "128", .decides(nil)),
                Example("到2027年，数据中心PUE降至1.25以下", figure: "1.25以下", .ignores),
            ]),
        ExtractionRule(
            id: .roleQualifier, stage: .role,
            summary: "A figure inside what is counted (营业收入超10亿元的企业) qualifies it.",
            words: ["comparatorWords"],
            examples: [
                Example("到2027年，培育营业收入超10亿元的企业20家", figure: "超10亿元", .decides(nil)),
                Example("到2027年，培育營業收入超10億元的企業20家", figure: "超10億元", .decides(nil)),
                Example("到2027年，培育营业收入超10亿元的企业20家", figure: "20家", .ignores),
            ]),
        ExtractionRule(
            id: .roleCondition, stage: .role,
            summary: "A figure in an eligibility condition (对…超过50台的企业) sets who qualifies, not a goal.",
            words: ["conditionOpeners"],
            examples: [
                Example("对年度新增机器人超过50台的企业给予奖励", figure: "超过50台", .decides(nil)),
                Example("對年度新增機器人超過50台的企業給予獎勵", figure: "超過50台", .decides(nil)),
                Example("对认定的企业给予每家50万元奖励", figure: "50万元", .ignores),
                // A 的 phrase closing a clause opened by 对; a floor before a grant's consequence.
                Example("对新引进项目固定资产投资2000万元以上的，按投资额的8%给予补助", figure: "2000万元以上", .decides(nil)),
                Example("企业年度新增产值超过5000万元，按照每新增1000万元奖励5万元给予奖励", figure: "超过5000万元", .decides(nil)),
            ]),
        ExtractionRule(
            id: .roleApplicantTerm, stage: .role,
            summary: "What an applicant brings itself (自筹资金不低于50%) or the partners it needs (3家企业联合申报) is a term of the grant, not a goal.",
            words: ["ownContribution", "jointApplication"],
            examples: [
                Example("申报单位须以现金投入不少于项目总投资的40%，财政给予最高300万元资助", figure: "40%", .decides(nil)),
                Example("申報單位須以現金投入不少於項目總投資的40%，財政給予最高300萬元資助", figure: "40%", .decides(nil)),
                Example("鼓励3家以上企业联合申报，每个联合体最高补助150万元", figure: "3家以上", .decides(nil)),
                Example("申报单位须以现金投入不少于项目总投资的40%，财政给予最高300万元资助", figure: "最高300万元", .ignores),
            ]),
        ExtractionRule(
            id: .roleRateStep, stage: .role,
            summary: "The step a rate counts by (每新增1000万元产值奖励5万元) is no goal; the amount per step is the grant.",
            words: ["each", "stepVerbs", "rateNouns"],
            examples: [
                Example("对企业按照产值每新增1000万元奖励5万元的标准给予奖励", figure: "1000万元", .decides(nil)),
                Example("對企業按照產值每新增1000萬元獎勵5萬元的標準給予獎勵", figure: "1000萬元", .decides(nil)),
                Example("对企业按照产值每新增1000万元奖励5万元的标准给予奖励", figure: "5万元", .ignores),
            ]),
        ExtractionRule(
            id: .roleDuration, stage: .role,
            summary: "A span of time that frames a statement (通过3年左右时间, 为期4年) is no goal.",
            words: ["durationBefore", "durationAfter"],
            examples: [
                Example("通过3年左右时间，培育企业100家", figure: "3年左右", .decides(nil)),
                Example("通過3年左右時間，培育企業100家", figure: "3年左右", .decides(nil)),
                Example("通过3年左右时间，培育企业100家", figure: "100家", .ignores),
            ]),
        ExtractionRule(
            id: .roleTextCount, stage: .role,
            summary: "A count of the text's own parts (5个方面18条措施) is no goal (§8: never goals).",
            words: ["textStructureNouns", "textStructureHeads", "enumerationMarkers"],
            examples: [
                Example("方案从5个方面提出18条措施", figure: "5个", .decides(nil)),
                Example("方案從5個方面提出18條措施", figure: "18條", .decides(nil)),
                Example("大会设1个主会场、16个分会场，吸引企业参展", figure: "16个", .decides(nil)),
                Example("到2027年，新建5G基站5000个", figure: "5000个", .ignores),
            ]),
        ExtractionRule(
            id: .roleArticle, stage: .role,
            summary: "一个, 一项 before a noun is the article 'a', not a count.",
            words: [],
            examples: [
                Example("建设一个国家级平台", figure: "一个", .decides(nil)),
                Example("建設一個國家級平台", figure: "一個", .decides(nil)),
                Example("到2027年，建设3个国家级平台", figure: "3个", .ignores),
            ]),
    ]

    // MARK: Kind (GoalExtractor+Kind, ClauseScopes)

    static let kind: [ExtractionRule] = [
        ExtractionRule(
            id: .kindGoalList, stage: .kind,
            summary: "Under a goal list every figure is a target (§8), but the base of a change.",
            words: ["goalListLeadIns"],
            examples: [
                Example("主要目标：到2027年，全市工业增加值达到6000亿元，培育链主企业20家。", figure: "20家",
                        .decides(.target, year: 2027)),
                Example("主要目標：全市工業增加值達到6000億元，培育鏈主企業20家。", figure: "20家", .decides(.target)),
                Example("全市工业增加值达到6000亿元，同比增长7%。", figure: "6000亿元", .ignores),
            ]),
        ExtractionRule(
            id: .kindResults, stage: .kind,
            summary: "Under a report of results a figure is a statistic, unless its clause looks ahead.",
            words: ["resultsLeadIns", "futureCues"],
            examples: [
                Example("一、主要成效\n全市累计建成数据中心18个\n上云企业达到2.3万家", figure: "18个", .decides(.statistic)),
                Example("一、主要成效\n全市累計建成數據中心18個\n上雲企業達到2.3萬家", figure: "18個", .decides(.statistic)),
                Example("一、主要成效\n全市累计建成数据中心18个，计划再建设5个", figure: "5个", .ignores),
            ]),
        ExtractionRule(
            id: .kindPlanReport, stage: .kind,
            summary: "In a report quoting a plan (报告指出，…), a figure nothing reports is the plan's target.",
            words: ["planReportLeads"],
            examples: [
                Example("报告指出，要推进重大项目建设，实施技改项目200个以上。", figure: "200个以上", .decides(.target)),
                Example("報告指出，要推進重大項目建設，實施技改項目200個以上。", figure: "200個以上", .decides(.target)),
                Example("报告显示，全年实施技改项目200个。", figure: "200个", .ignores),
            ]),
        ExtractionRule(
            id: .kindExpectedEffect, stage: .kind,
            summary: "In news, what a programme is expected to bring about (将可带动, 可望促进) is its target (§8: a forecast of its own programme).",
            words: ["effectModals", "effectVerbs"],
            examples: [
                Example("这项补贴将可带动200家企业完成设备更新。", figure: "200家", .decides(.target)),
                Example("這項補貼將可帶動200家企業完成設備更新。", figure: "200家", .decides(.target)),
                Example("新园区可望吸引科创团队30个入驻。", figure: "30个", .decides(.target)),
                // The programme of an event is not an effect, nor is what happened.
                Example("论坛期间还将举办12场对接会。", figure: "12场", .ignores),
                Example("该计划实施以来带动200家企业完成设备更新。", figure: "200家", .ignores),
            ]),
        ExtractionRule(
            id: .kindResultEffect, stage: .kind,
            summary: "What a reported result brought about (已累计投资…，带动…) is reported too, unless the sentence looks ahead.",
            words: ["resultCues", "effectVerbs"],
            examples: [
                Example("《深圳市数字经济产业促进条例》实施以来，该基金已累计投资项目45个，带动社会资本投入120亿元。", figure: "120亿元", .decides(.statistic)),
                Example("《深圳市數字經濟產業促進條例》實施後，該基金已累計投資項目45個，帶動社會資本投入120億元。", figure: "120億元", .decides(.statistic)),
                Example("《深圳市数字经济产业促进条例》提出，到2027年累计投资项目100个，带动社会资本投入300亿元。", figure: "300亿元", .ignores),
            ]),
        ExtractionRule(
            id: .kindChangeBase, stage: .kind,
            summary: "The base of a change (由2023年的1.2万亿元) or a past year in the figure's brackets is a statistic, even under a goal list.",
            words: [],
            examples: [
                Example("主要目标：数字经济规模由2023年的1.2万亿元提高到2万亿元。", figure: "1.2万亿元", .decides(.statistic)),
                Example("主要目標：數字經濟規模由2023年的1.2萬億元提高到2萬億元。", figure: "1.2萬億元", .decides(.statistic)),
                Example("主要目标：数字经济规模由2023年的1.2万亿元提高到2万亿元。", figure: "2万亿元", .ignores),
                // The level a change starts from, with no year, is a fact too.
                Example("新规实施后，每名学员的培训补贴由3000元上调至4500元。", figure: "3000元", .decides(.statistic)),
                Example("新規實施後，每名學員的培訓補貼由3000元上調至4500元。", figure: "3000元", .decides(.statistic)),
                Example("新规实施后，每名学员的培训补贴由3000元上调至4500元。", figure: "4500元", .ignores),
            ]),
        ExtractionRule(
            id: .kindReportCue, stage: .kind,
            summary: "A report cue before the figure in its clause (已, 截至, 累计, 现有) makes it a statistic.",
            words: ["reportCues"],
            examples: [
                Example("根据《数字经济促进条例》，全市已建成5G基站3.2万个。", figure: "3.2万个", .decides(.statistic)),
                Example("根據《數字經濟促進條例》，全市已建成5G基站3.2萬個。", figure: "3.2萬個", .decides(.statistic)),
                Example("根据《数字经济促进条例》，到2027年建成5G基站5万个。", figure: "5万个", .ignores),
            ]),
        ExtractionRule(
            id: .kindNewsReportsFacts, stage: .kind,
            summary: "News that names no policy reports facts, unless a horizon, stretch or aim governs the figure.",
            words: ["aimCues"],
            examples: [
                Example("博览会签约项目120个，总投资860亿元。", figure: "120个", .decides(.statistic)),
                Example("博覽會簽約項目120個，總投資860億元。", figure: "120個", .decides(.statistic)),
                Example("博览会计划签约项目120个。", figure: "120个", .ignores),
            ]),
        ExtractionRule(
            id: .kindPastAspect, stage: .kind,
            summary: "A verb with the perfective 了 before the figure states what happened.",
            words: [],
            examples: [
                Example("《行动方案》发布后，峰会吸引了300家企业参展。", figure: "300家", .decides(.statistic)),
                Example("《行動方案》發布後，峰會吸引了300家企業參展。", figure: "300家", .decides(.statistic)),
                Example("《行动方案》提出，力争吸引300家企业参展。", figure: "300家", .ignores),
            ]),
        ExtractionRule(
            id: .kindYearOnYear, stage: .kind,
            summary: "A comparison with the year before (同比, 比上年) anywhere in the sentence makes it a report.",
            words: ["yearOnYearCues"],
            examples: [
                Example("《广东省数字经济促进条例》施行后，全省软件业务收入2600亿元，同比增长12%。", figure: "2600亿元", .decides(.statistic)),
                Example("《廣東省數字經濟促進條例》施行後，全省軟件業務收入2600億元，同比增長12%。", figure: "2600億元", .decides(.statistic)),
                Example("《广东省数字经济促进条例》提出，到2027年软件业务收入达到4000亿元。", figure: "4000亿元", .ignores),
            ]),
        ExtractionRule(
            id: .kindAnnualChange, stage: .kind,
            summary: "Hong Kong's year-on-year change (按年增长) reports, where no horizon governs.",
            words: ["annualChangeCues"],
            examples: [
                Example("根据《香港新型工业化发展规划》，本港出口货值20000亿元，按年增长8%。", figure: "20000亿元", .decides(.statistic)),
                Example("根據《香港新型工業化發展規劃》，本港出口貨值20000億元，按年增長8%。", figure: "20000億元", .decides(.statistic)),
                Example("根據《香港新型工業化發展規劃》，到2027年出口貨值按年增長8%。", figure: "8%", .ignores),
            ]),
        ExtractionRule(
            id: .kindStateVerb, stage: .kind,
            summary: "A verb of possession (拥有) or a share of a total (占…总数98%) with no horizon or aim over it states what is.",
            words: ["stateVerbs", "shareOf", "shareChangeVerbs"],
            examples: [
                Example("《某市民营经济促进条例》指出，民营企业占全市企业总数95%以上。", figure: "95%以上", .decides(.statistic)),
                Example("《某市民营经济促进条例》提出，民营企业占比提高到95%以上。", figure: "95%以上", .ignores),
                Example("《深圳市数字经济发展规划》指出，全市拥有国家级专精特新企业86家。", figure: "86家", .decides(.statistic)),
                Example("《深圳市數字經濟發展規劃》指出，全市擁有國家級專精特新企業86家。", figure: "86家", .decides(.statistic)),
                Example("《深圳市数字经济发展规划》提出，到2027年全市拥有国家级专精特新企业120家。", figure: "120家", .ignores),
            ]),
        ExtractionRule(
            id: .kindSentenceReport, stage: .kind,
            summary: "截至 or 据统计 earlier in the sentence dates a report, unless its year is still ahead.",
            words: ["sentenceReportCues"],
            examples: [
                Example("截至今年6月，《杭州市算力基础设施建设方案》落地项目中，数据中心达到25个。", figure: "25个", .decides(.statistic)),
                Example("截至今年6月，《杭州市算力基礎設施建設方案》落地項目中，數據中心達到25個。", figure: "25個", .decides(.statistic)),
                Example("截至2030年底，《杭州市算力基础设施建设方案》提出建成数据中心25个。", figure: "25个", .ignores),
            ]),
        ExtractionRule(
            id: .kindPastYearOpening, stage: .kind,
            summary: "A sentence that opens with a year no later than the issue's reports that year.",
            words: ["reportingVerbs"],
            examples: [
                Example("2024年，《行动计划》推动新增独角兽企业5家。", figure: "5家", .decides(.statistic)),
                Example("2024年，《行動計畫》推動新增獨角獸企業5家。", figure: "5家", .decides(.statistic)),
                Example("2028年，《行动计划》推动新增独角兽企业5家。", figure: "5家", .ignores),
            ]),
        ExtractionRule(
            id: .kindPastYearVerb, stage: .kind,
            summary: "A year before the issue's just before the figure's verb (规模2024年突破480亿元) dates a report.",
            words: ["completiveVerbs", "yearPrepositions", "yearSpanTails", "yearEndMarks"],
            examples: [
                Example("依据《东莞市智能终端产业发展规划》，智能终端产值2024年突破900亿元。", figure: "突破900亿元", .decides(.statistic)),
                Example("依據《東莞市智慧終端產業發展規劃》，智慧終端產值2024年突破900億元。", figure: "突破900億元", .decides(.statistic)),
                Example("依据《东莞市智能终端产业发展规划》，智能终端产值2028年突破900亿元。", figure: "突破900亿元", .ignores),
            ]),
        ExtractionRule(
            id: .kindPastYearNews, stage: .kind,
            summary: "In news, a past year named before the figure dates what is reported, money a scheme paid included; a cap or 给予 still grants.",
            words: ["yearSpanTails", "entitlementVerbs", "capWords"],
            examples: [
                Example("区科技局介绍，创新券在2024年共兑付补贴资金1260万元。", figure: "1260万元", .decides(.statistic)),
                Example("區科技局介紹，創新券在2024年共兌付補貼資金1260萬元。", figure: "1260萬元", .decides(.statistic)),
                Example("区科技局介绍，创新券自2024年起给予每家企业最高补贴50万元。", figure: "最高补贴50万元", .ignores),
            ]),
        ExtractionRule(
            id: .kindGoesOnReport, stage: .kind,
            summary: "A sentence going on with 其中 from one that reports reports too.",
            words: ["sentenceReportCues"],
            examples: [
                Example("2024年，《苏州市数字经济发展方案》带动数字经济增加值5000亿元。其中，核心产业增加值1800亿元。", figure: "1800亿元",
                        .decides(.statistic)),
                Example("2024年，《蘇州市數字經濟發展方案》帶動數字經濟增加值5000億元。其中，核心產業增加值1800億元。", figure: "1800億元",
                        .decides(.statistic)),
                Example("《苏州市数字经济发展方案》提出，到2027年数字经济增加值8000亿元。其中，核心产业增加值3000亿元。", figure: "3000亿元", .ignores),
            ]),
        ExtractionRule(
            id: .kindGrant, stage: .kind,
            summary: "Money or a rate next to a grant noun (奖励, 补贴, 资助, 券) that the text gives is an incentive.",
            words: ["grantNouns", "grantVerbs", "givingVerbs", "capWords", "rateBaseMarkers"],
            examples: [
                Example("《若干措施》明确，对认定的示范工厂给予一次性奖励200万元。", figure: "200万元", .decides(.incentive)),
                Example("《若干措施》明確，對認定的示範工廠給予一次性獎勵200萬元。", figure: "200萬元", .decides(.incentive)),
                Example("《若干措施》提出，到2027年软件收入达到200亿元。", figure: "200亿元", .ignores),
                // Money levered from others is no grant, though the sentence names one.
                Example("《补助计划》实施后，预计带动企业投资额达到9亿元。", figure: "9亿元", .ignores),
            ]),
        ExtractionRule(
            id: .kindFundSetUp, stage: .kind,
            summary: "A pool the policy sets up or sets aside (设立50亿元基金, 安排资金15亿元) is an incentive; a scale still to reach (不低于300亿元规模) is not.",
            words: ["poolVerbs", "fundNouns"],
            examples: [
                Example("市政府设立50亿元产业引导基金。", figure: "50亿元", .decides(.incentive)),
                Example("市政府設立50億元產業引導基金。", figure: "50億元", .decides(.incentive)),
                Example("《方案》提出，组建不低于300亿元规模的基金群。", figure: "不低于300亿元", .ignores),
            ]),
        ExtractionRule(
            id: .kindPayment, stage: .kind,
            summary: "Money handed to each person or household (向每名居民派发5000元) is an incentive.",
            words: ["paymentVerbs", "personRecipients"],
            examples: [
                Example("政府将向每名合资格居民派发5000元。", figure: "5000元", .decides(.incentive)),
                Example("政府將向每名合資格居民派發5000元。", figure: "5000元", .decides(.incentive)),
                Example("全市居民人均可支配收入达到5000元。", figure: "5000元", .ignores),
            ]),
        ExtractionRule(
            id: .kindTaxRelief, stage: .kind,
            summary: "A tax relief rate (加计扣除比例提高到120%) is an incentive in %.",
            words: ["taxReliefNouns"],
            examples: [
                Example("将研发费用加计扣除比例提高到120%。", figure: "120%", .decides(.incentive)),
                Example("將研發費用加計扣除比例提高到120%。", figure: "120%", .decides(.incentive)),
                Example("《规划》提出，到2027年研发投入强度提高到3%。", figure: "3%", .ignores),
            ]),
        ExtractionRule(
            id: .kindHorizon, stage: .kind,
            summary: "A figure a horizon governs (到2027年，…) that nothing reports or grants is a target.",
            words: ["aimCues"],
            examples: [
                Example("到2027年，培育核心企业不少于50家。", figure: "不少于50家", .decides(.target, year: 2027)),
                Example("到2027年，培育核心企業不少於50家。", figure: "不少於50家", .decides(.target, year: 2027)),
                Example("2024年，《成都市数据产业培育方案》推动培育核心企业50家。", figure: "50家", .ignores),
            ]),
        ExtractionRule(
            id: .kindDefaultTarget, stage: .kind,
            summary: "In a policy's text a figure that nothing reports, grants or dates is a target.",
            words: [],
            examples: [
                Example("《成都市数据产业培育方案》提出，培育核心企业50家。", figure: "50家", .decides(.target)),
                Example("《成都市數據產業培育方案》提出，培育核心企業50家。", figure: "50家", .decides(.target)),
                Example("《成都市数据产业培育方案》实施以来，已培育核心企业50家。", figure: "50家", .ignores),
            ]),
        ExtractionRule(
            id: .kindTableLaterYear, stage: .kind,
            summary: "A table cell in a column of a year after the issue's, or headed as a goal, is a target for that year.",
            words: ["goalHeaders"],
            examples: [
                Example("指标 | 单位 | 2024年 | 2028年\n算力规模 | EFLOPS | 20 | 60\n数据产业规模 | 亿元 | 500 | 1500", figure: "60",
                        .decides(.target, year: 2028)),
                Example("指標 | 單位 | 2024年 | 2028年\n算力規模 | EFLOPS | 20 | 60\n數據產業規模 | 億元 | 500 | 1500", figure: "60",
                        .decides(.target, year: 2028)),
                Example("指标 | 单位 | 2024年 | 2028年\n算力规模 | EFLOPS | 20 | 60\n数据产业规模 | 亿元 | 500 | 1500", figure: "20",
                        .ignores),
            ]),
        ExtractionRule(
            id: .kindTableBaseYear, stage: .kind,
            summary: "A table cell in a column of the issue's year or before, or with no year and no goal word, is a statistic.",
            words: ["valueHeaders", "changeHeaderWords"],
            examples: [
                Example("指标 | 单位 | 2024年 | 2028年\n算力规模 | EFLOPS | 20 | 60\n数据产业规模 | 亿元 | 500 | 1500", figure: "500",
                        .decides(.statistic)),
                Example("指標名稱 | 單位 | 本月底到達 | 同比增長（%）\n電信業務收入 | 億元 | 325.8 | 2.1\n互聯網業務收入 | 億元 | 517.4 | 8.7",
                        figure: "517.4", .decides(.statistic)),
                Example("指标 | 单位 | 2024年 | 2028年\n算力规模 | EFLOPS | 20 | 60\n数据产业规模 | 亿元 | 500 | 1500", figure: "1500",
                        .ignores),
            ]),
    ]

    // MARK: Year

    static let year: [ExtractionRule] = [
        ExtractionRule(
            id: .yearHorizon, stage: .year,
            summary: "A target's year is the horizon that governs it (到2028年, 展望2035年, 力争在2027年).",
            words: ["aimCues"],
            examples: [
                Example("到2028年，新增智能算力10EFLOPS。", figure: "10EFLOPS", .decides(.target, year: 2028)),
                Example("到2028年，新增智慧算力10EFLOPS，擴大數據中心規模。", figure: "10EFLOPS", .decides(.target, year: 2028)),
                Example("主要目标：新增智能算力10EFLOPS。", figure: "10EFLOPS", .ignores),
            ]),
        ExtractionRule(
            id: .yearGoalList, stage: .year,
            summary: "A goal list's year (2026年主要预期目标, 今年, “十五五”) is its items' horizon, unless a nearer one of their own governs.",
            words: ["relativeYears"],
            examples: [
                Example("2026年主要预期目标：粮食产量稳定在600万吨以上。", figure: "600万吨以上", .decides(.target, year: 2026)),
                Example("2026年主要預期目標：糧食產量穩定在600萬噸以上。", figure: "600萬噸以上", .decides(.target, year: 2026)),
                Example("2026年主要预期目标：到2030年粮食产量稳定在600万吨以上。", figure: "600万吨以上", .ignores),
            ]),
        ExtractionRule(
            id: .yearPolicyPeriod, stage: .year,
            summary: "With no horizon, a target's year is the end of its policy's period (《2025—2027年行动计划》).",
            words: [],
            examples: [
                Example("《数据产业发展行动计划（2025—2027年）》提出，培育数据企业300家。", figure: "300家",
                        .decides(.target, year: 2027)),
                Example("《數據產業發展行動計畫（2025—2027年）》提出，培育數據企業300家。", figure: "300家",
                        .decides(.target, year: 2027)),
                Example("《数据产业发展行动计划（2025—2027年）》提出，到2026年培育数据企业300家。", figure: "300家", .ignores),
            ]),
        ExtractionRule(
            id: .yearOfReport, stage: .year,
            summary: "A statistic carries the year its sentence names before it (2024年，…; 截至2024年底).",
            words: [],
            examples: [
                Example("2024年，全市新增科技型企业300家。", figure: "300家", .decides(.statistic, year: 2024)),
                Example("2024年，全市新增科技型企業300家。", figure: "300家", .decides(.statistic, year: 2024)),
                Example("全市已新增科技型企业300家。", figure: "300家", .ignores),
            ]),
    ]

    // MARK: Metric (GoalExtractor+Metric)

    static let metric: [ExtractionRule] = [
        ExtractionRule(
            id: .metricNamedBefore, stage: .metric,
            summary: "What a figure counts is the noun phrase before it, without the verbs that open its clause or the copulas and comparators that end it.",
            words: ["leadingWords", "trailingWords", "comparatorWords"],
            examples: [
                Example("到2027年，核心产业规模达到5000亿元。", figure: "5000亿元", .decides(.target, year: 2027)),
                Example("到2027年，核心產業規模達到5000億元。", figure: "5000億元", .decides(.target, year: 2027)),
                Example("到2027年，攻克100项关键技术。", figure: "100项", .ignores),
            ]),
        ExtractionRule(
            id: .metricNamedAfter, stage: .metric,
            summary: "After a classifier (100项关键技术) or a verb that names the thing after its amount (带动100亿元投资), what is counted follows the figure.",
            words: ["verbsBeforeAmount", "phraseStops"],
            examples: [
                Example("到2027年，攻克100项关键技术。", figure: "100项", .decides(.target, year: 2027)),
                Example("到2027年，攻克100項關鍵技術。", figure: "100項", .decides(.target, year: 2027)),
                Example("到2027年，核心产业规模达到5000亿元。", figure: "5000亿元", .ignores),
            ]),
        ExtractionRule(
            id: .metricLevelAfterChange, stage: .metric,
            summary: "The level a change reaches (从1.2万亿元增加到2万亿元) counts what its start counted.",
            words: ["changeToVerbs"],
            examples: [
                Example("《全市数字经济发展规划》提出，数字经济规模从1.2万亿元增加到2万亿元。", figure: "2万亿元", .decides(.target)),
                Example("《全市數字經濟發展規劃》提出，數字經濟規模從1.2萬億元增加到2萬億元。", figure: "2萬億元", .decides(.target)),
                Example("《全市数字经济发展规划》提出，数字经济规模从1.2万亿元增加到2万亿元。", figure: "1.2万亿元", .ignores),
            ]),
        ExtractionRule(
            id: .metricRespective, stage: .metric,
            summary: "分别 spreads the figures over the items of its subject in order (A和B分别超过900家和300家).",
            words: ["GrammarWords.respectively"],
            examples: [
                Example("到2027年，高新技术企业和专精特新企业分别超过900家和300家。", figure: "300家", .decides(.target, year: 2027)),
                Example("到2027年，高新技術企業和專精特新企業分別超過900家和300家。", figure: "300家", .decides(.target, year: 2027)),
                Example("到2027年，高新技术企业超过900家。", figure: "超过900家", .ignores),
            ]),
        ExtractionRule(
            id: .metricPartOf, stage: .metric,
            summary: "A part counted after 其中 by its qualifier (其中年营业收入超1000亿元的2个) counts that part of what the sentence just counted.",
            words: ["MetricWords.among"],
            examples: [
                Example("到2027年，培育特色产业集群10个，其中年营业收入超1000亿元的2个。", figure: "2个", .decides(.target, year: 2027)),
                Example("到2027年，培育特色產業集群10個，其中年營業收入超1000億元的2個。", figure: "2個", .decides(.target, year: 2027)),
                Example("到2027年，培育特色产业集群10个，其中年营业收入超1000亿元的2个。", figure: "10个", .ignores),
            ]),
        ExtractionRule(
            id: .metricCarried, stage: .metric,
            summary: "A figure with nothing named around it counts what the sentence counted before it (达8000亿元以上、力争1万亿元).",
            words: ["changeWords"],
            examples: [
                Example("到2027年，软件业务收入达8000亿元以上、力争1万亿元。", figure: "1万亿元", .decides(.target, year: 2027)),
                Example("到2027年，軟件業務收入達8000億元以上、力爭1萬億元。", figure: "1萬億元", .decides(.target, year: 2027)),
                Example("到2027年，软件业务收入达8000亿元以上、力争1万亿元。", figure: "8000亿元以上", .ignores),
            ]),
        ExtractionRule(
            id: .metricGrantNamed, stage: .metric,
            summary: "An incentive's metric names the grant with whom or what it is for (示范工厂一次性奖励), not the grant alone.",
            words: ["grantNouns", "recipientMarkers", "conditionOpeners"],
            examples: [
                Example("《若干措施》明确，对认定的示范工厂给予一次性奖励200万元。", figure: "200万元", .decides(.incentive)),
                Example("《若干措施》明確，對認定的示範工廠給予一次性獎勵200萬元。", figure: "200萬元", .decides(.incentive)),
                Example("到2027年，核心产业规模达到5000亿元。", figure: "5000亿元", .ignores),
            ]),
        ExtractionRule(
            id: .metricChangeOf, stage: .metric,
            summary: "A change word alone (同比增长12%) names the change of what the sentence just counted.",
            words: ["changeWords"],
            examples: [
                Example("全年软件业务收入2600亿元，同比增长12%。", figure: "12%", .decides(.statistic)),
                Example("全年軟件業務收入2600億元，同比增長12%。", figure: "12%", .decides(.statistic)),
                Example("全年软件业务收入2600亿元，同比增长12%。", figure: "2600亿元", .ignores),
            ]),
    ]

    // MARK: Subject

    static let subject: [ExtractionRule] = [
        ExtractionRule(
            id: .subjectSharedFigure, stage: .subject,
            summary: "One figure shared by several regions (北京、河南均为5%左右) is one goal per region, each with its region's code.",
            words: ["distributiveMarkers", "subjectJoiners", "regionNameMaxLength"],
            examples: [
                Example("已公布2026年经济增长预期目标。其中，北京、河南均为5%左右。", figure: "5%左右", .decides(.target, year: 2026)),
                Example("已公布2026年經濟增長預期目標。其中，北京、河南均為5%左右。", figure: "5%左右", .decides(.target, year: 2026)),
                Example("已公布2026年经济增长预期目标。其中，河南为5%左右。", figure: "5%左右", .ignores),
            ]),
    ]

    // MARK: Number (PolicyNumbers)

    static let number: [ExtractionRule] = [
        ExtractionRule(
            id: .numberInTitle, stage: .number,
            summary: "A number inside a title 《…》 names the text (《数据二十条》), not a quantity; a title broken over lines is caught later (role).",
            words: ["QuantityScanner title traps"],
            examples: [
                Example("《推动产业升级10项措施》正式发布", figure: "10项", .decides(nil)),
                Example("《推動產業升級10項措施》正式發布", figure: "10項", .decides(nil)),
                Example("《若干措施》提出，培育企业100家。", figure: "100家", .ignores),
            ]),
        ExtractionRule(
            id: .numberNumeralInsideWord, stage: .number,
            summary: "Chinese numerals inside a word or name (长三角, 一带一路, 三农) are no quantity: the scanner reads none there.",
            words: ["QuantityScanner numeral-inside-word tables"],
            examples: [
                Example("推进长三角一体化发展，打造区域协同示范区", figure: "三", .decides(nil)),
                Example("推進長三角一體化發展，打造區域協同示範區", figure: "三", .decides(nil)),
                Example("建设三个区域数据中心", figure: "三个", .ignores),
            ]),
    ]
}
