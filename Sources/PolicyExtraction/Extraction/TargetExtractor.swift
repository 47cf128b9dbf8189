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
            if c == HorizonWords.to || c == HorizonWords.until {
                let previous = i > 0 ? s[i - 1] : " "
                // 有效期至2025年12月31日 is a term of validity.
                // 增长至2024年的3.1万亿元 in an issue of 2025: a level reached,
                // reported (§7), not a horizon.
                if !HorizonWords.verbEndingInDao.contains(previous) && previous.asciiDigit == nil,
                   !body.hasSuffix(PolicyWords.validityTerm, at: i), let value = year(at: &k),
                   !Self.isFullDate(s, after: k),
                   !(body.hasPrefix(GrammarWords.possessiveWord, at: k) && value < (issueYear ?? Int.min)) {
                    found.append(Horizon(year: value, source: .stated, start: i))
                    i = k
                    continue
                }
            } else if let issueYear, HorizonWords.relativeYearStarts.contains(c)
                        || (c == HorizonWords.to && i + 1 < s.count && HorizonWords.relativeYearWordStarts.contains(s[i + 1])),
                      let relative = Self.relativeYear(body, at: i) {
                // 到今年底, 明年底前, 未来三年内: counted from the issue's year.
                found.append(Horizon(year: issueYear + relative.offset, source: .relative, start: i))
                i = relative.next
                continue
            } else if c == HorizonWords.outlookFirst, body.hasPrefix(HorizonWords.outlook, at: i) {
                k = i + 2
                if let value = year(at: &k) {
                    found.append(Horizon(year: value, source: .stated, start: i))
                    i = k
                    continue
                }
            } else if c == HorizonWords.upToFirst, let issueYear, HorizonWords.upTo.contains(where: { body.hasPrefix($0, at: i) }) {
                // 截至2027年底 still ahead of the issue: a deadline, not a report.
                k = i + 2
                if k < s.count, s[k] == HorizonWords.to { k += 1 }
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
                if let issueYear, let tail = HorizonWords.thisYearEndTails.first(where: { body.hasPrefix($0, at: k) }) {
                    found.append(Horizon(year: issueYear, source: .relative, start: i))
                    i = k + tail.unicodeScalars.count
                    continue
                }
                let preposition = k < s.count && HorizonWords.aimPrepositions.contains(s[k])
                if preposition { k += 1 }
                // 将 alone also marks an object (将2025年定为…): it needs 于, 在 or 到.
                if preposition || word != Self.objectMarkingAim, let value = year(at: &k), Self.yearEndsHorizon(body, at: k) {
                    found.append(Horizon(year: value, source: .stated, start: i))
                    i = k
                    continue
                }
            } else if c == HorizonWords.fiveYearPlanFirst, let end = Self.fiveYearPlanEnd(body, at: i) {
                // “十五五”末, 十四五期末: the last year of the plan.
                found.append(Horizon(year: end.year, source: .stated, start: i))
                i = end.next
                continue
            } else if let issueYear, let (count, end) = Self.smallCount(s, at: i), (1...10).contains(count),
                      i == 0 || Self.smallCount(s, at: i - 1) == nil && s[i - 1].asciiDigit == nil,
                      Self.isClauseStart(s, i) || HorizonWords.aimsBeforeCount.contains(where: { body.hasSuffix($0, at: i) }),
                      let within = Self.withinYears(body, at: end),
                      (ExtractionWords.scopeSubjectVerbs + HorizonWords.reachVerbs).contains(where: { body.hasPrefix($0, at: within) }) {
                // 力争三年内集聚…, 3年内建成…: a relative horizon before a goal verb.
                found.append(Horizon(year: issueYear + count, source: .relative, start: i))
                i = within
                continue
            } else if HorizonWords.spanOpenerStarts.contains(c),
                      let opener = HorizonWords.spanOpeners.first(where: { body.hasPrefix($0, at: i) }) {
                // 通过2年左右时间, 用3年时间, 经过三年左右的努力: relative to the year of the issue.
                k = i + opener.unicodeScalars.count
                skipSpaces(&k)
                if let issueYear, let (count, end) = Self.smallCount(s, at: k) {
                    var j = end
                    skipSpaces(&j)
                    if j < s.count, s[j] == YearWords.year {
                        j += 1
                        if body.hasPrefix(HorizonWords.about, at: j) { j += 2 }
                        if body.hasPrefix(GrammarWords.possessiveWord, at: j) { j += 1 }
                        let word = HorizonWords.spanNouns.first { body.hasPrefix($0, at: j) }
                        if let word, (1...15).contains(count) {
                            found.append(Horizon(year: issueYear + count, source: .relative, start: i))
                            i = j + word.count
                            continue
                        }
                    }
                }
            } else if CalendarYear.mayStart(c, roc: body.usesROCCalendar), i == 0 || s[i - 1].asciiDigit == nil,
                      Self.isClauseStart(s, i) || HorizonWords.yearPlacePrepositions.contains(s[i - 1]) {
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
                    if (HorizonWords.deadlineOpeners + CalendarYear.deadlineTails.dropLast()).contains(where: { body.hasPrefix($0, at: j) }) {
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
        if k < s.count, s[k] == YearWords.year { k += 1 }
        guard k < s.count, HorizonWords.spanDashes.contains(s[k]) else { return nil }
        k += 1
        if k < s.count, s[k] == "—" { k += 1 }  // ——
        while k < s.count, s[k] == " " { k += 1 }
        guard let (last, next) = CalendarYear.read(body, at: k), last > first, last - first <= 15 else { return nil }
        return (last, next)
    }

    /// Words of aim before a year (longest first): 力争在2025年, 计划于2027年.
    static let aimWords = HorizonWords.aimsBeforeYear
    static let aimWordScalars = aimWords.map { Array($0.unicodeScalars) }
    static let objectMarkingAim = Array(HorizonWords.objectMarkingAim.unicodeScalars)
    /// The characters an aim word starts with, in an array: this asks of
    /// every code point of every body (a set would hash each).
    static let aimWordStarts: [Unicode.Scalar] = aimWords.reduce(into: []) { starts, word in
        if let first = word.unicodeScalars.first, !starts.contains(first) { starts.append(first) }
    }
    /// Whether an aim word may start with `scalar`.
    static func mayStartAim(_ scalar: Unicode.Scalar) -> Bool { aimWordStarts.contains(scalar) }

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
            guard k < s.count, s[k] == YearWords.month else { return false }
            k += 1
            if k < s.count, s[k] == YearWords.yearEnd { k += 1 }
            return HorizonWords.beforeMarks.contains { body.hasPrefix($0, at: k) }
        }
        if HorizonWords.notHorizonFollowers.contains(where: { body.hasPrefix($0, at: k) }) {
            return false
        }
        return true
    }

    /// 到今年底, 今年底前, 今年年内, 到明年, 明年底前, 未来三年内: years after the
    /// issue's, and where the horizon ends. 今年以来 looks back and is none.
    static func relativeYear(_ body: BodyText, at index: Int) -> (offset: Int, next: Int)? {
        var k = index
        let opened = body.hasPrefix(HorizonWords.toWord, at: k)
        if opened { k += 1 }
        for (word, offset) in HorizonWords.relativeYearWords where body.hasPrefix(word, at: k) {
            let after = k + 2
            for tail in HorizonWords.relativeYearTails where body.hasPrefix(tail, at: after) {
                return (offset, after + tail.unicodeScalars.count)
            }
            if opened { return (offset, after) }
            // 今年新增…, 明年将…, 确保今年建成…: the year of a plan, when a
            // goal verb or a future cue follows it (今年以来 and 今年上半年 look back).
            if (ExtractionWords.goalVerbs + HorizonWords.planYearFollowers)
                .contains(where: { body.hasPrefix($0, at: after) }) {
                return (offset, after)
            }
            return nil
        }
        guard !opened, body.hasPrefix(HorizonWords.comingYears, at: k) else { return nil }
        // 未來 4 年: news in Taiwan spaces the figure.
        let skipSpaces = { (i: Int) -> Int in var i = i; while i < body.count, body.scalars[i] == " " { i += 1 }; return i }
        guard let (count, end) = smallCount(body.scalars, at: skipSpaces(k + 2)) else { return nil }
        var j = skipSpaces(end)
        if body.hasPrefix(HorizonWords.measureWord, at: j) { j += 1 }
        guard body.hasPrefix(YearWords.yearWord, at: j), (1...10).contains(count) else { return nil }
        j = skipSpaces(j + 1)
        if HorizonWords.withinTails.contains(where: { body.hasPrefix($0, at: j) }) { return (count, j + 1) }
        // 未来三年培育…: the span before a goal verb frames the goal too.
        if (ExtractionWords.goalVerbs + HorizonWords.comingYearsFollowers).contains(where: { body.hasPrefix($0, at: j) }) {
            return (count, j)
        }
        return nil
    }

    /// Where `年内` or `个年内` after a count ends (三年内, 3年内), or nil.
    static func withinYears(_ body: BodyText, at index: Int) -> Int? {
        var j = index
        if body.hasPrefix(HorizonWords.measureWord, at: j) { j += 1 }
        guard body.hasPrefix(HorizonWords.withinYears, at: j) else { return nil }
        return j + 2
    }

    /// Five-year plans read as horizons: 十四五 ends in 2025, 十五五 in 2030.
    static let fiveYearPlans = HorizonWords.fiveYearPlanHorizons

    /// “十五五”末, 十四五期末, “十五五”时期末, “十五五”期间 at `index`: the plan's last year,
    /// and where the horizon ends.
    static func fiveYearPlanEnd(_ body: BodyText, at index: Int) -> (year: Int, next: Int)? {
        guard let plan = fiveYearPlans.first(where: { body.hasPrefix($0.name, at: index) }) else { return nil }
        var k = index + 3
        if k < body.count, "”\"’」".unicodeScalars.contains(body.scalars[k]) { k += 1 }
        // §7: a plan's period (“十五五”期间, 十五五时期) is its end year too.
        for tail in HorizonWords.fiveYearPlanTails where body.hasPrefix(tail, at: k) {
            return (plan.end, k + tail.count)
        }
        return nil
    }

    /// Words and list marks that open a paragraph going on with the one before.
    static let continuationOpeners = HorizonWords.continuationOpeners

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
        guard (1...2).contains(digits), k < s.count, s[k] == YearWords.month else { return false }
        k += 1
        digits = 0
        while k < s.count, s[k].asciiDigit != nil { k += 1; digits += 1 }
        return (1...2).contains(digits) && k < s.count && YearWords.dayMarks.contains(s[k])
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
        // Arrays, not a dictionary: this runs for every code point of every body.
        let c = s[index]
        if c == YearWords.digits[0] { return nil }
        if let value = YearWords.digits.firstIndex(of: c) { return (value, index + 1) }
        if c == YearWords.two { return (2, index + 1) }
        if c == YearWords.ten { return (10, index + 1) }
        return nil
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
