import Foundation

extension QuantityScanner {
    /// A comparator word written before a figure.
    struct PrefixInfo: Sendable {
        enum Kind: Sendable, Equatable {
            case plain
            /// 过: not after 通, 经, 不 … (通过2年 is no comparator).
            case guo
            /// 约: not after 签, 节, 制 … (签约5个 is no comparator).
            case yue
            /// 近: "recent" before a duration (近3年), "nearly" otherwise.
            case jin
            /// 比: only with 大/高/多/低/小/少 after the figure (比三十大).
            case bi
        }

        var comparator: Comparator?
        var kind: Kind = .plain
    }

    /// A comparator word written after a figure and its unit.
    struct SuffixInfo: Sendable {
        var comparator: Comparator
        /// 内 alone bounds durations only (一天内, 30日内).
        var durationOnly = false
        /// Ideographs that, right after the word, show it belongs to another word (上下游, 内部).
        var excludedNext: [UInt32] = []
    }

    /// Comparator words before a figure, longest first when they overlap. 达 and 达到 are no
    /// comparators (they are fillers); `达…以上` gets its comparator from 以上.
    static func prefixComparatorEntries() -> [(String, PrefixInfo)] {
        var entries: [(String, PrefixInfo)] = []
        func add(_ words: [String], _ comparator: Comparator?, _ kind: PrefixInfo.Kind = .plain) {
            for word in words { entries.append((word, PrefixInfo(comparator: comparator, kind: kind))) }
        }
        add(
            [
                "不少于", "不低于", "不小于", "不下于", "至少", "最少", "最低", "起码", "大于或等于",
                "大于或者等于", "大于等于", "高于或等于", "多于或等于", "≥", ">=", "不少过",
            ] + modalNegations(of: ["低于", "少于", "小于"]), .atLeast)
        add(["超过", "超出", "超", "突破", "逾", "大于", "高于", "多于", ">"], .greaterThan)
        add(["过"], .greaterThan, .guo)
        add(
            [
                "不超过", "不超出", "不高于", "不大于", "不多于", "最高", "最多", "至多", "顶多", "上限",
                "最高限额", "限额", "小于或等于", "小于或者等于", "小于等于", "低于或等于", "≤", "<=",
            ] + modalNegations(of: ["超过", "超出", "高于", "大于", "多于"]), .atMost)
        add(["不足", "不到", "未满", "不满", "未达", "未达到", "低于", "小于", "少于", "<"], .lessThan)
        add(["等于", "="], .equal)
        add(["大约", "约合", "大概", "大致", "接近", "将近", "近乎", "几近", "差不多", "约计", "≈"], .approximately)
        add(["约"], .approximately, .yue)
        add(["近"], .approximately, .jin)
        add(["比"], nil, .bi)
        return entries
    }

    /// A rule's negated limit (不得超过, 不能低于, 不应少于): 不 and a modal before a comparison
    /// verb bound the figure as 不超过 does.
    static func modalNegations(of verbs: [String]) -> [String] {
        ["不得", "不能", "不可", "不应", "不宜", "不准", "不允许", "不会"].flatMap { modal in verbs.map { modal + $0 } }
    }

    /// Words that may stand between a comparator and its figure (超过了80, 至少有10, 最多为5,
    /// 最高给予500万元); without a comparator before them they are not part of the quantity.
    static func fillerEntries() -> [String] {
        [
            "了", "有", "是", "为", "达", "达到", "可达", "可", "给予", "奖励", "补助", "补贴", "资助",
            "支持", "在", "至", "到", "需", "需要",
        ]
    }

    /// Characters before 过 that make it part of another word (通过, 经过, 不过 …).
    static let guoExcludedBefore: [UInt32] = "通经不度越跨路错看做办开有没未受学用试想听见去来走穿放闯熬挺胜赛难罚"
        .unicodeScalars.map { ScalarClass.fold($0.value) }

    /// Characters before 约 that make it part of another word (签约, 节约, 制约 …).
    static let yueExcludedBefore: [UInt32] = "签节制履违合契公预特集邀相如简婚纽赴守誓盟条和解续爽践失毁立邀"
        .unicodeScalars.map { ScalarClass.fold($0.value) }

    /// Comparator words after a figure; parentheses are matched in both widths.
    static func suffixComparatorEntries() -> [(String, SuffixInfo)] {
        var entries: [(String, SuffixInfo)] = []
        func add(_ words: [String], _ comparator: Comparator, durationOnly: Bool = false, excluded: String = "") {
            let info = SuffixInfo(
                comparator: comparator, durationOnly: durationOnly,
                excludedNext: excluded.unicodeScalars.map { ScalarClass.fold($0.value) })
            for word in words { entries.append((word, info)) }
        }
        add(
            [
                "以上", "及以上", "或以上", "或者以上", "(含)以上", "以上(含)", "以上(含本数)",
                "(含本数)以上", "或更多", "或者更多", "及更多",
            ], .atLeast)
        add(["以上(不含)", "(不含)以上", "之上", "出头", "开外"], .greaterThan)
        add(
            [
                "以下", "及以下", "或以下", "或者以下", "(含)以下", "以下(含)", "以下(含本数)", "以内",
                "以内(含)", "之内", "为限", "为上限", "作为上限", "封顶",
            ], .atMost)
        add(["以下(不含)", "(不含)以下", "之下"], .lessThan)
        add(["不到"], .lessThan, excluded: "位")
        add(["不足"], .lessThan, excluded: "部之")
        add(["左右"], .approximately)
        add(["上下"], .approximately, excluded: "游级文班楼层功联齐同一两贯半来学车")
        add(["前后"], .approximately, excluded: "端台方院门排")
        add(["内"], .atMost, durationOnly: true, excluded: "部容涵在外地需蒙江陆核生源")
        return entries
    }

    /// Words in front of a figure that make it negative. 负 directly after 正 (正负5%) does not.
    static func negativeEntries() -> [String] { ["负", "负的", "零下"] }

    /// Currency words and signs written before a figure (人民币50元, 港币3.14, ￥100, US$5).
    static func currencyPrefixEntries() -> [(String, String)] {
        [
            ("人民币", "元"), ("RMB", "元"), ("CNY", "元"), ("￥", "元"), ("¥", "元"),
            ("US$", "美元"), ("USD", "美元"), ("$", "美元"), ("美金", "美元"),
            ("港币", "港元"), ("HK$", "港元"), ("HKD", "港元"),
            ("新台币", "新台币"), ("台币", "新台币"), ("NT$", "新台币"), ("TWD", "新台币"),
            ("€", "欧元"), ("EUR", "欧元"), ("£", "英镑"), ("GBP", "英镑"), ("JPY", "日元"),
        ]
    }

    /// Temperature scales written before a figure (摄氏37度, 华氏温度98.6度).
    static func temperaturePrefixEntries() -> [(String, String)] {
        [("摄氏", "摄氏度"), ("摄氏温度", "摄氏度"), ("华氏", "华氏度"), ("华氏温度", "华氏度")]
    }

    /// Words before a figure that make it a time of day (下午3点).
    static func timeOfDayEntries() -> [String] {
        ["上午", "下午", "晚上", "凌晨", "中午", "早上", "傍晚", "早晨", "夜间", "晚"]
    }
}

// MARK: - Reading a comparator after a figure

extension QuantityScanner {
    /// Reads a comparator written after the figure and its unit into `body`.
    func readSuffix(_ s: [Unicode.Scalar], _ body: inout Body) {
        let n = s.count
        let q = NumeralReader.skipSpaces(s, body.end, n)
        guard q < n else { return }
        if let m = tables.suffixes.match(s, at: q, allowSpaces: true) {
            let info = m.payload
            let excluded = m.end < n && info.excludedNext.contains(ScalarClass.fold(s[m.end].value))
            if !excluded && (!info.durationOnly || body.unitKind == .time) {
                body.suffix = info.comparator
                body.end = m.end
                return
            }
        }
        let comparative: Comparator?
        switch s[q] {
        case "大", "高", "多": comparative = .greaterThan
        case "低", "小", "少": comparative = .lessThan
        default: comparative = nil
        }
        if let comparative, q + 1 == n || !ScalarClass.isIdeograph(s[q + 1].value) {
            body.comparative = (comparative, q + 1)
        }
    }
}
