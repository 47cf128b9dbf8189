import Foundation
import PolicyNumbers

/// Turns the quantities of an article into quantitative goals: decides which
/// numbers a policy sets, grants or reports, what each counts, and under
/// which horizon and policy it falls.
///
/// A pipeline of pure stages, each in its own file and tested alone:
/// 1. clauses and sentences (`BodyText`): full- and half-width marks, line
///    breaks inside a sentence;
/// 2. scopes (`ClauseScopes`): horizon, stretch, reported-fact cues, each
///    bound to its own clause;
/// 3. the role of each quantity (`GoalExtractor+Role`): a goal, or a
///    qualifier, condition, duration, count of the text;
/// 4. its kind (`GoalExtractor+Kind`): target, incentive, statistic;
/// 5. its metric phrase (`GoalExtractor+Metric`);
/// 6. merge of restatements (`GoalExtractor+Merge`).
///
/// Every stage says why it decided as it did (`QuantityDecision`), which
/// `policykb extract --explain` prints.
struct GoalExtractor {
    let scanner = QuantityScanner()
    /// Whether to word the reasons of kept goals (`extract --explain`):
    /// ingest does not read them, and wording them costs a few strings per figure.
    var explains = false
    /// Region names, for one figure shared by several subjects (北京、河南均为5%左右).
    var regions: RegionDetector?

    struct Context {
        let body: BodyText
        let policies: PolicyExtractor.Result
        let targets: [ExtractedTarget]
        let articleRegion: String?
        /// 《…》 spans: numbers inside titles are not goals.
        let titleSpans: [Range<Int>]
        let scopes: ClauseScopes
    }

    /// The goals of one article, restatements merged.
    func extract(body: BodyText, policies: PolicyExtractor.Result, targets: [ExtractedTarget],
                 articleRegion: String?, issueYear: Int? = nil) -> [ExtractedGoal] {
        let decisions = decide(body: body, policies: policies, targets: targets, articleRegion: articleRegion,
                               issueYear: issueYear)
        let fromTables = decisions.filter { $0.rules.first == .contextTable }.compactMap(\.goal)
        let fromText = decisions.filter { $0.rules.first != .contextTable }.compactMap(\.goal)
        return mergeTableGoals(fromTables, into: merge(fromText))
    }

    /// What each quantity of the body is, and why.
    func decide(body: BodyText, policies: PolicyExtractor.Result, targets: [ExtractedTarget],
                articleRegion: String?, issueYear: Int?) -> [QuantityDecision] {
        let scanned = scanner.quantities(in: body.original).map(\.asShare)
        let scopes = ClauseScopes(body: body, targets: targets, issueYear: issueYear, hasPolicy: !policies.policies.isEmpty)
        let context = Context(body: body, policies: policies, targets: targets, articleRegion: articleRegion,
                              titleSpans: PolicyExtractor.bracketedTitles(in: body).map { $0.start..<$0.end },
                              scopes: scopes)
        // Tables first: their cells are read by row and column, not as prose.
        let (tableDecisions, tableSpans) = tableDecisions(context: context, issueYear: issueYear)
        let quantities = tableSpans.isEmpty ? scanned
            : scanned.filter { quantity in !tableSpans.contains { $0.contains(quantity.start) } }
        var decisions: [QuantityDecision] = []
        var previous: Previous?
        var index = 0
        while index < quantities.count {
            // A range (3—5家, 10%至15%) is decided once, for both bounds.
            let isRange = index + 1 < quantities.count && Self.formRange(quantities[index], quantities[index + 1], body)
            let group = isRange ? [quantities[index], quantities[index + 1]] : [quantities[index]]
            let made = decideGroup(group, at: index, in: quantities, previous: previous, context: context)
            for decision in made {
                if let goal = decision.goal {
                    previous = Previous(quantity: decision.quantity, metric: goal.metric, kind: goal.kind)
                }
            }
            decisions.append(contentsOf: made)
            index += group.count
        }
        guard !tableDecisions.isEmpty else { return decisions }
        return (decisions + tableDecisions).sorted { $0.quantity.start < $1.quantity.start }
    }

    /// The last goal made, for figures that count the same thing
    /// (达8000亿元以上、力争1万亿元) or go on from its clause.
    struct Previous {
        let quantity: Quantity
        let metric: String
        let kind: ExtractedGoal.Kind
    }

    /// 3—5家, 10%至15%, 3至5个: the scanner's two bounds, next to each other.
    static func formRange(_ lower: Quantity, _ upper: Quantity, _ body: BodyText) -> Bool {
        guard lower.comparator == .atLeast, upper.comparator == .atMost, lower.end <= upper.start,
              upper.start - lower.end <= 2, lower.unit == upper.unit else { return false }
        return body.scalars[lower.end..<upper.start].allSatisfy { $0 == " " || GrammarWords.rangeMarks.contains($0) }
    }

    func decideGroup(_ group: [Quantity], at index: Int, in quantities: [Quantity], previous: Previous?,
                     context: Context) -> [QuantityDecision] {
        let body = context.body
        // The figure as the sentence reads it: both bounds of a range.
        var quantity = group[0]
        quantity.end = group[group.count - 1].end
        quantity.surface = body[quantity.start..<quantity.end]
        // The other figures of its clause, found by walking out from it
        // (quantities are in text order), and the one just before it.
        let clauseStart = body.clauseStart(before: quantity.start), clauseEnd = body.clauseEnd(after: quantity.end)
        var neighbours: [Quantity] = []
        var k = index - 1
        while k >= 0, quantities[k].start >= clauseStart { neighbours.append(quantities[k]); k -= 1 }
        k = index + group.count
        while k < quantities.count, quantities[k].start < clauseEnd { neighbours.append(quantities[k]); k += 1 }
        let before = index > 0 ? quantities[index - 1] : nil

        // Stage 3: role.
        let role = self.role(of: quantity, neighbours: neighbours, before: before, context: context)
        guard case .goal(let roleNote) = role else {
            return group.map { QuantityDecision(quantity: $0, outcome: .dropped, reasons: [role.description], rules: role.rule.map { [$0] } ?? []) }
        }
        let roleRules: [ExtractionRule.ID] = []
        let clause = body.clauseStart(before: quantity.start)..<body.clauseEnd(after: quantity.end)

        // Stage 4: kind.
        let decided = self.kind(of: quantity, clause: clause, context: context)
        let (kind, kindReason) = (decided.kind, decided.reason)
        var rules = roleRules + [decided.context, decided.rule].compactMap { $0 }

        // Stage 5: metric.
        guard let found = metric(of: quantity, kind: kind, clause: clause, previous: previous, context: context) else {
            return group.map { QuantityDecision(quantity: $0, outcome: .dropped, reasons: ["no metric: nothing names what is counted"],
                                                rules: rules) }
        }
        rules += found.rules
        var reasons = kindReason.isEmpty || !explains ? [] : [kindReason]
        if explains, let roleNote { reasons.append(roleNote) }

        // Horizon, stretch, policy, region.
        let stretchCue = kind == .target ? context.scopes.stretch(at: quantity.start) : nil
        let target = context.scopes.target(at: quantity.start)
        let policy = PolicyContext.policy(at: quantity.start, body: body, policies: context.policies)
        var year: Int?
        var yearSource = YearSource.none
        let leadIn = context.scopes.context.leadIn(at: quantity.start)
        if kind == .target, let leadIn, leadIn.role == .goalList, let listYear = leadIn.year,
           target.map({ context.targets[$0].start < leadIn.governs.lowerBound }) ?? true {
            // §8: a goal list's year is its items' horizon, unless one of their own is nearer.
            (year, yearSource) = (listYear, .stated)
            rules.append(.yearGoalList)
            if explains { reasons.append("year \(listYear) of the list \(leadIn.cue.word)") }
        } else if kind != .statistic, let target {
            year = context.targets[target].year
            yearSource = context.targets[target].yearSource
            rules.append(.yearHorizon)
            let horizon = context.targets[target]
            if explains {
                let end = horizon.start + Self.horizonLength(horizon, body)
                reasons.append("horizon \(body[horizon.start..<end]) (\(horizon.start)–\(end))")
            }
        } else if kind != .statistic, let policy {
            let record = context.policies.policies[policy]
            if let end = record.endYear {
                (year, yearSource) = (end, .policyPeriod)
            } else if let until = record.effectiveUntil, let value = Int(until.prefix(4)) {
                (year, yearSource) = (value, .policyPeriod)
            }
            if let year {
                rules.append(.yearPolicyPeriod)
                if explains { reasons.append("year \(year) from the policy's period") }
            }
        } else if kind == .statistic, let reported = context.scopes.reportYear(before: quantity.start) {
            // §7: a reported figure carries the year it is of.
            (year, yearSource) = (reported, .stated)
            rules.append(.yearOfReport)
            if explains { reasons.append("year \(reported) of the report") }
        }
        if explains {
            if let stretchCue { reasons.append("stretch \(stretchCue.word) (\(stretchCue.range.lowerBound)–\(stretchCue.range.upperBound))") }
            reasons.append("metric \(found.metric) (\(found.range.lowerBound)–\(found.range.upperBound))")
        }
        let region = policy.flatMap { context.policies.policies[$0].regionCode } ?? context.articleRegion

        let spanStart = body.clauseStart(before: min(found.evidenceStart, quantity.start))
        let spanEnd = max(clause.upperBound, found.range.upperBound)
        let span = EvidenceSpan(start: spanStart, end: spanEnd, text: body[spanStart..<spanEnd])
        // §8: one figure for several subjects is one goal per subject, each in its region.
        let subjects = sharedSubjects(of: found, body: body) ?? [(found.metric, region)]
        if subjects.count > 1 { rules.append(.subjectSharedFigure) }
        return subjects.flatMap { subject in group.map { part in
            var comparator = part.comparator ?? (part.isMagnitudeClass ? .atLeast : .equal)
            if kind == .incentive, part.comparator == nil,
               capStandsApart(before: part, clause: clause, body: body) || capJustBefore(part, clause: clause, body: body) {
                comparator = .atMost
            }
            let goal = ExtractedGoal(
                kind: kind, metric: subject.metric, comparator: comparator, value: part.value,
                unit: Self.currency(part, region: context.articleRegion ?? region, body: body),
                stretch: stretchCue != nil, year: year, yearSource: yearSource, policyIndex: policy,
                targetIndex: kind == .target ? target : nil, regionCode: subject.region, evidence: [span])
            return QuantityDecision(quantity: part, outcome: .kept(kind), reasons: reasons, rules: rules, goal: goal)
        } }
    }

    /// 北京、河南均为5%左右: when the metric is a region's name, joined to
    /// other region names before it (、和与及) and followed by a word that
    /// spreads the figure over them (均, 都), each name and its region code.
    func sharedSubjects(of found: Metric, body: BodyText) -> [(metric: String, region: String?)]? {
        guard let regions, found.range.upperBound <= body.count,
              ExtractionWords.distributiveMarkers.contains(where: { body.hasPrefix($0, at: found.range.upperBound) }) else { return nil }
        func code(_ name: String) -> String? {
            regions.gazetteer.code(named: name) ?? regions.gazetteer.code(named: ScriptFold.fold(name))
        }
        guard let own = code(found.metric) else { return nil }
        var subjects: [(metric: String, region: String?)] = [(found.metric, own)]
        var end = found.range.lowerBound
        while end > 0, ExtractionWords.subjectJoiners.contains(body.scalars[end - 1]) {
            let joiner = end - 1
            // The longest name that ends at the joiner.
            guard let length = (2...ExtractionWords.regionNameMaxLength).reversed().first(where: { length in
                joiner - length >= 0 && code(body[(joiner - length)..<joiner]) != nil
            }) else { break }
            let name = body[(joiner - length)..<joiner]
            subjects.insert((name, code(name)), at: 0)
            end = joiner - length
        }
        return subjects.count > 1 ? subjects : nil
    }

    /// The unit of a figure, with a bare 元 read as the local currency of an
    /// article from Hong Kong, Macao or Taiwan (§7: 撥款2億元 in Hong Kong
    /// news is 港元), unless the text names 人民币 (or RMB) next to it.
    static func currency(_ quantity: Quantity, region: String?, body: BodyText) -> String? {
        guard quantity.unit == CurrencyWords.yuan, let region, region.count == 6,
              let local = CurrencyWords.localCurrencies.first(where: { region.hasPrefix($0.regionPrefix) })?.unit else {
            return quantity.unit
        }
        // Folded text: 人民幣 reads as 人民币.
        let near = max(0, quantity.start - 4)..<min(body.scalars.count, quantity.end + 4)
        if CurrencyWords.renminbiNames.contains(where: { body.contains($0, in: near) }) { return quantity.unit }
        return local
    }

    /// The length of a target's horizon phrase (到2027年), for reasons.
    static func horizonLength(_ target: ExtractedTarget, _ body: BodyText) -> Int {
        var k = target.start
        while k < target.end, k - target.start < 12, !body.endsClause(at: k), body.scalars[k] != YearWords.year { k += 1 }
        if k < target.end, body.scalars[k] == YearWords.year {
            k += 1
            for tail in HorizonWords.horizonPhraseTails where body.hasPrefix(tail, at: k) {
                k += tail.unicodeScalars.count
                break
            }
        } else {
            k = target.start
            while k < target.end, k - target.start < 12, !body.endsClause(at: k) { k += 1 }
        }
        return k - target.start
    }

    /// 按不超过合同金额的20%给予补助: the cap stands apart from its rate.
    /// 最高可获1500万元资助, 资助上限为三分之一: a cap a few words before the
    /// figure, with no other figure between.
    func capJustBefore(_ quantity: Quantity, clause: Range<Int>, body: BodyText) -> Bool {
        let noFigureAfter = { (cap: ClauseScopes.Cue) in
            !body.scalars[cap.range.upperBound..<quantity.start].contains { $0.properties.numericType != nil }
        }
        let window = max(clause.lowerBound, quantity.start - 10)..<quantity.start
        if let cap = ClauseScopes.firstWord(ExtractionWords.capWords, in: window, body: body), noFigureAfter(cap) { return true }
        // 最多资助项目总开支的50%: a cap on the grant verb bounds what it grants, however long the object.
        guard let cap = ClauseScopes.lastWord(ExtractionWords.capWords, in: clause.lowerBound..<quantity.start, body: body),
              noFigureAfter(cap) else { return false }
        var k = cap.range.upperBound
        // 资助额上限为总开支的三分之一: the cap is what follows the copula.
        if k < body.count, GrammarWords.copulas.contains(body.scalars[k]) { return true }
        if body.hasPrefix(GrammarWords.may, at: k) { k += GrammarWords.may.unicodeScalars.count }
        return ExtractionWords.grantVerbs.contains { body.hasPrefix($0, at: k) }
    }

    func capStandsApart(before quantity: Quantity, clause: Range<Int>, body: BodyText) -> Bool {
        guard quantity.unit == "%" else { return false }
        let before = clause.lowerBound..<quantity.start
        guard let base = ClauseScopes.firstWord(ExtractionWords.rateBaseMarkers, in: before, body: body) else { return false }
        return ClauseScopes.firstWord(ExtractionWords.capWords, in: base.range.upperBound..<quantity.start, body: body) != nil
    }
}

/// What extraction decided about one quantity, and why: the answer to "why is
/// this number (not) in my table?" (`policykb extract --explain`).
public struct QuantityDecision: Sendable, Equatable {
    public enum Outcome: Sendable, Equatable {
        case kept(ExtractedGoal.Kind)
        case dropped
    }

    public var quantity: Quantity
    public var outcome: Outcome
    /// The reasons the stages gave, in order: `horizon 到2027年 (12–19)`,
    /// `qualifies 企业`, `cue 截至 in its clause`.
    public var reasons: [String]
    /// The ids of the rules that decided it, stage by stage (`kind.goal-list`,
    /// `year.goal-list`): `ExtractionRules.catalogue` describes each.
    public var rules: [ExtractionRule.ID]
    /// The goal it made, before restatements are merged.
    public var goal: ExtractedGoal?

    public init(quantity: Quantity, outcome: Outcome, reasons: [String], rules: [ExtractionRule.ID] = [],
                goal: ExtractedGoal? = nil) {
        self.quantity = quantity
        self.outcome = outcome
        self.reasons = reasons
        self.rules = rules
        self.goal = goal
    }

    /// `kept: target; horizon 到2027年 (12–19); metric 核心企业 (24–28)`, `dropped: qualifies 企业`.
    public var summary: String {
        switch outcome {
        case .kept(.statistic): return "statistic: " + reasons.joined(separator: "; ")
        case .kept(let kind): return "kept: \(kind.rawValue); " + reasons.joined(separator: "; ")
        case .dropped: return "dropped: " + reasons.joined(separator: "; ")
        }
    }
}
