import Foundation

/// Reads numerals written in any of the forms Chinese text uses.
///
/// Accepted forms: Arabic digits with or without thousands separators (`3000`, `3,000`,
/// `3，000`), full-width digits (`３０００`, `２．５`), decimals (`1.5`, `一点五`), Chinese
/// numerals in simplified, traditional and financial characters (`一百二十`, `兩千`, `壹佰贰拾`,
/// `廿`, `卅`), mixed forms (`1万亿`, `8000亿`, `5 万`, `1.2万亿`, `三千五百万`), colloquial
/// forms (`一万二` = 12000, `两千四百五` = 2450), bare multipliers (`万` = 10000), digits read
/// one by one (`二〇二五` = 2025), stacked multipliers (`四万万`), fractions (`三分之一`, `3/5`,
/// `三又三分之一`), halves (`一半`, `半百`), dozens (`一打`) and a leading minus (`负`, `-`).
/// Values are exact `Decimal`s; nothing goes through `Double`.
public enum ChineseNumeral {
    /// Value of a numeral written in any form, or nil when `text` is not exactly one number.
    ///
    /// Leading and trailing white space is ignored; spaces between the parts of a numeral are
    /// allowed. A percent word is read as the fraction it names (`百分之五` is 0.05; the scanner
    /// reports it as 5 %).
    ///
    /// ```swift
    /// ChineseNumeral.value(of: "一万二")   // 12000
    /// ChineseNumeral.value(of: "1.2万亿")  // 1200000000000
    /// ChineseNumeral.value(of: "十三五")   // nil: not one number
    /// ```
    ///
    /// - Complexity: O(n) in the length of `text`.
    public static func value(of text: String) -> Decimal? {
        let s = Array(text.unicodeScalars)
        var start = 0
        var end = s.count
        while start < end && s[start].properties.isWhitespace { start += 1 }
        while end > start && s[end - 1].properties.isWhitespace { end -= 1 }
        guard start < end else { return nil }

        var negative = false
        switch s[start] {
        case "负", "負":
            negative = true
            start = NumeralReader.skipSpaces(s, start + 1, end)
            if start < end && s[start] == "的" { start = NumeralReader.skipSpaces(s, start + 1, end) }
        case "-", "－", "−":
            negative = true
            start = NumeralReader.skipSpaces(s, start + 1, end)
        case "+", "＋":
            start = NumeralReader.skipSpaces(s, start + 1, end)
        default:
            break
        }
        guard start < end,
            let reading = NumeralReader.readValue(s, at: start, limit: end, percentWords: true)
        else { return nil }

        var value = reading.value
        var stop = reading.end
        if reading.form == .percentWord { value /= 100 }
        if stop < end && s[stop] == "打" && reading.form == .number {
            // 一打, 五十打: dozens.
            value *= 12
            stop += 1
        }
        guard stop == end, !reading.isDotted else { return nil }
        return negative ? -value : value
    }
}
