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
}
