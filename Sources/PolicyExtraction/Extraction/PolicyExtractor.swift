/// Finds the policy documents an article names (Docs/EXTRACTION-RULES.md), their
/// declared short names, periods, regions and dates of force, and tells which
/// policy each part of the body speaks of.
struct PolicyExtractor {
    let regions: RegionDetector

    /// Title endings that make a 《…》 a policy, or a 「…」 one.
    static let policySuffixes = PolicyWords.policySuffixes
    static let quotedPolicySuffixes = PolicyWords.quotedPolicySuffixes

    /// Qualifiers a title may end with after its type: （试行）, （2025—2027年）.
    static func stripTrailingQualifiers(_ title: String) -> String {
        var text = title
        while let last = text.last, last == "）" || last == ")" {
            guard let open = text.lastIndex(where: { $0 == "（" || $0 == "(" }) else { break }
            text = String(text[..<open])
        }
        return text
    }

    /// Read in simplified script: 行動計劃 is a 计划.
    static func isPolicyTitle(_ title: String) -> Bool {
        let core = stripTrailingQualifiers(ScriptFold.fold(title))
        guard core.count >= 3 else { return false }
        return policySuffixes.contains { core.hasSuffix($0) }
    }

    /// A 《…》 occurrence in the body.
    struct Mention {
        let title: String
        let start: Int
        let end: Int
    }

    /// Every 《…》 in the body, outermost brackets only (《关于印发〈X〉的通知》
    /// is one title), and every 「…」 that names a policy by its ending.
    static func bracketedTitles(in body: BodyText) -> [Mention] {
        var found: [Mention] = []
        var i = 0
        let s = body.scalars
        while i < s.count {
            if s[i] == "「", let close = (i + 1..<min(s.count, i + 60)).first(where: { s[$0] == "」" || s[$0] == "\n" }),
               s[close] == "」" {
                let inner = body[(i + 1)..<close].removingWhitespace
                let core = stripTrailingQualifiers(ScriptFold.fold(inner))
                if core.count >= 6, quotedPolicySuffixes.contains(where: { core.hasSuffix($0) }) {
                    found.append(Mention(title: inner, start: i, end: close + 1))
                }
                i = close + 1
                continue
            }
            guard s[i] == "《" else { i += 1; continue }
            var depth = 0
            var j = i
            while j < s.count {
                if s[j] == "《" { depth += 1 }
                if s[j] == "》" {
                    depth -= 1
                    if depth == 0 { break }
                }
                if s[j] == "\n" { break }
                j += 1
            }
            guard j < s.count, s[j] == "》" else { i += 1; continue }
            let inner = body[(i + 1)..<j].removingWhitespace
            if !inner.isEmpty { found.append(Mention(title: inner, start: i, end: j + 1)) }
            i = j + 1
        }
        return found
    }

    /// The policies of one article, and for each 《…》 mention the policy it
    /// refers to.
    struct Result {
        var policies: [ExtractedPolicy] = []
        /// (offset of a mention, index of its policy), in body order.
        var references: [(offset: Int, policy: Int)] = []
        /// Paragraphs that are a policy heading, and the policy they open.
        var headings: [(paragraph: Int, policy: Int)] = []
        /// The policy the article is mainly about.
        var main: Int?
    }

    func extract(body: BodyText, articleRegion: String?) -> Result {
        var result = Result()
        var byKey: [String: Int] = [:]
        var aliases: [String: Int] = [:]
        let mentions = Self.bracketedTitles(in: body)
        for mention in mentions {
            // A declared short name refers back to its policy.
            if let index = aliases[mention.title] {
                result.references.append((mention.start, index))
                continue
            }
            let key = mention.title.comparisonKey
            if byKey[key] == nil && Self.isGenericName(mention.title) {
                // 《通知》 with no declaration: the policy last named.
                if let last = result.references.last?.policy { result.references.append((mention.start, last)) }
                continue
            }
            guard Self.isPolicyTitle(mention.title) else { continue }
            let index: Int
            if let existing = byKey[key] {
                index = existing
            } else {
                index = result.policies.count
                byKey[key] = index
                let period = Self.period(of: mention.title)
                result.policies.append(ExtractedPolicy(
                    title: mention.title, regionCode: policyRegion(mention, body: body, articleRegion: articleRegion),
                    startYear: period?.start, endYear: period?.end, start: mention.start, end: mention.end))
            }
            result.references.append((mention.start, index))
            if let alias = Self.declaredAlias(after: mention.end, in: body) {
                if result.policies[index].alias == nil { result.policies[index].alias = alias }
                aliases[alias] = index
            }
        }
        for (number, paragraph) in body.paragraphs.enumerated() {
            // A paragraph that is a 《…》 title alone opens that policy's part.
            guard let first = body.scalars[paragraph].first(where: { !$0.isSpace }), first == "《",
                  let last = body.scalars[paragraph].last(where: { !$0.isSpace }), last == "》",
                  let reference = result.references.first(where: { paragraph.contains($0.offset) }),
                  mentions.contains(where: { $0.start == reference.offset && $0.end >= paragraph.upperBound - 1 })
            else { continue }
            result.headings.append((number, reference.policy))
        }
        // The main policy: the first one given a short name, else the first named.
        result.main = result.policies.indices.first { result.policies[$0].alias != nil } ?? (result.policies.isEmpty ? nil : 0)
        assignDatesOfForce(&result, body: body)
        return result
    }

    static let genericNames = PolicyWords.genericNames

    static func isGenericName(_ title: String) -> Bool { genericNames.contains(ScriptFold.fold(title)) }

    /// `（以下简称《X》）`, `（以下简称“X”）`, `（简称X）` right after a title.
    static func declaredAlias(after end: Int, in body: BodyText) -> String? {
        var i = end
        while i < body.count && body.scalars[i].isSpace { i += 1 }
        guard i < body.count, body.scalars[i] == "（" || body.scalars[i] == "(" else { return nil }
        var j = i + 1
        while j < body.count && body.scalars[j] != "）" && body.scalars[j] != ")" && j - i < 30 { j += 1 }
        guard j < body.count else { return nil }
        var inner = body[(i + 1)..<j].removingWhitespace
        let folded = ScriptFold.fold(inner)
        for marker in PolicyWords.aliasMarkers where folded.hasPrefix(marker) {
            inner = String(inner.dropFirst(marker.count))
            let alias = inner.trimmingCharacters(in: "《》“”\"「」:：")
            return alias.isEmpty ? nil : alias
        }
        return nil
    }

    /// The period a title names: （2025—2027年）, 2025-2027年, 十四五.
    static func period(of title: String) -> (start: Int, end: Int)? {
        let scalars = Array(title.unicodeScalars)
        var i = 0
        while i + 9 <= scalars.count {
            if let first = CalendarYear.gregorian(scalars, at: i) {
                var j = i + 4
                if j < scalars.count, scalars[j] == YearWords.year { j += 1 }
                if j < scalars.count, GrammarWords.rangeMarks.contains(scalars[j]) {
                    j += 1
                    if let second = CalendarYear.gregorian(scalars, at: j), second >= first, second - first <= 30 {
                        return (first, second)
                    }
                }
            }
            i += 1
        }
        // Five-year plans: 十一五 is 2006–2010, each next one five years on.
        if let plan = PolicyWords.titlePlans.first(where: { title.contains($0.name) }) { return (plan.start, plan.end) }
        return nil
    }

    /// The region of a policy: the first actor its title names; else the
    /// actor that issued it in the same sentence (several countries make it
    /// international); else the article's region.
    func policyRegion(_ mention: Mention, body: BodyText, articleRegion: String?) -> String? {
        if let code = regions.firstActorRegion(in: mention.title) { return code }
        let sentence = body[body.sentenceStart(before: mention.start)..<mention.start]
        let codes = regions.mentions(in: sentence).map(\.code)
        let countries = Set(codes.filter { regions.gazetteer.regions[$0]?.level == "country" && $0 != "CN" })
        if countries.count >= 2 { return "INTL" }
        return codes.first ?? articleRegion
    }

    /// 自2025年3月29日起施行，有效期至2025年12月31日: attached to the policy the
    /// sentence names, else to the article's main policy.
    func assignDatesOfForce(_ result: inout Result, body: BodyText) {
        guard !result.policies.isEmpty else { return }
        for marker in PolicyWords.forceMarkers where body.folded.containsText(marker) {
            for offset in body.occurrences(of: marker) {
                let sentenceStart = body.sentenceStart(before: offset)
                guard let date = Self.lastDate(in: body, range: sentenceStart..<offset) else { continue }
                let index = policy(for: sentenceStart..<offset, in: result)
                if let index, result.policies[index].effectiveFrom == nil { result.policies[index].effectiveFrom = date }
            }
        }
        for offset in body.folded.containsText(PolicyWords.validUntil) ? body.occurrences(of: PolicyWords.validUntil) : [] {
            let end = body.sentenceEnd(after: offset)
            guard let date = Self.firstDate(in: body, range: offset..<end) else { continue }
            let index = policy(for: body.sentenceStart(before: offset)..<offset, in: result)
            if let index, result.policies[index].effectiveUntil == nil { result.policies[index].effectiveUntil = date }
        }
    }

    /// The policy a stretch of text refers to: one named in it, else the main one.
    func policy(for range: Range<Int>, in result: Result) -> Int? {
        result.references.last(where: { range.contains($0.offset) })?.policy ?? result.main
    }

    static func firstDate(in body: BodyText, range: Range<Int>) -> String? {
        DateReading.firstDate(in: Array(body.scalars[range]))
    }

    /// The last date written in `range`.
    static func lastDate(in body: BodyText, range: Range<Int>) -> String? {
        for start in range.reversed() where body.scalars[start].asciiDigit != nil {
            if start > range.lowerBound, body.scalars[start - 1].asciiDigit != nil { continue }
            if let date = DateReading.firstDate(in: Array(body.scalars[start..<range.upperBound])) { return date }
        }
        return nil
    }
}
