/// The word tables extraction reads Chinese policy text with, each named for
/// the job it does. Written in simplified script: they are matched against
/// folded text (`BodyText.scalars`), so traditional text reads the same.
/// `Docs/EXTRACTION-RULES.md` says how the stages use them. The other
/// concerns' tables stand in `Extraction/Words/` (HorizonWords, YearWords,
/// PolicyWords, ScopeWords, MetricWords, RoleWords, IncentiveWords,
/// CurrencyWords, GrammarWords); rule code holds no Chinese literal
/// (`WordTableTests`).
enum ExtractionWords {
    /// Nouns of a grant: a figure next to one is money or a rate a policy gives.
    static let grantNouns = ["保费补贴", "贷款贴息", "贴息", "奖补", "补贴", "补助", "奖励", "资助", "扶持资金", "资金支持",
                             "券", "奖金", "配套资金", "配套", "支持金额", "支持资金", "予以支持", "给予支持", "一次性支持",
                             "专项资金", "扶持", "拨款", "补偿", "津贴", "经费支持", "建设支持",
                             // Benefits paid to people: 敬老金1万元, 养老金3900元.
                             "敬老金", "养老金", "生活补贴"]
    /// Verbs that grant what follows them (给予20万元奖励, 按…的30%予以补助).
    static let grantVerbs = ["给予", "予以", "奖励", "补助", "补贴", "资助", "发放", "安排", "可获", "获得"]
    /// Verbs that give money to someone (not nouns of a grant): 给予, 可获.
    /// Verbs that set aside a scheme's pool (安排3亿元专项资金, 撥款20億元)
    /// count too: the pool is granted (§7), in news as in the policy.
    static let givingVerbs = ["给予", "予以", "可获", "获得", "发放", "奖励", "补助", "安排", "拨款", "下达", "派发"]
    /// Caps that may stand apart from the rate they bound (按不超过合同金额的20%).
    static let capWords = ["不超过", "最高", "上限", "最多"]
    /// Verbs that hand a grant to whoever qualifies (给予, 可获): the grant is offered, not reported.
    static let entitlementVerbs = ["给予", "予以", "可获", "可申请", "可享受", "可享"]
    /// Recipients a grant is counted per: 每家企业, 单个服务商.
    static let recipientMarkers = ["每家", "每个", "每项", "每户", "每人", "每台", "每条", "每座", "单个", "单家", "单项", "单户",
                                    // Hong Kong's and Taiwan's measure words: 每宗申請, 每間企業, 每名學員.
                                    "每宗", "每间", "每名", "每位", "每所", "每件", "每案"]
    /// Words before a rate that name its base: 按合同金额的20%.
    static let rateBaseMarkers = ["按照", "按其", "按"]
    /// Words that open an eligibility condition: 对…的企业, 凡…的项目.
    static let conditionOpeners = ["对于", "对", "凡", "针对"]

    /// Cues in a figure's clause that it reports what is already true.
    static let reportCues = ["已累计", "已经", "已", "截至", "截止", "共有", "现有", "同比", "目前", "据统计", "占全国", "比上年",
                             "较上年", "实际完成", "以来", "年来"]
    /// Cues that make a whole sentence a report, wherever the figure stands.
    static let sentenceReportCues = ["截至", "截止", "据统计", "以来", "目前"]
    /// Comparisons with the year before: only a report states them, so they
    /// make their whole sentence one, before or after the figure
    /// (…达5600亿元，同比增长9.6%).
    static let yearOnYearCues = ["同比", "环比", "比上年", "较上年", "比去年", "较去年", "上年同期", "去年同期"]
    /// Hong Kong writes a year-on-year change 按年; under a horizon the same
    /// words set a yearly rate, so they report only where none governs.
    static let annualChangeCues = ["按年增", "按年上升", "按年下降", "按年下跌", "按年减少"]
    /// Verbs of possession: with no horizon over them they state what is
    /// (全市拥有…企业86家), not what is to be reached.
    static let stateVerbs = ["拥有"]
    /// 占 before a share of a total (占企业总数98%以上) states what is, unless a verb of
    /// change or reaching stands between (占比提高到, 占…达到).
    static let shareOf = "占"
    static let shareChangeVerbs = HorizonWords.reachVerbs + changeToVerbs + ["提高", "提升", "增加", "增长", "超过", "力争", "要"]
    /// Words that open a clause's subject as a scope (全市, 该平台, 我省,
    /// 各地): a short subject they open, followed by a verb, is not part of
    /// what is counted (全省建成5G基站 → 5G基站).
    static let scopeDeterminers: Set<Unicode.Scalar> = ["全", "该", "我", "本", "各", "其"]
    /// The verbs such a scope subject is followed by (not conjunctions: 全省
    /// 软件和信息技术服务业 is one name).
    static let scopeSubjectVerbs = goalVerbs + stateVerbs + ["汇聚", "聚集", "集聚", "累计", "完成", "实现", "推出", "开通",
                                                             "上线", "现有", "共有", "已建成", "累计建成"]
    /// Verbs that introduce what a report, a survey or an official says
    /// (《报告》显示，2024年…): they may stand before a sentence's past year.
    static let reportingVerbs = ["显示", "表明", "介绍", "统计", "悉", "透露", "数据", "测算"]
    /// The one aim-word list: words that state a figure is meant, not yet
    /// reached. Every list of aims is built on it: the future cues and aim
    /// cues below, and the aims before a year (`HorizonWords.aimsBeforeYear`).
    /// What each adds is its own job's; widening the base to one of them
    /// would change what the others read.
    static let aimWords = ["力争", "争取", "计划", "目标", "确保", "预计"]
    /// Cues in a clause that it looks ahead: they keep a figure a target even
    /// in a sentence that opens with a past year. 将 (but 将近) and 有望 look
    /// ahead too; 到20 is a horizon's start.
    static let futureCues = ["到20"] + aimWords + ["将", "有望"]
    /// Modals that put what follows in the future as a likely outcome (将可
    /// 带动, 可望促进), and the verbs of an effect a programme brings about:
    /// together they forecast the programme's result (`kind.expected-effect`).
    /// 将 alone is not among them: 还将举办 announces an event's programme.
    static let effectModals = ["将可", "将能", "将会", "可望", "预期将", "预计将"]
    static let effectVerbs = ["带动", "促进", "推动", "拉动", "吸引", "撬动", "惠及", "带来", "创造", "助力", "协助", "帮助",
                              "辅导", "促成"]
    /// Cues in an earlier clause that it reports a result, whose effects the
    /// clauses after it report too (`kind.result-effect`).
    static let resultCues = ["已累计", "累计已", "已经", "已"]
    /// Cues that a figure is an aim even in news that names no policy: 拟 and
    /// 规划建设 announce a plan; 将 alone does not (大会期间还将举办12场论坛).
    static let aimCues = aimWords + ["拟", "规划建设"]
    /// Stretch markers (§7): an aspirational figure. Kept apart from the aim
    /// words: 计划 and 确保 are aims without stretch, 努力 a stretch that is
    /// no aim before a year; the order is the order metric hygiene cuts in.
    static let stretchMarkers = ["力争", "争取", "力求", "努力"]

    /// Nouns that show a count describes the text itself, not a goal.
    static let textStructureNouns = ["方面", "部分", "维度", "环节", "任务", "重点任务", "举措", "具体举措", "措施", "条款",
                                     "政策", "文件", "份", "行动计划", "方向", "关键", "专家", "章", "原则", "板块",
                                     "问题", "个政策", "位", "领域", "工程", "行动"]
    /// Of those, the ones that mark a structural count even with more words
    /// after them (四个大方面展开, 6项重点任务).
    static let textStructureHeads = ["方面", "大方面", "部分", "维度", "环节", "重点任务", "具体举措", "板块", "条支持措施",
                                     "条措施", "项措施", "项具体任务", "领域", "大领域",
                                     // Sessions and venues (§8: never goals): 四次会议, 16个分会场.
                                     "会议", "全会", "全体会议", "会场", "分会场", "主会场"]
    /// Verbs that lever money from others (带动投资额达9亿元, 撬动社会资本):
    /// what they bring in is no grant, whatever grant the sentence names.
    static let leverageVerbs = ["带动", "撬动", "拉动", "吸引", "引导", "促进"]
    /// Words before a count that show it lists or describes the text.
    static let enumerationMarkers = ["等", "包括", "涵盖", "分为", "部署了", "部署", "从", "围绕", "由", "共", "分别"]
    /// Words around a span of time that make it frame a statement (通过2年左右时间, 为期4年).
    static let durationAfter = ["时间", "内", "来", "前", "后", "间", "期", "的努力"]
    static let durationBefore = ["通过", "用", "历时", "经过", "未来", "过去", "近", "连续", "今后", "为期", "期限", "有效期"]

    /// Verbs and adverbs that open a clause but are not part of what is counted.
    static let leadingWords = [
        "新增培育", "累计培育", "累计支持", "累计", "新增", "培育", "打造", "建成", "建设", "形成", "推出", "实现", "集聚",
        "支撑", "产出", "突破", "达到", "力争", "争取", "力求", "努力", "预计", "预期", "进一步", "率先", "持续", "推动", "引进",
        "带动", "吸引", "部署", "开展", "完成", "新建", "建立", "组建", "认定", "遴选", "扶持", "服务", "覆盖", "发展",
        "建置", "布建", "设置", "其中", "同时", "此外", "并", "且", "和", "及", "全面", "加快", "大力", "着力", "保持在", "保持", "分别", "确保",
        "使", "把", "将", "规划建设", "推广应用", "推广", "开通", "完成", "再", "已累计", "已经", "已", "拥有", "汇聚", "聚集", "现有", "共有", "今年", "明年",
    ]
    /// Words that begin with a one-character leading word but are nouns or
    /// verbs of their own (再生能源, 使用率, 并购基金): the word stays.
    static let wordsStartingLikeLeading = ["再生", "再制造", "再保险", "使用", "并购", "并网", "及时", "和谐", "服务器", "服务业",
                                           "服务贸易", "发展指数", "建设用地", "形成率"]
    /// A time clause inside the phrase before a figure (项目建成后年产值可达):
    /// what is counted starts after it.
    static let timeClauseEnds = ["建成后", "投产后", "达产后", "运营后", "实施后", "完成后"]
    /// Metrics that name a change, not a thing: the thing is the one the
    /// sentence just counted (规模达到3000亿元，持续保持10%以上增长).
    static let changeWords: Set<String> = ["增长", "增速", "增长率", "年均增长", "年均增速", "年增长", "同比增长", "同比下降",
                                           "同比增速", "比上年增长", "比上年下降", "比上年同期增长", "比上年同期下降",
                                           "按年增长", "按年下降"]
    /// Copulas and comparators that end the text before a number.
    static let trailingWords = ["保持在", "稳定在", "控制在", "提高到", "提升至", "提升到", "增长到", "增至", "达到", "达",
                                "突破", "超过", "超", "过", "为", "至", "在", "不少于", "不低于", "不超过", "不高于", "低于",
                                "小于", "约为", "约", "近", "的", "率先", "总计", "合计", "累计", "共计", "降至", "降到",
                                "降低到", "提高", "迈上", "达成", "努力", "力争", "争取", "原则上", "平均", "最高", "最多",
                                "按", "了", "已达", "已经", "已", "均", "由", "从", "完成", "实现", "可达", "可达到",
                                "将达", "将达到", "有望达到", "录得", "分别", "高达", "多达", "长达", "约达", "将", "将会", "有望", "预计"]
    /// Where a phrase after a number stops: verbs that start the rest of the
    /// clause.
    static let phraseStops = ["开展", "进行", "实现", "推动", "提升", "参与", "投入", "提供", "给予", "予以", "规模落地",
                              "落地", "入驻", "上线", "加入", "签约", "覆盖", "以上", "左右", "用于", "参展"]
    /// Vague counts: 一批百亿级产业集群 names no number of clusters.
    static let vagueCounts = ["一批", "若干", "一系列", "多个", "一些", "数个"]
    /// Verbs that open a clause setting a goal (新增…等10家).
    static let goalVerbs = ["新增", "培育", "打造", "建成", "建设", "引进", "引育", "认定", "创建", "培养", "形成", "布局",
                            "建置", "布建", "新建"]
    /// Verbs before an amount that show the thing is named after it (撬动2000亿欧元投资).
    /// A pool set up (设立100亿元基金, 编列九亿元预算) is named after its figure too.
    static let verbsBeforeAmount = ["撬动", "带动", "拉动", "吸引", "新增", "完成", "投入", "募集", "创造"] + poolVerbs
    /// Where a clause's subject ends: its first verb or preposition.
    static let subjectEnds = ["在", "实现", "达到", "达", "分别", "超过", "突破", "为", "占", "提高", "提升", "增长", "保持",
                              "力争", "争取", "将", "要", "年均", "比", "较", "同比", "均"]
    /// Words a metric never holds (metric hygiene): comparators, stretch
    /// markers; they are cut from the ends of a phrase.
    static let comparatorWords = ["不少于", "不低于", "不超过", "不高于", "以上", "以下", "以内", "超过", "左右", "至少", "最高",
                                  "最多", "突破", "达到"]

    // MARK: The document as context (DocumentContext)

    /// Names of a list of goals: the figures under them are targets (§8).
    static let goalListLeadIns = ["主要预期目标", "预期目标", "主要目标", "主要指标", "发展目标", "总体目标", "具体目标",
                                  "目标任务", "工作目标", "发展指标", "预期性指标", "约束性指标"]
    /// Lead-ins of a report of results: the figures under them are statistics (§8).
    static let resultsLeadIns = ["工作回顾", "主要成效", "工作成效", "取得成效", "取得显著成效", "取得明显成效", "成效显著",
                                 "工作进展", "进展情况", "完成情况", "主要成绩", "运行情况", "发展情况", "一年来", "五年来",
                                 "年多来", "回顾过去"]
    /// 过去 before a span of years (过去5年, 过去五年) opens a report of it.
    static let pastSpanOpener = "过去"
    static let yearCharacter = YearWords.year
    /// A report quoting a plan (报告指出，…): the paragraph says what the plan means to do.
    static let planReportLeads = ["报告指出", "报告提出", "报告强调", "报告要求", "会议指出", "会议提出", "会议强调",
                                  "会议要求", "会议部署", "报告部署"]
    /// 目标是： — the copula between a list's name and its colon.
    static let listCopulas = GrammarWords.copulas
    static let listColons: [Unicode.Scalar] = ["：", ":"]
    /// A sentence that goes on with the one before (…预期目标。其中，…).
    static let goesOnOpeners = ["其中"]
    /// Years named relative to the issue's: the horizon's (今年, 明年), and
    /// 本年, 当年, which date a list but were never read as a horizon.
    static let relativeYears = HorizonWords.relativeYearWords + [("本年", 0), ("当年", 0)]
    /// A heading is a short line: longer ones are prose.
    static let headingMaxLength = 40

    /// Verbs that state a level reached (§8): 突破, 达到, 建成, 累计.
    static let completiveVerbs = ["突破", "达到", "达", "建成", "累计", "完成", "实现", "超过", "超", "增长", "下降", "为"]
    /// Prepositions that make a year a horizon or a base, not a date (到2027年, 由2020年).
    static let yearPrepositions: [Unicode.Scalar] = ["到", "至", "由", "从", "自", "于", "在"]
    /// What after a year makes it a span's start or a deadline: 以来, 前, 起.
    static let yearSpanTails = ["以来", "前", "底前", "起", "至", "到", "内"]
    /// 2024年底, 2024年末.
    static let yearEndMarks = YearWords.yearEndMarks

    // MARK: Schemes and money (§8)

    /// Verbs that set up or set aside a scheme's pool (设立基金, 安排资金, 撥出5億元).
    static let poolVerbs = ["设立", "成立", "组建", "安排", "调拨", "拨出", "拨款", "注资", "出资", "编列", "统筹安排", "筹集"]
    /// Nouns of a pool: with a pool verb in the clause, the money is the pool.
    static let fundNouns = ["基金", "资金", "经费", "预算", "投资方案"]
    /// Verbs that hand money to people (派发1万元, 发放, 注资).
    static let paymentVerbs = ["派发", "发放", "发给", "注资", "获得", "领取"]
    /// Whom a payment is for, counted per head.
    static let personRecipients = ["每名", "每人", "每位", "每户", "每个家庭", "居民", "长者", "老人"]
    /// Nouns of a tax relief: a rate beside one is granted.
    static let taxReliefNouns = ["加计扣除", "减免", "免征", "减征", "减按", "税收优惠", "退税"]

    // MARK: Tables (TextTable, GoalExtractor+Tables)

    /// What splits a line into cells: `|` (and its full-width form), tabs.
    static let cellSeparators: [Unicode.Scalar] = ["|", "｜", "\t"]
    /// A table has at least this many lines.
    static let tableMinLines = 3
    /// Header cells of the unit column.
    static let unitHeaders = ["单位", "计量单位"]
    /// Header cells of the metric column.
    static let metricHeaders = ["指标", "名称", "项目", "内容"]
    /// Header cells of columns that hold no figures (来源, 属性, 类别).
    static let nonValueHeaders = ["来源", "备注", "属性", "责任单位", "牵头单位", "类别", "序号", "类型", "领域", "分类"]
    /// Header words of a column of goals (2027年目标, 目标值).
    static let goalHeaders = ["目标", "预期", "规划"]
    /// Header words of a column of figures with no year (本月底到达, 现状值).
    static let valueHeaders = ["现状", "基期", "基数", "到达", "完成", "实际", "数值", "累计", "本月", "本期", "值"]
    /// Header words of a column over the plan's years (年均/累计): beside a
    /// later year's column it holds targets for that year.
    static let planSpanHeaders = ["年均", "累计"]
    /// Header words of a change a column holds (同比增长): kept in the metric.
    static let changeHeaderWords = ["同比增长", "同比", "增长", "增速", "比重", "占比"]

    /// Brackets that hold a note inside a phrase.
    static let openingBrackets: [Unicode.Scalar] = ["(", "（", "［", "["]
    static let closingBrackets: [Unicode.Scalar] = [")", "）", "］", "]"]

    /// Verbs that reach a level measured in years (受教育年限提高到11.7年):
    /// the years are the level, not a span framing the sentence.
    static let levelVerbsBeforeYears = changeToVerbs + ["延长到", "延长至", "达到"]

    /// Title brackets: the words inside name a text.
    static let titleOpeners: [Unicode.Scalar] = ["《", "〈"]
    static let titleClosers: [Unicode.Scalar] = ["》", "〉"]
    static let titleMaxLength = 60

    /// A change from one level to another (从54万亿元增加到82.7万亿元): the
    /// second figure counts what the first did.
    static let changeToVerbs = ["增加到", "增加至", "提高到", "提高至", "上升到", "上升至", "下降到", "下降至", "降至", "降到",
                                "增长到", "增长至", "扩大到", "扩大至", "提升到", "提升至", "增至", "减少到", "减少至",
                                "上调到", "上调至", "下调到", "下调至", "调高到", "调高至", "调低到", "调低至"]
    /// Characters before 由 or 从 that make it part of a word (理由, 自由, 经由, 无从): no change starts there.
    /// 由 and 从 before a level a change starts from (自 starts a span: 自2024年起).
    static let changeStartMarks = ScopeWords.changeFrom.subtracting([ScopeWords.sinceMark])
    static let changeFromInsideWordAfter: Set<Unicode.Scalar> = Set("理自经缘来无何".unicodeScalars)

    // MARK: Subjects (§8: one figure for several subjects)

    /// Words after a list of subjects that spread one figure over each (北京、河南均为5%).
    static let distributiveMarkers = ["均", "都", "皆"]
    /// What joins subjects in a list.
    static let subjectJoiners: [Unicode.Scalar] = ["、", "和", "与", "及"]
    /// The longest region name read before a joiner (内蒙古自治区 is longer, but lists use short names).
    static let regionNameMaxLength = 5
}
