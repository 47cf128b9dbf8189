/// The words years are written with (CalendarYear, the one year reader, and
/// every rule that looks at what stands around a year): the year mark, the
/// ROC era's name, Chinese digits, what closes a deadline, and the
/// five-year plans. Folded script, as `BodyText.scalars` holds it.
enum YearWords {
    /// The mark after a year's digits: 2027年.
    static let year: Unicode.Scalar = "年"
    static let yearWord = "年"
    /// Month and day marks: 2025年12月31日, 12月31号.
    static let month: Unicode.Scalar = "月"
    static let dayMarks: [Unicode.Scalar] = ["日", "号"]
    /// 2024年底, 2024年末: the end of a year.
    static let yearEnd: Unicode.Scalar = "底"
    static let yearEndWord = "底"
    static let yearClose: Unicode.Scalar = "末"
    /// Either: 底 or 末 after a year's 年.
    static let yearEndMarks: Set<Unicode.Scalar> = [yearEnd, yearClose]
    /// 2020年以来: a span's start, looking back.
    static let since = "以来"

    /// The era name of the Republic of China calendar: 民国115年 (民國 before folding).
    static let rocEra = "民国"
    static let rocEraFirst: Unicode.Scalar = "民"
    static let rocEraSecond: [Unicode.Scalar] = ["国", "國"]

    /// Chinese digits read one by one (一一五年), each at its value's index;
    /// 〇 is the zero, ○ and 零 stand for it too.
    static let digits: [Unicode.Scalar] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
    static let otherZeros: [Unicode.Scalar] = ["○", "零"]
    /// 两 counts two (两年), 十 ten (十年): a count of years, not a year's digit.
    static let two: Unicode.Scalar = "两"
    static let ten: Unicode.Scalar = "十"

    /// What closes a deadline after a year (2026年前, 2027年或之前 as Hong
    /// Kong writes it, 2025年内), longest first.
    static let deadlineTails = ["或以前", "或之前", "以前", "之前", "前", "内"]

    /// A five-year plan, by its number and the years it spans: 十四五 is
    /// 2021–2025; each next one starts five years on.
    struct FiveYearPlan {
        let name: String
        let start: Int
        var end: Int { start + 4 }
    }
    /// The plans: the one table both the horizon (十四五末) and a title's
    /// period (《“十四五”规划》) read.
    static let fiveYearPlans = [
        FiveYearPlan(name: "十一五", start: 2006), FiveYearPlan(name: "十二五", start: 2011),
        FiveYearPlan(name: "十三五", start: 2016), FiveYearPlan(name: "十四五", start: 2021),
        FiveYearPlan(name: "十五五", start: 2026), FiveYearPlan(name: "十六五", start: 2031),
    ]
}
