/// The words that tell what role a figure plays besides a goal
/// (GoalExtractor+Role): a qualifier, a condition, a duration, a count of
/// the text's parts, an article. Folded script, as `BodyText.scalars` holds it.
enum RoleWords {
    /// 十亿级: a class of magnitude glued to the noun it describes.
    static let classMark: Unicode.Scalar = "级"
    /// 给予 in the rest of a sentence makes a qualifier a grant's condition.
    static let give = "给予"
    /// Where a qualified noun ends: a verb of reaching or the copula (达, 到, 为).
    static let headNounStops: Set<Unicode.Scalar> = Set("达到为".unicodeScalars)
    /// Units of a number of years: never a goal (三年行动, 今后三年).
    static let yearUnits = ["年", "周年"]
    /// 5个工作日内, 3年之内: a span within which.
    static let withinSuffixes = ["内", "之内"]
    /// 一个, 一项, 一种 with no comparator: "a", not a count.
    static let article = "一"
    /// Units that count the text or people in it (96位专家, 3份文件).
    static let textCountUnits = ["位", "份"]
    /// 条 counts a text's articles (共5章30条), after 章 or alone.
    static let articleUnit = "条"
    static let chapter = "章"

    /// What an applicant itself puts in (企业须以现金投入不少于…, 自筹资金不低于…): a term
    /// of the grant, not a goal. Before the figure, in its clause.
    static let ownContribution = ["自筹", "自有资金", "以现金", "自行承担", "自行负担", "自付", "自负", "须投入", "需投入",
                                  "须出资", "需出资", "配对资金"]
    /// Partners an application needs (2家企业联合申请): a term, not a count. After the figure.
    static let jointApplication = ["联合申请", "共同申请", "联合申报", "共同申报", "联合提出申请"]
}
