/// Years as policy text writes them, read on folded code points.
///
/// - `2027年`, `2027 年`: the Gregorian year.
/// - `民国115年` (民國 folds to 民国): a year of the Republic of China
///   calendar, which Taiwan's official text uses; year 1 is 1912.
/// - `115年`, `一一五年`: the same calendar without its name, read as such
///   only where the text uses it (`BodyText.usesROCCalendar`). Mainland text
///   writes three-digit years nowhere a horizon stands, but 115年 could as
///   well be a duration (使用寿命115年), so a bare one needs the flag.
enum CalendarYear {
    /// The Gregorian offset of the Republic of China calendar.
    static let rocOffset = 1911

    /// The year whose text starts at `index`, and the offset just after its
    /// 年; nil when none starts there.
    /// - Complexity: O(1): at most a name, four digits and 年.
    static func read(_ body: BodyText, at index: Int) -> (year: Int, end: Int)? {
        read(body.scalars, at: index, roc: body.usesROCCalendar)
    }

    /// As `read(_:at:)` on bare code points: `roc` says whether a year
    /// without 民国 may be one of that calendar (where the text uses it).
    static func read(_ s: [Unicode.Scalar], at index: Int, roc: Bool) -> (year: Int, end: Int)? {
        var k = index
        if let year = gregorian(s, at: k) {
            k += 4
            while k < s.count, s[k] == " " { k += 1 }
            guard k < s.count, s[k] == YearWords.year else { return nil }
            return (year, k + 1)
        }
        let named = k + 1 < s.count && s[k] == YearWords.rocEraFirst && YearWords.rocEraSecond.contains(s[k + 1])
        guard named || roc else { return nil }
        if named { k += 2 }
        while k < s.count, s[k] == " " { k += 1 }
        guard let (value, digits, after) = digitRun(s, at: k),
              named ? (1...3).contains(digits) : digits == 3,
              (1...199).contains(value) else { return nil }
        // 2115年 is no ROC year: a digit may not stand before a bare one.
        if !named, index > 0, s[index - 1].asciiDigit != nil || digitValue(s[index - 1]) != nil { return nil }
        var j = after
        while j < s.count, s[j] == " " { j += 1 }
        guard j < s.count, s[j] == YearWords.year else { return nil }
        return (value + rocOffset, j + 1)
    }

    /// A Gregorian year of four ASCII digits at `index` (1949–2100), not
    /// part of a longer number; the one digit reader for years.
    static func gregorian(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        guard index + 4 <= scalars.count else { return nil }
        var value = 0
        for k in index..<(index + 4) {
            guard let digit = scalars[k].asciiDigit else { return nil }
            value = value * 10 + digit
        }
        if index > 0, scalars[index - 1].asciiDigit != nil { return nil }
        if index + 4 < scalars.count, scalars[index + 4].asciiDigit != nil { return nil }
        return (1949...2100).contains(value) ? value : nil
    }

    /// What closes a deadline after a year (2026年前, 2027年或之前), longest first.
    static let deadlineTails = YearWords.deadlineTails

    /// Whether a year may start with `scalar`: a digit, 民 (民国), or in
    /// text on the ROC calendar a Chinese digit (一一五年).
    static func mayStart(_ scalar: Unicode.Scalar, roc: Bool) -> Bool {
        scalar.asciiDigit != nil || scalar == YearWords.rocEraFirst || (roc && digitValue(scalar) != nil)
    }

    /// Digits read one by one, Arabic (115) or Chinese (一一五, with 〇 and
    /// ○ for zero), never mixed: their value, their count and where they end.
    private static func digitRun(_ s: [Unicode.Scalar], at index: Int) -> (Int, Int, Int)? {
        guard index < s.count else { return nil }
        let arabic = s[index].asciiDigit != nil
        var value = 0, k = index
        while k < s.count, k - index < 4 {
            guard let digit = arabic ? s[k].asciiDigit : digitValue(s[k]) else { break }
            value = value * 10 + digit
            k += 1
        }
        return k > index ? (value, k - index, k) : nil
    }

    /// A Chinese digit's value (一 → 1, 〇 → 0), or nil.
    static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        if let value = YearWords.digits.firstIndex(of: scalar) { return value }
        return YearWords.otherZeros.contains(scalar) ? 0 : nil
    }

    /// Whether an article's text counts years from 1912: it comes from
    /// Taiwan, or it names the calendar (民國).
    /// - Complexity: O(n), a byte search (`String.contains` would go
    ///   through Foundation's locale-aware search, many times slower).
    static func usesROCCalendar(_ body: BodyText, articleRegion: String?) -> Bool {
        articleRegion?.hasPrefix("71") == true || body.contains(YearWords.rocEra, in: 0..<body.count)
    }
}
