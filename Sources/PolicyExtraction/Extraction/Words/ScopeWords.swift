/// The words ClauseScopes reads to tell what governs a figure: the marks
/// of the perfective aspect, of a report's year, of a change's base, and the
/// readings of a cue word that make it no cue. Folded script, as
/// `BodyText.scalars` holds it.
enum ScopeWords {
    /// 已, the aspect marker of what is done; inside 而已 or 不得已 it is none.
    static let already = "已"
    static let alreadyInsideWordAfter: Set<Unicode.Scalar> = Set("而得".unicodeScalars)
    /// 将 looks ahead; 将近 is "nearly".
    static let will = "将"
    static let nearly = "将近"
    /// Before a present-tense cue (提升至目前的3倍, 比目前): the cue is the base
    /// of a change, not a report.
    static let comparisonBaseMarks: Set<Unicode.Scalar> = Set("至到比较于".unicodeScalars)
    /// The perfective 了 after a verb (吸引了): something that happened.
    static let perfective: Unicode.Scalar = "了"
    /// 了 that starts a word (了解, 了结, 了却) or ends one (除了, 为了) marks no aspect.
    static let perfectiveStartsWordBefore: Set<Unicode.Scalar> = Set("解结却".unicodeScalars)
    static let perfectiveEndsWordAfter: Set<Unicode.Scalar> = Set("除为".unicodeScalars)
    /// 去年, 今年, 上年 in a sentence: the year a report is of, counted from the issue's.
    static let relativeReportYears: [(first: Unicode.Scalar, offset: Int)] = [("去", -1), ("今", 0), ("上", -1)]
    /// 由2020年的, 从2021年的: the past level a change starts from.
    static let changeFrom: Set<Unicode.Scalar> = Set("由从自".unicodeScalars)
    /// 自 also opens a span (自2024年起), so it starts no change by itself.
    static let sinceMark: Unicode.Scalar = "自"
    /// After a year that opens a sentence: a deadline (2025年前, 2025年底前), not a report.
    static let openingYearDeadlines = ["前", "底前", "内"]
}
