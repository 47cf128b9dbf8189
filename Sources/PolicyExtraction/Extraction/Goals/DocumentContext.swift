/// Stage 2a of goal extraction: the document as context (EXTRACTION.md §8).
/// Before any cue word of a clause, the block a figure stands in decides what
/// it is: items under a goal list (主要目标：…, a heading 主要预期目标) are
/// targets for the year the list names; figures under a results lead-in
/// (工作回顾, 过去五年, 取得显著成效) are statistics.
///
/// Lead-ins are found three ways, each a rule with its own id:
/// - a heading line (short, no sentence inside) names the list; it governs
///   the paragraphs after it up to the next lead-in or a heading numbered in
///   the same way (`context.heading`);
/// - a clause names the list and ends in a colon; it governs the rest of its
///   paragraph (`context.colon-list`);
/// - a sentence names the list and the next one goes on with 其中
///   (`context.goes-on`); a results lead-in also governs the rest of its
///   paragraph from its own sentence.
///
/// A pure function of the folded body and the issue's year.
struct DocumentContext {
    enum Role: String, Sendable {
        /// A list of goals: targets.
        case goalList = "goal list"
        /// A report of results: statistics.
        case results = "results"
        /// A plan's text as a report quotes it (报告指出, 会议提出): what it
        /// does, it means to do.
        case plan = "plan"
    }

    struct LeadIn: Equatable {
        var role: Role
        /// The words that made it one, and where.
        var cue: ClauseScopes.Cue
        /// The year the lead-in names (2026年, 今年, “十五五”), for a goal list.
        var year: Int?
        /// What it governs.
        var governs: Range<Int>
        /// The rule that found it.
        var rule: ExtractionRule.ID
    }

    let leadIns: [LeadIn]

    /// How a heading is numbered: 一、 （一） 1. （1）.
    enum OrdinalFamily: Equatable {
        case chinese, bracketedChinese, arabic, bracketedArabic
    }

    /// The innermost lead-in governing `offset`: the one that starts last.
    func leadIn(at offset: Int) -> LeadIn? {
        leadIns.last { $0.governs.contains(offset) }
    }

    /// The lead-in words a body holds at all: most bodies hold none, and
    /// then no sentence need be read for them (this runs on every article).
    struct Vocabulary {
        var goalLists: [String]
        var results: [String]
        var plans: [String]
        var pastSpan: Bool
        var isEmpty: Bool { goalLists.isEmpty && results.isEmpty && plans.isEmpty && !pastSpan }

        init(_ body: BodyText) {
            let all = 0..<body.count
            goalLists = ExtractionWords.goalListLeadIns.filter { body.contains($0, in: all) }
            results = ExtractionWords.resultsLeadIns.filter { body.contains($0, in: all) }
            plans = ExtractionWords.planReportLeads.filter { body.contains($0, in: all) }
            pastSpan = body.contains(ExtractionWords.pastSpanOpener, in: all)
        }
    }

    init(body: BodyText, issueYear: Int?) {
        let words = Vocabulary(body)
        guard !words.isEmpty else {
            leadIns = []
            return
        }
        var found: [LeadIn] = []
        let paragraphs = body.paragraphs
        for (index, paragraph) in paragraphs.enumerated() {
            if let heading = Self.headingLeadIn(paragraph, body: body, words: words, issueYear: issueYear) {
                // Up to the next lead-in heading, or a heading numbered as this one.
                let family = Self.ordinalFamily(of: paragraph, body: body)
                var end = body.count
                for next in paragraphs[(index + 1)...] {
                    if Self.isHeading(next, body: body),
                       Self.headingLeadIn(next, body: body, words: words, issueYear: issueYear) != nil
                        || (family != nil && Self.ordinalFamily(of: next, body: body) == family) {
                        end = next.lowerBound
                        break
                    }
                }
                var leadIn = heading
                leadIn.governs = paragraph.upperBound..<end
                found.append(leadIn)
                continue
            }
            found.append(contentsOf: Self.inlineLeadIns(paragraph, body: body, words: words, issueYear: issueYear))
        }
        leadIns = found.sorted { $0.governs.lowerBound < $1.governs.lowerBound }
    }

    // MARK: Headings

    /// A line that reads as a heading: short, with no sentence inside it.
    static func isHeading(_ paragraph: Range<Int>, body: BodyText) -> Bool {
        guard paragraph.count <= ExtractionWords.headingMaxLength else { return false }
        return !paragraph.dropLast().contains { body.endsSentence(at: $0) || body.scalars[$0] == "，" || body.scalars[$0] == "," }
    }

    /// A heading line that names a goal list or a report of results.
    static func headingLeadIn(_ paragraph: Range<Int>, body: BodyText, words: Vocabulary, issueYear: Int?) -> LeadIn? {
        guard isHeading(paragraph, body: body) else { return nil }
        // A line that holds a figure is an item, not a heading (城镇新增就业1267万人),
        // unless the figure is a year or a span of them (过去5年).
        // 主要指标完成情况 reports: results words win over a list's name.
        if let cue = resultsCue(in: paragraph, body: body, words: words) {
            return LeadIn(role: .results, cue: cue, year: nil, governs: paragraph, rule: .contextHeading)
        }
        if let cue = ClauseScopes.firstWord(words.goalLists, in: paragraph, body: body),
           !holdsFigure(paragraph, body: body) {
            return LeadIn(role: .goalList, cue: cue, year: namedYear(in: paragraph, body: body, issueYear: issueYear),
                          governs: paragraph, rule: .contextHeading)
        }
        return nil
    }

    /// Digits in a line other than a year's, a plan's or an ordinal's.
    private static func holdsFigure(_ paragraph: Range<Int>, body: BodyText) -> Bool {
        let s = body.scalars
        var k = paragraph.lowerBound
        while k < paragraph.upperBound {
            if let (_, end) = CalendarYear.read(body, at: k) { k = end; continue }
            if s[k].asciiDigit != nil {
                var j = k
                while j < paragraph.upperBound, s[j].asciiDigit != nil || s[j] == "." { j += 1 }
                // 1. and 2、 number the heading itself.
                let ordinal = k == paragraph.lowerBound && j < paragraph.upperBound && ".、．)）".unicodeScalars.contains(s[j])
                if !ordinal { return true }
                k = j
                continue
            }
            k += 1
        }
        return false
    }

    /// The results words of a line or sentence: a heading (工作回顾, 主要成效),
    /// a span of the past (过去5年, 一年来), a verdict on it (取得显著成效).
    static func resultsCue(in range: Range<Int>, body: BodyText, words: Vocabulary) -> ClauseScopes.Cue? {
        if let cue = ClauseScopes.firstWord(words.results, in: range, body: body) { return cue }
        guard words.pastSpan else { return nil }
        // 过去5年, 過去 五 年: the past, counted in years.
        for start in body.occurrences(of: ExtractionWords.pastSpanOpener, in: range) {
            var k = start + ExtractionWords.pastSpanOpener.unicodeScalars.count
            var counted = false
            while k < range.upperBound, k - start < 8, body.scalars[k] == " " || body.scalars[k].asciiDigit != nil
                    || body.scalars[k].isChineseDigit {
                counted = counted || body.scalars[k] != " "
                k += 1
            }
            if counted, k < range.upperBound, body.scalars[k] == ExtractionWords.yearCharacter {
                return ClauseScopes.Cue(word: body[start..<(k + 1)], range: start..<(k + 1))
            }
        }
        return nil
    }

    /// The family of a heading's number (一、 （一） 1. ), so that 二、 closes 一、's block.
    static func ordinalFamily(of paragraph: Range<Int>, body: BodyText) -> OrdinalFamily? {
        var k = paragraph.lowerBound
        while k < paragraph.upperBound, body.scalars[k] == " " { k += 1 }
        guard k < paragraph.upperBound else { return nil }
        let s = body.scalars
        let open = "（(".unicodeScalars.contains(s[k])
        var j = open ? k + 1 : k
        let chinese = j < paragraph.upperBound && s[j].isChineseDigit
        let arabic = j < paragraph.upperBound && s[j].asciiDigit != nil
        guard chinese || arabic else { return nil }
        while j < paragraph.upperBound, chinese ? s[j].isChineseDigit : s[j].asciiDigit != nil { j += 1 }
        guard j < paragraph.upperBound else { return nil }
        if open { return "）)".unicodeScalars.contains(s[j]) ? (chinese ? .bracketedChinese : .bracketedArabic) : nil }
        if "、".unicodeScalars.contains(s[j]) { return chinese ? .chinese : .arabic }
        if arabic, ".．".unicodeScalars.contains(s[j]) { return .arabic }
        return nil
    }

    // MARK: Inline lead-ins

    static func inlineLeadIns(_ paragraph: Range<Int>, body: BodyText, words: Vocabulary, issueYear: Int?) -> [LeadIn] {
        var found: [LeadIn] = []
        var sentenceStart = paragraph.lowerBound
        while sentenceStart < paragraph.upperBound {
            let sentenceEnd = min(paragraph.upperBound, body.sentenceEnd(after: sentenceStart))
            let sentence = sentenceStart..<sentenceEnd
            if let cue = resultsCue(in: sentence, body: body, words: words) {
                found.append(LeadIn(role: .results, cue: cue, year: nil, governs: sentence.lowerBound..<paragraph.upperBound,
                                    rule: .contextResults))
            } else if let leadIn = goalListLeadIn(in: sentence, paragraph: paragraph, body: body, words: words, issueYear: issueYear) {
                found.append(leadIn)
            } else if sentenceStart == paragraph.lowerBound,
                      let cue = ClauseScopes.firstWord(words.plans,
                                                       in: sentenceStart..<body.clauseEnd(after: sentenceStart), body: body) {
                // 报告指出，…: the plan's own words, for the paragraph.
                found.append(LeadIn(role: .plan, cue: cue, year: nil, governs: cue.range.upperBound..<paragraph.upperBound,
                                    rule: .contextPlanReport))
            }
            sentenceStart = max(sentenceEnd, sentenceStart + 1)
        }
        return found
    }

    /// 主要预期目标：… (a colon after the list's name) governs the rest of the
    /// paragraph; …公布了预期目标。其中，… governs the sentence that goes on.
    private static func goalListLeadIn(in sentence: Range<Int>, paragraph: Range<Int>, body: BodyText, words: Vocabulary,
                                       issueYear: Int?) -> LeadIn? {
        guard let cue = ClauseScopes.firstWord(words.goalLists, in: sentence, body: body) else { return nil }
        let s = body.scalars
        var k = cue.range.upperBound
        while k < sentence.upperBound, k - cue.range.upperBound < 3, ExtractionWords.listCopulas.contains(s[k]) || s[k] == " " {
            k += 1
        }
        let named = sentence.lowerBound..<k
        if k < paragraph.upperBound, ExtractionWords.listColons.contains(s[k]) {
            // The list runs to the paragraph's end, or to a results lead-in inside it.
            var end = paragraph.upperBound
            if let results = resultsCue(in: (k + 1)..<paragraph.upperBound, body: body, words: words) {
                end = body.sentenceStart(before: results.range.lowerBound)
            }
            return LeadIn(role: .goalList, cue: cue, year: namedYear(in: named, body: body, issueYear: issueYear),
                          governs: (k + 1)..<end, rule: .contextColonList)
        }
        var j = sentence.upperBound
        while j < paragraph.upperBound, s[j] == " " { j += 1 }
        if j < paragraph.upperBound, ExtractionWords.goesOnOpeners.contains(where: { body.hasPrefix($0, at: j) }) {
            return LeadIn(role: .goalList, cue: cue, year: namedYear(in: sentence, body: body, issueYear: issueYear),
                          governs: j..<min(paragraph.upperBound, body.sentenceEnd(after: j)), rule: .contextGoesOn)
        }
        return nil
    }

    // MARK: The list's year

    /// The year a lead-in names: the last written year (2026年), 今年 or
    /// 明年 counted from the issue, or a five-year plan's last year.
    static func namedYear(in range: Range<Int>, body: BodyText, issueYear: Int?) -> Int? {
        var year: Int?
        var k = range.lowerBound
        let s = body.scalars
        while k < range.upperBound {
            if CalendarYear.mayStart(s[k], roc: body.usesROCCalendar),
               k == 0 || !CalendarYear.mayStart(s[k - 1], roc: body.usesROCCalendar),
               let (value, end) = CalendarYear.read(body, at: k) {
                year = value
                k = end
                continue
            }
            if let plan = TargetExtractor.fiveYearPlans.first(where: { body.hasPrefix($0.name, at: k) }) {
                year = plan.end
                k += plan.name.unicodeScalars.count
                continue
            }
            if let issueYear, let relative = ExtractionWords.relativeYears.first(where: { body.hasPrefix($0.word, at: k) }) {
                year = issueYear + relative.offset
                k += relative.word.unicodeScalars.count
                continue
            }
            k += 1
        }
        return year
    }
}
