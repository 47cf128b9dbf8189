import Foundation

extension QuantityScanner {
    /// What a unit word after a figure means.
    struct UnitInfo: Sendable {
        enum Kind: Sendable, Equatable {
            /// A currency: 元, 美元, 欧元 … (块, 圆 and 人民币 are 元).
            case money
            /// 角, 毛 (a tenth) and 分钱 (a hundredth) of a 元, 美分 of a 美元.
            case moneyFraction
            /// %, ％, ‰ and percent words (百分之五, 千分之二): a share in percent.
            case percent
            /// 成: tenths, reported in percent (九成 is 90 %).
            case percentTenths
            /// 百分点: percentage points.
            case percentPoint
            /// 打: a dozen; the value is multiplied and no unit is kept.
            case dozen
            /// Weights, lengths, areas, volumes, power, energy, age, multiples.
            case measure
            /// 度: degrees (temperature, angle) or kilowatt-hours.
            case degree
            /// 分 as points of a score.
            case score
            /// A duration: 年, 天, 小时, 分钟, 周 …
            case time
            /// 月 without 个: a calendar month (3月), not a duration.
            case month
            /// 日 after a figure: a day of the month, unless 内 follows (30日内).
            case day
            /// 时, 点钟: a time of day.
            case clock
            /// 季度 without 个: a quarter of the year (一季度).
            case quarter
            /// 届, 号, 楼, 版, 强, 级: ranks and ordinals, not quantities.
            case ordinal
            /// Classifiers that count things: 项, 家, 个, 台, 人 …
            case count
        }

        var canonical: String
        var kind: Kind
        /// Factor from the written unit to the base unit (角 → 0.1 元, 成 → 10 %).
        var factor: Decimal = 1
        /// A unit that is also a common word (分, 度, 两, 里, 角): it needs a boundary after it.
        var isWeak = false
        /// Ideographs that may follow a weak unit anyway (度电, 里地).
        var allowedAfter: [UInt32] = []
        /// The next digit is the next decimal place (三米九, 十二度五, 九十九块九, 七成六).
        var takesTrailingDigit = false
        /// Ideographs that, right after the unit, show that the unit character starts another
        /// word (3项目, 一元化, 十家庭): then it is no unit.
        var excludedNext: [UInt32] = []
        /// Added to the figure: 五分半钟 is 5.5 分钟.
        var addend: Decimal = 0

        /// Units that may follow the classifier 个 (一个月, 三个百分点, 两个小时, 三个平方).
        var followsGe: Bool {
            switch kind {
            case .time, .month, .quarter, .percentPoint, .money, .measure, .degree: return true
            default: return false
            }
        }
    }

    /// One unit word. `kind` decides how the scanner uses it; see `UnitInfo`.
    private static func unit(
        _ canonical: String, _ kind: UnitInfo.Kind, factor: Decimal = 1, weak: Bool = false,
        allowedAfter: String = "", trailingDigit: Bool = false, excluded: String = ""
    ) -> UnitInfo {
        UnitInfo(
            canonical: canonical, kind: kind, factor: factor, isWeak: weak,
            allowedAfter: allowedAfter.unicodeScalars.map { ScalarClass.fold($0.value) },
            takesTrailingDigit: trailingDigit,
            excludedNext: excluded.unicodeScalars.map { ScalarClass.fold($0.value) })
    }

    /// The unit words, written in simplified characters; traditional and full-width spellings
    /// are matched through `ScalarClass.fold`.
    static func unitEntries() -> [(String, UnitInfo)] {
        let tenth = Decimal.tenth
        let hundredth = Decimal.hundredth
        var entries: [(String, UnitInfo)] = []
        func add(_ words: [String], _ info: UnitInfo) {
            for word in words { entries.append((word, info)) }
        }

        // Money. 块 takes a trailing digit (九块九 = 9.9 元).
        add(["元", "圆"], unit("元", .money, excluded: "宇化素组件器旦首老帅气宵音朝代"))
        add(["块"], unit("元", .money, trailingDigit: true, excluded: "数状头链地田"))
        add(["块钱", "元钱", "人民币", "RMB"], unit("元", .money))
        add(["美元", "美金", "美圆"], unit("美元", .money))
        add(["日元", "日币", "日圆"], unit("日元", .money))
        add(["港元", "港币"], unit("港元", .money))
        add(["新台币", "台币"], unit("新台币", .money))
        add(["英镑", "英磅"], unit("英镑", .money))
        for name in [
            "欧元", "澳元", "澳门元", "韩元", "卢布", "印度卢布", "卢比", "瑞士法郎", "法郎", "加元",
            "加拿大元", "新加坡元", "新西兰元", "泰铢", "奈拉", "比特币", "越南盾", "林吉特", "兰特",
            "里拉", "雷亚尔", "比索", "克朗", "迪拉姆", "披索",
        ] {
            add([name], unit(name, .money))
        }
        add(["角"], unit("元", .moneyFraction, factor: tenth, weak: true, allowedAfter: "钱"))
        add(["毛"], unit("元", .moneyFraction, factor: tenth, weak: true, allowedAfter: "钱"))
        add(["角钱", "毛钱"], unit("元", .moneyFraction, factor: tenth))
        add(["分钱"], unit("元", .moneyFraction, factor: hundredth))
        add(["美分"], unit("美元", .moneyFraction, factor: hundredth))

        // Shares.
        add(
            ["成"],
            unit(
                "%", .percentTenths, factor: 10, trailingDigit: true,
                excluded: "为立员本果效就熟功长型交品套绩都像全年人千百万败形批片群不份"))
        add(["百分点"], unit("百分点", .percentPoint))
        add(
            ["打"],
            unit(
                "", .dozen, factor: 12,
                excluded: "造击通破开印响下好工卡包车赢捞拼折磨扰扫算压入出断架针球电的动牌听法交扮点理桩字垮掉消假黑"
            ))

        // Weights.
        add(["吨", "公吨"], unit("吨", .measure))
        for name in ["公斤", "千克", "克", "毫克", "微克", "斤", "盎司"] {
            add([name], unit(name, .measure))
        }
        add(["两"], unit("两", .measure, weak: true))
        // Lengths.
        add(["米"], unit("米", .measure, trailingDigit: true))
        for name in [
            "公里", "千米", "厘米", "公分", "分米", "毫米", "微米", "纳米", "皮米", "公尺", "英里",
            "英尺", "英寸", "英吋", "吋", "呎", "海里", "光年",
        ] {
            add([name], unit(name, .measure))
        }
        add(["里"], unit("里", .measure, weak: true, allowedAfter: "地路"))
        for name in ["丈", "尺", "寸"] { add([name], unit(name, .measure, weak: true)) }
        // Areas and volumes.
        for name in [
            "平方米", "平方公里", "平方千米", "平米", "立方米", "亩", "公顷", "毫升", "公升", "加仑",
        ] {
            add([name], unit(name, .measure))
        }
        add(["平方"], unit("平方", .measure))
        add(["立方"], unit("立方", .measure, weak: true))
        add(["升"], unit("升", .measure, excluded: "级值高温降学格华"))
        // Power, energy, pressure, frequency.
        for name in [
            "千瓦", "兆瓦", "吉瓦", "千瓦时", "兆瓦时", "吉瓦时", "千伏", "赫兹", "千赫", "兆赫",
            "千帕", "兆帕", "千卡", "焦耳", "千焦",
        ] {
            add([name], unit(name, .measure))
        }
        add(["瓦"], unit("瓦", .measure, excluded: "解片斯房"))
        add(["伏"], unit("伏", .measure, weak: true))
        add(["帕"], unit("帕", .measure, weak: true))
        add(["卡"], unit("卡", .measure, weak: true))
        // Temperatures and degrees.
        add(["摄氏度", "摄氏°", "℃", "°C", "°c"], unit("摄氏度", .degree))
        add(["华氏度", "华氏°", "℉", "°F"], unit("华氏度", .degree))
        add(
            ["度"],
            unit("度", .degree, weak: true, allowedAfter: "电", trailingDigit: true))
        add(["°"], unit("度", .degree))
        // Other measures.
        add(["倍"], unit("倍", .measure, excluded: "增"))
        add(["岁"], unit("岁", .measure, excluded: "月末"))
        add(["周岁"], unit("周岁", .measure))
        add(["字"], unit("字", .measure, excluded: "化节号段母幕据"))
        add(["标准箱"], unit("标准箱", .measure))
        // Data-centre capacity: 万标准机架 is 10000 标准机架.
        add(["标准机架", "架标准机架"], unit("标准机架", .measure))
        // Latency: a measure to reach (时延小于20毫秒), not a duration framing a statement.
        for name in ["毫秒", "微秒", "纳秒"] { add([name], unit(name, .measure)) }
        add(["分"], unit("分", .score, weak: true))

        // Durations.
        add(["年"], unit("年", .time, excluded: "级轻龄代会鉴报薪检货"))
        add(["周年"], unit("周年", .time))
        add(["周"], unit("周", .time, excluded: "边期围到转末知全"))
        for name in ["星期", "礼拜", "小时", "钟头", "分钟", "工作日", "学年"] {
            add([name], unit(name, .time))
        }
        var minuteAndHalf = unit("分钟", .time)
        minuteAndHalf.addend = .half
        add(["分半钟"], minuteAndHalf)
        add(["天"], unit("天", .time, excluded: "然气津下空地使才"))
        add(["秒", "秒钟"], unit("秒", .time, excluded: "杀"))
        add(["月", "月份"], unit("月", .month))
        add(["日"], unit("日", .day))
        add(["时", "点钟"], unit("时", .clock))
        add(["季度"], unit("季度", .quarter))
        for name in ["届", "号", "楼", "版", "强", "级", "层级", "代", "年代", "后"] {
            add([name], unit(name, .ordinal))
        }

        // Classifiers.
        let classifiers: [(String, String)] = [
            ("项", "目"), ("家", "庭"), ("款", "项式"),
            ("台", "湾州风阶账式资"), ("次", "数序要生级"), ("人", "民才员口类工大体社力士选事均"),
            ("人次", ""), ("场次", ""), ("批次", ""), ("班次", ""), ("频次", ""), ("项次", ""), ("户次", ""), ("家次", ""), ("车次", ""), ("架次", ""), ("台次", ""),
            ("台套", ""), ("台（套）", ""), ("台(套)", ""), ("条", "例件款约目线"), ("件", ""), ("座", "谈"), ("所", "有在属以谓"),
            ("套", "餐"), ("部", "署长委分门队"), ("部门", ""), ("部分", ""), ("场", "景所地馆"),
            ("批", "准复示"), ("名", "单称义牌录"), ("位", "于置居列"), ("种", "子植类"),
            ("类", "似型别"), ("户", "籍口"), ("辆", ""), ("架", "构设"), ("艘", ""), ("颗", ""),
            ("张", ""), ("篇", "章幅"), ("本", "地市省身次届期领土科"), ("份", "额子量"),
            ("组", "织建成合件"), ("支", "持付撑出柱援"), ("只", "有能要是"), ("头", "部脑条等"),
            ("株", ""), ("棵", ""), ("片", "区面"), ("间", "隔接歇"), ("栋", ""), ("幢", ""),
            ("处", "理置罚长室在于"), ("例", "如外会"), ("笔", "记者试"), ("门", "户槛类店诊"),
            ("节", "点约能日"), ("轮", ""), ("段", ""), ("页", ""), ("册", ""), ("幅", "度"),
            ("首", "都先批台次个家届创"), ("集", "团群成中聚约体"), ("枚", ""), ("盏", ""),
            ("匹", "配"), ("期", "间限末初待望货"), ("宗", "旨教"), ("单", "位元项独一"),
            ("个", ""), ("床", "位"), ("孔", ""), ("口", "岸号"), ("针", ""), ("剂", ""), ("章", "程节法"),
            // 案: Taiwan counts projects and cases by it (核定补助1200案).
            ("案", "例由件子情卷"),
        ]
        for (word, excluded) in classifiers {
            // 台（套） is written 台套.
            add([word], unit(word.replacingOccurrences(of: "（", with: "").replacingOccurrences(of: "(", with: "")
                .replacingOccurrences(of: "）", with: "").replacingOccurrences(of: ")", with: ""), .count, excluded: excluded))
        }
        return entries
    }

    /// Units written in Latin letters after a figure (`300EFLOPS`, `10 GW`). Anything else glued
    /// to a figure (`5G`, `4K`, `3D`) makes it no quantity.
    static func latinUnitEntries() -> [(String, String)] {
        [
            "EFLOPS", "PFLOPS", "TFLOPS", "GFLOPS", "FLOPS", "EB", "PB", "TB", "GB", "MB", "KB",
            "Tbps", "Gbps", "Mbps", "GW", "MW", "kW", "KW", "kWh", "KWh", "MWh", "GWh", "TWh",
            "km", "kg", "cm", "mm", "Hz", "GHz", "MHz", "kHz", "kV", "TOPS", "POPS", "P",
        ].map { ($0, $0) }
    }

    /// Smaller units of a currency that may follow it: 5元3角2分, 两美元又三美分.
    static func moneySubunitEntries() -> [(String, (currency: String, factor: Decimal))] {
        let tenth = Decimal.tenth
        let hundredth = Decimal.hundredth
        return [
            ("角", ("元", tenth)), ("毛", ("元", tenth)), ("分", ("元", hundredth)),
            ("美分", ("美元", hundredth)), ("日本钱", ("日元", hundredth)),
            ("钱", ("日元", hundredth)),
        ]
    }

    /// Nouns after a magnitude class of 亿 that show it counts something other than money
    /// (亿级用户): then the class keeps no unit.
    static func nonMoneyHeadEntries() -> [String] {
        [
            "用户", "人口", "人", "参数", "像素", "连接", "设备", "终端", "节点", "字节", "次", "条",
            "台", "个", "token", "Token", "访问", "流量", "数据",
        ]
    }

    /// Words that, shortly before a figure in 亿 with no unit, show the figure is money
    /// (估值过百亿, 产业规模达8000亿).
    static func moneyKeywordEntries() -> [String] {
        [
            "估值", "营收", "收入", "产值", "规模", "投资", "融资", "资金", "销售额", "营业额", "市值",
            "总额", "金额", "增加值", "交易额", "成交额", "税收", "利润", "资产", "基金", "贷款", "预算",
            "补贴", "奖励", "资助", "GDP", "生产总值", "经济总量", "产业", "出口额", "进口额", "贸易额",
        ]
    }

    /// Words that show a figure in 亿 counts people or things, not money.
    static func countKeywordEntries() -> [String] {
        ["用户", "人口", "人数", "人次", "数量", "台数", "件数", "条数", "连接数", "访问量", "客流"]
    }
}

// MARK: - Reading a unit

extension QuantityScanner {
    /// Reads the unit after a figure into `body`; returns a trap when the unit shows the figure
    /// is a date, a time, an ordinal or a rank.
    func readUnit(_ s: [Unicode.Scalar], _ body: inout Body) -> (end: Int, reason: TrapReason)? {
        let n = s.count
        let r = body.reading
        let q = NumeralReader.skipSpaces(s, body.end, n)
        guard q < n else { return nil }
        let scalar = s[q]

        if scalar == "%" || scalar == "％" {
            body.unit = "%"
            body.unitKind = .percent
            body.end = q + 1
            return nil
        }
        if scalar == "‰" {
            let tenth = Decimal.tenth
            body.value = r.value * tenth
            body.unit = "%"
            body.unitKind = .percent
            body.unitFactor = tenth
            body.end = q + 1
            return nil
        }

        // 千亿级, 十亿级, 10亿级: a size class. 四级, 5级: a rank.
        if (scalar == "级" || scalar == "級") && q == body.end {
            if r.form == .number && r.hasBigMultiplier && r.trailingBigScale > 1 {
                body.isMagnitudeClass = true
                let headIsMoney = tables.nonMoneyHeads.match(s, at: q + 1) == nil
                body.unit = abs(r.value) >= 100_000_000 && headIsMoney ? "元" : nil
                body.end = q + 1
                return nil
            }
            return (q + 1, .other)
        }
        // 千亿元级, 百亿元級: a size class of money, the currency written in.
        if scalar == "元", q == body.end, q + 1 < n, s[q + 1] == "级" || s[q + 1] == "級",
           r.form == .number, r.hasBigMultiplier, r.trailingBigScale > 1 {
            body.isMagnitudeClass = true
            body.unit = "元"
            body.end = q + 2
            return nil
        }

        // A time of day: 下午3点, 8点30分.
        if NumeralToken.isPoint(scalar) && r.isInteger && r.value <= 24
            && tables.timeOfDay.matchBackward(s, endingAt: r.start, floor: max(0, r.start - 3)) != nil
        {
            return (q + 1, .date)
        }

        if scalar == "个" || scalar == "個" {
            readGe(s, &body, at: q)
            return nil
        }

        // 8点30分: a time of day, not 8.30 分.
        if r.arabicDigitsAfterChinesePoint == 2 && scalar == "分" { return (q + 1, .date) }

        if let m = tables.units.match(s, at: q, allowSpaces: true),
            isUnitAccepted(m.payload, s, end: m.end),
            !isNumeralInsideAWord(r, m.payload, s, end: m.end)
        {
            let info = m.payload
            switch info.kind {
            case .month:
                guard r.isInteger else { return nil }
                return (dateEnd(s, afterMonth: m.end), .date)
            case .day:
                guard r.isInteger else { return nil }
                if let sfx = tables.suffixes.match(s, at: NumeralReader.skipSpaces(s, m.end, n), allowSpaces: true),
                    sfx.payload.comparator == .atMost
                {
                    // 30日内: a duration.
                    body.unit = "日"
                    body.unitKind = .time
                    body.end = m.end
                    return nil
                }
                return (m.end, .date)
            case .clock, .ordinal:
                return (m.end, .other)
            case .quarter:
                if r.isInteger && r.value <= 4 { return (m.end, .date) }
                return nil
            case .time where info.canonical == "年":
                if isYearLike(r) || isTaiwanYear(s, r) { return (m.end, .year) }
            default:
                break
            }
            body.unitKind = info.kind
            body.unitFactor = info.factor
            body.value = (r.value + info.addend) * info.factor
            body.unit = info.kind == .dozen ? nil : info.canonical
            body.end = m.end
            finishUnit(s, &body, info)
            return nil
        }

        // A Latin unit after a space (300 EFLOPS) or a multiplier (1.2万P).
        if q > body.end || (q > 0 && NumeralToken.isNumeralScalar(s[q - 1])), ScalarClass.isLatinLetter(scalar.value), let m = tables.latinUnits.match(s, at: q),
            m.end == n || !(ScalarClass.isLatinLetter(s[m.end].value) || ScalarClass.isArabicDigit(s[m.end].value))
        {
            body.unit = m.payload
            body.unitKind = .measure
            body.end = m.end
        }
        return nil
    }

    /// A numeral that is part of a word or a name, not a quantity
    /// (rule `number.numeral-inside-word`): Chinese numerals written
    /// together with a character that is also a unit make words — 长三角,
    /// 金三角, 三角形, 十分重要, 一毛不拔 — where a figure in 角 or 分 of a
    /// 元 written in Chinese numerals stands in text only after its 元 (五元三角,
    /// read as one sum before this is asked), before 钱 (三角钱) or before its
    /// hundredths (两角五分, 九毛九). So a money fraction read from Chinese
    /// numerals alone, with none of those, is part of a word; 5角 in Arabic
    /// digits stays money.
    func isNumeralInsideAWord(_ reading: NumeralReading, _ info: UnitInfo, _ s: [Unicode.Scalar], end: Int) -> Bool {
        guard info.kind == .moneyFraction, reading.hasChinese, !reading.hasArabic else { return false }
        if end < s.count, s[end] == "钱" || s[end] == "錢" { return false }
        if end > 0, s[end - 1] == "钱" || s[end - 1] == "錢" { return false }
        var hundredths: Decimal = 0
        return readFen(s, after: end, adding: &hundredths) == end
    }

    /// Is the unit word that ends at `end` really a unit here, judging by what follows it?
    func isUnitAccepted(_ info: UnitInfo, _ s: [Unicode.Scalar], end: Int) -> Bool {
        guard end < s.count else { return true }
        let next = s[end]
        let folded = ScalarClass.fold(next.value)
        if info.excludedNext.contains(folded) { return false }
        if info.isWeak && ScalarClass.isIdeograph(next.value) {
            if info.allowedAfter.contains(folded) || next == "半" { return true }
            if info.takesTrailingDigit, NumeralToken.plainDigit(next) != nil { return true }
            if info.kind == .moneyFraction, NumeralToken.of(next) != nil { return true }
            return suffixStarts(s, at: end)
        }
        return true
    }

    /// 个 and what may follow it: 一个月, 一个半小时, 两个多月, 三个百分点, 20个比特币; else 个.
    func readGe(_ s: [Unicode.Scalar], _ body: inout Body, at q: Int) {
        let n = s.count
        let r = body.reading
        var p = q + 1
        var extra: Decimal = 0
        var marker = false
        let a = NumeralReader.skipSpaces(s, p, n)
        if a < n {
            if s[a] == "半" && r.isInteger {
                extra = .half
                p = a + 1
            } else if s[a] == "多" || s[a] == "余" || s[a] == "餘" {
                marker = true
                p = a + 1
            }
        }
        let b = NumeralReader.skipSpaces(s, p, n)
        // 1个点的贴息, 提高2个点: percentage points (not 3个点钟, a time).
        if b < n, NumeralToken.isPoint(s[b]), extra == 0, !marker,
            !(b + 1 < n && ["钟", "鐘", "半"].contains(s[b + 1]))
        {
            body.unit = "百分点"
            body.unitKind = .percentPoint
            body.end = b + 1
            return
        }
        if let m = tables.units.match(s, at: b, allowSpaces: true), m.payload.followsGe,
            isUnitAccepted(m.payload, s, end: m.end)
        {
            let info = m.payload
            body.unit = info.canonical
            body.unitKind = info.kind == .month || info.kind == .quarter ? .time : info.kind
            body.unitFactor = info.factor
            body.value = (r.value + extra) * info.factor
            body.floorMarker = marker
            body.end = m.end
            finishUnit(s, &body, info)
            return
        }
        body.unit = "个"
        body.unitKind = .count
        body.end = q + 1
    }

    /// After 3月: a following day (3月7日) belongs to the same date.
    func dateEnd(_ s: [Unicode.Scalar], afterMonth end: Int) -> Int {
        let n = s.count
        let p = NumeralReader.skipSpaces(s, end, n)
        guard p < n, NumeralToken.isNumeralScalar(s[p]),
            let day = NumeralReader.readNumber(s, at: p, limit: n), day.isInteger
        else { return end }
        let q = NumeralReader.skipSpaces(s, day.end, n)
        if q < n && (s[q] == "日" || s[q] == "号" || s[q] == "號") { return q + 1 }
        return end
    }

    /// What may follow a unit: subunits of money, a trailing half or tenths digit, a rate
    /// (元/吨), and 多/余 after a duration.
    func finishUnit(_ s: [Unicode.Scalar], _ body: inout Body, _ info: UnitInfo) {
        let n = s.count
        switch info.kind {
        case .money:
            continueMoney(s, &body, isKuai: info.takesTrailingDigit)
        case .moneyFraction:
            continueMoneyFraction(s, &body, info)
        case .measure, .degree, .time, .percentTenths:
            var p = body.end
            if info.kind == .percentTenths { p = NumeralReader.skipSpaces(s, p, n) }
            if p < n && s[p] == "半" && body.reading.form != .fraction && isHalfAccepted(s, p + 1) {
                body.value += Decimal.half * info.factor
                body.end = p + 1
            } else if info.takesTrailingDigit, p < n, let d = NumeralToken.plainDigit(s[p]), d > 0,
                body.reading.isInteger, isBoundary(s, p + 1)
            {
                body.value += Decimal(Int(d)) * info.factor / 10
                body.end = p + 1
            }
        default:
            break
        }

        var p = body.end
        // A rate: 500元/吨, 3万元/亩.
        if p + 1 < n, s[p] == "/" || s[p] == "／", let unit = body.unit,
            let m = tables.units.match(s, at: p + 1)
        {
            switch m.payload.kind {
            case .time, .month, .measure, .count, .day, .degree:
                body.unit = unit + "/" + m.payload.canonical
                p = m.end
                body.end = p
            default:
                break
            }
        }
        // 一年多, 1年余: more than the duration.
        if body.unitKind == .time, p < n, s[p] == "多" || s[p] == "余" || s[p] == "餘" {
            let following: Unicode.Scalar? = p + 1 < n ? s[p + 1] : nil
            let ok =
                following.map { !ScalarClass.isIdeograph($0.value) || "的时来前后以".unicodeScalars.contains($0) }
                ?? true
            if ok {
                body.floorMarker = true
                body.end = p + 1
            }
        }
    }

    func isHalfAccepted(_ s: [Unicode.Scalar], _ e: Int) -> Bool {
        guard e < s.count else { return true }
        return !"导岛径球数自成封开决边壁价场身程夜山坡拍票".unicodeScalars.contains(s[e])
    }
}
