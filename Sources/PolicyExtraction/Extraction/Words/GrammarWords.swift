/// Particles and joining words every stage reads around a figure: 的 that
/// ties a modifier to its head, the words that join list items (和, 与,
/// 及, 、), 等 that closes a list. Folded script, as `BodyText.scalars` holds it.
enum GrammarWords {
    /// 的: a modifier's tie to its head (新认定的示范工厂), a level's to its year (2024年的).
    static let possessive: Unicode.Scalar = "的"
    static let possessiveWord = "的"
    /// 可, "may", between a cap and its verb (最多可资助).
    static let may = "可"
    /// The copula after a noun that names a level (上限为, 比例是) or a list's name (目标是：).
    static let copulas: [Unicode.Scalar] = ["是", "为"]
    /// What joins the items of a list (A和B, A与B, A及B, A、B).
    static let listJoiners: Set<Unicode.Scalar> = Set("和与及、".unicodeScalars)
    /// The same, less the enumeration comma: what joins a figure to the next (90家和870家).
    static let figureJoiners: Set<Unicode.Scalar> = Set("和与及".unicodeScalars)
    /// 等 closes a list (…超100个等): it names nothing.
    static let etCetera: Unicode.Scalar = "等"
    static let etCeteraWord = "等"
    /// Marks between the two ends of a range: 2025—2027年, 3至5个, 10%～15%.
    static let rangeMarks: Set<Unicode.Scalar> = Set("—–-－~～至到".unicodeScalars)
    /// 分别: the figures after it go one to one with the items before it.
    static let respectively = "分别"
}
