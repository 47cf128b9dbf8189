import Foundation

extension NumeralReader {
    /// Reads an integer or decimal numeral at `start`: Arabic, Chinese, or mixed (`1.5亿`,
    /// `3万4000`, `两千三百五`, `十几万`, `一万二`, `二〇二五`, `半百`).
    ///
    /// - Returns: nil when no numeral starts at `start`.
    /// - Complexity: O(number of scalars read).
    static func readNumber(_ s: [Unicode.Scalar], at start: Int, limit: Int) -> NumeralReading? {
        guard start < limit else { return nil }
        switch readDigitSequence(s, at: start, limit: limit) {
        case .reading(let r): return r
        case .invalid: return nil
        case .notApplicable: break
        }
        if s[start] == "半" {
            var r = NumeralReading(value: .half, start: start, end: start + 1)
            r.hasChinese = true
            r.tokenCount = 1
            if start + 1 < limit, case .small(2)? = NumeralToken.of(s[start + 1]) {
                // 半百: fifty.
                r.value = 50
                r.end = start + 2
                r.tokenCount = 2
                r.hasMultiplier = true
                r.hasDigitToken = true
            } else {
                r.isHalf = true
            }
            return r
        }
        var reader = GroupReader(s, start: start, limit: limit)
        reader.run()
        return reader.finish()
    }
}

/// Reads a numeral written in groups (一千二百万零五, 3万4000, 1.5亿, 十几万) token by token.
///
/// It keeps the groups already closed by 万 or 亿, the group being read (below 万) and a digit
/// waiting for its multiplier. A token that cannot continue the numeral ends it; the reader
/// never backtracks.
private struct GroupReader {
    private enum Last {
        case none, arabic, digit, zero, small, tens, big, marker, fraction
    }

    private let s: [Unicode.Scalar]
    private let limit: Int
    private var reading: NumeralReading
    private var p: Int
    /// Groups closed by 万 or 亿, with the scale they were multiplied by.
    private var parts: [(value: Decimal, scale: Decimal)] = []
    /// The group being read, below 万.
    private var section: Decimal = 0
    /// A digit or an Arabic number waiting for its multiplier.
    private var pending: Decimal?
    private var pendingIsChineseDigit = false
    private var digitFollowsMultiplier = false
    private var digitAfterSpace = false
    private var lastMultiplier: Decimal = 1
    /// Exponent of the last 十/百/千 in the current group; they must decrease.
    private var lastSmallExponent = 99
    private var zeroSinceMultiplier = false
    private var afterDecimal = false
    private var afterMarker = false
    private var isOneHalf = false
    private var last = Last.none
    /// Product of the multipliers written since the last digit, and its 万/亿 part.
    private var chain: Decimal = 1
    private var bigChain: Decimal = 1

    init(_ s: [Unicode.Scalar], start: Int, limit: Int) {
        self.s = s
        self.limit = limit
        reading = NumeralReading(value: 0, start: start, end: start)
        p = start
    }

    /// Reads tokens until one cannot continue the numeral.
    mutating func run() {
        while true {
            var q = p
            var spaced = false
            if reading.tokenCount > 0 {
                q = NumeralReader.skipSpaces(s, p, limit)
                spaced = q > p
            }
            guard q < limit else { return }
            let scalar = s[q]
            let taken: Bool
            if ScalarClass.isArabicDigit(scalar.value) {
                taken = takeArabic(at: q, spaced: spaced)
            } else if NumeralToken.isPoint(scalar) {
                taken = takePoint(at: q)
            } else if NumeralToken.isFloorMarker(scalar) {
                taken = takeFloorMarker(scalar, at: q)
            } else if isClassifierBeforeYi(at: q, spaced: spaced) {
                // 两个亿: a classifier between a figure and 亿.
                p = q + 1
                taken = true
            } else if scalar == "兆" {
                // 兆 after a figure is 10^12 (6兆元, as Taiwan and Hong Kong
                // write it), except as the SI prefix mega (100兆瓦, 兆赫,
                // 兆字节), which the unit keeps; alone it is a word (兆丰).
                guard reading.tokenCount > 0, q + 1 >= limit || !"瓦赫字比帕焦欧伏位吨卡".unicodeScalars.contains(s[q + 1])
                else { return }
                taken = takeBig(12, at: q)
            } else if let token = NumeralToken.of(scalar) {
                switch token {
                case .half:
                    takeHalf(at: q, spaced: spaced)
                    return
                case .digit(let d): taken = takeDigit(d, scalar, at: q, spaced: spaced)
                case .tens(let t): taken = takeTens(t, at: q)
                case .small(let e): taken = takeSmall(e, at: q)
                case .big(let e): taken = takeBig(e, at: q)
                }
            } else {
                taken = false
            }
            if !taken { return }
        }
    }

    /// The reading, or nil when nothing was read.
    func finish() -> NumeralReading? {
        guard reading.tokenCount > 0 else { return nil }
        var r = reading
        r.end = p
        if isOneHalf {
            r.value = .half
            r.isInteger = false
            return r
        }
        r.value = total(colloquial: isColloquialDigit && last == .digit)
        r.trailingScale = chain
        r.trailingBigScale = bigChain
        r.isSingleLiang = r.tokenCount == 1 && !r.hasArabic && NumeralToken.isLiang(s[r.start])
        return r
    }

    // MARK: Tokens

    private mutating func accept(_ kind: Last, end: Int) {
        last = kind
        p = end
        reading.tokenCount += 1
    }

    private mutating func takeArabic(at q: Int, spaced: Bool) -> Bool {
        if afterDecimal || afterMarker || pending != nil { return false }
        if reading.tokenCount > 0 {
            // After a Chinese token only after a multiplier or 零 (1千零1, 3万4000), and across a
            // space only when a multiplier follows (7万 5千).
            switch last {
            case .small, .big, .zero, .tens: break
            default: return false
            }
            if spaced && !arabicFollowedByMultiplier(q) { return false }
        }
        let a = NumeralReader.readArabic(s, at: q, limit: limit)
        if a.isDecimal && reading.tokenCount > 0 { return false }
        if reading.tokenCount == 0 {
            reading.plainArabicDigits = a.isPlainInteger ? a.integerDigits : 0
            reading.hasLeadingZero = a.hasLeadingZero
            reading.isDotted = a.isDotted
            reading.dottedEnd = a.dottedEnd
        }
        if a.isDecimal {
            afterDecimal = true
            reading.isInteger = false
        }
        pending = a.value
        pendingIsChineseDigit = false
        digitFollowsMultiplier = last == .small || last == .big || last == .tens
        reading.hasArabic = true
        reading.hasDigitToken = true
        chain = 1
        bigChain = 1
        accept(.arabic, end: a.end)
        return true
    }

    /// 点 with digits after it: everything read so far becomes the integer part.
    private mutating func takePoint(at q: Int) -> Bool {
        if afterDecimal || afterMarker || reading.tokenCount == 0 { return false }
        switch last {
        case .digit, .arabic, .small, .big, .tens: break
        default: return false
        }
        let f = NumeralReader.skipSpaces(s, q + 1, limit)
        guard f < limit, NumeralToken.fractionDigit(s[f]) != nil else { return false }
        var fraction = NumeralReader.DigitAccumulator()
        var g = f
        var allArabic = true
        while g < limit, let d = NumeralToken.fractionDigit(s[g]) {
            if !ScalarClass.isArabicDigit(s[g].value) { allArabic = false }
            fraction.append(d)
            g += 1
        }
        if last == .arabic && reading.tokenCount == 1 && allArabic {
            reading.arabicDigitsAfterChinesePoint = fraction.count
        }
        let whole = total(colloquial: isColloquialDigit && last == .digit && !digitAfterSpace)
        pending = whole + fraction.value(exponent: -fraction.count)
        parts = []
        section = 0
        pendingIsChineseDigit = false
        afterDecimal = true
        reading.isInteger = false
        reading.hasDigitToken = true
        chain = 1
        bigChain = 1
        lastSmallExponent = 99
        accept(.fraction, end: g)
        return true
    }

    /// 余, 多, 几 after a figure (5000余, 十几万, 三十万多亿, 一百零几万): the figure is a floor.
    private mutating func takeFloorMarker(_ scalar: Unicode.Scalar, at q: Int) -> Bool {
        if reading.tokenCount == 0 || afterMarker { return false }
        switch last {
        case .small, .big, .tens: break
        case .arabic: if afterDecimal { return false }
        case .zero: if !NumeralToken.isJi(scalar) { return false }
        default: return false
        }
        reading.hasFloorMarker = true
        afterMarker = true
        last = .marker
        p = q + 1
        return true
    }

    private func isClassifierBeforeYi(at q: Int, spaced: Bool) -> Bool {
        (s[q] == "个" || s[q] == "個") && (pending != nil || section != 0) && !spaced
            && q + 1 < limit && (s[q + 1] == "亿" || s[q + 1] == "億")
    }

    /// 一半: one half. Any other 半 ends the numeral.
    private mutating func takeHalf(at q: Int, spaced: Bool) {
        if reading.tokenCount == 1, last == .digit, pending == 1, !spaced, !reading.hasArabic {
            isOneHalf = true
            p = q + 1
            reading.tokenCount += 1
        }
    }

    private mutating func takeDigit(
        _ d: UInt8, _ scalar: Unicode.Scalar, at q: Int, spaced: Bool
    ) -> Bool {
        if afterDecimal || afterMarker || pending != nil { return false }
        if last == .digit || last == .arabic { return false }
        if d == 0 {
            if reading.tokenCount == 0 {
                pending = 0
                pendingIsChineseDigit = true
                reading.hasChinese = true
                reading.hasDigitToken = true
                accept(.digit, end: q + 1)
            } else if last == .small || last == .big || last == .tens {
                zeroSinceMultiplier = true
                reading.hasChinese = true
                reading.hasDigitToken = true
                accept(.zero, end: q + 1)
            } else {
                return false
            }
            return true
        }
        if NumeralToken.isLiang(scalar) && reading.tokenCount > 0 && !nextIsMultiplier(q + 1) {
            // 两万两: the last 两 is the weight unit.
            return false
        }
        if spaced && last == .big && !nextIsMultiplier(q + 1) {
            // 一百万 五家: a new figure, not 一百零五万.
            return false
        }
        pending = Decimal(Int(d))
        pendingIsChineseDigit = true
        digitFollowsMultiplier = last == .small || last == .big || last == .tens
        digitAfterSpace = spaced
        reading.hasChinese = true
        reading.hasDigitToken = true
        chain = 1
        bigChain = 1
        accept(.digit, end: q + 1)
        return true
    }

    /// 廿, 卅, 卌.
    private mutating func takeTens(_ t: UInt8, at q: Int) -> Bool {
        if afterDecimal || afterMarker || pending != nil || lastSmallExponent <= 1 { return false }
        section += Decimal(Int(t)) * 10
        lastSmallExponent = 1
        lastMultiplier = 10
        zeroSinceMultiplier = false
        reading.hasChinese = true
        reading.hasDigitToken = true
        reading.hasMultiplier = true
        chain = 1
        bigChain = 1
        accept(.tens, end: q + 1)
        return true
    }

    /// 十, 百, 千.
    private mutating func takeSmall(_ e: UInt8, at q: Int) -> Bool {
        if afterMarker { return false }
        if e == 2 && startsBaiFenDian(q) { return false }
        if e == 3 && reading.tokenCount > 0 && startsQianUnit(q + 1) { return false }
        let m = Decimal.power10(Int(e))
        if afterDecimal {
            // 3.1千万
            guard let value = pending, lastSmallExponent == 99 else { return false }
            section = value * m
        } else {
            if Int(e) >= lastSmallExponent { return false }
            let multiplicand: Decimal
            if let value = pending {
                multiplicand = value
            } else {
                // An implicit 一: leading 十/百/千, after 零 (一万零十二), 十 after a larger
                // multiplier (一百十一, 伍亿柒仟万拾柒).
                switch last {
                case .none, .zero: multiplicand = 1
                case .small where e == 1, .big where e == 1: multiplicand = 1
                default: return false
                }
            }
            section += multiplicand * m
        }
        pending = nil
        pendingIsChineseDigit = false
        lastSmallExponent = Int(e)
        lastMultiplier = m
        zeroSinceMultiplier = false
        reading.hasChinese = true
        reading.hasMultiplier = true
        chain *= m
        accept(.small, end: q + 1)
        return true
    }

    /// 万, 亿: closes the group, or multiplies what precedes when stacked (万万, 万亿, 三十万多亿).
    private mutating func takeBig(_ e: UInt8, at q: Int) -> Bool {
        let b = Decimal.power10(Int(e))
        var group = total(
            parts: [], colloquial: isColloquialDigit && last == .digit && lastMultiplier < 10_000)
        if group == 0 && reading.tokenCount == 0 { group = 1 }
        if group == 0 {
            guard last == .big || last == .marker, !parts.isEmpty else { return false }
            var targets = parts.indices.filter { parts[$0].scale < b }
            if targets.isEmpty { targets = [parts.count - 1] }
            var sum: Decimal = 0
            var maxScale: Decimal = 0
            for index in targets {
                sum += parts[index].value
                if parts[index].scale > maxScale { maxScale = parts[index].scale }
            }
            parts = parts.indices.filter { !targets.contains($0) }.map { parts[$0] }
            parts.append((sum * b, maxScale * b))
        } else {
            if parts.contains(where: { $0.scale == b }) { return false }
            var sum = group
            parts.removeAll { part in
                guard part.scale < b else { return false }
                sum += part.value
                return true
            }
            parts.append((sum * b, b))
        }
        section = 0
        pending = nil
        pendingIsChineseDigit = false
        lastSmallExponent = 99
        lastMultiplier = b
        zeroSinceMultiplier = false
        afterMarker = false
        reading.hasChinese = true
        reading.hasMultiplier = true
        reading.hasBigMultiplier = true
        chain *= b
        bigChain *= b
        accept(.big, end: q + 1)
        return true
    }

    // MARK: Totals and look-ahead

    /// A lone Chinese digit right after a multiplier, with no 零 between (一万二, 两千四百五).
    private var isColloquialDigit: Bool {
        pendingIsChineseDigit && digitFollowsMultiplier && !zeroSinceMultiplier
    }

    /// Sum of the groups read so far. In colloquial speech a lone digit after a multiplier
    /// stands for the next place down: 一万二 is 12000, 两千四百五 is 2450.
    private func total(colloquial: Bool) -> Decimal {
        total(parts: parts, colloquial: colloquial)
    }

    private func total(parts: [(value: Decimal, scale: Decimal)], colloquial: Bool) -> Decimal {
        var value = section
        for part in parts { value += part.value }
        if var digit = pending {
            if colloquial && lastMultiplier >= 100 { digit = digit * lastMultiplier / 10 }
            value += digit
        }
        return value
    }

    /// Does a multiplier follow (after spaces) the Arabic number at `q`?
    private func arabicFollowedByMultiplier(_ q: Int) -> Bool {
        var r = q
        while r < limit && ScalarClass.isArabicDigit(s[r].value) { r += 1 }
        r = NumeralReader.skipSpaces(s, r, limit)
        guard r < limit, let t = NumeralToken.of(s[r]) else { return false }
        switch t {
        case .small, .big: return true
        default: return false
        }
    }

    private func nextIsMultiplier(_ q: Int) -> Bool {
        let r = NumeralReader.skipSpaces(s, q, limit)
        guard r < limit else { return false }
        if let t = NumeralToken.of(s[r]) {
            switch t {
            case .small, .big: return true
            default: return false
            }
        }
        // 两个亿
        return (s[r] == "个" || s[r] == "個") && r + 1 < limit && (s[r + 1] == "亿" || s[r + 1] == "億")
    }

    /// 千 starting a unit word (千米, 千克, 千瓦, 千帕, 千卡, 千伏, 千焦, 千赫): the 千 belongs to the
    /// unit, not to the number (`一千米` is 1 千米).
    private func startsQianUnit(_ q: Int) -> Bool {
        guard q < limit else { return false }
        switch s[q] {
        case "米", "克", "瓦", "帕", "卡", "伏", "焦", "赫": return true
        default: return false
        }
    }

    /// 百分点 after a number: the 百 belongs to the unit (`5百分点`).
    private func startsBaiFenDian(_ q: Int) -> Bool {
        var r = NumeralReader.skipSpaces(s, q + 1, limit)
        guard r < limit, s[r] == "分" else { return false }
        r = NumeralReader.skipSpaces(s, r + 1, limit)
        return r < limit && NumeralToken.isPoint(s[r])
    }
}
