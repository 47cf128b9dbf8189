import Foundation
import PolicyNumbers

/// Stage 5: the metric, what a goal counts, as a short phrase from the text.
extension GoalExtractor {
    struct Metric {
        var metric: String
        var range: Range<Int>
        /// Where the evidence span should start (the grant noun may stand before the figure).
        var evidenceStart: Int
        /// The rules that named it (`metric.named-before`, `metric.carried`).
        var rules: [ExtractionRule.ID] = []
    }

    /// The longest metric kept; a longer phrase keeps its end, which names the thing.
    static let maximumMetricLength = 24

    func metric(of quantity: Quantity, kind: ExtractedGoal.Kind, clause: Range<Int>, previous: Previous?,
                context: Context) -> Metric? {
        let body = context.body
        let samePrevious = previous.flatMap { body.sentenceStart(before: $0.quantity.start) == body.sentenceStart(before: quantity.start) ? $0 : nil }
        let before = beforePhrase(quantity, clauseStart: clause.lowerBound, previous: samePrevious, body: body)
        let after = afterPhrase(quantity, clauseEnd: clause.upperBound, body: body)
        var text: String
        var range: Range<Int>
        // 由2020年的2.5万亿元增长至2025年的3.2万亿元: the later level counts
        // what the earlier one counted.
        if let previous = samePrevious, Self.isLevelAfterChange(body.scalars[clause.lowerBound..<quantity.start]) {
            return Metric(metric: previous.metric, range: quantity.start..<quantity.start, evidenceStart: clause.lowerBound,
                          rules: [.metricLevelAfterChange])
        }
        // 从54万亿元增加到82.7万亿元, 由54.9%提高到58.8%: the level a change
        // reaches counts what its start counted.
        if let previous = samePrevious, previous.quantity.end <= quantity.start, quantity.start - previous.quantity.end <= 4,
           ExtractionWords.changeToVerbs.contains(body.folded(previous.quantity.end..<quantity.start).trimmingCharacters(in: .whitespaces)) {
            return Metric(metric: previous.metric, range: quantity.start..<quantity.start, evidenceStart: clause.lowerBound,
                          rules: [.metricLevelAfterChange])
        }
        // 高新技术企业和科技型企业…，分别超过90家和870家: each figure counts its own item.
        if let respective = respectiveItem(for: quantity, clause: clause, body: body) {
            return Metric(metric: Self.hygienic(respective.text), range: respective.range, evidenceStart: respective.range.lowerBound,
                          rules: [.metricRespective])
        }
        let isClassifier = quantity.unitKind == .count || quantity.unitKind == .measure || quantity.unitKind == .duration
        // 培育特色产业集群10个，其中年营业收入超1000亿元的2个: a part of what
        // the sentence just counted, named by its qualifier and that thing.
        if isClassifier, after.text.isEmpty, !before.text.isEmpty, let previous = samePrevious,
           body.hasSuffix(GrammarWords.possessiveWord, at: quantity.start), body.hasPrefix(MetricWords.among, at: clause.lowerBound) {
            return Metric(metric: Self.hygienic(before.text + GrammarWords.possessiveWord + previous.metric), range: before.range,
                          evidenceStart: before.range.lowerBound, rules: [.metricPartOf])
        }
        // 撬动2000亿欧元投资, 带动100亿元投资: the verb before the figure says
        // the thing is named after it.
        let verbBefore = ExtractionWords.verbsBeforeAmount.contains { body.hasSuffix($0, at: quantity.start) }
        // 计划明年再推动400家: verbs and adverbs alone name nothing; the
        // figure counts what the sentence counted before.
        let beforeNamesSomething = !before.text.isEmpty && !Self.isOnlyLeadingWords(body, before.range)
        var rules: [ExtractionRule.ID] = []
        if (isClassifier || quantity.isMagnitudeClass || verbBefore) && !after.text.isEmpty {
            (text, range) = (after.text, after.range)
            rules.append(.metricNamedAfter)
        } else if beforeNamesSomething {
            (text, range) = (before.text, before.range)
            rules.append(.metricNamedBefore)
        } else if !after.text.isEmpty {
            (text, range) = (after.text, after.range)
            rules.append(.metricNamedAfter)
        } else if let previous = samePrevious, previous.quantity.end <= quantity.start {
            // 达8000亿元以上、力争1万亿元: the second figure counts the same
            // thing; 年均增长12%—15%，突破5000亿元: a clause with no subject
            // goes on with the one before it.
            var carried = previous.metric
            if body.clauseStart(before: previous.quantity.start) != clause.lowerBound {
                for word in ExtractionWords.changeWords.sorted(by: { $0.count > $1.count }) where carried.hasSuffix(word) && carried.count > word.count {
                    carried = String(carried.dropLast(word.count))
                    break
                }
            }
            (text, range) = (carried, quantity.start..<quantity.end)
            rules.append(.metricCarried)
        } else if let subject = previousClauseSubject(before: clause, body: body) {
            // 年均增长12%—15%，突破5000亿元: a clause with no subject goes on
            // with the one before it.
            (text, range) = (subject.text, subject.range)
            rules.append(.metricCarried)
        } else {
            return nil
        }
        var evidenceStart = min(range.lowerBound, quantity.start)
        if kind == .incentive, let noun = incentiveNoun(near: quantity, clause: clause, body: body) {
            text = incentiveMetric(noun: noun.text, quantity: quantity, clause: clause, body: body)
            evidenceStart = min(evidenceStart, noun.range.lowerBound)
            // Composed from the grant and what it is for: point at the grant.
            range = noun.range
            rules.append(.metricGrantNamed)
        }
        if let previous = samePrevious, ExtractionWords.changeWords.contains(ScriptFold.fold(text)) {
            text = previous.metric + text
            rules.append(.metricChangeOf)
        }
        var clean = Self.hygienic(text)
        // （2024年底为280EFLOPS）, 较2024年提高2.3个百分点: when only a time
        // or a base year stood before it, the figure counts what its sentence
        // counted last.
        if clean.isEmpty || Self.isComparisonBase(ScriptFold.fold(clean)), let previous = samePrevious {
            clean = Self.hygienic(previous.metric)
        }
        guard !clean.isEmpty else { return nil }
        return Metric(metric: clean, range: range, evidenceStart: evidenceStart, rules: rules)
    }

    /// A metric as a name (the hygiene the tests hold every metric to): no
    /// bracketed asides, no horizon (到2027年), no comparator or stretch word,
    /// no punctuation at either end, at most `maximumMetricLength` characters.
    static func hygienic(_ text: String) -> String {
        // Bracketed asides (电能利用效率（PUE） → 电能利用效率) and titles go,
        // quotation marks too; what stands before an unmatched 》 is a title's tail.
        var source = Array(text.unicodeScalars)
        if let close = source.lastIndex(where: { $0 == "》" }), !source[..<close].contains("《") {
            source.removeSubrange(...close)
        }
        var scalars: [Unicode.Scalar] = []
        var depth = 0
        for c in source where !"“”‘’「」『』\"".unicodeScalars.contains(c) {
            if c == "（" || c == "(" || c == "《" { depth += 1; continue }
            if c == "）" || c == ")" || c == "》" { depth = max(0, depth - 1); continue }
            if depth == 0 { scalars.append(c) }
        }
        // A horizon inside (到2027年底): what stands after it names the thing.
        for (i, c) in scalars.enumerated() where (c == HorizonWords.to || c == HorizonWords.until) && !(i > 0 && scalars[i - 1] == HorizonWords.upToFirst) {
            var k = i + 1
            while k < scalars.count, scalars[k] == " " { k += 1 }
            guard let year = CalendarYear.read(scalars, at: k, roc: false) else { continue }
            k = year.end
            if k < scalars.count, YearWords.yearEndMarks.contains(scalars[k]) { k += 1 }
            scalars.removeSubrange(i..<k)
            break
        }
        // Years and report dates (2024年底, 截至2025年6月底) date a figure; they do not name it.
        var k = 0
        while k < scalars.count {
            if let year = CalendarYear.read(scalars, at: k, roc: false) {
                var j = year.end
                while j < scalars.count, scalars[j].properties.numericType != nil || MetricWords.datingMarks.contains(scalars[j]) { j += 1 }
                var from = k
                if from >= 2, String(String.UnicodeScalarView(scalars[(from - 2)..<from])).hasPrefix(String(HorizonWords.upToFirst)) { from -= 2 }
                scalars.removeSubrange(from..<j)
                k = from
                continue
            }
            k += 1
        }
        // A comparator or stretch word: keep the longer side (占比努力 → 占比);
        // a fixed term (规模以上工业, 大型及以上) is none.
        var cut = true
        while cut {
            cut = false
            var folded = scalars.map(ScriptFold.fold)
            for term in Self.fixedTerms {
                while let range = BodyText.find(term, in: folded) {
                    folded.replaceSubrange(range, with: Array(repeating: "\u{0}", count: term.count))
                }
            }
            for word in Self.cutWords {
                guard let range = BodyText.find(word, in: folded) else { continue }
                let head = Array(scalars[..<range.lowerBound]), tail = Array(scalars[range.upperBound...])
                scalars = head.count > tail.count ? head : tail
                cut = true
                break
            }
        }
        // A preposition left at the end once a year went (规模由2020年的 → 规模由).
        while scalars.count > 2, let last = scalars.last, MetricWords.trailingPrepositions.contains(ScriptFold.fold(last)) {
            scalars.removeLast()
        }
        var string = Self.trimmingEdges(scalars[...])
        // A增加值占B的比重: too long, A's share names it (A占比).
        if string.count > maximumMetricLength, MetricWords.shareNouns.contains(where: { string.hasSuffix($0) }),
           let share = string.firstIndex(of: Character(MetricWords.shareVerb)) {
            string = String(string[..<share]) + MetricWords.shareMetric
        }
        if string.count > maximumMetricLength {
            string = Self.trimmingEdges(Array(String(string.suffix(maximumMetricLength)).unicodeScalars)[...])
        }
        return string
    }

    /// The subject of the clause before `clause` in its sentence: its noun
    /// phrase up to the first verb (全区高新技术企业和科技型企业在…实现 →
    /// 全区高新技术企业和科技型企业).
    func previousClauseSubject(before clause: Range<Int>, body: BodyText) -> (text: String, range: Range<Int>)? {
        let sentenceStart = body.sentenceStart(before: clause.lowerBound)
        guard clause.lowerBound > sentenceStart else { return nil }
        let start = body.clauseStart(before: clause.lowerBound - 1)
        return subject(of: start..<(clause.lowerBound - 1), body: body)
    }

    func subject(of clause: Range<Int>, body: BodyText) -> (text: String, range: Range<Int>)? {
        var start = clause.lowerBound
        while start < clause.upperBound, body.scalars[start] == " " { start += 1 }
        if let word = Self.leadingScalars.first(where: { body.hasPrefix($0, at: start, before: clause.upperBound) }) {
            start += word.count
        }
        var end = start
        while end < clause.upperBound, body.scalars[end].isHan || body.scalars[end].properties.isAlphabetic,
              !ExtractionWords.subjectEnds.contains(where: { body.hasPrefix($0, at: end) }) {
            end += 1
        }
        guard end - start >= 2, end - start <= Self.maximumMetricLength else { return nil }
        return (body[start..<end], start..<end)
    }

    /// 分别: the figures after it in the clause go one to one with the items
    /// of the subject before it (A和B…分别超过90家和870家).
    func respectiveItem(for quantity: Quantity, clause: Range<Int>, body: BodyText) -> (text: String, range: Range<Int>)? {
        guard let marker = ClauseScopes.firstWord([GrammarWords.respectively], in: clause.lowerBound..<quantity.start, body: body) else { return nil }
        let figures = scanner.quantities(in: Array(body.original[marker.range.upperBound..<clause.upperBound]))
        let offset = quantity.start - marker.range.upperBound
        guard figures.count >= 2, let position = figures.firstIndex(where: { $0.start == offset }) else { return nil }
        let subject = subject(of: clause.lowerBound..<marker.range.lowerBound, body: body)
            ?? previousClauseSubject(before: clause, body: body)
        guard let subject else { return nil }
        // Split the subject at 和, 与, 及, 、.
        var items: [Range<Int>] = []
        var from = subject.range.lowerBound
        for k in subject.range where GrammarWords.listJoiners.contains(body.scalars[k]) {
            if k > from { items.append(from..<k) }
            from = k + 1
        }
        if subject.range.upperBound > from { items.append(from..<subject.range.upperBound) }
        guard items.count == figures.count else { return nil }
        var item = items[position]
        // 全区高新技术企业和科技型企业: a qualifier of the first item (全区) is not part of the others.
        if position == 0, items.count > 1 {
            for word in MetricWords.wholeRegionQualifiers where body.hasPrefix(word, at: item.lowerBound) {
                item = (item.lowerBound + word.unicodeScalars.count)..<item.upperBound
            }
        }
        return (body[item], item)
    }

    /// What a metric may not start or end with.
    static let metricEdge = CharacterSet.punctuationCharacters.union(.symbols).union(.whitespaces)

    /// `scalars` as text without `metricEdge` at either end (what
    /// `trimmingCharacters(in:)` gives, without bridging to NSString).
    static func trimmingEdges(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var scalars = scalars
        while let first = scalars.first, metricEdge.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, metricEdge.contains(last) { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
    static let fixedTerms = MetricWords.fixedTerms.map { Array($0.unicodeScalars) }
    static let cutWords = (ExtractionWords.stretchMarkers + ExtractionWords.comparatorWords).map { Array($0.unicodeScalars) }

    /// …增长至2025年的, 提高到2027年的: the phrase before a level a change reaches.
    static func isLevelAfterChange(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
        var k = scalars.endIndex
        func skipSpaces() { while k > scalars.startIndex, scalars[k - 1] == " " { k -= 1 } }
        skipSpaces()
        guard k > scalars.startIndex, scalars[k - 1] == GrammarWords.possessive else { return false }
        k -= 1
        if k > scalars.startIndex, YearWords.yearEndMarks.contains(scalars[k - 1]) { k -= 1 }
        guard k > scalars.startIndex, scalars[k - 1] == YearWords.year else { return false }
        k -= 1
        skipSpaces()
        // The year reader's, from 2000 on (a level reached is not of the last century).
        guard k - 4 >= scalars.startIndex, let year = CalendarYear.gregorian(Array(scalars[(k - 4)..<k]), at: 0),
              year >= 2000 else { return false }
        k -= 4
        skipSpaces()
        return k > scalars.startIndex && (scalars[k - 1] == HorizonWords.until || scalars[k - 1] == HorizonWords.to)
    }

    /// 较2024年, 比上年, 同比: the base of a change, not a thing counted.
    static func isComparisonBase(_ text: String) -> Bool {
        MetricWords.comparisonBaseOpeners.contains { text.hasPrefix($0) } && text.count <= 8
    }

    // MARK: Phrases around a figure

    /// The phrase before a number, from the start of its clause (or the
    /// previous 、 or number), without the verbs that open a clause or link a
    /// figure.
    func beforePhrase(_ quantity: Quantity, clauseStart: Int, previous: Previous?,
                      body: BodyText) -> (text: String, range: Range<Int>) {
        let s = body.scalars
        var start = clauseStart
        if let previous, previous.quantity.end > start, previous.quantity.end <= quantity.start {
            start = previous.quantity.end
        }
        // A 、 between two figures (超1亿元、10亿元的企业) joins values, not names.
        if let comma = (start..<quantity.start).last(where: { s[$0] == "、" && !($0 + 1 < s.count && s[$0 + 1].properties.numericType != nil) }) {
            start = comma + 1
        }
        var end = quantity.start
        // 杭州市确保今年新增…: after a relative horizon stands what is counted.
        // 到今年底开放…, 力争年底前突破…: the horizon's tail (底, 底前, 内) goes too.
        if let year = MetricWords.relativeHorizons.compactMap({ word in body.occurrences(of: word, in: start..<end).last }).max() {
            var after = year + 2
            for tail in MetricWords.relativeHorizonTails where body.hasPrefix(tail, at: after) {
                after += tail.unicodeScalars.count
                break
            }
            if end - after >= 2 { start = after }
        }
        // 未来 4 年平均…: after the coming years stands what is counted.
        if let coming = body.occurrences(of: HorizonWords.comingYears, in: start..<end).last,
           let (_, next) = TargetExtractor.relativeYear(body, at: coming), end - next >= 2 {
            start = next
        }
        // 臺北市政府預計於115年完成建置…: after a year stands what is counted;
        // so it does after a span of time (力争用3年时间引进…).
        if let year = Self.lastYearPhraseEnd(body, in: start..<end), end - year >= 2 {
            start = year
        }
        if let span = Self.durationPhraseEnd(body, in: start..<end), end - span >= 2 {
            start = span
        }
        if let time = Self.timeClauseEndScalars.compactMap({ word in
            (start..<end).last { body.hasPrefix(word, at: $0, before: end) }.map { $0 + word.count } }).max(), end - time >= 2 {
            start = time
        }
        // Strip leading verbs and adverbs, trailing copulas and comparators,
        // on code points: this runs for every number of every article.
        var changed = true
        while changed && start < end {
            changed = false
            while start < end && (s[start] == " " || s[start] == "、") { start += 1; changed = true }
            // A verb goes unless only a bare head would remain (服务企业 stays).
            if let word = Self.leadingScalars.first(where: { body.hasPrefix($0, at: start, before: end) }),
               end - start - word.count > 2 || end - start == word.count,
               !Self.wordsStartingLikeLeadingScalars.contains(where: { body.hasPrefix($0, at: start, before: end) }) {
                start += word.count
                changed = true
            }
            // 目标在2030年前使…: an aim and its deadline open the clause.
            if let after = Self.deadlineEnd(body, at: start, before: end), end - after >= 2 {
                start = after
                changed = true
            }
            // 全省建成, 该平台汇聚: a short scope subject and its verb.
            if end - start > 4, ExtractionWords.scopeDeterminers.contains(s[start]),
               // 该/本 name a project or a body, often long (该数据中心项目规划建设…).
               let verb = ((start + 2)..<min(start + (MetricWords.namingDeterminers.contains(s[start]) ? 12 : 5), end)).lazy.compactMap({ at in
                   Self.scopeSubjectVerbScalars.first { body.hasPrefix($0, at: at, before: end) }.map { (at, $0) } }).first,
               end - verb.0 - verb.1.count >= 2 {
                start = verb.0 + verb.1.count
                changed = true
            }
            if let word = Self.trailingScalars.first(where: { body.hasSuffix($0, at: end, after: start) }) {
                end -= word.count
                changed = true
            }
            while end > start && s[end - 1] == " " { end -= 1; changed = true }
        }
        guard start < end else { return ("", start..<start) }
        // A增加值占B的比重: long, but hygiene makes it A占比.
        let isShare = end - start > 4 && s[start..<end].contains(MetricWords.shareVerb)
            && MetricWords.shareNouns.contains(where: { body.hasSuffix($0, at: end) })
        if !isShare, end - start > 30 || s[start..<end].contains(where: { "《》“”\"".unicodeScalars.contains($0) }) {
            // Too long or quoted: keep the end, which names the thing.
            let from = max(start, end - 16)
            return (body[from..<end], from..<end)
        }
        return (body[start..<end], start..<end)
    }

    /// Whether `range` is verbs and adverbs that open a clause, nothing else
    /// (再推动, 新增).
    static func isOnlyLeadingWords(_ body: BodyText, _ range: Range<Int>) -> Bool {
        var k = range.lowerBound
        while k < range.upperBound {
            guard let word = leadingScalars.first(where: { body.hasPrefix($0, at: k, before: range.upperBound) }) else { return false }
            k += word.count
        }
        return true
    }

    static let wordsStartingLikeLeadingScalars = ExtractionWords.wordsStartingLikeLeading.map { Array($0.unicodeScalars) }
    static let leadingScalars = ExtractionWords.leadingWords.sorted { $0.count > $1.count }.map { Array($0.unicodeScalars) }
    /// Where `目标在2030年前`, `计划于2026年底前`, `计划2027年`, `预計於115年`
    /// or a bare `2030年前` ends, when the phrase opens with one: an aim
    /// and its year, or a deadline.
    static func deadlineEnd(_ body: BodyText, at start: Int, before end: Int) -> Int? {
        let s = body.scalars
        var k = start
        var aimed = false
        if let word = TargetExtractor.aimWordScalars.first(where: { body.hasPrefix($0, at: k, before: end) }) {
            k += word.count
            aimed = true
        }
        if k < end, HorizonWords.aimPrepositions.contains(s[k]) {
            k += 1
            aimed = true
        }
        while k < end, s[k] == " " { k += 1 }
        // 三年内集聚…: a count of years within which.
        if let (count, after) = TargetExtractor.smallCount(s, at: k), (1...10).contains(count),
           let within = TargetExtractor.withinYears(body, at: after), within < end {
            return within
        }
        guard let (_, yearEnd) = CalendarYear.read(body, at: k), yearEnd < end else { return nil }
        k = yearEnd
        if k < end, YearWords.yearEndMarks.contains(s[k]) { k += 1 }
        if let tail = CalendarYear.deadlineTails.first(where: { body.hasPrefix($0, at: k) }) {
            k += tail.unicodeScalars.count
        } else if !aimed || !TargetExtractor.yearEndsHorizon(body, at: k) {
            return nil
        }
        while k < end, s[k] == " " || s[k] == "，" || s[k] == "," { k += 1 }
        return k
    }

    /// Where a span of time that frames a goal ends inside `range`
    /// (用3年时间, 通过两年左右时间, 经过三年的努力), or nil.
    static func durationPhraseEnd(_ body: BodyText, in range: Range<Int>) -> Int? {
        for word in MetricWords.spanEnds {
            guard let at = body.occurrences(of: word, in: range).last, at - range.lowerBound >= 2 else { continue }
            let before = max(range.lowerBound, at - 8)..<at
            guard body.contains(YearWords.yearWord, in: before),
                  MetricWords.spanOpeners.contains(where: { body.contains($0, in: before) }) else { continue }
            return at + word.unicodeScalars.count
        }
        return nil
    }

    /// Where the last year phrase inside `range` ends (臺北市預計於115年完成…,
    /// 该项目计划2027年建成…): what is counted stands after it. A year that
    /// names a thing (2025年度, 2024年版) is not one.
    static func lastYearPhraseEnd(_ body: BodyText, in range: Range<Int>) -> Int? {
        let s = body.scalars
        var k = range.upperBound - 1
        // Walking back, `closed` counts brackets closed after k: a year inside
        // a note (电信业务总量（2023年不变单价）) dates the note, not the phrase.
        var closed = 0
        while k > range.lowerBound {
            if ExtractionWords.closingBrackets.contains(s[k]) { closed += 1 }
            if ExtractionWords.openingBrackets.contains(s[k]) { closed = max(0, closed - 1) }
            if closed == 0, s[k] == YearWords.year, let found = (max(range.lowerBound, k - 6)..<k).first(where: { at in
                CalendarYear.mayStart(s[at], roc: body.usesROCCalendar) && CalendarYear.read(body, at: at)?.end == k + 1 }),
               found == range.lowerBound || !CalendarYear.mayStart(s[found - 1], roc: body.usesROCCalendar),
               TargetExtractor.yearEndsHorizon(body, at: k + 1) || body.hasPrefix(YearWords.yearEndWord, at: k + 1) {
                var after = k + 1
                if after < range.upperBound, YearWords.yearEndMarks.contains(s[after]) { after += 1 }
                if let tail = CalendarYear.deadlineTails.first(where: { body.hasPrefix($0, at: after) }) {
                    after += tail.unicodeScalars.count
                }
                return after
            }
            k -= 1
        }
        return nil
    }

    static let scopeSubjectVerbScalars = ExtractionWords.scopeSubjectVerbs.sorted { $0.count > $1.count }
        .map { Array($0.unicodeScalars) }
    static let timeClauseEndScalars = ExtractionWords.timeClauseEnds.map { Array($0.unicodeScalars) }
    static let trailingScalars = ExtractionWords.trailingWords.sorted { $0.count > $1.count }.map { Array($0.unicodeScalars) }

    /// The noun phrase right after a number (不少于100项关键技术 → 关键技术), up
    /// to the end of the clause or a verb that starts the rest of it.
    func afterPhrase(_ quantity: Quantity, clauseEnd: Int, body: BodyText) -> (text: String, range: Range<Int>) {
        var start = quantity.end
        let s = body.scalars
        while start < clauseEnd, s[start] == " " || s[start] == GrammarWords.possessive || "“”「」\"".unicodeScalars.contains(s[start]) {
            start += 1
        }
        guard start < clauseEnd, s[start].isHan || s[start].properties.isAlphabetic else {
            return ("", start..<start)
        }
        var end = start
        while end < clauseEnd {
            let c = s[end]
            // A quoted name inside the phrase (专精特新“小巨人”企业) is part
            // of it when a name follows the quote; else the phrase ends there.
            if end > start, let close = Self.closingQuote(of: c),
               let closed = ((end + 1)..<min(clauseEnd, end + 14)).first(where: { s[$0] == close }),
               closed + 1 < clauseEnd, s[closed + 1].isHan,
               !ExtractionWords.phraseStops.contains(where: { body.hasPrefix($0, at: closed + 1) }) {
                end = closed + 1
                continue
            }
            if "（(“”「」\"".unicodeScalars.contains(c) { break }
            if end > start, ExtractionWords.phraseStops.contains(where: { body.hasPrefix($0, at: end) }) { break }
            end += 1
        }
        // A verb right after the number (50% 给予奖补) is not a noun phrase,
        // nor is the next item of a list (90家和870家).
        if ExtractionWords.phraseStops.contains(where: { body.hasPrefix($0, at: start) }) { return ("", start..<start) }
        if GrammarWords.figureJoiners.contains(s[start]), start + 1 < clauseEnd, s[start + 1].properties.numericType != nil {
            return ("", start..<start)
        }
        // …投资科创项目超100个等: 等 closes a list, it names nothing.
        while end > start, s[end - 1] == GrammarWords.etCetera { end -= 1 }
        guard end > start else { return ("", start..<start) }
        if let comma = (start..<end).first(where: { s[$0] == "、" }) {
            // 示范性强、显示度高、带动性广的典型应用场景: modifiers listed before
            // the head noun, which follows the last 的; otherwise (平台、20个基地)
            // the phrase ends at the first 、.
            if let last = (start..<end).last(where: { s[$0] == "、" }),
               let de = (last..<end).last(where: { s[$0] == GrammarWords.possessive }), end - de - 1 >= 2 {
                start = de + 1
            } else {
                end = comma
            }
        }
        if end - start > Self.maximumMetricLength {
            // Too long to be a name: the head noun follows the last 的.
            guard let de = (start..<end).last(where: { s[$0] == GrammarWords.possessive }), end - de - 1 >= 2,
                  end - de - 1 <= Self.maximumMetricLength else {
                return ("", start..<start)
            }
            start = de + 1
        }
        return (body[start..<end].trimmingCharacters(in: " "), start..<end)
    }

    /// The mark that closes a quotation opened by `scalar`, if it opens one.
    static func closingQuote(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "“": "”"
        case "「": "」"
        case "『": "』"
        case "‘": "’"
        default: nil
        }
    }

    // MARK: Incentives

    /// What a grant is and what it is for: its name (一次性奖励, 数转券, 贴息)
    /// after whom it is counted per (每家制造业企业), the base of a rate
    /// (按其软硬件购置费用的50% → 软硬件购置费用), or the recipient an
    /// eligibility clause names (对新认定的示范工厂，… → 示范工厂).
    func incentiveMetric(noun: String, quantity: Quantity, clause: Range<Int>, body: BodyText) -> String {
        var name = noun
        // Positions are found in the folded text, words taken from the stored one.
        let range = clause.lowerBound..<quantity.start
        let folded = Array(body.scalars[range])
        func text(_ r: Range<Int>) -> String { body[(range.lowerBound + r.lowerBound)..<(range.lowerBound + r.upperBound)] }
        func last(_ word: String) -> Range<Int>? {
            let needle = Array(word.unicodeScalars)
            guard folded.count >= needle.count else { return nil }
            return stride(from: folded.count - needle.count, through: 0, by: -1)
                .first { Array(folded[$0..<($0 + needle.count)]) == needle }
                .map { $0..<($0 + needle.count) }
        }
        if let once = last(IncentiveWords.oneOff), !ScriptFold.fold(name).contains(IncentiveWords.oneOff) { name = text(once) + name }
        func join(_ purpose: String) -> String {
            let room = Self.maximumMetricLength - name.count
            let trimmed = purpose.trimmingCharacters(in: CharacterSet(charactersIn: " 、，" + GrammarWords.possessiveWord))
            return (room > 0 ? String(trimmed.suffix(room)) : "") + name
        }
        // A rate's base: after 按照/按其/按 (and a cap), up to the figure, 的 left out.
        for marker in ExtractionWords.rateBaseMarkers {
            guard let at = last(marker) else { continue }
            var from = at.upperBound
            for cap in ExtractionWords.capWords where folded[from...].starts(with: cap.unicodeScalars) { from += cap.unicodeScalars.count }
            var to = folded.count
            // 按项目总投资给予最高50%: the base ends where the giving begins.
            for verb in ExtractionWords.givingVerbs {
                let v = Array(verb.unicodeScalars)
                if let at = (from..<to).first(where: { folded[$0...].starts(with: v) }) { to = at }
            }
            if let de = (from..<to).last(where: { folded[$0] == GrammarWords.possessive }) { to = de }
            let base = text(from..<to).trimmingCharacters(in: .whitespaces)
            if !base.isEmpty { return join(base) }
        }
        // The recipient: from 每家/单个 to the grant word or the figure.
        for marker in ExtractionWords.recipientMarkers {
            guard let at = last(marker) else { continue }
            var to = folded.count
            let foldedNoun = Array(ScriptFold.fold(noun).unicodeScalars)
            if let cut = (at.lowerBound..<folded.count).first(where: { folded[$0...].starts(with: foldedNoun) }) { to = cut }
            var changed = true
            while changed {
                changed = false
                for word in ExtractionWords.grantVerbs + ExtractionWords.capWords + ExtractionWords.trailingWords {
                    let w = Array(word.unicodeScalars)
                    if to - w.count > at.lowerBound, Array(folded[(to - w.count)..<to]) == w { to -= w.count; changed = true }
                }
            }
            let recipient = text(at.lowerBound..<to).trimmingCharacters(in: .whitespaces)
            if !recipient.isEmpty { return join(recipient) }
        }
        // The recipient the nearest eligibility clause names: 对新认定的示范工厂，给予….
        let sentenceStart = body.sentenceStart(before: quantity.start)
        var k = sentenceStart
        var recipient: String?
        while k < quantity.start {
            let end = body.clauseEnd(after: k)
            if opensCondition(k, before: end, body: body),
               let de = (k..<min(end, quantity.start)).last(where: { body.scalars[$0] == GrammarWords.possessive }) {
                // 对新认定的国家级平台给予一次性奖励: the recipient ends where the giving begins.
                var headEnd = min(end, quantity.start)
                for verb in ExtractionWords.givingVerbs {
                    if let at = body.occurrences(of: verb, in: (de + 1)..<headEnd).first { headEnd = at }
                }
                let head = body[(de + 1)..<headEnd]
                if !head.isEmpty, head.count <= 12 { recipient = head }
            }
            k = end + 1
        }
        return recipient.map(join) ?? name
    }
}
