/// The words that make a year a horizon (TargetExtractor): the prepositions
/// and aims before it, the relative years counted from the issue, the
/// spans and deadline tails after it, and what after a year makes it no
/// horizon. Folded script, as `BodyText.scalars` holds it.
enum HorizonWords {
    /// Prepositions that open a horizon before a year: 到2027年, 至2025年.
    static let to: Unicode.Scalar = "到"
    static let until: Unicode.Scalar = "至"
    static let toWord = "到"
    /// Characters that, before 到, make it part of a verb (达到, 得到) or of a
    /// range (2025年到2027年) rather than a horizon.
    static let verbEndingInDao: Set<Unicode.Scalar> = Set("达得受提做看遇感收回来直涉截年月日想办找碰轮".unicodeScalars)

    // MARK: Aims

    /// Words of aim before a year (longest first): 力争在2025年, 计划于2027年,
    /// 预计2026年底, 目标是2030年, 将于2027年. Built on the one aim list
    /// (`ExtractionWords.aimWords`); 目标是 and 目标为 stand before 目标.
    static let aimsBeforeYear = ["目标是", "目标为"] + ExtractionWords.aimWords + ["力求", "预期", "有望", "拟", "将"]
    /// 将 alone also marks an object (将2025年定为…): it needs 于, 在 or 到.
    static let objectMarkingAim = "将"
    /// What after an aim may stand before its year: 力争在, 计划于, 确保到.
    static let aimPrepositions: Set<Unicode.Scalar> = Set("在到于".unicodeScalars)
    /// 力争年底前, 确保年内: this year's end, after an aim.
    static let thisYearEndTails = ["年底前", "年底", "年内"]
    /// Words before a count of years (力争三年内, 要3年内): the count is a
    /// relative horizon. Narrower than the aim list: 目标 and 预计 before a
    /// count were never read so, and adding them would change results.
    static let aimsBeforeCount = ["力争", "争取", "确保", "计划", "要", "将"]
    /// Verbs of reaching a level: after 三年内 or 未来三年 they make it a
    /// horizon (三年内实现…).
    static let reachVerbs = ["实现", "达到", "突破"]

    // MARK: Looking ahead from a year

    /// 展望2035年: looking ahead to a year.
    static let outlook = "展望"
    static let outlookFirst: Unicode.Scalar = "展"
    /// 截至2027年底, 截止: up to a date (a deadline when the year is ahead).
    static let upTo = ["截至", "截止"]
    static let upToFirst: Unicode.Scalar = "截"

    // MARK: Years relative to the issue

    /// Years named relative to the issue's: 今年, 明年.
    static let relativeYearWords: [(word: String, offset: Int)] = [("今年", 0), ("明年", 1)]
    /// Their first characters (到今年底), and with 未来 the first characters
    /// of every relative horizon.
    static let relativeYearWordStarts: [Unicode.Scalar] = relativeYearWords.compactMap { $0.word.unicodeScalars.first }
    static let relativeYearStarts = relativeYearWordStarts + comingYears.unicodeScalars.prefix(1)
    /// What closes a relative year as a horizon: 今年底前, 明年内.
    static let relativeYearTails = ["年底前", "底前", "年内", "内", "底", "年底"]
    /// Words after 今年/明年 that make it the year of a plan (今年新增…,
    /// 明年将…), besides the goal verbs.
    static let planYearFollowers = ["将", "要", "力争", "争取", "计划", "再", "实现", "完成"]
    /// 未来三年: the coming years.
    static let comingYears = "未来"
    /// 三个年: a measure word between a count and 年.
    static let measureWord = "个"
    /// 三年内, 三年里: within a count of years.
    static let withinTails = ["内", "里"]
    static let withinYears = "年内"
    /// Words after 未来三年 that make it a horizon (未来三年培育…), besides the goal verbs.
    /// 未来三年平均增长5%: an average over the coming years frames the goal too.
    static let comingYearsFollowers = reachVerbs + ["力争", "将", "平均", "年均"]

    // MARK: Spans of time

    /// 通过2年左右时间, 用3年时间, 经过三年的努力: a span counted from the issue.
    static let spanOpeners = ["通过", "用", "经过"]
    static let spanOpenerStarts: [Unicode.Scalar] = spanOpeners.compactMap { $0.unicodeScalars.first }
    /// 2年左右: about.
    static let about = "左右"
    /// What ends such a span: 时间, 努力, 奋斗.
    static let spanNouns = ["时间", "努力", "奋斗"]
    /// 在2030年, 于2027年: a year after these at a clause's start may be a horizon.
    static let yearPlacePrepositions: Set<Unicode.Scalar> = Set("在于".unicodeScalars)
    /// What after a year at a clause's start makes it a deadline (2025年底前),
    /// besides the deadline tails.
    static let deadlineOpeners = ["底前", "年底前"]
    /// Marks between a span's two years: 2025年至2027年, 2025—2027年; the
    /// range marks but the full-width －, which was never read here.
    static let spanDashes = GrammarWords.rangeMarks.subtracting(["－"])

    // MARK: After a year

    /// After a month (2026年6月底前): what makes it a deadline.
    static let beforeMarks = ["前", "以前", "之前"]
    /// What after a year makes it no horizon: a start (2026年起), a span
    /// (2025年至2027年, 2026年上半年), a season, an edition (2026年度), a month.
    static let notHorizonFollowers = ["起", "开始", "正式", "以来", "上半年", "下半年", "一季度", "前三季度", "第", "度", "版", "春",
                                      "秋", "夏", "冬", "的", "至", "到", "和", "与", "及", "、", "-", "—", "–", "～", "~", "月"]

    /// What may close a horizon's phrase after its 年 (到2027年底, 2025年前),
    /// in the order looked for.
    static let horizonPhraseTails = ["年底", "底", "末", "前", "内"]

    // MARK: Five-year plans

    /// The plans read as horizons (“十五五”末): those ending 2020 or later,
    /// as before; 十一五 and 十二五 are not read so.
    static let fiveYearPlanHorizons = YearWords.fiveYearPlans.filter { $0.end >= 2020 }
    /// 十 opens every plan's name (十四五).
    static let fiveYearPlanFirst: Unicode.Scalar = "十"
    /// What after a plan's name makes its end a horizon: 末, 期末, 时期末, 期间.
    static let fiveYearPlanTails = ["时期末", "期末", "末", "期间", "时期"]

    // MARK: Paragraphs going on

    /// Words and list marks that open a paragraph going on with the one before.
    static let continuationOpeners = ["同时", "此外", "另外", "其中", "并且", "一是", "二是", "三是", "四是", "（一）", "（二）",
                                      "（三）", "(一)", "(二)", "(1)", "(2)", "（1）", "（2）", "1.", "2.", "3.", "- ", "• ", "·"]
}
