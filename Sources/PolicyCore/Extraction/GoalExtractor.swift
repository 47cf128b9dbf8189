import PolicyNumbers
import Foundation

/// Turns the quantities of an article into quantitative goals
/// (EXTRACTION.md §5): decides which numbers a policy sets, grants or
/// reports, what each counts, and under which horizon and policy it falls.
struct GoalExtractor {
    let scanner = QuantityScanner()

    /// Words that make a number a grant: subsidies, caps, vouchers, interest
    /// and premium subsidies.
    static let incentiveWords = ["保费补贴", "贷款贴息", "贴息", "奖补", "补贴", "补助", "奖励", "资助", "扶持资金",
                                 "资金支持", "券", "奖金", "配套资金"]
    /// Words that mark a reported fact.
    static let statisticMarkers = ["已累计", "已经", "已", "截至", "截止", "共有", "现有", "同比", "目前"]
    /// Nouns that show a count describes the text itself, not a goal.
    static let textStructureNouns = ["方面", "部分", "维度", "环节", "任务", "重点任务", "举措", "具体举措", "措施", "条款",
                                     "政策", "文件", "份", "行动计划", "方向", "关键", "专家", "章", "原则", "板块",
                                     "问题", "条", "个政策", "位"]
    /// Of those, the ones that mark a structural count even with more words
    /// after them (四个大方面展开, 6项重点任务).
    static let textStructureHeads = ["方面", "大方面", "部分", "维度", "环节", "重点任务", "具体举措", "板块"]
    /// Words before a count that show it lists or describes the text.
    static let enumerationMarkers = ["等", "包括", "涵盖", "分为", "部署了", "部署", "从", "围绕", "由", "共", "分别"]
    /// Verbs and adverbs that open a clause but are not part of what is counted.
    static let leadingWords = [
        "新增培育", "累计培育", "累计支持", "累计", "新增", "培育", "打造", "建成", "建设", "形成", "推出", "实现", "集聚",
        "支撑", "产出", "突破", "达到", "力争", "争取", "力求", "预计", "预期", "进一步", "率先", "持续", "推动", "引进",
        "带动", "吸引", "部署", "开展", "完成", "新建", "建立", "组建", "认定", "遴选", "扶持", "服务", "覆盖", "发展",
        "其中", "同时", "此外", "并", "且", "和", "及", "全面", "加快", "大力", "着力", "保持在", "保持",
    ]
    /// Metrics that name a change, not a thing: the thing is the one the
    /// sentence just counted (规模达到3000亿元，持续保持10%以上增长).
    static let changeWords: Set<String> = ["增长", "增速", "增长率", "年均增长", "年均增速", "年增长"]
    /// Copulas and comparators that end the text before a number.
    static let trailingWords = ["保持在", "稳定在", "控制在", "提高到", "提升至", "提升到", "增长到", "增至", "达到", "达",
                                "突破", "超过", "超", "过", "为", "至", "在", "不少于", "不低于", "不超过", "约", "近",
                                "的", "率先", "总计", "合计", "累计", "共计"]
    /// Where a phrase after a number stops: verbs that start the rest of the
    /// clause.
    static let phraseStops = ["开展", "进行", "实现", "推动", "提升", "参与", "投入", "提供", "给予", "予以", "规模落地",
                              "落地", "入驻", "上线", "加入", "签约", "覆盖", "以上", "左右"]
    /// Units of time: a duration (通过2年左右时间, 一天内, 五年前) frames a
    /// statement rather than setting a goal.
    static let timeUnits: Set<String> = ["年", "个月", "月", "天", "日", "周", "小时", "分钟", "个工作日", "工作日"]

    struct Context {
        let body: BodyText
        let policies: PolicyExtractor.Result
        let targets: [ExtractedTarget]
        let articleRegion: String?
        /// 《…》 spans: numbers inside titles are not goals.
        let titleSpans: [Range<Int>]
    }

    func extract(body: BodyText, policies: PolicyExtractor.Result, targets: [ExtractedTarget],
                 articleRegion: String?) -> [ExtractedGoal] {
        let quantities = scanner.quantities(in: body.text)
        let context = Context(body: body, policies: policies, targets: targets, articleRegion: articleRegion,
                              titleSpans: PolicyExtractor.bracketedTitles(in: body).map { $0.start..<$0.end })
        var goals: [ExtractedGoal] = []
        var previous: (quantity: Quantity, metric: String)?
        for (index, quantity) in quantities.enumerated() {
            guard let goal = goal(for: quantity, at: index, in: quantities, previous: previous, context: context) else {
                continue
            }
            previous = (quantity, goal.metric)
            goals.append(goal)
        }
        return merge(goals)
    }

    func goal(for quantity: Quantity, at index: Int, in quantities: [Quantity],
              previous: (quantity: Quantity, metric: String)?, context: Context) -> ExtractedGoal? {
        let body = context.body
        guard quantity.unit != nil else { return nil }
        if context.titleSpans.contains(where: { $0.contains(quantity.start) }) { return nil }
        let clauseStart = body.clauseStart(before: quantity.start)
        let clauseEnd = body.clauseEnd(after: quantity.end)
        let next = index + 1 < quantities.count ? quantities[index + 1] : nil

        // A number that qualifies what is counted (估值过百亿企业10家以上,
        // 十亿级应用场景落地50个以上) is not the goal: another number follows
        // in the same clause, and no counted unit is written after it.
        let impliedUnit = quantity.isMagnitudeClass || !(quantity.unit.map { quantity.surface.contains($0) } ?? false)
        if impliedUnit, let next, next.start < clauseEnd, next.start > quantity.end,
           quantity.end < body.count, body.scalars[quantity.end].properties.isIdeographic || body.scalars[quantity.end] == "级" {
            return nil
        }
        // 两个千亿级产业集群: the class describes what the count counts.
        if quantity.isMagnitudeClass, index > 0, quantities[index - 1].end == quantity.start {
            return nil
        }

        let before = beforePhrase(quantity, clauseStart: clauseStart, previous: previous, body: body)
        let after = afterPhrase(quantity, clauseEnd: clauseEnd, body: body)
        if describesText(quantity, before: before.text, after: after.text, body: body) { return nil }

        let kind = self.kind(of: quantity, clauseStart: clauseStart, clauseEnd: clauseEnd, body: body, context: context)
        var metric: String
        var metricRange: Range<Int>
        let isClassifier = !(quantity.unit == "元" || quantity.unit == "%" || quantity.unit == "百分点"
            || (quantity.unit?.hasSuffix("元") ?? false))
        if (isClassifier || quantity.isMagnitudeClass) && !after.text.isEmpty {
            (metric, metricRange) = (after.text, after.range)
        } else if !before.text.isEmpty {
            (metric, metricRange) = (before.text, before.range)
        } else if !after.text.isEmpty {
            (metric, metricRange) = (after.text, after.range)
        } else if let previous, previous.quantity.end <= quantity.start,
                  body.clauseStart(before: previous.quantity.start) == clauseStart {
            // 达8000亿元以上、力争1万亿元: the second figure counts the same thing.
            (metric, metricRange) = (previous.metric, quantity.start..<quantity.end)
        } else {
            (metric, metricRange) = ("", quantity.start..<quantity.end)
        }
        var evidenceStart = min(metricRange.lowerBound, quantity.start)
        if kind == .incentive, let noun = incentiveNoun(near: quantity, clauseStart: clauseStart, clauseEnd: clauseEnd, body: body) {
            metric = incentiveMetric(noun: noun.text, before: body[clauseStart..<quantity.start])
            evidenceStart = min(evidenceStart, noun.range.lowerBound)
        }
        guard !metric.isEmpty else { return nil }
        if Self.changeWords.contains(metric), let previous, body.sentenceStart(before: previous.quantity.start)
            == body.sentenceStart(before: quantity.start) {
            metric = previous.metric + metric
        }

        let stretch = ["力争", "争取", "力求"].contains { body.contains($0, in: clauseStart..<quantity.start) }
        let target = context.targets.lastIndex { $0.governs(quantity.start) }
        let policy = PolicyContext.policy(at: quantity.start, body: body, policies: context.policies)
        var year: Int?
        var yearSource = YearSource.none
        if let target {
            year = context.targets[target].year
            yearSource = context.targets[target].yearSource
        } else if kind != .statistic, let policy {
            let record = context.policies.policies[policy]
            if let end = record.endYear {
                (year, yearSource) = (end, .policyPeriod)
            } else if let until = record.effectiveUntil, let value = Int(until.prefix(4)) {
                (year, yearSource) = (value, .policyPeriod)
            }
        }
        let region = policy.flatMap { context.policies.policies[$0].regionCode } ?? context.articleRegion

        let spanStart = body.clauseStart(before: evidenceStart)
        let spanEnd = max(clauseEnd, metricRange.upperBound)
        let span = EvidenceSpan(start: spanStart, end: spanEnd, text: body[spanStart..<spanEnd])
        return ExtractedGoal(
            kind: kind, metric: metric,
            // 千亿级: a size class, at least its magnitude.
            comparator: quantity.comparator ?? (quantity.isMagnitudeClass ? .atLeast : .equal), value: quantity.value,
            unit: quantity.unit, stretch: stretch, year: year, yearSource: yearSource, policyIndex: policy,
            targetIndex: kind == .target ? target : nil, regionCode: region, evidence: [span])
    }

    // MARK: What is counted

    /// The phrase before a number, from the start of its clause (or the
    /// previous 、 or number), without the verbs that open a clause or link a
    /// figure.
    func beforePhrase(_ quantity: Quantity, clauseStart: Int, previous: (quantity: Quantity, metric: String)?,
                      body: BodyText) -> (text: String, range: Range<Int>) {
        let s = body.scalars
        var start = clauseStart
        if let previous, previous.quantity.end > start, previous.quantity.end <= quantity.start {
            start = previous.quantity.end
        }
        if let comma = (start..<quantity.start).last(where: { s[$0] == "、" }) { start = comma + 1 }
        var end = quantity.start
        // Strip leading verbs and adverbs, trailing copulas and comparators,
        // on code points: this runs for every number of every article.
        var changed = true
        while changed && start < end {
            changed = false
            while start < end && (s[start] == " " || s[start] == "、") { start += 1; changed = true }
            if let word = Self.leadingScalars.first(where: { body.hasPrefix($0, at: start, before: end) }) {
                start += word.count
                changed = true
            }
            if let word = Self.trailingScalars.first(where: { body.hasSuffix($0, at: end, after: start) }) {
                end -= word.count
                changed = true
            }
            while end > start && s[end - 1] == " " { end -= 1; changed = true }
        }
        guard start < end else { return ("", start..<start) }
        if end - start > 30 || s[start..<end].contains(where: { "《》“”\"".unicodeScalars.contains($0) }) {
            // Too long or quoted: keep the end, which names the thing.
            let from = max(start, end - 16)
            return (body[from..<end], from..<end)
        }
        return (body[start..<end], start..<end)
    }

    static let leadingScalars = leadingWords.map { Array($0.unicodeScalars) }
    static let trailingScalars = trailingWords.map { Array($0.unicodeScalars) }

    /// The noun phrase right after a number (不少于100项关键技术 → 关键技术), up
    /// to the end of the clause or a verb that starts the rest of it.
    func afterPhrase(_ quantity: Quantity, clauseEnd: Int, body: BodyText) -> (text: String, range: Range<Int>) {
        var start = quantity.end
        let s = body.scalars
        while start < clauseEnd, s[start] == " " || s[start] == "的" || "“”「」\"".unicodeScalars.contains(s[start]) {
            start += 1
        }
        guard start < clauseEnd, s[start].properties.isIdeographic || s[start].properties.isAlphabetic else {
            return ("", start..<start)
        }
        var end = start
        while end < clauseEnd {
            let c = s[end]
            if "（(“”「」\"".unicodeScalars.contains(c) { break }
            if end > start, Self.phraseStops.contains(where: { body.hasPrefix($0, at: end) }) { break }
            end += 1
        }
        // A verb right after the number (50% 给予奖补) is not a noun phrase.
        if Self.phraseStops.contains(where: { body.hasPrefix($0, at: start) }) { return ("", start..<start) }
        if let comma = (start..<end).first(where: { s[$0] == "、" }) {
            // 示范性强、显示度高、带动性广的典型应用场景: modifiers listed before
            // the head noun, which follows the last 的; otherwise (平台、20个基地)
            // the phrase ends at the first 、.
            if let last = (start..<end).last(where: { s[$0] == "、" }),
               let de = (last..<end).last(where: { s[$0] == "的" }), end - de - 1 >= 2 {
                start = de + 1
            } else {
                end = comma
            }
        }
        if end - start > 24 {
            // Too long to be a name: the head noun follows the last 的.
            guard let de = (start..<end).last(where: { s[$0] == "的" }), end - de - 1 >= 2, end - de - 1 <= 24 else {
                return ("", start..<start)
            }
            start = de + 1
        }
        return (body[start..<end].trimmingCharacters(in: " "), start..<end)
    }

    /// 8个省级数据集团 (等8个), 部署了6项重点任务, 包括9个方面, 15条具体举措,
    /// 96位专家: counts that describe the text.
    func describesText(_ quantity: Quantity, before: String, after: String, body: BodyText) -> Bool {
        guard let unit = quantity.unit, !["元", "%", "百分点"].contains(unit), !unit.hasSuffix("元") else { return false }
        if Self.textStructureNouns.contains(where: { after.hasSuffix($0) })
            || Self.textStructureHeads.contains(where: { after.hasPrefix($0) || after.dropFirst().hasPrefix($0) }) {
            return true
        }
        if Self.timeUnits.contains(unit) {
            let next = body[quantity.end..<min(body.count, quantity.end + 2)]
            let lead = body[max(0, quantity.start - 2)..<quantity.start]
            if ["时间", "内", "来", "前", "后", "间", "期"].contains(where: { next.hasPrefix($0) })
                || quantity.surface.hasSuffix("内") || quantity.surface.hasSuffix("之内")
                || ["通过", "用", "历时", "经过", "未来", "过去", "近", "连续"].contains(where: { lead.hasSuffix($0) }) {
                return true
            }
        }
        // 一个, 一项, 一种 without a comparator read as "a", not as a count.
        if quantity.value == 1, quantity.comparator == nil, quantity.surface.hasPrefix("一") { return true }
        if ["条", "位", "份"].contains(unit) { return true }
        let lead = body[max(0, quantity.start - 4)..<quantity.start].trimmingCharacters(in: " ")
        if Self.enumerationMarkers.contains(where: { lead.hasSuffix($0) }) && quantity.comparator == nil { return true }
        return false
    }

    // MARK: Kind

    func kind(of quantity: Quantity, clauseStart: Int, clauseEnd: Int, body: BodyText, context: Context) -> ExtractedGoal.Kind {
        let sentenceStart = body.sentenceStart(before: quantity.start)
        if Self.statisticMarkers.contains(where: { body.contains($0, in: clauseStart..<quantity.start) })
            || body.contains("截至", in: sentenceStart..<quantity.start) {
            return .statistic
        }
        let isMoney = quantity.unit.map { $0.hasSuffix("元") } ?? false
        let isRate = quantity.unit == "%"
        if (isMoney && quantity.comparator != .atLeast && quantity.comparator != .greaterThan) || isRate {
            if incentiveNoun(near: quantity, clauseStart: clauseStart, clauseEnd: clauseEnd, body: body) != nil
                && !(isRate && context.targets.contains { $0.governs(quantity.start) }) {
                return .incentive
            }
        }
        return .target
    }

    /// The grant a number belongs to: an incentive word in its clause, or in
    /// the clause before it within the sentence (给予奖补，每家企业不超过20万元).
    func incentiveNoun(near quantity: Quantity, clauseStart: Int, clauseEnd: Int,
                       body: BodyText) -> (text: String, range: Range<Int>)? {
        let sentenceStart = body.sentenceStart(before: quantity.start)
        let previousClause = clauseStart > sentenceStart ? body.clauseStart(before: clauseStart - 1) : clauseStart
        for range in [quantity.end..<clauseEnd, clauseStart..<quantity.start, previousClause..<clauseStart] {
            for word in Self.incentiveWords where body.contains(word, in: range) {
                guard let offset = body.occurrences(of: word, in: range).first else { continue }
                if word == "券" {
                    // 数转券, 算力券: the voucher's name is the characters before 券.
                    var start = offset
                    while start > range.lowerBound, start > offset - 4, body.scalars[start - 1].properties.isIdeographic,
                          !"的张每领".unicodeScalars.contains(body.scalars[start - 1]) {
                        start -= 1
                    }
                    return (body[start..<(offset + 1)], start..<(offset + 1))
                }
                return (word, offset..<(offset + word.unicodeScalars.count))
            }
        }
        return nil
    }

    /// Recipients a grant is counted per: 每家企业, 单个服务商, 每个.
    static let recipientMarkers = ["每家", "每个", "每项", "每户", "每人", "每台", "单个", "单家", "单项", "单户"]

    /// What a grant is: its kind (奖补, 数转券, 贴息), and in brackets whom
    /// it is counted per (每家制造业企业) or, for a rate, what it is a share
    /// of (按其软硬件购置费用的50% → 软硬件购置费用).
    func incentiveMetric(noun: String, before: String) -> String {
        var name = noun
        if before.contains("一次性") && !name.hasPrefix("一次性") { name = "一次性" + name }
        // A rate's base: after 按照/按其/按, up to 的.
        for marker in ["按照", "按其", "按"] {
            guard let range = before.range(of: marker, options: .backwards) else { continue }
            var base = String(before[range.upperBound...])
            if let de = base.range(of: "的", options: .backwards) { base = String(base[..<de.lowerBound]) + String(base[de.upperBound...]) }
            base = base.trimmingCharacters(in: " ")
            if !base.isEmpty { return "\(name)（\(base)）" }
        }
        // The recipient: from 每家/单个 to the grant word or the figure.
        for marker in Self.recipientMarkers {
            guard let range = before.range(of: marker, options: .backwards) else { continue }
            var recipient = String(before[range.lowerBound...])
            if let cut = recipient.range(of: noun) { recipient = String(recipient[..<cut.lowerBound]) }
            for word in Self.trailingWords where recipient.hasSuffix(word) { recipient = String(recipient.dropLast(word.count)) }
            recipient = recipient.trimmingCharacters(in: " ")
            if !recipient.isEmpty { return "\(name)（\(recipient)）" }
        }
        return name
    }

    // MARK: Restatements

    /// A target stated again in the same article (不少于100项关键技术 …
    /// 突破百余项关键技术) is one goal with two spans. Incentives are never
    /// merged: the same cap granted by two measures is two grants.
    func merge(_ goals: [ExtractedGoal]) -> [ExtractedGoal] {
        var merged: [ExtractedGoal] = []
        for goal in goals {
            if goal.kind == .target, let index = merged.firstIndex(where: { sameTarget($0, goal) }) {
                for span in goal.evidence where !merged[index].evidence.contains(span) {
                    merged[index].evidence.append(span)
                }
                continue
            }
            merged.append(goal)
        }
        return merged
    }

    func sameTarget(_ a: ExtractedGoal, _ b: ExtractedGoal) -> Bool {
        guard a.kind == .target, b.kind == .target, a.value == b.value, a.unit == b.unit,
              a.policyIndex == b.policyIndex, a.stretch == b.stretch || a.comparator != b.comparator else { return false }
        if let ya = a.year, let yb = b.year, ya != yb { return false }
        let x = a.metric.removingWhitespace, y = b.metric.removingWhitespace
        guard min(x.count, y.count) >= 2 else { return false }
        return x == y || x.hasSuffix(y) || y.hasSuffix(x)
    }
}
