import PolicyNumbers
import Foundation

/// A policy document an article names: a 《…》 title of a regulation, plan,
/// notice, measure, catalogue, statement or law.
public struct ExtractedPolicy: Sendable, Equatable {
    /// The title without 《》 and without white space.
    public var title: String
    /// The short name the article declares (以下简称《行动计划》), without brackets.
    public var alias: String?
    public var regionCode: String?
    /// The period the title carries: （2025—2027年） → 2025, 2027; 十四五 → 2021, 2025.
    public var startYear: Int?
    public var endYear: Int?
    /// ISO dates of force (自2025年3月29日起施行，有效期至2025年12月31日).
    public var effectiveFrom: String?
    public var effectiveUntil: String?
    /// Code-point offsets of the first mention in the article body, brackets included.
    public var start: Int
    public var end: Int

    public init(title: String, alias: String? = nil, regionCode: String? = nil, startYear: Int? = nil,
                endYear: Int? = nil, effectiveFrom: String? = nil, effectiveUntil: String? = nil,
                start: Int, end: Int) {
        self.title = title
        self.alias = alias
        self.regionCode = regionCode
        self.startYear = startYear
        self.endYear = endYear
        self.effectiveFrom = effectiveFrom
        self.effectiveUntil = effectiveUntil
        self.start = start
        self.end = end
    }
}

/// Where a year comes from.
public enum YearSource: String, Sendable, Equatable {
    /// A horizon in the text: 到2027年, 展望2035年, 力争在2025年.
    case stated
    /// A horizon relative to the issue: 通过2年左右时间.
    case relative
    /// The end of the policy's period or term of validity.
    case policyPeriod = "policy_period"
    case none
}

/// A statement of what a policy means to reach by a horizon.
public struct ExtractedTarget: Sendable, Equatable {
    public var year: Int
    public var yearSource: YearSource
    /// From the horizon to the end of its sentence.
    public var text: String
    public var start: Int
    public var end: Int
    /// Where the horizon governs: to the next horizon or the paragraph end;
    /// a target restated in its article governs each place it is stated.
    public var scopes: [Range<Int>]
    /// Index into the article's policies.
    public var policyIndex: Int?

    public func governs(_ offset: Int) -> Bool { scopes.contains { $0.contains(offset) } }

    public init(year: Int, yearSource: YearSource, text: String, start: Int, end: Int, scopes: [Range<Int>],
                policyIndex: Int? = nil) {
        self.year = year
        self.yearSource = yearSource
        self.text = text
        self.start = start
        self.end = end
        self.scopes = scopes
        self.policyIndex = policyIndex
    }
}

/// A span of an article body: `body[start..<end] == text`, in code points.
public struct EvidenceSpan: Sendable, Equatable, Hashable {
    public var start: Int
    public var end: Int
    public var text: String

    public init(start: Int, end: Int, text: String) {
        self.start = start
        self.end = end
        self.text = text
    }
}

/// What extraction found in one article.
public struct ArticleExtraction: Sendable, Equatable {
    public var policies: [ExtractedPolicy] = []
    public var targets: [ExtractedTarget] = []
    public var goals: [ExtractedGoal] = []

    public init(policies: [ExtractedPolicy] = [], targets: [ExtractedTarget] = [], goals: [ExtractedGoal] = []) {
        self.policies = policies
        self.targets = targets
        self.goals = goals
    }
}

/// One number a policy sets, grants or reports (Docs/EXTRACTION-RULES.md).
public struct ExtractedGoal: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// Something to reach.
        case target
        /// A grant, subsidy cap, voucher, interest or premium subsidy.
        case incentive
        /// A reported fact.
        case statistic
    }

    public var kind: Kind
    /// What is counted, as a short phrase from the text.
    public var metric: String
    public var comparator: PolicyNumbers.Comparator
    /// In base units: 元 for money, the number before % for shares.
    public var value: Decimal
    public var unit: String?
    /// An aspirational figure (力争, 争取, 力求).
    public var stretch: Bool
    public var year: Int?
    public var yearSource: YearSource
    /// Index into the article's policies.
    public var policyIndex: Int?
    /// Index into the article's targets.
    public var targetIndex: Int?
    public var regionCode: String?
    /// Where the text states it; a goal restated has several spans.
    public var evidence: [EvidenceSpan]

    public init(kind: Kind, metric: String, comparator: PolicyNumbers.Comparator, value: Decimal, unit: String?, stretch: Bool,
                year: Int?, yearSource: YearSource, policyIndex: Int?, targetIndex: Int?, regionCode: String?,
                evidence: [EvidenceSpan]) {
        self.kind = kind
        self.metric = metric
        self.comparator = comparator
        self.value = value
        self.unit = unit
        self.stretch = stretch
        self.year = year
        self.yearSource = yearSource
        self.policyIndex = policyIndex
        self.targetIndex = targetIndex
        self.regionCode = regionCode
        self.evidence = evidence
    }
}
