/// Stage 2 of goal extraction: what governs a place in the body — the
/// horizon, a stretch marker, a cue that the text reports a fact — each bound
/// to the clause or sentence it stands in, not to the whole paragraph.
///
/// Pure functions of the body (folded), its targets and the issue's year.
struct ClauseScopes {
    let body: BodyText
    let targets: [ExtractedTarget]
    let issueYear: Int?
    /// Whether the article names a policy: news of an event with no policy
    /// reports facts.
    let hasPolicy: Bool
    /// The lists and lead-ins the body's figures stand under.
    let context: DocumentContext

    init(body: BodyText, targets: [ExtractedTarget], issueYear: Int?, hasPolicy: Bool) {
        self.body = body
        self.targets = targets
        self.issueYear = issueYear
        self.hasPolicy = hasPolicy
        context = DocumentContext(body: body, issueYear: issueYear)
    }

    /// A word found in the text, and where; and the rule that read it.
    struct Cue: Equatable {
        var word: String
        var range: Range<Int>
        var rule: ExtractionRule.ID = .kindReportCue
    }

    // MARK: Horizon

    /// The target whose horizon governs `offset`.
    func target(at offset: Int) -> Int? {
        targets.lastIndex { $0.governs(offset) }
    }

    // MARK: Stretch

    /// The stretch marker governing `offset` (§7): from where it stands to the
    /// end of its clause; a marker that opens a clause with its horizon
    /// (力争到2027年，…) or opens the sentence governs the whole sentence.
    func stretch(at offset: Int) -> Cue? {
        let clauseStart = body.clauseStart(before: offset)
        if let cue = Self.firstWord(ExtractionWords.stretchMarkers, in: clauseStart..<offset, body: body),
           isStretchMarker(at: cue.range) {
            return cue
        }
        let sentenceStart = body.sentenceStart(before: offset)
        var start = sentenceStart
        while start < clauseStart {
            let end = body.clauseEnd(after: start)
            if let cue = Self.firstWord(ExtractionWords.stretchMarkers, in: start..<min(start + 3, end), body: body),
               isStretchMarker(at: cue.range), opensWithHorizon(after: cue.range.upperBound) || start == sentenceStart {
                return cue
            }
            start = end + 1
        }
        return nil
    }

    /// 努力 is a marker before a verb (努力达到), not as a noun (经过三年的努力，).
    private func isStretchMarker(at range: Range<Int>) -> Bool {
        let s = body.scalars
        if range.lowerBound > 0, s[range.lowerBound - 1] == GrammarWords.possessive { return false }
        guard range.upperBound < s.count else { return false }
        return !body.endsClause(at: range.upperBound) && s[range.upperBound] != GrammarWords.possessive
    }

    private func opensWithHorizon(after offset: Int) -> Bool {
        var k = offset
        if k < body.count, HorizonWords.aimPrepositions.contains(body.scalars[k]) { k += 1 }
        return CalendarYear.read(body, at: k) != nil
    }

    /// A year after the issue's, from the start of the sentence to `offset`
    /// (2026年起，每年新增…; 该中心计划2027年投运): the sentence speaks of
    /// what is to come.
    func futureYear(in range: Range<Int>) -> Cue? {
        guard let issueYear else { return nil }
        let s = body.scalars
        for k in range where CalendarYear.mayStart(s[k], roc: body.usesROCCalendar)
            && (k == 0 || !CalendarYear.mayStart(s[k - 1], roc: body.usesROCCalendar)) {
            if let (year, end) = CalendarYear.read(body, at: k), year > issueYear, year <= issueYear + 30 {
                return Cue(word: body[k..<end], range: k..<end)
            }
        }
        return nil
    }

    // MARK: Reported facts

    /// The cue that makes the figure at `offset` a reported fact (§7), if
    /// any: a cue word in its own clause (已, 截至, 同比); a sentence that
    /// opens with a year no later than the issue's (2024年，全省…), or a
    /// 截至/据统计 anywhere before it in the sentence, unless its own clause
    /// looks ahead (到2027年, 力争, 将); a past year in the brackets that hold
    /// it (（2024年底为280EFLOPS）); a sentence that goes on with 其中 from
    /// one that reports; and, in an article that names no policy, anything
    /// not under a horizon that does not look ahead.
    func reportCue(at offset: Int, clause: Range<Int>) -> Cue? {
        if let cue = Self.firstWord(ExtractionWords.reportCues, in: clause.lowerBound..<offset, body: body),
           !(cue.word == ScopeWords.already && isPartOfWord(cue.range)), !isComparisonBase(cue.range), !isFutureDeadline(cue) {
            return cue
        }
        // News that names no policy reports facts, unless the figure's
        // clause states an aim (计划新增, 目标是, 确保): an announced plan.
        // 将 alone is not enough: 大会期间还将举办12场论坛 is the event's programme.
        // The level a change starts from is a fact before anything else is read.
        if let cue = changeBase(at: offset) { return cue }
        if !hasPolicy, target(at: offset) == nil, stretch(at: offset) == nil,
           Self.firstWord(ExtractionWords.aimCues, in: clause, body: body) == nil,
           futureYear(in: body.sentenceStart(before: offset)..<offset) == nil {
            if let cue = pastYearInNews(before: offset, clause: clause) { return cue }
            return Cue(word: "no policy, horizon or stretch: news reports facts", range: offset..<offset, rule: .kindNewsReportsFacts)
        }
        if let cue = pastAspect(in: clause.lowerBound..<offset) { return cue }
        if looksAhead(in: clause) || futureYear(in: clause.lowerBound..<offset) != nil { return nil }
        if let cue = resultEffect(at: offset, clause: clause) { return cue }
        if let cue = pastYearBeforeVerb(in: clause.lowerBound..<offset) { return cue }
        let sentenceStart = body.sentenceStart(before: offset)
        if var cue = Self.firstWord(ExtractionWords.yearOnYearCues, in: sentenceStart..<body.sentenceEnd(after: offset), body: body) {
            cue.rule = .kindYearOnYear
            return cue
        }
        if target(at: offset) == nil,
           var cue = Self.firstWord(ExtractionWords.annualChangeCues, in: sentenceStart..<body.sentenceEnd(after: offset), body: body) {
            cue.rule = .kindAnnualChange
            return cue
        }
        if target(at: offset) == nil, var cue = Self.firstWord(ExtractionWords.stateVerbs, in: clause.lowerBound..<offset, body: body) {
            cue.rule = .kindStateVerb
            return cue
        }
        // 中小企业占企业总数98%以上: a share of a total, stated.
        if target(at: offset) == nil, stretch(at: offset) == nil,
           let share = Self.lastWord([ExtractionWords.shareOf], in: clause.lowerBound..<offset, body: body),
           Self.firstWord(ExtractionWords.shareChangeVerbs, in: share.range.upperBound..<offset, body: body) == nil,
           Self.firstWord(ExtractionWords.aimCues, in: clause, body: body) == nil {
            return Cue(word: share.word, range: share.range, rule: .kindStateVerb)
        }
        if var cue = Self.firstWord(ExtractionWords.sentenceReportCues, in: sentenceStart..<offset, body: body),
           !isFutureDeadline(cue) {
            cue.rule = .kindSentenceReport
            return cue
        }
        if let cue = pastYearOpening(sentenceStart) ?? pastYearOpening(clause.lowerBound) { return cue }
        if ExtractionWords.goesOnOpeners.contains(where: { body.hasPrefix($0, at: sentenceStart) }), sentenceStart > 0 {
            let previous = body.sentenceStart(before: sentenceStart - 1)
            if body.paragraph(containing: previous) == body.paragraph(containing: sentenceStart),
               var cue = pastYearOpening(previous) ?? Self.firstWord(ExtractionWords.sentenceReportCues,
                                                                      in: previous..<sentenceStart, body: body) {
                cue.rule = .kindGoesOnReport
                return cue
            }
        }
        return nil
    }

    /// A modal of likelihood followed by an effect verb in `range` (将可带动,
    /// 可望吸引): the figure after them is what the programme is expected to
    /// bring about. Returns the modal through the verb.
    func expectedEffect(in range: Range<Int>) -> Cue? {
        guard let modal = Self.firstWord(ExtractionWords.effectModals, in: range, body: body),
              let verb = Self.firstWord(ExtractionWords.effectVerbs, in: modal.range.upperBound..<range.upperBound, body: body)
        else { return nil }
        return Cue(word: body[modal.range.lowerBound..<verb.range.upperBound], range: modal.range.lowerBound..<verb.range.upperBound,
                   rule: .kindExpectedEffect)
    }

    /// An effect verb before the figure in its clause, after a clause of the
    /// same sentence that reports a result (已累计投资项目45个，带动…): what
    /// the result brought about. Not under a horizon, nor where the sentence
    /// looks ahead before the figure.
    func resultEffect(at offset: Int, clause: Range<Int>) -> Cue? {
        let sentenceStart = body.sentenceStart(before: offset)
        guard clause.lowerBound > sentenceStart, target(at: offset) == nil,
              let effect = Self.firstWord(ExtractionWords.effectVerbs, in: clause.lowerBound..<offset, body: body),
              let result = Self.firstWord(ExtractionWords.resultCues, in: sentenceStart..<clause.lowerBound, body: body),
              !(result.word == ScopeWords.already && isPartOfWord(result.range)),
              !looksAhead(in: sentenceStart..<offset), futureYear(in: sentenceStart..<offset) == nil
        else { return nil }
        return Cue(word: "\(result.word)…\(effect.word)", range: result.range.lowerBound..<effect.range.upperBound, rule: .kindResultEffect)
    }

    /// A future cue in `range` (将, 计划, 预计, 力争, 到20…); 将近 is "nearly".
    func looksAhead(in range: Range<Int>) -> Bool {
        ExtractionWords.futureCues.contains { word in
            body.occurrences(of: word, in: range).contains {
                !(word == ScopeWords.will && body.hasPrefix(ScopeWords.nearly, at: $0)) && !isInsideTitle($0)
            }
        }
    }

    /// Inside 《…》: a title's words (《行动计划》) are its name, not a cue.
    func isInsideTitle(_ offset: Int) -> Bool {
        var k = offset - 1
        while k >= 0, offset - k <= ExtractionWords.titleMaxLength {
            if ExtractionWords.titleClosers.contains(body.scalars[k]) || body.endsSentence(at: k) { return false }
            if ExtractionWords.titleOpeners.contains(body.scalars[k]) { return true }
            k -= 1
        }
        return false
    }

    /// The year a reported figure is of (§7: 由2020年的2.5万亿元 is a
    /// statistic of 2020): the last year its sentence names before it
    /// (2024年，全省…; 截至2024年底; 2024年上半年), not one inside a title's
    /// 《…》, not a start (2020年以来), not after the issue's year; 去年
    /// and 今年 count from the issue. Nil when the sentence names none.
    func reportYear(before offset: Int) -> Int? {
        lastYear(before: offset, relative: true) { year, end in
            !self.body.hasPrefix(YearWords.since, at: end) && year <= (self.issueYear ?? Int.max)
        }?.year
    }

    /// The last year its sentence names before `offset`, outside 《…》,
    /// that `accepts` (given the year and where it ends); with `relative`,
    /// 去年 and 今年 count from the issue.
    private func lastYear(before offset: Int, relative: Bool = false,
                          accepts: (Int, Int) -> Bool) -> (year: Int, range: Range<Int>)? {
        let s = body.scalars
        var depth = 0
        var found: (year: Int, range: Range<Int>)?
        var k = body.sentenceStart(before: offset)
        while k < offset {
            let c = s[k]
            if c == "《" { depth += 1 } else if c == "》" { depth = max(0, depth - 1) }
            if depth == 0, CalendarYear.mayStart(c, roc: body.usesROCCalendar),
               k == 0 || !CalendarYear.mayStart(s[k - 1], roc: body.usesROCCalendar),
               let (year, end) = CalendarYear.read(body, at: k), end <= offset {
                if accepts(year, end) { found = (year, k..<end) }
                k = end
                continue
            }
            if relative, depth == 0, let issueYear, let named = ScopeWords.relativeReportYears.first(where: { $0.first == c }),
               k + 1 < s.count, s[k + 1] == YearWords.year, !body.hasPrefix(YearWords.since, at: k + 2) {
                found = (issueYear + named.offset, k..<(k + 2))
            }
            k += 1
        }
        return found
    }

    /// 截至2027年底 with the year still ahead of the issue: a deadline, not
    /// the date of a count.
    private func isFutureDeadline(_ cue: Cue) -> Bool {
        guard let issueYear, HorizonWords.upTo.contains(cue.word) else { return false }
        var k = cue.range.upperBound
        if body.hasPrefix(HorizonWords.toWord, at: k) { k += 1 }
        while k < body.count, body.scalars[k] == " " { k += 1 }
        return CalendarYear.read(body, at: k).map { $0.year > issueYear } ?? false
    }

    /// 提升至目前的3倍, 比目前: the present as the base of a change, not a report.
    private func isComparisonBase(_ range: Range<Int>) -> Bool {
        range.lowerBound > 0 && ScopeWords.comparisonBaseMarks.contains(body.scalars[range.lowerBound - 1])
    }

    /// 已 inside a word that is not the aspect marker (而已, 不得已).
    private func isPartOfWord(_ range: Range<Int>) -> Bool {
        range.lowerBound > 0 && ScopeWords.alreadyInsideWordAfter.contains(body.scalars[range.lowerBound - 1])
    }

    /// A verb with the perfective 了 before the figure (吸引了, 签约了):
    /// something that happened.
    private func pastAspect(in range: Range<Int>) -> Cue? {
        let s = body.scalars
        for i in range where s[i] == ScopeWords.perfective && i > range.lowerBound && s[i - 1].isHan {
            if i + 1 < s.count, ScopeWords.perfectiveStartsWordBefore.contains(s[i + 1]) { continue }
            if ScopeWords.perfectiveEndsWordAfter.contains(s[i - 1]) { continue }
            return Cue(word: String(ScopeWords.perfective), range: i..<(i + 1), rule: .kindPastAspect)
        }
        return nil
    }

    /// A figure's own words that make it a past level: the base of a change
    /// (由2020年的2.5万亿元) or a past year in its brackets (（2024年底为…）).
    /// Even under a goal list it is a statistic.
    func changeBase(at offset: Int) -> Cue? {
        pastBase(before: offset) ?? changeStart(at: offset) ?? bracketedPastYear(around: offset)
    }

    /// 由40万元上调至60万元, 从三分之二提高到四分之三: the figure a change
    /// starts from is the level before it, a fact, whatever the change is.
    private func changeStart(at offset: Int) -> Cue? {
        let s = body.scalars
        var k = offset
        while k > 0, s[k - 1] == " " { k -= 1 }
        guard k >= 1, ExtractionWords.changeStartMarks.contains(s[k - 1]),
              k < 2 || !ExtractionWords.changeFromInsideWordAfter.contains(s[k - 2]) else { return nil }
        // The change verb follows the figure (and its unit) within a few characters.
        let end = body.clauseEnd(after: offset)
        let window = offset..<min(end, offset + 14)
        guard let verb = Self.firstWord(ExtractionWords.changeToVerbs, in: window, body: body) else { return nil }
        // Only the unit and comparator may stand between: no second figure first.
        let gap = body.scalars[offset..<verb.range.lowerBound]
        guard gap.filter({ $0.properties.numericType != nil }).count <= 12 else { return nil }
        return Cue(word: body[(k - 1)..<k] + "…" + verb.word, range: (k - 1)..<verb.range.upperBound, rule: .kindChangeBase)
    }

    /// In news, a past year the sentence names before the figure
    /// (该计划在2024年核定补助经费3000万元) dates what it reports, money a
    /// scheme paid included; a cap or a giving verb (最高, 给予) still grants.
    private func pastYearInNews(before offset: Int, clause: Range<Int>) -> Cue? {
        guard let issueYear, let found = lastYear(before: offset, accepts: { year, end in
            year < issueYear && !ExtractionWords.yearSpanTails.contains { self.body.hasPrefix($0, at: end) }
        }) else { return nil }
        if ExtractionWords.entitlementVerbs.contains(where: { body.contains($0, in: clause) }) { return nil }
        if ExtractionWords.capWords.contains(where: { body.contains($0, in: clause.lowerBound..<offset) }) { return nil }
        return Cue(word: body[found.range], range: found.range, rule: .kindPastYearNews)
    }

    /// 市场规模2024年突破480亿元: a year before the issue's, just before the
    /// verb in the figure's clause, dates what is reported. Not a span's
    /// start (2020年以来) nor a deadline (2025年前), nor after 到/由.
    private func pastYearBeforeVerb(in range: Range<Int>) -> Cue? {
        guard let issueYear else { return nil }
        let s = body.scalars
        for k in range where CalendarYear.mayStart(s[k], roc: body.usesROCCalendar)
            && (k == 0 || !CalendarYear.mayStart(s[k - 1], roc: body.usesROCCalendar)) {
            // The verb may open the figure itself (2024年突破900亿元).
            guard let (year, end) = CalendarYear.read(body, at: k), year < issueYear, end <= range.upperBound else { continue }
            if k > 0, ExtractionWords.yearPrepositions.contains(s[k - 1]) { continue }
            if ExtractionWords.yearSpanTails.contains(where: { body.hasPrefix($0, at: end) }) { continue }
            // The verb follows the year (or its 底/末) at once.
            var j = end
            if j < range.upperBound, ExtractionWords.yearEndMarks.contains(s[j]) { j += 1 }
            if ExtractionWords.completiveVerbs.contains(where: { body.hasPrefix($0, at: j) }) {
                return Cue(word: body[k..<end], range: k..<end, rule: .kindPastYearVerb)
            }
        }
        return nil
    }

    /// 由2020年的2.5万亿元, 从2021年的…: the past level a change starts from.
    private func pastBase(before offset: Int) -> Cue? {
        var k = offset
        while k > 0, body.scalars[k - 1] == " " { k -= 1 }
        guard k >= 7, body.scalars[k - 1] == GrammarWords.possessive, body.scalars[k - 2] == YearWords.year,
              let year = CalendarYear.gregorian(body.scalars, at: k - 6), year <= (issueYear ?? Int.max),
              ScopeWords.changeFrom.contains(body.scalars[k - 7]) else { return nil }
        return Cue(word: body[(k - 7)..<k], range: (k - 7)..<k, rule: .kindChangeBase)
    }

    /// A year no later than the issue's at the start of a sentence, after an
    /// optional reporting lead (据介绍，《报告》显示，): it dates a report.
    func pastYearOpening(_ sentenceStart: Int) -> Cue? {
        var k = sentenceStart
        let s = body.scalars
        while k < s.count, s[k] == " " { k += 1 }
        // A lead clause that reports (据介绍，, 《报告》显示，) may come first.
        let leadEnd = body.clauseEnd(after: k)
        if leadEnd < s.count, leadEnd - k <= 14, !body.endsSentence(at: leadEnd),
           ExtractionWords.reportingVerbs.contains(where: { body.contains($0, in: k..<leadEnd) }) {
            k = leadEnd + 1
            while k < s.count, s[k] == " " { k += 1 }
        }
        // 2024年, and in Taiwan's text 113年 (CalendarYear).
        guard let (year, end) = CalendarYear.read(body, at: k) else { return nil }
        // 2025年前, 2025年底前: a deadline, not a report.
        if ScopeWords.openingYearDeadlines.contains(where: { body.hasPrefix($0, at: end) }) { return nil }
        guard year <= (issueYear ?? Int.max) else { return nil }
        return Cue(word: body[k..<end], range: k..<end, rule: .kindPastYearOpening)
    }

    /// （2024年底为280EFLOPS）: a past year in the brackets that hold the figure.
    private func bracketedPastYear(around offset: Int) -> Cue? {
        let s = body.scalars
        var open = offset - 1
        while open >= 0, offset - open < 30, s[open] != "（" && s[open] != "(" {
            if s[open] == "）" || s[open] == ")" || body.endsSentence(at: open) { return nil }
            open -= 1
        }
        guard open >= 0, s[open] == "（" || s[open] == "(" else { return nil }
        for k in (open + 1)..<offset {
            if let year = CalendarYear.gregorian(s, at: k), k + 4 < s.count, s[k + 4] == YearWords.year,
               year <= (issueYear ?? Int.max) {
                return Cue(word: body[k..<(k + 5)], range: k..<(k + 5), rule: .kindChangeBase)
            }
        }
        return nil
    }

    // MARK: Word search

    /// The last of `words` in `range` (longest first at one place).
    static func lastWord(_ words: [String], in range: Range<Int>, body: BodyText) -> Cue? {
        guard !range.isEmpty else { return nil }
        var best: Cue?
        for word in words where body.contains(word, in: range) {
            guard let offset = body.occurrences(of: word, in: range).last else { continue }
            let candidate = Cue(word: word, range: offset..<(offset + word.unicodeScalars.count))
            if let current = best, current.range.upperBound > candidate.range.upperBound
                || (current.range.upperBound == candidate.range.upperBound && current.range.count >= candidate.range.count) {
                continue
            }
            best = candidate
        }
        return best
    }

    /// The earliest of `words` in `range` (longest first at one place).
    static func firstWord(_ words: [String], in range: Range<Int>, body: BodyText) -> Cue? {
        guard !range.isEmpty else { return nil }
        var best: Cue?
        for word in words where body.contains(word, in: range) {
            guard let offset = body.occurrences(of: word, in: range).first else { continue }
            let candidate = Cue(word: word, range: offset..<(offset + word.unicodeScalars.count))
            if let current = best, current.range.lowerBound < offset
                || (current.range.lowerBound == offset && current.range.count >= candidate.range.count) {
                continue
            }
            best = candidate
        }
        return best
    }
}
