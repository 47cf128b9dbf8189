import PolicyNumbers

/// Stage 3: what part a quantity plays in its sentence. Only a goal goes on
/// to the later stages; the rest say why they are not goals.
enum QuantityRole: Equatable {
    /// A figure a policy sets, grants or reports; the note says anything
    /// worth telling (a unitless ratio).
    case goal(note: String?)
    /// Inside a 《…》 title: the body states it.
    case inTitle
    /// A bare number that reads as no measure.
    case bare
    /// A figure inside the metric: 营业收入超10亿元的企业 (qualifies 企业).
    case qualifier(head: String)
    /// An eligibility condition: 对年度新增机器人超过50台套的企业.
    case condition(head: String)
    /// What an applicant must bring (its own share, its partners): 企业须以现金投入不少于25%.
    case applicantTerm(word: String)
    /// A span of time framing a statement: 为期4年, 通过2年左右时间, 三年行动.
    case duration
    /// A count of the text itself: 15项重点任务, 共5章30条, 96位专家.
    case textCount(noun: String)
    /// 一个, 一项: the article "a", not a count.
    case article

    /// The rule that gave this role; nil for a goal, which later stages decide.
    var rule: ExtractionRule.ID? {
        switch self {
        case .goal: return nil
        case .inTitle: return .numberInTitle
        case .bare: return .roleBare
        case .qualifier: return .roleQualifier
        case .condition: return .roleCondition
        case .applicantTerm: return .roleApplicantTerm
        case .duration: return .roleDuration
        case .textCount: return .roleTextCount
        case .article: return .roleArticle
        }
    }

    var description: String {
        switch self {
        case .goal(let note): return note ?? "goal"
        case .inTitle: return "in a title"
        case .bare: return "a bare number, no unit or comparator"
        case .qualifier(let head): return "qualifies \(head)"
        case .condition(let head): return "a condition on \(head)"
        case .applicantTerm(let word): return "a term for applicants: \(word)"
        case .duration: return "a duration"
        case .textCount(let noun): return "counts the text (\(noun))"
        case .article: return "\(RoleWords.article) as an article"
        }
    }
}

extension GoalExtractor {
    /// - Parameters:
    ///   - neighbours: the other figures of its clause.
    ///   - before: the figure just before it in the text, if any.
    func role(of quantity: Quantity, neighbours: [Quantity], before previousFigure: Quantity?, context: Context) -> QuantityRole {
        let body = context.body
        if context.titleSpans.contains(where: { $0.contains(quantity.start) }) { return .inTitle }
        let clauseStart = body.clauseStart(before: quantity.start)
        let clauseEnd = body.clauseEnd(after: quantity.end)
        let clause = clauseStart..<clauseEnd
        let inClause = neighbours.filter { clause.contains($0.start) && $0.unit != nil }

        var note: String?
        if quantity.unit == nil {
            // PUE降至1.25以下, 电能利用效率不高于1.2: a ratio with no unit.
            guard quantity.comparator != nil || quantity.value.exponent < 0,
                  quantity.value < 100, !quantity.isMagnitudeClass else { return .bare }
            note = "a ratio with no unit"
        }

        // 估值过百亿企业10家以上, 十亿级应用场景落地50个以上: a number whose
        // unit is implied, glued to the noun that another figure counts.
        // A fraction's % is implied too, but a fraction is a share, not a class (由三分之二增至四分之三).
        let impliedUnit = quantity.isMagnitudeClass
            || !quantity.isFraction && !(quantity.unit.map { quantity.surface.contains($0) } ?? false)
        if quantity.unit != nil, impliedUnit, inClause.contains(where: { $0.start >= quantity.end }),
           quantity.end < body.count, body.scalars[quantity.end].isHan || body.scalars[quantity.end] == RoleWords.classMark {
            return .qualifier(head: headNoun(after: quantity.end, clauseEnd: clauseEnd, body: body))
        }
        // 两个千亿级产业集群, 一批百亿级产业集群: the class describes what the
        // count (a figure, or a vague one) counts.
        if quantity.isMagnitudeClass, previousFigure?.end == quantity.start
            || ExtractionWords.vagueCounts.contains(where: { body.hasSuffix($0, at: quantity.start) }) {
            return .qualifier(head: headNoun(after: quantity.end, clauseEnd: clauseEnd, body: body))
        }
        // 对年营收首次突破1亿元、10亿元、50亿元的企业: figures listed with 、
        // before one that 的 joins to a noun describe that noun, all of them.
        if let last = lastOfList(from: quantity, in: inClause, body: body), last.start != quantity.start,
           let de = deAfter(last, clauseEnd: clauseEnd, body: body), !grantFollows(de + 1, clauseEnd, body) {
            let head = headNoun(after: de + 1, clauseEnd: clauseEnd, body: body)
            let sentenceRest = clauseEnd..<body.sentenceEnd(after: clauseEnd)
            if opensCondition(clauseStart, before: quantity.start, body: body) || body.contains(RoleWords.give, in: sentenceRest) {
                return .condition(head: head)
            }
            return .qualifier(head: head)
        }
        // 营业收入超10亿元的企业达到30家: the figure before 的 describes the
        // head another figure of the clause counts.
        // 年营业收入超1000亿元的2个: the count of those follows 的 at once.
        if let de = deAfter(quantity, clauseEnd: clauseEnd, body: body, allowFigure: true),
           inClause.contains(where: { $0.start == de + 1 }) {
            return .qualifier(head: body[(de + 1)..<min(clauseEnd, de + 4)])
        }
        // 对…超过50台的企业给予奖励: a condition opened by 对 names whom a
        // grant later in the clause is for; only a grant right after 的
        // (…50万元的奖励) is the figure's own.
        if let de = deAfter(quantity, clauseEnd: clauseEnd, body: body), opensCondition(clauseStart, before: quantity.start, body: body) {
            let head = headNoun(after: de + 1, clauseEnd: clauseEnd, body: body)
            if !ExtractionWords.grantNouns.contains(where: { body.hasPrefix($0, at: de + 1) }) { return .condition(head: head) }
        }
        if let de = deAfter(quantity, clauseEnd: clauseEnd, body: body), !grantFollows(de + 1, clauseEnd, body) {
            let head = headNoun(after: de + 1, clauseEnd: clauseEnd, body: body)
            if opensCondition(clauseStart, before: quantity.start, body: body) { return .condition(head: head) }
            let counted = inClause.contains { other in
                let between = other.start > quantity.end ? quantity.end..<other.start : other.end..<quantity.start
                return !body.scalars[between].contains("、")
            }
            if counted { return .qualifier(head: head) }
            // 员工数10人以上的企业, …给予奖励: a threshold in a grant sentence.
            if quantity.comparator != nil,
               body.contains(RoleWords.give, in: clauseEnd..<body.sentenceEnd(after: clauseEnd)) ||
                ExtractionWords.grantNouns.contains(where: { body.contains($0, in: clauseEnd..<body.sentenceEnd(after: clauseEnd)) }) {
                return .condition(head: head)
            }
        }

        if let term = applicantTerm(quantity, clause: clause, body: body) { return .applicantTerm(word: term) }

        let before = beforePhrase(quantity, clauseStart: clauseStart, previous: nil, body: body)
        let after = afterPhrase(quantity, clauseEnd: clauseEnd, body: body)
        let goalVerb = context.scopes.target(at: quantity.start) != nil
            && ExtractionWords.goalVerbs.contains { body.hasPrefix($0, at: clauseStart) }
        if let role = describesText(quantity, before: body.folded(before.range), after: body.folded(after.range), body: body,
                                    underGoalVerb: goalVerb) {
            return role
        }
        return .goal(note: note)
    }

    /// A scheme's terms for who applies (§7: conditions of eligibility are no
    /// goals): the share or sum the applicant puts in itself (企业须以现金投入
    /// 不少于总成本的25%, 自筹资金不低于50%) and the partners an application
    /// needs (2家企业联合申请). The grant's own figures stand elsewhere.
    func applicantTerm(_ quantity: Quantity, clause: Range<Int>, body: BodyText) -> String? {
        if let word = ClauseScopes.lastWord(RoleWords.ownContribution, in: clause.lowerBound..<quantity.start, body: body) {
            return word.word
        }
        let after = quantity.end..<min(clause.upperBound, quantity.end + 8)
        return ClauseScopes.firstWord(RoleWords.jointApplication, in: after, body: body)?.word
    }

    /// The last figure of a list that starts at `quantity` (1亿元、10亿元、50亿元):
    /// each next one follows the one before after a 、 and nothing else.
    func lastOfList(from quantity: Quantity, in figures: [Quantity], body: BodyText) -> Quantity? {
        var current = quantity
        while true {
            var k = current.end
            while k < body.count, body.scalars[k] == " " { k += 1 }
            guard k < body.count, body.scalars[k] == "、" else { return current }
            k += 1
            while k < body.count, body.scalars[k] == " " { k += 1 }
            guard let next = figures.first(where: { $0.start == k && $0.unit == current.unit }) else { return current }
            current = next
        }
    }

    /// The 的 right after a figure (and its comparator): 超10亿元的企业.
    func deAfter(_ quantity: Quantity, clauseEnd: Int, body: BodyText, allowFigure: Bool = false) -> Int? {
        var k = quantity.end
        while k < clauseEnd, body.scalars[k] == " " { k += 1 }
        guard k + 1 < clauseEnd, body.scalars[k] == GrammarWords.possessive else { return nil }
        let next = body.scalars[k + 1]
        if allowFigure { return next.properties.numericType != nil ? k : nil }
        guard next.isHan else { return nil }
        return k
    }

    /// 给予最高50万元的一次性奖励: what follows 的 is the grant itself.
    func grantFollows(_ offset: Int, _ clauseEnd: Int, _ body: BodyText) -> Bool {
        let window = offset..<min(clauseEnd, offset + 8)
        return ExtractionWords.grantNouns.contains { word in
            body.occurrences(of: word, in: window).first.map { $0 - offset <= 4 } ?? false
        }
    }

    /// Whether the clause opens an eligibility condition (对…的, 凡…的) before `offset`.
    func opensCondition(_ clauseStart: Int, before offset: Int, body: BodyText) -> Bool {
        var k = clauseStart
        while k < offset, body.scalars[k] == " " { k += 1 }
        return ExtractionWords.conditionOpeners.contains { body.hasPrefix($0, at: k) }
    }

    /// The noun phrase a qualifier describes: up to the next figure, verb or
    /// the clause end, at most 16 characters.
    func headNoun(after offset: Int, clauseEnd: Int, body: BodyText) -> String {
        var end = offset
        while end < clauseEnd, end - offset < 16, body.scalars[end].isHan || body.scalars[end].isASCII && body.scalars[end].properties.isAlphabetic,
              !ExtractionWords.phraseStops.contains(where: { body.hasPrefix($0, at: end) }),
              !ExtractionWords.comparatorWords.contains(where: { body.hasPrefix($0, at: end) }),
              !(end > offset && RoleWords.headNounStops.contains(body.scalars[end])) {
            end += 1
        }
        return body[offset..<end]
    }

    /// 8个省级数据集团 (等8个), 部署了6项重点任务, 包括9个方面, 15条具体举措,
    /// 96位专家: counts that describe the text; 通过2年左右时间, 为期4年:
    /// durations; 一个 as an article. Nil for a figure that may be a goal.
    func describesText(_ quantity: Quantity, before: String, after: String, body: BodyText,
                       underGoalVerb: Bool = false) -> QuantityRole? {
        guard let unit = quantity.unit else { return nil }
        switch quantity.unitKind {
        case .money, .share, .percentagePoint: return nil
        case .duration:
            // A number of years never is a goal here (三年行动, 今后三年); a
            // shorter span is one when it frames nothing (审批压缩至5个工作日).
            // 受教育年限提高到11.7年: a level in years that a verb reaches is a goal.
            // The phrase before has lost its copula: read the raw text before the figure, spaces aside.
            let raw = body.folded(max(0, quantity.start - 6)..<quantity.start).filter { $0 != " " }
            if ExtractionWords.levelVerbsBeforeYears.contains(where: { raw.hasSuffix($0) }) { return nil }
            if RoleWords.yearUnits.contains(unit) { return .duration }
            let next = body.folded(quantity.end..<min(body.count, quantity.end + 3))
            let lead = body.folded(max(0, quantity.start - 2)..<quantity.start)
            if ExtractionWords.durationAfter.contains(where: { next.hasPrefix($0) })
                || RoleWords.withinSuffixes.contains(where: { quantity.surface.hasSuffix($0) })
                || ExtractionWords.durationBefore.contains(where: { lead.hasSuffix($0) }) {
                return .duration
            }
        default: break
        }
        if let noun = ExtractionWords.textStructureNouns.first(where: { after.hasSuffix($0) })
            ?? ExtractionWords.textStructureHeads.first(where: { after.hasPrefix($0) || after.dropFirst().hasPrefix($0) }) {
            return .textCount(noun: noun)
        }
        // 一个, 一项, 一种 without a comparator read as "a", not as a count.
        if quantity.value == 1, quantity.comparator == nil, quantity.surface.hasPrefix(RoleWords.article) { return .article }
        if RoleWords.textCountUnits.contains(unit) { return .textCount(noun: unit) }
        // 共5章30条: 条 counts articles of a text unless something else is named.
        if unit == RoleWords.articleUnit, after.isEmpty, before.isEmpty || before.hasSuffix(RoleWords.chapter) { return .textCount(noun: unit) }
        let lead = body.folded(max(0, quantity.start - 4)..<quantity.start).trimmingCharacters(in: " ")
        // 新增单项冠军、独角兽企业等10家 under a horizon sums a list into a
        // goal; elsewhere (上海、江苏等8个省级数据集团) it counts what the text lists.
        if let marker = ExtractionWords.enumerationMarkers.first(where: { lead.hasSuffix($0) }), quantity.comparator == nil,
           !(marker == GrammarWords.etCeteraWord && underGoalVerb) {
            return .textCount(noun: marker + "…" + unit)
        }
        return nil
    }
}
