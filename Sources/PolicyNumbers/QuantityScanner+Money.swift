import Foundation

// MARK: - Amounts of money written in several units

extension QuantityScanner {
    /// 5元3角2分, 九十九块九, 三块零四, 一百块钱, 伍仟元整, 三万元欧元.
    func continueMoney(_ s: [Unicode.Scalar], _ body: inout Body, isKuai: Bool) {
        let n = s.count
        guard let currency = body.unit else { return }
        var value = body.value
        var p = body.end
        var r = NumeralReader.skipSpaces(s, p, n)
        if r < n && s[r] == "又" { r = NumeralReader.skipSpaces(s, r + 1, n) }
        var zero = false
        if r + 1 < n, s[r] == "零" || s[r] == "〇", NumeralToken.plainDigit(s[r + 1]) != nil {
            zero = true
            r += 1
        }
        if body.reading.form == .number, r < n, NumeralToken.isNumeralScalar(s[r]),
            let num = NumeralReader.readNumber(s, at: r, limit: n), num.isInteger, num.value < 100,
            !num.hasFloorMarker, !num.isHalf
        {
            let a = NumeralReader.skipSpaces(s, num.end, n)
            if let sub = tables.moneySubunits.match(s, at: a), sub.payload.currency == currency,
                sub.end >= n || !ScalarClass.isIdeograph(s[sub.end].value)
                    || "钱錢整角毛".unicodeScalars.contains(s[sub.end])
                    || NumeralToken.of(s[sub.end]) != nil
            {
                value += num.value * sub.payload.factor
                p = sub.end
                if sub.payload.factor == Decimal.tenth {
                    p = readFen(s, after: p, adding: &value)
                }
            } else if isKuai && !zero && !num.hasArabic && num.tokenCount == 1 && num.value < 10
                && isMoneyTailBoundary(s, num.end)
            {
                value += num.value / 10
                p = num.end
            } else if zero && num.value < 10 && isMoneyTailBoundary(s, num.end) {
                value += num.value / 100
                p = num.end
            }
        }
        if p < n && (s[p] == "钱" || s[p] == "錢") { p += 1 }
        if currency == "元" && p < n {
            if s[p] == "整" {
                p += 1
            } else if s[p] == "正" && (p + 1 == n || !ScalarClass.isIdeograph(s[p + 1].value)) {
                p += 1
            }
        }
        // A second currency word names the currency: 三万元欧元, 9000元日币, 8亿元人民币.
        let c = NumeralReader.skipSpaces(s, p, n)
        if let m = tables.units.match(s, at: c), m.payload.kind == .money {
            body.unit = m.payload.canonical
            p = m.end
        }
        body.value = value
        body.end = p
    }

    /// 九毛九, 两角五分, 九角九分.
    func continueMoneyFraction(_ s: [Unicode.Scalar], _ body: inout Body, _ info: UnitInfo) {
        var value = body.value
        var p = body.end
        if info.factor == Decimal.tenth && !(p > 0 && (s[p - 1] == "钱" || s[p - 1] == "錢")) {
            p = readFen(s, after: p, adding: &value)
        }
        if p < s.count && (s[p] == "钱" || s[p] == "錢") { p += 1 }
        body.value = value
        body.end = p
    }

    /// After 角 or 毛: `[零]N分` or a bare digit, both in hundredths of a 元.
    func readFen(_ s: [Unicode.Scalar], after start: Int, adding value: inout Decimal) -> Int {
        let n = s.count
        var r = NumeralReader.skipSpaces(s, start, n)
        if r + 1 < n && (s[r] == "零" || s[r] == "〇") { r += 1 }
        guard r < n, NumeralToken.isNumeralScalar(s[r]),
            let num = NumeralReader.readNumber(s, at: r, limit: n), num.isInteger, num.value < 10,
            !num.isHalf
        else { return start }
        let a = NumeralReader.skipSpaces(s, num.end, n)
        if a < n && s[a] == "分" && (a + 1 == n || !"钟鐘之".unicodeScalars.contains(s[a + 1])) {
            value += num.value / 100
            return a + 1
        }
        if !num.hasArabic && num.tokenCount == 1 && isMoneyTailBoundary(s, num.end) {
            value += num.value / 100
            return num.end
        }
        return start
    }

    func isMoneyTailBoundary(_ s: [Unicode.Scalar], _ e: Int) -> Bool {
        isBoundary(s, e) || (e < s.count && (s[e] == "钱" || s[e] == "錢"))
    }
}
