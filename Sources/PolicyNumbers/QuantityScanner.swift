import Foundation

/// Finds every quantity in Chinese text: the figure, its unit, its comparator and the exact
/// span it was written in.
///
/// The scanner reads every numeral form `ChineseNumeral` reads, units (money is converted to
/// 元 and other currencies keep their name; shares become `%`; classifiers are kept as written,
/// in simplified characters), comparator words before and after the figure, and ranges
/// (`10-20万元` gives 100000 元 `>=` and 200000 元 `<=`). It leaves out what states no quantity:
/// dates and calendar years, ordinals (第8期), codes and names (5G, “8810”, 十四五, 四川),
/// idioms (千方百计, 一切), vague amounts (数十家, 一批), list numbers, telephone numbers and
/// URLs.
///
/// Figures that qualify a metric are reported too (`估值过百亿企业10家以上` yields `过百亿` and
/// `10家以上`): deciding which figure is a goal is the caller's job.
///
/// ```swift
/// let scanner = QuantityScanner()
/// for q in scanner.quantities(in: "产业规模达8000亿元以上、力争1万亿元") {
///     print(q.value, q.unit ?? "", q.comparator?.rawValue ?? "")
/// }
/// // 800000000000 元 >=
/// // 1000000000000 元
/// ```
public struct QuantityScanner: Sendable {
    let tables: Tables

    public init() {
        tables = Tables.shared
    }

    /// Every quantity in `text`, in order of position, non-overlapping.
    ///
    /// - Complexity: O(n) in the length of `text`. Text without digits or numeral characters
    ///   costs one table look-up per scalar.
    public func quantities(in text: String) -> [Quantity] {
        quantities(in: Array(text.unicodeScalars))
    }

    /// Every quantity in a text given as its Unicode scalars; offsets index `scalars`.
    ///
    /// - Complexity: O(n) in the number of scalars.
    public func quantities(in scalars: [Unicode.Scalar]) -> [Quantity] {
        var found: [Quantity] = []
        let n = scalars.count
        let bits = tables.triggerBits
        var i = 0
        var floor = 0
        while i < n {
            let v = scalars[i].value
            // Fast path: most scalars cannot start a quantity.
            if v < 0x80 {
                if v &- 0x30 >= 10 && v != 0x68 && v != 0x48 && v != 0x77 && v != 0x57
                    && v != 0x66 && v != 0x46
                {
                    i += 1
                    continue
                }
            } else if v &- 0x3000 < 0x7000 {
                let k = Int(v &- 0x3000)
                if bits[k &>> 6] & (1 &<< UInt64(k & 63)) == 0 {
                    i += 1
                    continue
                }
            } else if v &- 0xFF10 >= 10 {
                i += 1
                continue
            }
            switch step(scalars, at: i, floor: floor) {
            case .emit(let quantities, let next):
                found.append(contentsOf: quantities)
                floor = next
                i = max(next, i + 1)
            case .skip(let next):
                i = max(next, i + 1)
            }
        }
        return found
    }
}

// MARK: - Tables

extension QuantityScanner {
    /// A subunit of a currency (角, 分, 美分) with its value in that currency.
    struct MoneySubunit: Sendable {
        var currency: String
        var factor: Decimal
    }

    /// The word tables the scanner matches against, built once and shared.
    /// A class: the scanner is copied into every extractor and closure, and a
    /// struct of seventeen tables would be retained field by field each time.
    final class Tables: Sendable {
        static let shared = Tables()

        /// One bit per scalar in U+3000..<U+A000: can it start a quantity?
        let triggerBits: [UInt64]
        let units: WordTrie<UnitInfo>
        let latinUnits: WordTrie<String>
        let moneySubunits: WordTrie<MoneySubunit>
        let suffixes: WordTrie<SuffixInfo>
        let prefixes: WordTrie<PrefixInfo>
        let fillers: WordTrie<Bool>
        let negatives: WordTrie<Bool>
        let currencyPrefixes: WordTrie<String>
        let temperaturePrefixes: WordTrie<String>
        let timeOfDay: WordTrie<Bool>
        let idioms: WordTrie<Bool>
        let moneyKeywords: WordTrie<Bool>
        let countKeywords: WordTrie<Bool>
        let nonMoneyHeads: WordTrie<Bool>
        let codeKeywords: WordTrie<Bool>

        init() {
            var bits = [UInt64](repeating: 0, count: 0x7000 / 64)
            for v in UInt32(0x3000)..<UInt32(0xA000) {
                guard let scalar = Unicode.Scalar(v) else { continue }
                if NumeralToken.of(scalar) != nil || scalar == "米" {
                    let k = Int(v - 0x3000)
                    bits[k >> 6] |= 1 << UInt64(k & 63)
                }
            }
            triggerBits = bits
            units = WordTrie(QuantityScanner.unitEntries())
            latinUnits = WordTrie(QuantityScanner.latinUnitEntries())
            moneySubunits = WordTrie(
                QuantityScanner.moneySubunitEntries().map {
                    ($0.0, MoneySubunit(currency: $0.1.currency, factor: $0.1.factor))
                })
            suffixes = WordTrie(QuantityScanner.suffixComparatorEntries())
            prefixes = WordTrie(QuantityScanner.prefixComparatorEntries(), reversed: true)
            fillers = WordTrie(QuantityScanner.fillerEntries().map { ($0, true) }, reversed: true)
            negatives = WordTrie(QuantityScanner.negativeEntries().map { ($0, true) }, reversed: true)
            currencyPrefixes = WordTrie(QuantityScanner.currencyPrefixEntries(), reversed: true)
            temperaturePrefixes = WordTrie(QuantityScanner.temperaturePrefixEntries(), reversed: true)
            timeOfDay = WordTrie(QuantityScanner.timeOfDayEntries().map { ($0, true) }, reversed: true)
            idioms = WordTrie(QuantityScanner.idiomEntries().map { ($0, true) })
            moneyKeywords = WordTrie(QuantityScanner.moneyKeywordEntries().map { ($0, true) })
            countKeywords = WordTrie(QuantityScanner.countKeywordEntries().map { ($0, true) })
            nonMoneyHeads = WordTrie(QuantityScanner.nonMoneyHeadEntries().map { ($0, true) })
            codeKeywords = WordTrie(QuantityScanner.codeKeywordEntries().map { ($0, true) })
        }
    }
}

// MARK: - One step of the scan

extension QuantityScanner {
    enum Step {
        /// Quantities found; scanning resumes at `next`.
        case emit([Quantity], next: Int)
        /// Nothing here; scanning resumes at the index given.
        case skip(Int)
    }

    enum TrapReason: Equatable {
        case year, date, other
    }

    /// A figure with its unit and the comparator written after it, before the words in front of
    /// it are looked at.
    struct Body {
        var reading: NumeralReading
        var value: Decimal
        var unit: String?
        var unitKind: UnitInfo.Kind?
        /// What the unit multiplied the figure by (成 10, 角 0.1, 打 12), for ranges.
        var unitFactor: Decimal = 1
        var isMagnitudeClass = false
        /// 余 or 多 after 个 or after a duration (两个多月, 一年多).
        var floorMarker = false
        var suffix: Comparator?
        /// 大/高/多 or 低/小/少 right after the figure, which a 比 before it turns into a
        /// comparator (比三十大), and where it ends.
        var comparative: (comparator: Comparator, end: Int)?
        var end: Int
    }

    enum BodyOutcome {
        case body(Body)
        case trap(Int, TrapReason)
        case none
    }

    /// The words in front of a figure: sign, currency, temperature scale and comparator.
    struct Prefixes {
        /// Start of the quantity's surface, comparator words included.
        var start: Int
        /// Start without the comparator and its filler.
        var innerStart: Int
        var negative = false
        var currency: String?
        var temperature: String?
        var comparator: Comparator?
        var kind: PrefixInfo.Kind = .plain
        var hasComparatorWord = false

        var isEmpty: Bool {
            !negative && currency == nil && temperature == nil && !hasComparatorWord
        }
    }

    @inline(__always)
    func skipSpacesBackward(_ s: [Unicode.Scalar], _ b: Int, floor: Int) -> Int {
        var c = b
        while c > floor && ScalarClass.isHorizontalSpace(s[c - 1].value) { c -= 1 }
        return c
    }

    func unitStarts(_ s: [Unicode.Scalar], at e: Int) -> Bool {
        guard e < s.count else { return false }
        if s[e] == "%" || s[e] == "％" { return true }
        return tables.units.match(s, at: e) != nil
    }

    func suffixStarts(_ s: [Unicode.Scalar], at e: Int) -> Bool {
        e < s.count && tables.suffixes.match(s, at: e, allowSpaces: true) != nil
    }

    /// The end of a figure is a boundary: end of text, a non-ideograph, or a comparator word.
    func isBoundary(_ s: [Unicode.Scalar], _ e: Int) -> Bool {
        e >= s.count || !ScalarClass.isIdeograph(s[e].value) || suffixStarts(s, at: e)
    }

    func step(_ s: [Unicode.Scalar], at i: Int, floor: Int) -> Step {
        let scalar = s[i]
        let v = scalar.value
        if v < 0x80 && !ScalarClass.isArabicDigit(v) {
            if let end = urlEnd(s, at: i) { return .skip(end) }
            return .skip(i + 1)
        }
        if scalar == "米" { return miJiu(s, at: i, floor: floor) }
        let isArabic = ScalarClass.isArabicDigit(v)
        if isArabic && isGluedOnLeft(s, at: i) { return .skip(codeRunEnd(s, from: i)) }
        if !isArabic, let end = idiomEnd(s, at: i) { return .skip(end) }
        if isVague(s, at: i) || isUnitLabel(s, at: i) || isOrdinal(s, at: i, floor: floor) {
            return .skip(numeralRunEnd(s, from: i))
        }
        switch readBody(s, at: i) {
        case .none:
            return .skip(numeralRunEnd(s, from: i))
        case .trap(let end, let reason):
            if reason == .year, let rangeEnd = yearRangeEnd(s, after: end) { return .skip(rangeEnd) }
            return .skip(end)
        case .body(let body):
            if let step = range(s, left: body, floor: floor) { return step }
            if let quantity = assemble(s, body, floor: floor) {
                return .emit([quantity], next: quantity.end)
            }
            return .skip(numeralRunEnd(s, from: i))
        }
    }

    /// 米九 (1.9 米): a bare 米 followed by the tenths digit.
    private func miJiu(_ s: [Unicode.Scalar], at i: Int, floor: Int) -> Step {
        let n = s.count
        guard i + 1 < n, let d = NumeralToken.plainDigit(s[i + 1]), d > 0 else { return .skip(i + 1) }
        let leftOpen =
            i == 0 || !ScalarClass.isIdeograph(s[i - 1].value)
            || tables.prefixes.matchBackward(s, endingAt: i, floor: floor) != nil
        guard leftOpen, isBoundary(s, i + 2) else { return .skip(i + 1) }
        var reading = NumeralReading(value: 1 + Decimal(Int(d)) / 10, start: i, end: i + 2)
        reading.hasChinese = true
        reading.hasDigitToken = true
        reading.isInteger = false
        reading.tokenCount = 2
        var body = Body(reading: reading, value: reading.value, unit: "米", unitKind: .measure, end: i + 2)
        readSuffix(s, &body)
        if let quantity = assemble(s, body, floor: floor) {
            return .emit([quantity], next: quantity.end)
        }
        return .skip(i + 2)
    }

    /// After a calendar year trap, a second year joined by a dash or 至/到 (2025—2027年).
    private func yearRangeEnd(_ s: [Unicode.Scalar], after end: Int) -> Int? {
        let n = s.count
        let c = NumeralReader.skipSpaces(s, end, n)
        guard c < n, isRangeConnector(s[c]) else { return nil }
        let j = NumeralReader.skipSpaces(s, c + 1, n)
        guard j < n, let r = NumeralReader.readNumber(s, at: j, limit: n), isYearLike(r) else {
            return nil
        }
        let k = NumeralReader.skipSpaces(s, r.end, n)
        if k < n && s[k] == "年" { return k + 1 }
        return r.end
    }

    func isRangeConnector(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "-", "－", "—", "–", "~", "～", "〜", "―", "至", "到": return true
        default: return false
        }
    }

    /// A year of the Republic of China calendar, as Taiwan writes it: three
    /// digits read one by one (一一五年), or a figure after 民国 (民國114年).
    func isTaiwanYear(_ s: [Unicode.Scalar], _ r: NumeralReading) -> Bool {
        guard r.form == .number, r.isInteger, r.value >= 1, r.value <= 200 else { return false }
        if r.isDigitSequence && r.digitSequenceLength == 3 { return true }
        let k = r.start
        return k >= 2 && (s[k - 1] == "国" || s[k - 1] == "國") && s[k - 2] == "民"
    }

    /// A calendar year: four digits, 1900–2099, written in Arabic or digit by digit.
    func isYearLike(_ r: NumeralReading) -> Bool {
        guard r.form == .number, r.isInteger, r.value >= 1900, r.value <= 2099 else { return false }
        return r.plainArabicDigits == 4 || (r.isDigitSequence && r.digitSequenceLength == 4)
    }
}

// MARK: - Reading a figure with its unit

extension QuantityScanner {
    func readBody(_ s: [Unicode.Scalar], at i: Int) -> BodyOutcome {
        let n = s.count
        guard
            let reading = NumeralReader.readValue(
                s, at: i, limit: n, percentWords: true,
                unitFollows: { self.unitStarts(s, at: $0) })
        else { return .none }
        if reading.isDotted { return .trap(max(reading.dottedEnd, reading.end), .date) }
        let e = reading.end

        // A numeral character glued on that the reader could not take (十三五, 三七二十一):
        // the whole run is a name, not a figure.
        if e < n, NumeralToken.isNumeralScalar(s[e]), s[e] != "半", !unitStarts(s, at: e) {
            return .trap(numeralRunEnd(s, from: e), .other)
        }

        var body = Body(reading: reading, value: reading.value, end: e)
        let endsWithArabic = e > 0 && ScalarClass.isArabicDigit(s[e - 1].value)
        if e < n && endsWithArabic {
            let next = s[e].value
            if ScalarClass.isLatinLetter(next) {
                // 5G, 4K, 3D are codes; 300EFLOPS, 10GW are units.
                if let m = tables.latinUnits.match(s, at: e),
                    m.end == n
                        || !(ScalarClass.isLatinLetter(s[m.end].value)
                            || ScalarClass.isArabicDigit(s[m.end].value))
                {
                    body.unit = m.payload
                    body.unitKind = .measure
                    body.end = m.end
                    readSuffix(s, &body)
                    return .body(body)
                }
                return .trap(codeRunEnd(s, from: i), .other)
            }
            let after: UInt32? = e + 1 < n ? s[e + 1].value : nil
            switch next {
            case 0x40, 0x5F:  // @ _
                return .trap(codeRunEnd(s, from: i), .other)
            case 0x2B, 0xFF0B:  // + joining two terms: “1+3+N”, “20+8”
                if let after, ScalarClass.isArabicDigit(after) || ScalarClass.isLatinLetter(after) {
                    return .trap(codeRunEnd(s, from: i), .other)
                }
            case 0x2E:  // file names and domains: 163.com
                if let after, ScalarClass.isLatinLetter(after) {
                    return .trap(codeRunEnd(s, from: i), .other)
                }
            case 0x3A, 0xFF1A, 0xB7, 0x2022, 0x30FB, 0xD7, 0x2A:  // 10:30, 3·15, 7×24
                if let after, ScalarClass.isArabicDigit(after) {
                    return .trap(codeRunEnd(s, from: i), .date)
                }
            default:
                break
            }
        }

        if reading.form == .percentWord {
            body.unit = "%"
            body.unitKind = .percent
        } else if let trap = readUnit(s, &body) {
            return .trap(trap.end, trap.reason)
        }
        readSuffix(s, &body)
        return .body(body)
    }
}
