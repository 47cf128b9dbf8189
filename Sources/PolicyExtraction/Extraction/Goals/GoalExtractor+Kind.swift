import PolicyNumbers

/// Stage 4: whether a goal is a target, an incentive or a statistic (§7).
extension GoalExtractor {
    /// The kind a figure is, why, and the rule that decided it.
    struct KindDecision {
        var kind: ExtractedGoal.Kind
        var reason: String
        var rule: ExtractionRule.ID
        /// The lead-in rule that found the block deciding it, if one did.
        var context: ExtractionRule.ID?
    }

    /// The kind: the block the figure stands in first (§8: a goal list, a
    /// report of results), then the figure's own aspect and cue words, then
    /// grants; a figure nothing reports is a target.
    func kind(of quantity: Quantity, clause: Range<Int>, context: Context) -> KindDecision {
        let scopes = context.scopes
        let leadIn = scopes.context.leadIn(at: quantity.start)
        if let leadIn, var decision = kindUnder(leadIn, quantity: quantity, clause: clause, context: context) {
            if decision.rule != .kindChangeBase { decision.context = leadIn.rule }
            return decision
        }
        // What the policy commits, pays or relieves is granted, whatever
        // the news around it reports (§8: schemes and money).
        if let committed = committedGrant(quantity, clause: clause, body: context.body) { return committed }
        let report = scopes.reportCue(at: quantity.start, clause: clause)
        if let report, report.range.count > 0 {
            let place = report.range.lowerBound >= clause.lowerBound ? "in its clause" : "in its sentence"
            return KindDecision(kind: .statistic,
                                reason: "cue \(report.word) \(place) (\(report.range.lowerBound)–\(report.range.upperBound))",
                                rule: report.rule)
        }
        if let grant = incentiveReason(quantity, clause: clause, context: context) {
            // In news with no policy, money a grant mentions without granting
            // it (总资助额约14亿元) is a reported total.
            if report == nil || grantIsGiven(quantity, clause: clause, body: context.body) {
                return KindDecision(kind: .incentive, reason: grant.reason, rule: grant.rule)
            }
        }
        if let report {
            // What a programme is expected to bring about (将可带动…) is its
            // own forecast, not a fact the news reports.
            if report.rule == .kindNewsReportsFacts,
               let effect = scopes.expectedEffect(in: clause.lowerBound..<quantity.start) {
                return KindDecision(kind: .target, reason: "an expected effect: \(effect.word) (\(effect.range.lowerBound)–\(effect.range.upperBound))",
                                    rule: .kindExpectedEffect)
            }
            // A report quoting a plan (报告指出，…) says what the plan means to do.
            if let leadIn, leadIn.role == .plan, report.rule == .kindNewsReportsFacts {
                return KindDecision(kind: .target, reason: "a plan quoted: \(leadIn.cue.word)", rule: .kindPlanReport,
                                    context: leadIn.rule)
            }
            return KindDecision(kind: .statistic, reason: report.word, rule: report.rule)
        }
        // Under a horizon the horizon itself is the reason, given next.
        if scopes.target(at: quantity.start) != nil { return KindDecision(kind: .target, reason: "", rule: .kindHorizon) }
        return KindDecision(kind: .target, reason: "no report or grant cue", rule: .kindDefaultTarget)
    }

    /// The kind a lead-in gives (§8), or nil to read the clause: under a
    /// goal list every figure is a target but the base of a change; under a
    /// report of results a statistic, unless its clause looks ahead.
    private func kindUnder(_ leadIn: DocumentContext.LeadIn, quantity: Quantity, clause: Range<Int>,
                           context: Context) -> KindDecision? {
        let scopes = context.scopes
        let lead = "\(leadIn.role.rawValue) \(leadIn.cue.word) (\(leadIn.cue.range.lowerBound)–\(leadIn.cue.range.upperBound))"
        switch leadIn.role {
        case .goalList:
            if let base = scopes.changeBase(at: quantity.start) {
                return KindDecision(kind: .statistic, reason: "the base of a change \(base.word)", rule: base.rule)
            }
            return KindDecision(kind: .target, reason: "under a \(lead)", rule: .kindGoalList)
        case .results:
            // A horizon or a future cue inside the block speaks of what is to come.
            if scopes.looksAhead(in: clause) { return nil }
            if let horizon = scopes.target(at: quantity.start), context.targets[horizon].start > leadIn.cue.range.lowerBound {
                return nil
            }
            return KindDecision(kind: .statistic, reason: "under \(lead)", rule: .kindResults)
        case .plan:
            return nil
        }
    }

    /// Money or a rate the policy commits, with the rule that read it:
    /// - `kind.fund-set-up`: a pool set up or set aside (设立100亿元基金,
    ///   安排资金15亿元, 安排130亿元左右，支持…) — not a scale still to be
    ///   reached (不低于3500亿元规模的基金群: a floor);
    /// - `kind.payment`: money handed to each person or household (向每名
    ///   居民派发1万元);
    /// - `kind.tax-relief`: a relief rate (加计扣除比例提高到100%).
    func committedGrant(_ quantity: Quantity, clause: Range<Int>, body: BodyText) -> KindDecision? {
        let before = clause.lowerBound..<quantity.start
        switch quantity.unitKind {
        case .money:
            guard quantity.comparator != .atLeast, quantity.comparator != .greaterThan else { return nil }
            if let verb = ClauseScopes.lastWord(ExtractionWords.poolVerbs, in: before, body: body) {
                let gap = quantity.start - verb.range.upperBound
                let fund = ClauseScopes.firstWord(ExtractionWords.fundNouns, in: clause, body: body)
                if gap <= 1 || fund != nil {
                    return KindDecision(kind: .incentive, reason: "a pool \(verb.word)\(fund.map { "…" + $0.word } ?? "")",
                                        rule: .kindFundSetUp)
                }
            }
            if let verb = ClauseScopes.lastWord(ExtractionWords.paymentVerbs, in: before, body: body),
               quantity.start - verb.range.upperBound <= 1,
               let recipient = ClauseScopes.firstWord(ExtractionWords.personRecipients, in: before, body: body) {
                return KindDecision(kind: .incentive, reason: "paid \(recipient.word)…\(verb.word)", rule: .kindPayment)
            }
        case .share:
            if let relief = ClauseScopes.firstWord(ExtractionWords.taxReliefNouns, in: before, body: body) {
                return KindDecision(kind: .incentive, reason: "a tax relief \(relief.word)", rule: .kindTaxRelief)
            }
        default:
            break
        }
        return nil
    }

    /// A grant verb or a cap in the figure's clause or the one before: the
    /// text gives the money (给予, 可获最高20万元), it does not just total it.
    func grantIsGiven(_ quantity: Quantity, clause: Range<Int>, body: BodyText) -> Bool {
        let sentenceStart = body.sentenceStart(before: quantity.start)
        let from = clause.lowerBound > sentenceStart ? body.clauseStart(before: clause.lowerBound - 1) : clause.lowerBound
        let range = from..<clause.upperBound
        return (ExtractionWords.givingVerbs + ExtractionWords.capWords).contains { body.contains($0, in: range) }
            || quantity.comparator == .atMost
    }

    /// Why a figure is money or a rate a policy grants, or nil.
    func incentiveReason(_ quantity: Quantity, clause: Range<Int>, context: Context) -> (reason: String, rule: ExtractionRule.ID)? {
        guard let reason = grantReason(quantity, clause: clause, context: context) else { return nil }
        return (reason, .kindGrant)
    }

    private func grantReason(_ quantity: Quantity, clause: Range<Int>, context: Context) -> String? {
        let body = context.body
        // 带动业者投资额达九亿元: money levered from others, not granted.
        if ClauseScopes.firstWord(ExtractionWords.leverageVerbs, in: clause.lowerBound..<quantity.start, body: body) != nil {
            return nil
        }
        switch quantity.unitKind {
        case .money:
            // 交易额突破2000亿元: a floor is something to reach, not a grant.
            guard quantity.comparator != .atLeast && quantity.comparator != .greaterThan else { return nil }
            // 给予最高300万元支持, 50万元的支持: support given as an amount.
            var k = quantity.end
            if body.hasPrefix(GrammarWords.possessiveWord, at: k) { k += 1 }
            if body.hasPrefix(IncentiveWords.support, at: k), grantIsGiven(quantity, clause: clause, body: body) {
                return "grant \(IncentiveWords.support) (\(k)–\(k + 2))"
            }
            guard let noun = incentiveNoun(near: quantity, clause: clause, body: body) else { return nil }
            return "grant \(noun.text) (\(noun.range.lowerBound)–\(noun.range.upperBound))"
        case .share, .percentagePoint:
            guard let noun = incentiveNoun(near: quantity, clause: clause, body: body) else { return nil }
            // 按合同金额的20%给予补助: a rate of a base, granted.
            if let base = ClauseScopes.firstWord(ExtractionWords.rateBaseMarkers, in: clause.lowerBound..<quantity.start, body: body),
               body.contains(GrammarWords.possessiveWord, in: base.range.upperBound..<quantity.start) {
                return "rate of a base \(base.word)…\(GrammarWords.possessiveWord), grant \(noun.text)"
            }
            // 给予1个点的贴息; a rate next to a grant outside any horizon.
            let grantVerbAfter = ExtractionWords.grantVerbs.contains { body.contains($0, in: quantity.end..<min(clause.upperBound, quantity.end + 4)) }
            // 按项目总投资给予最高50%: a rate given, the verb just before it.
            let givenBefore = ExtractionWords.givingVerbs.contains {
                body.contains($0, in: max(clause.lowerBound, quantity.start - 6)..<quantity.start)
            }
            if grantVerbAfter || givenBefore || context.scopes.target(at: quantity.start) == nil
                || quantity.unitKind == .percentagePoint {
                return "rate, grant \(noun.text) (\(noun.range.lowerBound)–\(noun.range.upperBound))"
            }
            return nil
        default:
            return nil
        }
    }

    /// The grant a number belongs to: a grant noun in its clause, or in the
    /// clause before it within the sentence (给予奖补，每家企业不超过20万元),
    /// with the words that name it (一次性奖励, 运营补贴, 算力券).
    func incentiveNoun(near quantity: Quantity, clause: Range<Int>, body: BodyText) -> (text: String, range: Range<Int>)? {
        let sentenceStart = body.sentenceStart(before: quantity.start)
        let previousClause = clause.lowerBound > sentenceStart ? body.clauseStart(before: clause.lowerBound - 1) : clause.lowerBound
        // The figure's own surface may hold the grant (最高补助100万元).
        let ranges = [quantity.start..<clause.upperBound, clause.lowerBound..<quantity.start, previousClause..<clause.lowerBound]
        for (n, range) in ranges.enumerated() {
            // After the figure the first grant word names it; before it, the nearest.
            guard let cue = n == 0 ? ClauseScopes.firstWord(ExtractionWords.grantNouns, in: range, body: body)
                                   : ClauseScopes.lastWord(ExtractionWords.grantNouns, in: range, body: body) else { continue }
            var start = cue.range.lowerBound
            if cue.word == IncentiveWords.voucher {
                // 数转券, 算力券: the voucher's name is the characters before 券.
                while start > range.lowerBound, start > cue.range.lowerBound - 4, body.scalars[start - 1].isHan,
                      !IncentiveWords.voucherNameStops.contains(body.scalars[start - 1]) {
                    start -= 1
                }
            } else if let de = (max(range.lowerBound, start - 5)..<start).last(where: { body.scalars[$0] == GrammarWords.possessive }),
                      start - de - 1 >= 2, body.scalars[(de + 1)..<start].allSatisfy(\.isHan) {
                // 最高50万元的一次性奖励, 的运营补贴: the words between 的 and the noun name it.
                start = de + 1
            } else if start >= 3, body.hasSuffix(IncentiveWords.oneOff, at: start) {
                start -= 3
            }
            return (body[start..<cue.range.upperBound], start..<cue.range.upperBound)
        }
        return nil
    }
}
