import Foundation

/// Dates written in Chinese text, read for both parsing (mastheads) and
/// extraction (dates of force), which both sit above `Text/`.
public enum DateReading {
    /// The first `2025年3月10日` in `text` (spaces allowed between the parts;
    /// 号 for 日), as `2025-03-10`.
    /// - Complexity: O(n) in the length of `text`.
    public static func firstDate(in text: String) -> String? {
        firstDate(in: Array(text.unicodeScalars))
    }

    public static func firstDate(in scalars: [Unicode.Scalar]) -> String? {
        let digit = { (k: Int) in Self.digit(scalars, k) }
        func skipSpaces(_ k: inout Int) {
            while k < scalars.count && scalars[k].properties.isWhitespace && scalars[k] != "\n" { k += 1 }
        }
        func readNumber(_ k: inout Int, maxDigits: Int) -> Int? { Self.readNumber(scalars, &k, maxDigits: maxDigits) }
        var i = 0
        while i < scalars.count {
            guard digit(i) != nil, i == 0 || digit(i - 1) == nil else { i += 1; continue }
            var k = i
            if let year = readNumber(&k, maxDigits: 4), k - i == 4, (1949...2200).contains(year) {
                skipSpaces(&k)
                if k < scalars.count, scalars[k] == "年" {
                    k += 1; skipSpaces(&k)
                    if let month = readNumber(&k, maxDigits: 2), (1...12).contains(month) {
                        skipSpaces(&k)
                        if k < scalars.count, scalars[k] == "月" {
                            k += 1; skipSpaces(&k)
                            if let day = readNumber(&k, maxDigits: 2), (1...31).contains(day) {
                                skipSpaces(&k)
                                if k < scalars.count, scalars[k] == "日" || scalars[k] == "号" || scalars[k] == "號" {
                                    return String(format: "%04d-%02d-%02d", year, month, day)
                                }
                            }
                        }
                    }
                }
            }
            i += 1
        }
        return nil
    }

    /// The first date written with separators (`2025-06-03`, `2025/6/3`,
    /// `2025.06.03`: one separator twice), as `YYYY-MM-DD`. Only where a
    /// date is expected (a byline): in running text 2025.6 is a number.
    public static func firstNumericDate(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        let digit = { (k: Int) in Self.digit(scalars, k) }
        func readNumber(_ k: inout Int, maxDigits: Int) -> Int? { Self.readNumber(scalars, &k, maxDigits: maxDigits) }
        var i = 0
        while i < scalars.count {
            guard digit(i) != nil, i == 0 || digit(i - 1) == nil else { i += 1; continue }
            var k = i
            if let year = readNumber(&k, maxDigits: 4), k - i == 4, (1949...2200).contains(year),
               k < scalars.count, "-/.".unicodeScalars.contains(scalars[k]) {
                let separator = scalars[k]
                var j = k + 1
                if let month = readNumber(&j, maxDigits: 2), (1...12).contains(month), j < scalars.count, scalars[j] == separator {
                    j += 1
                    if let day = readNumber(&j, maxDigits: 2), (1...31).contains(day),
                       j == scalars.count || digit(j) == nil && scalars[j] != separator {
                        return String(format: "%04d-%02d-%02d", year, month, day)
                    }
                }
            }
            i += 1
        }
        return nil
    }

    /// The text with dates in Chinese numerals written in digits
    /// (二〇二五年十月十日 → 2025年10月10日, 二〇二五年十月 → 2025年10月), so that
    /// the readers above read them. Other numerals are left as they are.
    public static func withArabicDates(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            // Four year digits and 年.
            if i + 4 < scalars.count, (0..<4).allSatisfy({ DateWords.yearDigit(scalars[i + $0]) != nil }),
               scalars[i + 4] == DateWords.year, i == 0 || DateWords.yearDigit(scalars[i - 1]) == nil {
                let year = (0..<4).reduce(0) { $0 * 10 + (DateWords.yearDigit(scalars[i + $1]) ?? 0) }
                out.append(contentsOf: String(year).unicodeScalars)
                out.append(DateWords.year)
                var k = i + 5
                // A month and a day in numerals up to 三十一.
                for mark in [DateWords.month, DateWords.day] {
                    guard let (value, end) = smallNumeral(scalars, k), end < scalars.count, scalars[end] == mark
                            || (mark == DateWords.day && DateWords.dayMarks.contains(scalars[end])) else { break }
                    out.append(contentsOf: String(value).unicodeScalars)
                    out.append(scalars[end])
                    k = end + 1
                }
                i = k
                continue
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// 一 to 三十一 at `k`: its value and where it ends.
    private static func smallNumeral(_ s: [Unicode.Scalar], _ k: Int) -> (Int, Int)? {
        var j = k
        var tens = 0, units = 0, sawTen = false
        if j < s.count, let d = DateWords.yearDigit(s[j]), d > 0, j + 1 < s.count, s[j + 1] == DateWords.ten {
            tens = d; sawTen = true; j += 2
        } else if j < s.count, s[j] == DateWords.ten {
            tens = 1; sawTen = true; j += 1
        }
        if j < s.count, let d = DateWords.yearDigit(s[j]), d > 0 { units = d; j += 1 }
        let value = tens * 10 + units
        guard j > k, (1...31).contains(value), sawTen || units > 0 else { return nil }
        return (value, j)
    }

    /// The first quarter a masthead names (2025年第3季度, 2025年三季度), as
    /// its year and number.
    public static func firstQuarter(in text: String) -> (year: Int, quarter: Int)? {
        guard let match = text.firstMatch(of: /(19[5-9]\d|20\d\d)\s*年\s*第?\s*([1-4一二三四])\s*季度?/),
              let year = Int(match.output.1), let first = match.output.2.unicodeScalars.first else { return nil }
        let quarter = first.properties.numericType != nil && first.isASCII ? Int(String(first)) : DateWords.yearDigit(first)
        guard let quarter, (1...4).contains(quarter) else { return nil }
        return (year, quarter)
    }

    /// The year of a masthead that gives no month (2025年第18期, 2025年卷,
    /// 2025年 合刊, 2025年 on a line of its own): only where an issue is
    /// named, since in running text a year is a plan's, not the issue's.
    public static func firstIssueYear(in text: String) -> Int? {
        guard let match = text.firstMatch(
            of: /(?m)(?:^|[^\d])(19[5-9]\d|20\d\d)\s*年\s*(?:第\s*[\d一二三四五六七八九十〇零]+\s*[期卷]|卷|合刊|年刊|$)/)
        else { return nil }
        return Int(match.output.1)
    }

    /// The ASCII digit at `k`, or nil.
    private static func digit(_ scalars: [Unicode.Scalar], _ k: Int) -> Int? {
        let v = scalars[k].value
        return (0x30...0x39).contains(v) ? Int(v - 0x30) : nil
    }

    /// Up to `maxDigits` ASCII digits from `k` as a number, `k` moved past them.
    private static func readNumber(_ scalars: [Unicode.Scalar], _ k: inout Int, maxDigits: Int) -> Int? {
        var value = 0, digits = 0
        while k < scalars.count, let d = digit(scalars, k), digits < maxDigits {
            value = value * 10 + d
            digits += 1
            k += 1
        }
        return digits > 0 ? value : nil
    }
}
