/// The words that bound a metric, the phrase that names what a figure
/// counts (GoalExtractor+Metric): what a metric never keeps, what marks a
/// share, a part, a comparison's base, a time before the phrase.
/// Folded script, as `BodyText.scalars` holds it.
enum MetricWords {
    /// 其中: a part of what the sentence just counted (其中年营业收入超1000亿元的2个).
    static let among = "其中"
    /// What after a year still dates a figure (2024年底, 2025年6月, 上半年, 年度).
    static let datingMarks: Set<Unicode.Scalar> = Set("月底末前内上下半度".unicodeScalars)
    /// Prepositions left at a metric's end once a year went (规模由2020年的 → 规模由).
    static let trailingPrepositions: Set<Unicode.Scalar> = Set("由从自的在于".unicodeScalars)
    /// A share: A增加值占B的比重 → A占比.
    static let shareNouns = ["比重", "比例"]
    static let shareVerb: Unicode.Scalar = "占"
    static let shareMetric = "占比"
    /// Qualifiers of the first item of a list that the others do not share
    /// (全区高新技术企业和科技型企业).
    static let wholeRegionQualifiers = ["全区", "全市", "全省", "全国", "全县"]
    /// Fixed terms that hold a comparator but are none (规模以上工业, 大型及以上).
    static let fixedTerms = ["规模以上", "及以上", "或以上", "级以上", "规模以下"]
    /// 较2024年, 比上年, 相比: the base of a change, not a thing counted.
    static let comparisonBaseOpeners = ["较", "比", "相比"]
    /// Relative horizons before a figure (确保今年新增…, 力争年底前突破…) and
    /// their tails: what is counted stands after them.
    static let relativeHorizons = ["今年", "明年", "年底", "年内"]
    static let relativeHorizonTails = ["底前", "底", "前", "内"]
    /// 该 and 本 name a project or a body, often long (该数据中心项目规划建设…).
    static let namingDeterminers: Set<Unicode.Scalar> = Set("该本".unicodeScalars)
    /// What ends a span of time that frames a goal (用3年时间, 经过三年的努力),
    /// in the order looked for.
    static let spanEnds = ["时间", "的努力", "努力"]
    /// What opens such a span: the horizon's span openers and 历时.
    static let spanOpeners = HorizonWords.spanOpeners + ["历时"]
}
