import Foundation

extension QuantityScanner {
    /// Words and names that contain numeral characters but state no quantity. The scanner skips
    /// them wherever a numeral of theirs would start a figure.
    ///
    /// Most such words need no entry: a lone Chinese numeral glued to other ideographs with no
    /// unit after it is rejected anyway (一看, 四川, 三中全会, 二十大). The entries here are the
    /// ones that would otherwise pass: the numeral is followed by a unit character (一次性,
    /// 七台河, 百度, 千家万户), stands at a clause end (统一。, 唯一，), or is vague (一批).
    static func idiomEntries() -> [String] {
        [
            // 一 in common words.
            "一切", "一些", "一定", "一起", "一般", "一直", "一致", "一律", "一并", "一旦", "一向",
            "一样", "一流", "一线", "一批", "一系列", "一次性", "一站式", "一揽子", "一把手", "一张网",
            "一件事", "一盘棋", "一网通办", "一网统管", "一码通", "一体", "一方面", "一手", "一下",
            "一番", "一时", "一同", "一再", "一概", "一贯", "一味", "一连串", "一举", "一键", "一部分",
            "一对一", "一刀切", "一票否决", "一条龙", "一门式", "一如既往", "一以贯之", "一张蓝图",
            "一抓到底", "一度成为", "一窗", "一网", "一屏", "一类", "一号", "一户一", "一人一",
            "一年一度", "一个中心", "一个都不能少", "一季度", "一把", "一口气", "一场空",
            "统一", "唯一", "同一", "单一", "逐一", "之一", "万一", "一一", "进一步", "均一", "专一",
            "划一", "合一", "归一", "如一", "独一无二", "不一", "第一",
            // Other numerals in words and idioms.
            "三七二十一", "三心二意", "接二连三", "独二", "二手", "三三两两", "一举两得", "两两",
            "千方百计", "千行百业", "千家万户", "万家灯火", "百家争鸣", "百花齐放", "万众一心",
            "千篇一律", "千千万万", "成千上万", "成百上千", "数以万计", "数以千计", "数以亿计",
            "数以百计", "以万计", "十全十美", "十万火急", "百万雄师", "万无一失", "一五一十",
            "五湖四海", "四面八方", "三令五申", "七上八下", "乱七八糟", "九牛一毛", "一石二鸟",
            "千人计划", "万人计划", "百人会", "千军万马", "万水千山", "千山万水", "千差万别",
            "千变万化", "千丝万缕", "千锤百炼", "百年大计", "千秋万代", "万物", "十分重要",
            "一百年不动摇", "两个确立", "两个维护", "三个代表", "四个意识", "四个自信",
            // Place and brand names.
            "四川", "五角大楼", "七台河", "五台山", "五家渠", "三门峡", "百度", "千岛湖", "九寨沟",
            "三里屯", "十里河", "五指山", "八达岭", "六盘水", "三沙", "万宁", "万州", "一汽", "二汽",
            "三星", "五粮液", "三一重工", "百色",
            // Holidays and periods.
            "十一期间", "双十一", "双十二", "五四运动",
            // 零 in words.
            "零部件", "零件", "零售", "零碳", "零星", "零距离", "零容忍", "零散", "零工", "零钱", "零花",
            "零食", "零基础", "零排放", "零时差",
            // The economy's three sectors together.
            "三次产业", "一二三产业", "一二三产融合", "三产融合",
            // Halves of a year and other halves.
            "上半年", "下半年", "上半月", "下半月", "前半", "后半", "大半", "多半", "过半数", "半导体",
        ]
    }
}

extension QuantityScanner {
    /// Skips a URL that starts at `i` (http://, https://, ftp://, www.); nil when none does.
    func urlEnd(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        if i > 0 && ScalarClass.isLatinLetter(s[i - 1].value) { return nil }
        let starts = ["http://", "https://", "ftp://", "www."]
        var matched = false
        for start in starts {
            var k = 0
            var ok = true
            for c in start.unicodeScalars {
                guard i + k < s.count else { ok = false; break }
                var v = s[i + k].value
                if v >= 0x41 && v <= 0x5A { v += 0x20 }
                if v != c.value { ok = false; break }
                k += 1
            }
            if ok { matched = true; break }
        }
        guard matched else { return nil }
        var p = i
        while p < s.count {
            let v = s[p].value
            // A URL runs over printable ASCII, stopping at brackets and quotes that close it.
            guard v > 0x20 && v < 0x7F, v != 0x3C, v != 0x3E, v != 0x22, v != 0x27 else { break }
            p += 1
        }
        return p
    }

    /// End of the maximal run of numeral scalars starting at `i` (at least `i + 1`).
    func numeralRunEnd(_ s: [Unicode.Scalar], from i: Int) -> Int {
        var p = i
        while p < s.count {
            let scalar = s[p]
            if ScalarClass.isArabicDigit(scalar.value) || NumeralToken.of(scalar) != nil
                || NumeralToken.isPoint(scalar)
            {
                p += 1
                continue
            }
            // Digits joined by separators (1,000 / 2025.3 / 0851-8679) form one run.
            if (scalar == "," || scalar == "." || scalar == "-" || scalar == "/" || scalar == "．")
                && p > i && ScalarClass.isArabicDigit(s[p - 1].value) && p + 1 < s.count
                && ScalarClass.isArabicDigit(s[p + 1].value)
            {
                p += 1
                continue
            }
            break
        }
        return max(p, i + 1)
    }

    /// End of a run of Latin letters, digits and code punctuation starting at `i`: what a
    /// figure glued to letters belongs to (5G, GIDI2018, c_1743).
    func codeRunEnd(_ s: [Unicode.Scalar], from i: Int) -> Int {
        var p = i
        while p < s.count {
            let v = s[p].value
            if ScalarClass.isArabicDigit(v) || ScalarClass.isLatinLetter(v) || v == 0x5F || v == 0x2E
                || v == 0x40 || v == 0x2D || v == 0x2B || v == 0x2F
            {
                p += 1
            } else {
                break
            }
        }
        return max(p, i + 1)
    }

    /// Is the Arabic figure at `i` glued on its left to a code, a path, a version or a formula
    /// (L3, c_1743, @163, /2025, v.2, 1+3, 0851-8679, 10:30)?
    func isGluedOnLeft(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i > 0 else { return false }
        let v = s[i - 1].value
        if ScalarClass.isLatinLetter(v) {
            // RMB100, USD5: a currency code is a prefix, not glue.
            return tables.currencyPrefixes.matchBackward(s, endingAt: i, floor: 0) == nil
        }
        switch v {
        case 0x5F, 0x40, 0x23, 0x2F, 0x5C, 0x26, 0x3D, 0x3F, 0x5E, 0x7C, 0x2B, 0xFF0B, 0xD7, 0x2A:
            return true
        case 0xB7, 0x2022, 0x30FB:
            // 3·15, 12•9: dates and codes.
            return i >= 2 && ScalarClass.isArabicDigit(s[i - 2].value)
        case 0x2E:
            return i >= 2 && (ScalarClass.isArabicDigit(s[i - 2].value)
                || ScalarClass.isLatinLetter(s[i - 2].value))
        case 0x2D, 0xFF0D, 0x3A, 0xFF1A:
            // 0851-8679, 10:30, COVID-19
            return i >= 2
                && (ScalarClass.isArabicDigit(s[i - 2].value) || ScalarClass.isLatinLetter(s[i - 2].value))
        default:
            return false
        }
    }

    /// Does an idiom or name that contains the numeral at `i` cover it? Returns the end of the
    /// word to skip.
    func idiomEnd(_ s: [Unicode.Scalar], at i: Int) -> Int? {
        var best: Int?
        for offset in 0...4 {
            let start = i - offset
            guard start >= 0 else { break }
            if let m = tables.idioms.match(s, at: start), m.end > i {
                best = max(best ?? 0, m.end)
            }
        }
        if let best { return best }
        // 一X一Y slogans (一企一策, 一县一品): no counts.
        if s[i] == "一", i + 3 < s.count, s[i + 2] == "一",
            ScalarClass.isIdeograph(s[i + 1].value), NumeralToken.of(s[i + 1]) == nil,
            ScalarClass.isIdeograph(s[i + 3].value), NumeralToken.of(s[i + 3]) == nil
        {
            return i + 4
        }
        return nil
    }

    /// Is the quantity between `start` and `end` inside a short quotation (“数据二十条”,
    /// “十四五”, “8810”)? A quoted figure is a name, a slogan or a code.
    func isInsideShortQuote(_ s: [Unicode.Scalar], start: Int, end: Int) -> Bool {
        var p = start - 1
        var opened = false
        while p >= 0 && start - p <= 12 {
            let v = s[p].value
            if ScalarClass.isOpeningQuote(v) { opened = true; break }
            if QuantityScanner.isClosingQuote(v) || ScalarClass.isClausePunctuation(v) { return false }
            p -= 1
        }
        guard opened else { return false }
        var q = end
        while q < s.count && q - end <= 12 {
            let v = s[q].value
            if QuantityScanner.isClosingQuote(v) { return true }
            if ScalarClass.isOpeningQuote(v) || ScalarClass.isClausePunctuation(v) { return false }
            q += 1
        }
        return false
    }

    static func isClosingQuote(_ v: UInt32) -> Bool {
        switch v {
        case 0x201D, 0x2019, 0x300D, 0x300F, 0x301E, 0x301F: return true
        default: return false
        }
    }

    /// A vague amount: 数十家, 几百, 上万 (a bare multiplier after 数/几/上), or a
    /// denominator: 每万人, 每百户.
    func isVague(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard i > 0, let token = NumeralToken.of(s[i]) else { return false }
        switch token {
        case .small, .big: break
        default: return false
        }
        switch s[i - 1] {
        case "数", "數", "几", "幾", "若", "每": return true
        case "上":
            if i >= 2 {
                switch s[i - 2] {
                // 迈上千亿元台阶, 登上, 跃上: 上 is the verb's, the figure is exact.
                case "以", "之", "其", "向", "往", "比", "线", "至", "迈", "邁", "登", "跃", "躍", "站": return false
                default: break
                }
            }
            return true
        default:
            return false
        }
    }

    /// A bare multiplier that labels a unit, not an amount: （亿元）, 单位：万元, /万人. It
    /// follows an opening bracket, a colon or a slash, and only its unit follows it, up to a
    /// closing bracket, a list mark or the line's end.
    func isUnitLabel(_ s: [Unicode.Scalar], at i: Int) -> Bool {
        guard let token = NumeralToken.of(s[i]) else { return false }
        switch token {
        case .small, .big: break
        default: return false
        }
        var k = i - 1
        while k >= 0, s[k] == " " { k -= 1 }
        guard k >= 0, Self.unitLabelOpeners.contains(s[k]) else { return false }
        var e = i + 1
        while e < s.count, e - i <= 6, ScalarClass.isIdeograph(s[e].value) { e += 1 }
        guard e > i + 1 else { return false }
        while e < s.count, s[e] == " " { e += 1 }
        return e == s.count || Self.unitLabelClosers.contains(s[e])
    }

    static let unitLabelOpeners: Set<Unicode.Scalar> = Set("（(：:/／".unicodeScalars)
    static let unitLabelClosers: Set<Unicode.Scalar> = Set("）)\n、，,；;|｜".unicodeScalars)

    /// An ordinal: 第8期, 总第221期, 第 3 条, 第一, and party congresses (党的二十大).
    func isOrdinal(_ s: [Unicode.Scalar], at i: Int, floor: Int) -> Bool {
        let c = skipSpacesBackward(s, i, floor: floor)
        guard c > 0 && c > floor else { return false }
        if s[c - 1] == "第" { return true }
        return c >= 2 && s[c - 1] == "的" && s[c - 2] == "党" && !ScalarClass.isArabicDigit(s[i].value)
    }

    /// Is `start` the first thing on its line, after spaces and list bullets (`- `, `• `)?
    func isAtLineStart(_ s: [Unicode.Scalar], _ start: Int) -> Bool {
        var p = start - 1
        while p >= 0 {
            let v = s[p].value
            if ScalarClass.isLineBreak(v) { return true }
            if ScalarClass.isHorizontalSpace(v) || v == 0x2D || v == 0x2022 || v == 0xB7 || v == 0x2A
                || v == 0x30FB
            {
                p -= 1
                continue
            }
            return false
        }
        return true
    }

    /// Is `start` inside a title in 《》 on the same line? Figures in titles are names
    /// (《数据二十条》), not quantities.
    func isInsideBookTitle(_ s: [Unicode.Scalar], _ start: Int) -> Bool {
        var p = start - 1
        var steps = 0
        while p >= 0 && steps < 80 {
            let v = s[p].value
            if v == 0x300B || ScalarClass.isLineBreak(v) { return false }  // 》
            if v == 0x300A { return true }  // 《
            p -= 1
            steps += 1
        }
        return false
    }

    /// Is a bare figure labelled as a number that is no amount (电话, 邮编, 编号 …)?
    func isCodeContext(_ s: [Unicode.Scalar], before start: Int) -> Bool {
        var p = start - 1
        var steps = 0
        while p >= 0 && steps < 8 {
            if ScalarClass.isClausePunctuation(s[p].value) && s[p] != "：" && s[p] != ":" { break }
            if tables.codeKeywords.match(s, at: p) != nil { return true }
            p -= 1
            steps += 1
        }
        return false
    }

    /// Words that label a figure as a code (电话 0851…, 邮编 550081, 文号 …).
    static func codeKeywordEntries() -> [String] {
        [
            "电话", "传真", "手机", "热线", "邮编", "邮政编码", "编号", "代码", "序号", "文号", "账号",
            "号码", "编码", "QQ", "Tel", "TEL", "Fax", "FAX", "微信号", "证号", "批准号", "登记号",
            "附件", "附表", "附录",
        ]
    }

    /// Does money talk shortly before `start` (in the same clause) make a bare figure in 亿
    /// an amount of 元 (估值过百亿, 产业规模达8000亿)?
    func isMoneyContext(_ s: [Unicode.Scalar], before start: Int) -> Bool {
        var p = start - 1
        var found = false
        var steps = 0
        while p >= 0 && steps < 14 {
            if ScalarClass.isClausePunctuation(s[p].value) { break }
            if tables.countKeywords.match(s, at: p) != nil { return false }
            if tables.moneyKeywords.match(s, at: p) != nil { found = true }
            p -= 1
            steps += 1
        }
        return found
    }
}
