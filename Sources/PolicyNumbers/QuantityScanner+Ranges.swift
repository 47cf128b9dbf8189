import Foundation

extension QuantityScanner {
    /// A range `X-Y`, `X至Y`, `X到Y` with one unit written after Y: two quantities, `>= X` and
    /// `<= Y`, where X takes Y's unit and multiplier when it has none (`10-20万元` is
    /// 100000 元 to 200000 元). The left quantity's surface is its own figure (with the words in
    /// front of it); the connector belongs to neither.
    ///
    /// Returns nil when what follows `left` is no range, so that `left` stands alone. Year
    /// ranges (2025—2027年), month ranges (1-3月) and dash chains (0851-86798090, 2025-03-10)
    /// are skipped whole.
    func range(_ s: [Unicode.Scalar], left: Body, floor: Int) -> Step? {
        let n = s.count
        guard left.suffix == nil, !left.reading.hasFloorMarker, !left.floorMarker,
            !left.isMagnitudeClass
        else { return nil }
        let c = NumeralReader.skipSpaces(s, left.end, n)
        guard c < n, isRangeConnector(s[c]) else { return nil }
        var a = c + 1
        if s[c] == "—" && a < n && s[a] == "—" { a += 1 }
        let j = NumeralReader.skipSpaces(s, a, n)
        guard j < n, NumeralToken.isNumeralScalar(s[j]), s[j] != "半" else { return nil }
        if ScalarClass.isArabicDigit(s[j].value) && isGluedOnLeft(s, at: j) && !isRangeConnector(s[j - 1]) {
            return nil
        }

        let leftIsYear = isYearLike(left.reading) && left.unit == nil
        switch readBody(s, at: j) {
        case .none:
            return nil
        case .trap(let end, let reason):
            if leftIsYear && reason == .year { return .skip(end) }
            if reason == .date && left.unit == nil && left.reading.isInteger && left.reading.value <= 31 {
                return .skip(end)
            }
            if left.reading.hasLeadingZero { return .skip(end) }
            return nil
        case .body(let right):
            if leftIsYear && isYearLike(right.reading) { return .skip(right.end) }
            if left.reading.hasLeadingZero || right.reading.hasLeadingZero || isDashChain(s, right.end) {
                return .skip(codeRunEnd(s, from: right.reading.start))
            }
            var l = left
            if l.unit == nil {
                if !l.reading.hasMultiplier {
                    l.value *= right.reading.trailingScale
                } else if !l.reading.hasBigMultiplier {
                    l.value *= right.reading.trailingBigScale
                }
                if let unit = right.unit {
                    l.value *= right.unitFactor
                    l.unit = unit
                    l.unitKind = right.unitKind
                }
            } else if l.unit != right.unit {
                return nil
            }
            guard l.value < right.value else { return nil }
            let leftQuantity = assemble(s, l, floor: floor, forced: .atLeast)
            let rightQuantity = assemble(
                s, right, floor: leftQuantity?.end ?? floor, forced: .atMost, allowPrefix: false)
            let quantities = [leftQuantity, rightQuantity].compactMap { $0 }
            guard !quantities.isEmpty else { return nil }
            return .emit(quantities, next: right.end)
        }
    }

    /// Another dash and digit after a range's right side: a code or a date, not a range.
    private func isDashChain(_ s: [Unicode.Scalar], _ e: Int) -> Bool {
        guard e + 1 < s.count else { return false }
        return (s[e] == "-" || s[e] == "－") && ScalarClass.isArabicDigit(s[e + 1].value)
    }
}
