import Foundation

/// A number read from a scalar array, with the facts the scanner needs to judge it.
struct NumeralReading {
    enum Form: Equatable {
        /// An integer or a decimal.
        case number
        /// X分之Y, X/Y, A又X分之Y: the value is the quotient.
        case fraction
        /// 百分之Y, 千分之Y, 百分百: the value is already in percent.
        case percentWord
    }

    var value: Decimal
    var start: Int
    /// End (exclusive) of the last scalar read; trailing spaces are not included.
    var end: Int
    var form: Form = .number
    var hasArabic = false
    var hasChinese = false
    /// A digit (Arabic or Chinese) was written; false for bare multipliers such as 万 or 千亿.
    var hasDigitToken = false
    var hasMultiplier = false
    var hasBigMultiplier = false
    /// The multipliers written after the last digit (`20万` → 10⁴, `5千万` → 10⁷), which the
    /// left side of a range such as `10-20万元` takes over.
    var trailingScale: Decimal = 1
    /// The part of `trailingScale` made of 万 and 亿 only.
    var trailingBigScale: Decimal = 1
    var isDigitSequence = false
    var digitSequenceLength = 0
    var isInteger = true
    /// Digit count of a plain Arabic integer (no separator, no decimal part), else 0.
    var plainArabicDigits = 0
    var hasLeadingZero = false
    /// `2025.3.10`, `1.2.3`, `2025/3/7`: a dotted or slashed chain, which is a date or a code.
    var isDotted = false
    /// End of the dotted chain when `isDotted`.
    var dottedEnd = 0
    /// 余, 多 or 几 was written after the figure.
    var hasFloorMarker = false
    /// Number of numeral tokens read (digits, multipliers, points); markers are not counted.
    var tokenCount = 0
    /// 半 alone.
    var isHalf = false
    /// The reading is the single character 两.
    var isSingleLiang = false
    /// When an Arabic integer is followed by Chinese 点 and Arabic digits (`8点30`), the number
    /// of those digits: `8点30分` is a time of day, not 8.30 分.
    var arabicDigitsAfterChinesePoint = 0

    /// Only multipliers were written: 万, 百, 千亿, 十亿.
    var isBareMultiplier: Bool { hasMultiplier && !hasDigitToken && !isHalf }
}

/// Reads numerals in every form Chinese writing uses, from a position of a scalar array.
///
/// The reader is greedy but strict: it stops before the first scalar that cannot continue the
/// numeral it has read, and the caller decides whether a glued leftover (`十三五`) spoils it.
/// Horizontal spaces between the parts of a numeral are allowed (`7 万5 千4 百`, `一百 五 十 二`).
/// All arithmetic is done in `Decimal`, so `0.5` stays exactly 0.5.
enum NumeralReader {
    @inline(__always)
    static func skipSpaces(_ s: [Unicode.Scalar], _ p: Int, _ limit: Int) -> Int {
        var q = p
        while q < limit && ScalarClass.isHorizontalSpace(s[q].value) { q += 1 }
        return q
    }

    // MARK: - Arabic digits

    struct ArabicToken {
        var value: Decimal
        var end: Int
        var integerDigits: Int
        var fractionDigits: Int
        var usedSeparators: Bool
        var hasLeadingZero: Bool
        var isDotted: Bool
        var dottedEnd: Int
        var isDecimal: Bool { fractionDigits > 0 }
        var isPlainInteger: Bool { !usedSeparators && fractionDigits == 0 }
    }

    /// Accumulates decimal digits exactly, in a `UInt64` while it fits and in `Decimal` beyond.
    struct DigitAccumulator {
        private var small: UInt64 = 0
        private var large: Decimal?
        private(set) var count = 0

        mutating func append(_ digit: UInt32) {
            count += 1
            if let current = large {
                large = current * 10 + Decimal(digit)
                return
            }
            let (shifted, o1) = small.multipliedReportingOverflow(by: 10)
            let (sum, o2) = shifted.addingReportingOverflow(UInt64(digit))
            if o1 || o2 {
                large = Decimal(small) * 10 + Decimal(digit)
            } else {
                small = sum
            }
        }

        /// The digits as an integer scaled by 10^`exponent`.
        func value(exponent: Int = 0) -> Decimal {
            let significand = large ?? Decimal(small)
            if exponent == 0 { return significand }
            return Decimal(sign: .plus, exponent: exponent, significand: significand)
        }
    }

    /// Reads Arabic digits (ASCII or full-width) with optional thousands separators (`,` or `，`
    /// followed by exactly three digits) and an optional decimal part after `.` or `．`.
    ///
    /// - Complexity: O(number of scalars read).
    static func readArabic(_ s: [Unicode.Scalar], at start: Int, limit: Int) -> ArabicToken {
        var acc = DigitAccumulator()
        var p = start
        let firstDigit = ScalarClass.arabicDigit(s[start].value) ?? 0
        while p < limit, let d = ScalarClass.arabicDigit(s[p].value) {
            acc.append(d)
            p += 1
        }
        let integerDigits = acc.count
        var usedSeparators = false
        if integerDigits <= 3 {
            // A separator counts only when the group after it has exactly three digits.
            // 1,900, 1，900 and 1 900 (a space between groups, as some sources write).
            while p + 3 < limit, s[p].value == 0x2C || s[p].value == 0xFF0C || s[p].value == 0x20 || s[p].value == 0xA0
                || s[p].value == 0x2009 || s[p].value == 0x202F,
                ScalarClass.isArabicDigit(s[p + 1].value),
                ScalarClass.isArabicDigit(s[p + 2].value),
                ScalarClass.isArabicDigit(s[p + 3].value),
                !(p + 4 < limit && ScalarClass.isArabicDigit(s[p + 4].value))
            {
                for k in 1...3 { acc.append(ScalarClass.arabicDigit(s[p + k].value) ?? 0) }
                p += 4
                usedSeparators = true
            }
        }
        var fractionDigits = 0
        // ., full-width ．and small ﹒ are decimal points.
        if p + 1 < limit, s[p].value == 0x2E || s[p].value == 0xFF0E || s[p].value == 0xFE52,
            ScalarClass.isArabicDigit(s[p + 1].value)
        {
            p += 1
            while p < limit, let d = ScalarClass.arabicDigit(s[p].value) {
                acc.append(d)
                fractionDigits += 1
                p += 1
            }
        }
        var isDotted = false
        var dottedEnd = p
        if fractionDigits > 0, p + 1 < limit, s[p].value == 0x2E || s[p].value == 0xFF0E,
            ScalarClass.isArabicDigit(s[p + 1].value)
        {
            // 2025.3.10 or 1.2.3: a date or a section number.
            isDotted = true
            var q = p
            while q < limit,
                ScalarClass.isArabicDigit(s[q].value) || s[q].value == 0x2E || s[q].value == 0xFF0E
            {
                q += 1
            }
            dottedEnd = q
        }
        return ArabicToken(
            value: acc.value(exponent: -fractionDigits), end: p, integerDigits: integerDigits,
            fractionDigits: fractionDigits, usedSeparators: usedSeparators,
            hasLeadingZero: integerDigits >= 2 && firstDigit == 0 && !usedSeparators,
            isDotted: isDotted, dottedEnd: dottedEnd)
    }

    // MARK: - Chinese digit sequences

    enum DigitSequence {
        case notApplicable
        case invalid
        case reading(NumeralReading)
    }

    /// 二〇二五, 一七二零点一, 幺八九: two or more Chinese digits read one by one.
    static func readDigitSequence(
        _ s: [Unicode.Scalar], at start: Int, limit: Int
    ) -> DigitSequence {
        guard start + 1 < limit, let d0 = NumeralToken.plainDigit(s[start]),
            let d1 = NumeralToken.plainDigit(s[start + 1])
        else { return .notApplicable }
        var acc = DigitAccumulator()
        acc.append(d0)
        acc.append(d1)
        var p = start + 2
        while p < limit, let d = NumeralToken.plainDigit(s[p]) {
            acc.append(d)
            p += 1
        }
        let length = acc.count
        var fractionDigits = 0
        if p + 1 < limit, NumeralToken.isPoint(s[p]), NumeralToken.fractionDigit(s[p + 1]) != nil {
            p += 1
            while p < limit, let d = NumeralToken.fractionDigit(s[p]) {
                acc.append(d)
                fractionDigits += 1
                p += 1
            }
        }
        // A multiplier right after digits read one by one makes no number (三七二十一).
        if p < limit, let t = NumeralToken.of(s[p]) {
            switch t {
            case .small, .big, .tens: return .invalid
            default: break
            }
        }
        var r = NumeralReading(value: acc.value(exponent: -fractionDigits), start: start, end: p)
        r.hasChinese = true
        r.hasDigitToken = true
        r.isDigitSequence = true
        r.digitSequenceLength = length
        r.isInteger = fractionDigits == 0
        r.tokenCount = length
        return .reading(r)
    }

    // MARK: - Fractions and percent words

    /// `分之` after a denominator, with spaces allowed around it; returns the index after 之.
    private static func matchFenZhi(_ s: [Unicode.Scalar], _ q: Int, _ limit: Int) -> Int? {
        guard q < limit, s[q] == "分" else { return nil }
        let z = skipSpaces(s, q + 1, limit)
        guard z < limit, s[z] == "之" else { return nil }
        return z + 1
    }

    /// A numerator: an optional minus (负, 負, 负的, -) and, in percent words, an optional
    /// leading 点 (`负百分之点二八`).
    private static func readNumerator(
        _ s: [Unicode.Scalar], at start: Int, limit: Int, allowLeadingPoint: Bool
    ) -> NumeralReading? {
        var p = skipSpaces(s, start, limit)
        guard p < limit else { return nil }
        var negative = false
        if s[p] == "负" || s[p] == "負" {
            negative = true
            p = skipSpaces(s, p + 1, limit)
            if p < limit && s[p] == "的" { p = skipSpaces(s, p + 1, limit) }
        } else if s[p] == "-" || s[p] == "－" || s[p] == "−" {
            negative = true
            p += 1
        }
        guard p < limit else { return nil }
        var reading: NumeralReading
        if allowLeadingPoint && NumeralToken.isPoint(s[p]) {
            var acc = DigitAccumulator()
            var g = p + 1
            while g < limit, let d = NumeralToken.fractionDigit(s[g]) {
                acc.append(d)
                g += 1
            }
            guard acc.count > 0 else { return nil }
            reading = NumeralReading(value: acc.value(exponent: -acc.count), start: p, end: g)
            reading.isInteger = false
            reading.hasChinese = true
            reading.hasDigitToken = true
            reading.tokenCount = 1
        } else {
            guard let r = readNumber(s, at: p, limit: limit), !r.isHalf else { return nil }
            reading = r
        }
        if negative { reading.value = -reading.value }
        return reading
    }

    /// Reads a number in any written form at `start`: everything `readNumber` reads, plus
    /// fractions (`三分之一`, `3/5`, `三又三分之一`, `十份十一`, Cantonese `四分一`) and, when
    /// `percentWords` is true, percent words (`百分之五`, `千分之二`, `百分百`), whose value is
    /// given in percent.
    ///
    /// - Parameter unitFollows: tells whether a unit starts at an index, to accept `四分一升`.
    /// - Complexity: O(number of scalars read).
    static func readValue(
        _ s: [Unicode.Scalar], at start: Int, limit: Int, percentWords: Bool,
        allowMixed: Bool = true, unitFollows: (Int) -> Bool = { _ in false }
    ) -> NumeralReading? {
        guard var n1 = readNumber(s, at: start, limit: limit) else { return nil }
        let q = skipSpaces(s, n1.end, limit)

        // X分之Y, and percent words 百分之Y / 千分之Y / 万分之Y.
        if !n1.isHalf, n1.value != 0, let afterZhi = matchFenZhi(s, q, limit) {
            let isPercentWord = percentWords && n1.isBareMultiplier && n1.value >= 100
            guard
                let num = readNumerator(
                    s, at: afterZhi, limit: limit, allowLeadingPoint: isPercentWord)
            else { return nil }
            var r = n1
            if isPercentWord {
                r.value = num.value * 100 / n1.value
                r.form = .percentWord
            } else {
                r.value = num.value / n1.value
                r.form = .fraction
            }
            r.end = num.end
            r.isInteger = false
            r.hasArabic = n1.hasArabic || num.hasArabic
            r.hasChinese = true
            r.hasDigitToken = true
            r.hasFloorMarker = false
            r.tokenCount = n1.tokenCount + num.tokenCount + 1
            r.plainArabicDigits = 0
            return r
        }

        // 百分三十, 百分百: 百分 without 之.
        if percentWords, n1.isBareMultiplier, n1.value == 100, q < limit, s[q] == "分" {
            let ns = skipSpaces(s, q + 1, limit)
            if ns < limit, NumeralToken.isNumeralScalar(s[ns]) || s[ns] == "负" || s[ns] == "負",
                let num = readNumerator(s, at: ns, limit: limit, allowLeadingPoint: false)
            {
                var r = n1
                r.value = num.value
                r.form = .percentWord
                r.end = num.end
                r.isInteger = num.isInteger
                r.hasArabic = num.hasArabic
                r.hasDigitToken = true
                r.tokenCount = n1.tokenCount + num.tokenCount + 1
                return r
            }
        }

        guard n1.isInteger, !n1.isHalf, !n1.hasFloorMarker else { return n1 }

        // 十份十一, 二份一: Cantonese fractions with 份.
        if q == n1.end, q < limit, s[q] == "份", q + 1 < limit,
            NumeralToken.isNumeralScalar(s[q + 1]),
            let num = readNumber(s, at: q + 1, limit: limit), num.isInteger, n1.value != 0,
            num.end == limit || !ScalarClass.isIdeograph(s[num.end].value)
        {
            var r = n1
            r.value = num.value / n1.value
            r.form = .fraction
            r.end = num.end
            r.isInteger = false
            r.tokenCount += num.tokenCount + 1
            return r
        }

        // 三又三分之一: a whole number and a fraction.
        if allowMixed, q < limit, s[q] == "又" {
            let fs = skipSpaces(s, q + 1, limit)
            if let fraction = readValue(
                s, at: fs, limit: limit, percentWords: false, allowMixed: false,
                unitFollows: unitFollows),
                fraction.form == .fraction, fraction.value > 0
            {
                var r = n1
                r.value = n1.value + fraction.value
                r.form = .fraction
                r.end = fraction.end
                r.isInteger = false
                r.hasArabic = n1.hasArabic || fraction.hasArabic
                r.tokenCount += fraction.tokenCount + 1
                r.plainArabicDigits = 0
                return r
            }
        }

        // 3/5, １６/5: a slash between two Arabic integers; 2025/3/7 is a date.
        if n1.plainArabicDigits > 0, n1.tokenCount == 1, n1.end + 1 < limit,
            s[n1.end] == "/" || s[n1.end] == "／", ScalarClass.isArabicDigit(s[n1.end + 1].value)
        {
            let b = readArabic(s, at: n1.end + 1, limit: limit)
            if b.end + 1 < limit, s[b.end] == "/" || s[b.end] == "／",
                ScalarClass.isArabicDigit(s[b.end + 1].value)
            {
                var q2 = b.end
                while q2 < limit,
                    ScalarClass.isArabicDigit(s[q2].value) || s[q2] == "/" || s[q2] == "／"
                {
                    q2 += 1
                }
                n1.isDotted = true
                n1.dottedEnd = q2
                return n1
            }
            if b.isPlainInteger, b.value != 0 {
                var r = n1
                r.value = n1.value / b.value
                r.form = .fraction
                r.end = b.end
                r.isInteger = false
                r.plainArabicDigits = 0
                r.tokenCount += 2
                return r
            }
        }

        // 1 3/5: an Arabic integer, a space and a proper Arabic fraction.
        if allowMixed, n1.plainArabicDigits > 0, n1.tokenCount == 1, q > n1.end, q < limit,
            ScalarClass.isArabicDigit(s[q].value)
        {
            let a = readArabic(s, at: q, limit: limit)
            if a.isPlainInteger, a.end + 1 < limit, s[a.end] == "/" || s[a.end] == "／",
                ScalarClass.isArabicDigit(s[a.end + 1].value)
            {
                let b = readArabic(s, at: a.end + 1, limit: limit)
                if b.isPlainInteger, b.value != 0, a.value < b.value,
                    !(b.end < limit && (s[b.end] == "/" || s[b.end] == "／"))
                {
                    var r = n1
                    r.value = n1.value + a.value / b.value
                    r.form = .fraction
                    r.end = b.end
                    r.isInteger = false
                    r.plainArabicDigits = 0
                    r.tokenCount += 3
                    return r
                }
            }
        }

        // 四分一升, 二分一: Cantonese fractions, 分 without 之; 由三分二增至四分三.
        if !n1.hasArabic, q == n1.end, q + 1 < limit, s[q] == "分",
            NumeralToken.of(s[q + 1]) != nil, !NumeralToken.isLiang(s[q + 1]),
            let num = readNumber(s, at: q + 1, limit: limit), !num.hasArabic, num.isInteger,
            !num.hasFloorMarker, num.value > 0, num.value < n1.value
        {
            let e = num.end
            if e == limit || !ScalarClass.isIdeograph(s[e].value) || unitFollows(e)
                || Self.cantoneseFractionFollowers.contains(s[e]) {
                var r = n1
                r.value = num.value / n1.value
                r.form = .fraction
                r.end = e
                r.isInteger = false
                r.tokenCount += num.tokenCount + 1
                return r
            }
        }
        return n1
    }
}

extension NumeralReader {
    /// What may follow a Cantonese fraction written without 之 (三分二的, 由三分二增至…):
    /// 的, a change verb, a range or list mark; any other ideograph makes 分 part of a word.
    static let cantoneseFractionFollowers: Set<Unicode.Scalar> = Set("的至到以增提降减上下为及或和、".unicodeScalars)
}
