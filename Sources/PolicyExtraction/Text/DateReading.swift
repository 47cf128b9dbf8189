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
