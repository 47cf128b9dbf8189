import PolicyNumbers
/// Finds policy targets (Docs/EXTRACTION-RULES.md): statements of what a policy
/// means to reach by a horizon — 到2027年，…; 到 2026 年底，…; 展望2035年，…;
/// 力争在2025年…; 2025年底前…; 通过2年左右时间，… (relative to the issue).
struct TargetExtractor {
    /// A horizon found in the text.
    struct Horizon {
        let year: Int
        let source: YearSource
        let start: Int
    }

    /// Characters that, before 到, make it part of a verb (达到, 得到) or of a
    /// range (2025年到2027年) rather than a horizon.
    static let verbEndingInDao: Set<Unicode.Scalar> = Set("达得受提做看遇感收回来直涉截年月日想办找碰轮".unicodeScalars)

    func horizons(in body: BodyText, issueYear: Int?) -> [Horizon] {
        let s = body.scalars
        var found: [Horizon] = []
        var i = 0
        func skipSpaces(_ k: inout Int) { while k < s.count && s[k] == " " { k += 1 } }
        func year(at k: inout Int) -> Int? {
            skipSpaces(&k)
            guard let (value, end) = CalendarYear.read(body, at: k), (2000...2100).contains(value) else { return nil }
            k = end
            return value
        }
        while i < s.count {
            let c = s[i]
            var k = i + 1
            if c == "到" || c == "至" {
                let previous = i > 0 ? s[i - 1] : " "
                // 有效期至2025年12月31日 is a term of validity.
                // 增长至2024年的3.1万亿元 in an issue of 2025: a level reached,
                // reported (§7), not a horizon.
                if !Self.verbEndingInDao.contains(previous) && previous.asciiDigit == nil,
                   !body.hasSuffix("有效期", at: i), let value = year(at: &k),
                   !Self.isFullDate(s, after: k),
                   !(body.hasPrefix("的", at: k) && value < (issueYear ?? Int.min)) {
                    found.append(Horizon(year: value, source: .stated, start: i))
                    i = k
                    continue
                }
            } else if let issueYear, c == "今" || c == "明" || c == "未" || (c == "到" && i + 1 < s.count && "今明".unicodeScalars.contains(s[i + 1])),
                      let relative = Self.relativeYear(body, at: i) {
                // 到今年底, 明年底前, 未来三年内: counted from the issue's year.
                found.append(Horizon(year: issueYear + relative.offset, source: .relative, start: i))
                i = relative.next
                continue
            } else if c == "展", body.hasPrefix("展望", at: i) {
                k = i + 2
                if let value = year(at: &k) {
                    found.append(Horizon(year: value, source: .stated, start: i))
                    i = k
                    continue
                }
            } else if c == "截", let issueYear, body.hasPrefix("截至", at: i) || body.hasPrefix("截止", at: i) {
                // 截至2027年底 still ahead of the issue: a deadline, not a report.
                k = i + 2
                if k < s.count, s[k] == "到" { k += 1 }
                if let value = year(at: &k), value > issueYear, Self.yearEndsHorizon(body, at: k) {
                    found.append(Horizon(year: value, source: .stated, start: i))
                    i = k
                    continue
                }
            } else if Self.mayStartAim(c),
                      let word = Self.aimWordScalars.first(where: { body.hasPrefix($0, at: i, before: s.count) }) {
                // 力争在2025年, 计划于2027年, 预计2026年底, 目标是2030年: an aim
                // and the year it names; not 将于2026年起施行 (a date of force).
                k = i + word.count
                // 力争年底前, 确保年内: this year's end, counted from the issue.
                if let issueYear, let tail = ["年底前", "年底", "年内"].first(where: { body.hasPrefix($0, at: k) }) {
                    found.append(Horizon(year: issueYear, source: .relative, start: i))
                    i = k + tail.unicodeScalars.count
                    continue
                }
                let preposition = k < s.count && "在到于".unicodeScalars.contains(s[k])
                if preposition { k += 1 }
                // 将 alone also marks an object (将2025年定为…): it needs 于, 在 or 到.
                if preposition || word != ["将"], let value = year(at: &k), Self.yearEndsHorizon(body, at: k) {
                    found.append(Horizon(year: value, source: .stated, start: i))
                    i = k
                    continue
                }
            } else if c == "十", let end = Self.fiveYearPlanEnd(body, at: i) {
                // “十五五”末, 十四五期末: the last year of the plan.
                found.append(Horizon(year: end.year, source: .stated, start: i))
                i = end.next
                continue
            } else if let issueYear, let (count, end) = Self.smallCount(s, at: i), (1...10).contains(count),
                      i == 0 || Self.smallCount(s, at: i - 1) == nil && s[i - 1].asciiDigit == nil,
                      Self.isClauseStart(s, i) || ["力争", "争取", "确保", "计划", "要", "将"].contains(where: { body.hasSuffix($0, at: i) }),
                      let within = Self.withinYears(body, at: end),
                      (ExtractionWords.scopeSubjectVerbs + ["实现", "达到", "突破"]).contains(where: { body.hasPrefix($0, at: within) }) {
                // 力争三年内集聚…, 3年内建成…: a relative horizon before a goal verb.
                found.append(Horizon(year: issueYear + count, source: .relative, start: i))
                i = within
                continue
            } else if c == "通" || c == "用" || c == "经", body.hasPrefix("通过", at: i) || body.hasPrefix("用", at: i)
                        || body.hasPrefix("经过", at: i) {
                // 通过2年左右时间, 用3年时间, 经过三年左右的努力: relative to the year of the issue.
                k = i + (c == "用" ? 1 : 2)
                skipSpaces(&k)
                if let issueYear, let (count, end) = Self.smallCount(s, at: k) {
                    var j = end
                    skipSpaces(&j)
                    if j < s.count, s[j] == "年" {
                        j += 1
                        if body.hasPrefix("左右", at: j) { j += 2 }
                        if body.hasPrefix("的", at: j) { j += 1 }
                        let word = ["时间", "努力", "奋斗"].first { body.hasPrefix($0, at: j) }
                        if let word, (1...15).contains(count) {
                            found.append(Horizon(year: issueYear + count, source: .relative, start: i))
                            i = j + word.count
                            continue
                        }
                    }
                }
            } else if CalendarYear.mayStart(c, roc: body.usesROCCalendar), i == 0 || s[i - 1].asciiDigit == nil,
                      Self.isClauseStart(s, i) || "在于".unicodeScalars.contains(s[i - 1]) {
                // 2025年底前, 2025年前, (目标)在2030年以前: a deadline at the
                // start of a clause or after 在. 2030年，全市…: a year still
                // ahead of the issue's, opening a clause (§7: one no later
                // dates a report).
                var j = i
                // 2025年至2027年，每年…; 2025—2027年，…: a span that governs
                // what follows as its last year (not a policy's period in
                // its title's brackets).
                if let span = Self.yearSpan(body, at: i), span.end >= (issueYear ?? span.end),
                   i == 0 || !"（(".unicodeScalars.contains(s[i - 1]), Self.yearEndsHorizon(body, at: span.next) {
                    found.append(Horizon(year: span.end, source: .stated, start: i))
                    i = span.next
                    continue
                }
                if let value = year(at: &j) {
                    if (["底前", "年底前"] + CalendarYear.deadlineTails.dropLast()).contains(where: { body.hasPrefix($0, at: j) }) {
                        found.append(Horizon(year: value, source: .stated, start: i))
                        i = j
                        continue
                    }
                    if let issueYear, value > issueYear, Self.yearEndsHorizon(body, at: j) {
                        found.append(Horizon(year: value, source: .stated, start: i))
                        i = j
                        continue
                    }
                }
            }
            i += 1
        }
        return found
    }

    /// `2025年至2027年`, `2025—2027年`, `2025-2027年` at `index`: the span's
    /// last year and where it ends.
    static func yearSpan(_ body: BodyText, at index: Int) -> (end: Int, next: Int)? {
        let s = body.scalars
        guard let first = CalendarYear.gregorian(s, at: index) else { return nil }
        var k = index + 4
        while k < s.count, s[k] == " " { k += 1 }
        if k < s.count, s[k] == "年" { k += 1 }
        guard k < s.count, "至到-—–～~".unicodeScalars.contains(s[k]) else { return nil }
        k += 1
        if k < s.count, s[k] == "—" { k += 1 }  // ——
        while k < s.count, s[k] == " " { k += 1 }
        guard let (last, next) = CalendarYear.read(body, at: k), last > first, last - first <= 15 else { return nil }
        return (last, next)
    }

    /// Words of aim before a year (longest first): 力争在2025年, 计划于2027年,
    /// 预计2026年底, 目标是2030年, 将于2027年.
    static let aimWords = ["目标是", "目标为", "力争", "争取", "力求", "预计", "预期", "计划", "目标", "确保", "有望", "拟", "将"]
    static let aimWordScalars = aimWords.map { Array($0.unicodeScalars) }
    /// Whether an aim word may start with `scalar`: a switch, as this asks
    /// of every code point of every body (a set would hash each).
    static func mayStartAim(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "目", "力", "争", "预", "计", "确", "有", "拟", "将": true
        default: false
        }
    }

    /// Whether what follows a year (at `index`, just after its 年) leaves it
    /// a horizon: 2027年，, 2027年底, 2027年全市…, 2027年6月底前; not a day
    /// or month (2026年1月1日, 2026年3月召开), a start (2026年起), a span
    /// (2025年至2027年, 2026年上半年), a season or an edition (2026年度).
    static func yearEndsHorizon(_ body: BodyText, at index: Int) -> Bool {
        let s = body.scalars
        var k = index
        while k < s.count, s[k] == " " { k += 1 }
        guard k < s.count else { return true }
        if s[k].asciiDigit != nil {
            // A month is a horizon only as a deadline: 2026年6月底前.
            while k < s.count, s[k].asciiDigit != nil { k += 1 }
            guard k < s.count, s[k] == "月" else { return false }
            k += 1
            if k < s.count, s[k] == "底" { k += 1 }
            return ["前", "以前", "之前"].contains { body.hasPrefix($0, at: k) }
        }
        if ["起", "开始", "正式", "以来", "上半年", "下半年", "一季度", "前三季度", "第", "度", "版", "春", "秋", "夏", "冬", "的",
            "至", "到", "和", "与", "及", "、", "-", "—", "–", "～", "~", "月"].contains(where: { body.hasPrefix($0, at: k) }) {
            return false
        }
        return true
    }

    /// 到今年底, 今年底前, 今年年内, 到明年, 明年底前, 未来三年内: years after the
    /// issue's, and where the horizon ends. 今年以来 looks back and is none.
    static func relativeYear(_ body: BodyText, at index: Int) -> (offset: Int, next: Int)? {
        var k = index
        let opened = body.hasPrefix("到", at: k)
        if opened { k += 1 }
        for (word, offset) in [("今年", 0), ("明年", 1)] where body.hasPrefix(word, at: k) {
            let after = k + 2
            for tail in ["年底前", "底前", "年内", "内", "底", "年底"] where body.hasPrefix(tail, at: after) {
                return (offset, after + tail.unicodeScalars.count)
            }
            if opened { return (offset, after) }
            // 今年新增…, 明年将…, 确保今年建成…: the year of a plan, when a
            // goal verb or a future cue follows it (今年以来 and 今年上半年 look back).
            if (ExtractionWords.goalVerbs + ["将", "要", "力争", "争取", "计划", "再", "实现", "完成"])
                .contains(where: { body.hasPrefix($0, at: after) }) {
                return (offset, after)
            }
            return nil
        }
        guard !opened, body.hasPrefix("未来", at: k), let (count, end) = smallCount(body.scalars, at: k + 2) else { return nil }
        var j = end
        if body.hasPrefix("个", at: j) { j += 1 }
        guard body.hasPrefix("年", at: j), (1...10).contains(count) else { return nil }
        j += 1
        if body.hasPrefix("内", at: j) || body.hasPrefix("里", at: j) { return (count, j + 1) }
        // 未来三年培育…: the span before a goal verb frames the goal too.
        if (ExtractionWords.goalVerbs + ["实现", "达到", "突破", "力争", "将"]).contains(where: { body.hasPrefix($0, at: j) }) {
            return (count, j)
        }
        return nil
    }

    /// Where `年内` or `个年内` after a count ends (三年内, 3年内), or nil.
    static func withinYears(_ body: BodyText, at index: Int) -> Int? {
        var j = index
        if body.hasPrefix("个", at: j) { j += 1 }
        guard body.hasPrefix("年内", at: j) else { return nil }
        return j + 2
    }

    /// Five-year plans by their number: 十四五 ends in 2025, 十五五 in 2030.
    static let fiveYearPlans: [(name: String, end: Int)] = [("十三五", 2020), ("十四五", 2025), ("十五五", 2030), ("十六五", 2035)]

    /// “十五五”末, 十四五期末, “十五五”时期末, “十五五”期间 at `index`: the plan's last year,
    /// and where the horizon ends.
    static func fiveYearPlanEnd(_ body: BodyText, at index: Int) -> (year: Int, next: Int)? {
        guard let plan = fiveYearPlans.first(where: { body.hasPrefix($0.name, at: index) }) else { return nil }
        var k = index + 3
        if k < body.count, "”\"’」".unicodeScalars.contains(body.scalars[k]) { k += 1 }
        // §7: a plan's period (“十五五”期间, 十五五时期) is its end year too.
        for tail in ["时期末", "期末", "末", "期间", "时期"] where body.hasPrefix(tail, at: k) {
            return (plan.end, k + tail.count)
        }
        return nil
    }

    /// Words and list marks that open a paragraph going on with the one before.
    static let continuationOpeners = ["同时", "此外", "另外", "其中", "并且", "一是", "二是", "三是", "四是", "（一）", "（二）",
                                      "（三）", "(一)", "(二)", "(1)", "(2)", "（1）", "（2）", "1.", "2.", "3.", "- ", "• ", "·"]

    static func continues(_ paragraph: Range<Int>, _ body: BodyText) -> Bool {
        var k = paragraph.lowerBound
        while k < paragraph.upperBound, body.scalars[k] == " " { k += 1 }
        return continuationOpeners.contains { body.hasPrefix($0, at: k) }
    }

    /// 2025年12月31日: a day, as in a term of validity, not a horizon.
    static func isFullDate(_ s: [Unicode.Scalar], after index: Int) -> Bool {
        var k = index
        var digits = 0
        while k < s.count, s[k].asciiDigit != nil { k += 1; digits += 1 }
        guard (1...2).contains(digits), k < s.count, s[k] == "月" else { return false }
        k += 1
        digits = 0
        while k < s.count, s[k].asciiDigit != nil { k += 1; digits += 1 }
        return (1...2).contains(digits) && k < s.count && (s[k] == "日" || s[k] == "号")
    }

    static func isClauseStart(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        var k = i - 1
        while k >= 0 && s[k] == " " { k -= 1 }
        return k < 0 || BodyText.mayEndClause(s[k])
    }

    /// A count written in Arabic or Chinese digits (1–99), and where it ends.
    static func smallCount(_ s: [Unicode.Scalar], at index: Int) -> (Int, Int)? {
        guard index < s.count else { return nil }
        if s[index].asciiDigit != nil {
            var value = 0, j = index
            while j < s.count, let digit = s[j].asciiDigit, j - index < 2 { value = value * 10 + digit; j += 1 }
            return (value, j)
        }
        // A switch, not a dictionary: this runs for every code point of every body.
        let value: Int
        switch s[index] {
        case "一": value = 1
        case "二", "两": value = 2
        case "三": value = 3
        case "四": value = 4
        case "五": value = 5
        case "六": value = 6
        case "七": value = 7
        case "八": value = 8
        case "九": value = 9
        case "十": value = 10
        default: return nil
        }
        return (value, index + 1)
    }

    /// Targets: one per horizon, the text running to the end of its
    /// sentence, its scope to the next horizon or the paragraph's end. A
    /// target stated again in the same words (a summary restating the goals)
    /// is one target with two scopes.
    func extract(body: BodyText, issueYear: Int?, policies: PolicyExtractor.Result) -> [ExtractedTarget] {
        let found = horizons(in: body, issueYear: issueYear)
        var targets: [ExtractedTarget] = []
        var byText: [String: Int] = [:]
        for (index, horizon) in found.enumerated() {
            guard let paragraph = body.paragraph(containing: horizon.start) else { continue }
            let end = body.sentenceEnd(after: horizon.start)
            let nextInParagraph = found.dropFirst(index + 1).first { paragraph.contains($0.start) }?.start
            var scopeEnd = nextInParagraph ?? paragraph.upperBound
            // A paragraph that goes on with the horizon's (同时，…, a list
            // under it) and states no horizon of its own stays in its scope.
            if nextInParagraph == nil {
                var number = (body.paragraphs.firstIndex { $0 == paragraph } ?? body.paragraphs.count) + 1
                while number < body.paragraphs.count, Self.continues(body.paragraphs[number], body),
                      !found.contains(where: { body.paragraphs[number].contains($0.start) }) {
                    scopeEnd = body.paragraphs[number].upperBound
                    number += 1
                }
            }
            let scope = horizon.start..<scopeEnd
            let text = body[horizon.start..<end]
            let policy = PolicyContext.policy(at: horizon.start, body: body, policies: policies)
            let key = "\(horizon.year)|\(policy ?? -1)|" + text.comparisonKey
            if let existing = byText[key] {
                targets[existing].scopes.append(scope)
                continue
            }
            byText[key] = targets.count
            targets.append(ExtractedTarget(
                year: horizon.year, yearSource: horizon.source, text: text, start: horizon.start, end: end,
                scopes: [scope], policyIndex: policy))
        }
        return targets
    }
}

/// Which policy a place in the body speaks of.
enum PolicyContext {
    /// Under a 《…》 heading, that policy; else the policy last named earlier
    /// in the same paragraph; else the article's main policy.
    static func policy(at offset: Int, body: BodyText, policies: PolicyExtractor.Result) -> Int? {
        if let number = body.paragraphs.firstIndex(where: { $0.contains(offset) || $0.upperBound == offset }),
           let heading = policies.headings.last(where: { $0.paragraph <= number }) {
            return heading.policy
        }
        if let paragraph = body.paragraph(containing: offset),
           let reference = policies.references.last(where: { $0.offset >= paragraph.lowerBound && $0.offset < offset }) {
            return reference.policy
        }
        return policies.main
    }
}
