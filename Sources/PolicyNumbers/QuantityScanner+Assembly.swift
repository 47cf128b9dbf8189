import Foundation

extension QuantityScanner {
    /// Reads the words in front of a figure, back to `floor` (the end of the previous quantity):
    /// a minus (负, 负的, 零下, -), a currency (人民币, 港币, ￥), a temperature scale (摄氏, 华氏),
    /// in any order, then a comparator, possibly followed by a filler (超过了, 至少有, 最高给予).
    ///
    /// - Complexity: O(length of the longest word), independent of the text's length.
    func readPrefixes(_ s: [Unicode.Scalar], before coreStart: Int, floor: Int) -> Prefixes {
        var p = Prefixes(start: coreStart, innerStart: coreStart)
        var b = coreStart
        for _ in 0..<4 {
            let c = skipSpacesBackward(s, b, floor: floor)
            if !p.negative {
                if c == b, b - 1 >= floor, isMinusSign(s[b - 1]), isMinusAllowed(s, at: b - 1) {
                    p.negative = true
                    b -= 1
                    continue
                }
                if let m = tables.negatives.matchBackward(s, endingAt: c, floor: floor),
                    !(m.start > 0 && s[m.start - 1] == "正")
                {
                    p.negative = true
                    b = m.start
                    continue
                }
            }
            if p.temperature == nil,
                let m = tables.temperaturePrefixes.matchBackward(s, endingAt: c, floor: floor)
            {
                p.temperature = m.payload
                b = m.start
                continue
            }
            if p.currency == nil,
                let m = tables.currencyPrefixes.matchBackward(s, endingAt: c, floor: floor)
            {
                p.currency = m.payload
                b = m.start
                continue
            }
            break
        }
        p.start = b
        p.innerStart = b

        let c = skipSpacesBackward(s, b, floor: floor)
        var word = comparatorWord(s, endingAt: c, floor: floor)
        if word == nil, let filler = tables.fillers.matchBackward(s, endingAt: c, floor: floor) {
            word = comparatorWord(
                s, endingAt: skipSpacesBackward(s, filler.start, floor: floor), floor: floor)
        }
        if let word {
            p.comparator = word.payload.comparator
            p.kind = word.payload.kind
            p.hasComparatorWord = true
            p.start = word.start
        }
        return p
    }

    /// The comparator word ending at `end`, unless its context shows it is part of another word
    /// (通过, 签约).
    private func comparatorWord(
        _ s: [Unicode.Scalar], endingAt end: Int, floor: Int
    ) -> (payload: PrefixInfo, start: Int)? {
        guard let m = tables.prefixes.matchBackward(s, endingAt: end, floor: floor, allowSpaces: true)
        else { return nil }
        let before: UInt32? = m.start > 0 ? ScalarClass.fold(s[m.start - 1].value) : nil
        switch m.payload.kind {
        case .guo:
            if let before, QuantityScanner.guoExcludedBefore.contains(before) { return nil }
        case .yue:
            if let before, QuantityScanner.yueExcludedBefore.contains(before) { return nil }
        default:
            break
        }
        return m
    }

    private func isMinusSign(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "－" || scalar == "−"
    }

    /// A dash is a minus only where it cannot join two figures (2025-2027, 1万-2万, 5%-10%).
    private func isMinusAllowed(_ s: [Unicode.Scalar], at index: Int) -> Bool {
        guard index > 0 else { return true }
        let before = s[index - 1]
        let v = before.value
        if ScalarClass.isArabicDigit(v) || ScalarClass.isLatinLetter(v) { return false }
        if NumeralToken.of(before) != nil { return false }
        switch before {
        case "%", "％", ")", "）", "-", "－", "—": return false
        default: break
        }
        // After a unit word (元-, 年-) the dash joins a range.
        if tables.units.match(s, at: index - 1) != nil { return false }
        return true
    }

    /// Builds the quantity for `body`: reads the words in front of it, applies sign, currency
    /// and comparator, and checks the context. Returns nil when the figure states no quantity.
    func assemble(
        _ s: [Unicode.Scalar], _ body: Body, floor: Int, forced: Comparator? = nil,
        allowPrefix: Bool = true
    ) -> Quantity? {
        let r = body.reading
        var prefix = Prefixes(start: r.start, innerStart: r.start)
        if allowPrefix { prefix = readPrefixes(s, before: r.start, floor: floor) }
        var end = body.end
        var prefixComparator = prefix.comparator
        switch prefix.kind {
        case .bi:
            // 比三十大: 比 makes a comparator only with 大/小 … after the figure.
            if let comparative = body.comparative {
                prefixComparator = comparative.comparator
                end = max(end, comparative.end)
            } else {
                prefixComparator = nil
                prefix.start = prefix.innerStart
                prefix.hasComparatorWord = false
            }
        case .jin where body.unitKind == .time:
            // 近3年: the last three years, not "nearly three".
            prefixComparator = nil
            prefix.start = prefix.innerStart
            prefix.hasComparatorWord = false
        default:
            break
        }

        var value = body.value
        if prefix.negative { value = -value }
        var unit = body.unit
        if let currency = prefix.currency,
            unit == nil || body.unitKind == .money || body.unitKind == .moneyFraction
        {
            unit = currency
        }
        if let scale = prefix.temperature, unit == nil || unit == "度" {
            unit = scale
        }
        let marker: Comparator? = r.hasFloorMarker || body.floorMarker ? .greaterThan : nil
        let comparator = forced ?? body.suffix ?? marker ?? prefixComparator

        guard isContextAccepted(s, body, prefix: prefix, unit: unit, comparator: comparator) else {
            return nil
        }
        // A figure beyond Decimal's range (160 digits, 亿 stacked forty
        // times) is no quantity: its value would be NaN.
        guard !value.isNaN, !body.value.isNaN else { return nil }
        let start = prefix.start
        if start > 0 && ScalarClass.isOpeningQuote(s[start - 1].value) { return nil }
        if isInsideShortQuote(s, start: start, end: end) { return nil }
        if isInsideBookTitle(s, start) { return nil }

        // A figure in 亿 with no unit, in a clause about money (估值过百亿, 规模达8000亿): 元.
        if unit == nil, !body.isMagnitudeClass, r.form == .number, r.hasBigMultiplier,
            abs(value) >= 100_000_000, isMoneyContext(s, before: start)
        {
            unit = "元"
        }
        return Quantity(
            value: value, unit: unit, comparator: comparator,
            surface: String(String.UnicodeScalarView(s[start..<end])), start: start, end: end,
            isMagnitudeClass: body.isMagnitudeClass, isFraction: r.form == .fraction)
    }

    /// Does the text around a figure show that it is a quantity?
    ///
    /// A Chinese numeral without a unit must stand apart from other ideographs, since numeral
    /// characters are common inside words: a single character (一, 十, 两) needs boundaries on
    /// both sides (so 一看, 统一, 陆地 are no figures), a numeral of several characters needs
    /// one after it, unless it holds 万 or 亿 (二十亿建设). A bare multiplier (千万, 百亿) needs
    /// boundaries or a comparator before it (过百亿企业). Bare figures that number a list
    /// (`1.`, `一、`, `（1）`) or follow a Latin word (DPA 2018) are no quantities either.
    private func isContextAccepted(
        _ s: [Unicode.Scalar], _ body: Body, prefix: Prefixes, unit: String?,
        comparator: Comparator?
    ) -> Bool {
        let n = s.count
        let r = body.reading
        if r.isSingleLiang && unit == "两" { return false }
        let before: UInt32? = r.start > 0 ? s[r.start - 1].value : nil
        let after: UInt32? = r.end < n ? s[r.end].value : nil
        // Financial digits alone are common words (登陆, 队伍, 收拾, 放肆).
        if r.tokenCount == 1, !r.hasArabic, let before, ScalarClass.isIdeograph(before),
            "零陆陸伍拾肆柒捌玖叁參叄贰貳壹".unicodeScalars.contains(s[r.start])
        {
            return false
        }
        // A unit written after the figure; a currency or scale in front does not count here.
        let hasUnit = body.unit != nil || body.isMagnitudeClass || body.unitKind == .dozen
        if hasUnit { return true }
        if r.isHalf { return false }

        if !r.hasArabic && r.form == .number {
            let leftOpen = before.map { !ScalarClass.isIdeograph($0) } ?? true || !prefix.isEmpty
            let rightOpen =
                after.map { !ScalarClass.isIdeograph($0) } ?? true || body.suffix != nil
                || body.comparative != nil
            if r.isBareMultiplier {
                if !(leftOpen && rightOpen) && !(prefix.hasComparatorWord && r.hasBigMultiplier) {
                    return false
                }
            } else if r.tokenCount == 1 || r.isDigitSequence {
                if !(leftOpen && rightOpen) { return false }
            } else if !rightOpen && !r.hasBigMultiplier && !prefix.hasComparatorWord {
                return false
            }
        }
        if r.hasArabic && comparator == nil && prefix.isEmpty {
            // 01, 0851: codes and list numbers; a bare figure first on its line and followed
            // by a space is a list or page number (- 10 南昌出台…).
            if r.hasLeadingZero { return false }
            // 2.0, 4.0 with no unit: a version (工业互联网2.0), not an amount.
            if !r.isInteger && r.form == .number && !r.hasMultiplier && isWhole(r.value) { return false }
            // Seven digits or more with no unit: a telephone number or a code, not an amount.
            if r.plainArabicDigits >= 7 { return false }
            if isCodeContext(s, before: r.start) { return false }
            if let after, ScalarClass.isHorizontalSpace(after), isAtLineStart(s, r.start) {
                return false
            }
        }
        if r.hasArabic && comparator == nil && prefix.isEmpty, r.start >= 2,
            s[r.start - 1].value == 0x20, ScalarClass.isLatinLetter(s[r.start - 2].value)
        {
            return false
        }
        if comparator == nil && r.isInteger && r.form == .number && !prefix.negative {
            // (1), （一）, 〔2024〕, [3], 【5】: list numbers and document numbers.
            if let before, let after,
                [0x28, 0xFF08, 0x3014, 0x5B, 0xFF3B, 0x3010].contains(before),
                [0x29, 0xFF09, 0x3015, 0x5D, 0xFF3D, 0x3011].contains(after)
            {
                return false
            }
            if let after {
                switch after {
                case 0x2E, 0xFF0E, 0x3001, 0x29, 0xFF09:
                    if isAtLineStart(s, r.start) { return false }
                    if after == 0x3001, let before,
                        [0xFF1A, 0x3A, 0x3002, 0xFF1B, 0x3B, 0x3001].contains(before)
                    {
                        return false
                    }
                default:
                    break
                }
            }
        }
        return true
    }

    private func isWhole(_ value: Decimal) -> Bool {
        var rounded = Decimal()
        var copy = value
        NSDecimalRound(&rounded, &copy, 0, .plain)
        return rounded == value
    }
}
