import PolicyNumbers
import Foundation
import PolicyExtraction

/// One policy as `policykb policies` lists it.
public struct PolicyRow: Sendable, Equatable {
    public let id: Int64
    public let title: String
    public let alias: String?
    public let regionCode: String?
    public let regionName: String?
    public let startYear: Int?
    public let endYear: Int?
    public let effectiveFrom: String?
    public let effectiveUntil: String?
    public let articleIDs: [Int64]
}

/// One policy target as `policykb targets` lists it.
public struct TargetRow: Sendable, Equatable {
    public let id: Int64
    public let articleID: Int64
    public let policyID: Int64?
    public let policyTitle: String?
    public let regionCode: String?
    public let regionName: String?
    public let year: Int
    public let yearSource: YearSource
    public let text: String
    public let start: Int
    public let end: Int
    public let goalIDs: [Int64]
}

/// A span of an article that a goal quotes.
public struct EvidenceRow: Sendable, Equatable, Decodable {
    public let articleID: Int64
    public let start: Int
    public let end: Int
    public let text: String

    enum CodingKeys: String, CodingKey {
        case articleID = "article_id", start, end, text
    }
}

/// One quantitative goal as `policykb goals` lists it.
public struct GoalRow: Sendable, Equatable {
    public let id: Int64
    public let kind: ExtractedGoal.Kind
    public let articleID: Int64
    public let articleTitle: String
    public let issueDate: String?
    public let policyID: Int64?
    public let policyTitle: String?
    public let regionCode: String?
    public let regionName: String?
    public let year: Int?
    public let yearSource: YearSource
    public let metric: String
    public let comparator: PolicyNumbers.Comparator
    /// The exact value, as stored.
    public let value: Decimal
    public let unit: String?
    public let stretch: Bool
    public let targetID: Int64?
    /// Target lines read it only for the events they show (`PolicyStore.withEvidence`).
    public internal(set) var evidence: [EvidenceRow]
    /// An analyst's correction this goal carries (`policykb goals fix|reject`),
    /// with what extraction had found; nil for a goal as extracted.
    public var correction: GoalCorrectionMark? = nil
    /// The periodical and issue number of its article.
    public var publication: String? = nil
    public var issueNumber: Int? = nil
    /// The same goal in the other copies of its article's story (empty
    /// when the article has none, or when every copy was asked for).
    public var copies: [GoalCopy] = []

    /// The articles that state the goal: its own, then its copies'.
    public var articleIDs: [Int64] { [articleID] + copies.map(\.articleID) }

    /// The metric key stored with the goal (migration 14), when the
    /// query read it: target lines use it instead of making it again.
    var storedMetricKey: String? = nil

    /// The value as people write it: 8000亿元, 1.5亿台, 57%.
    public var readableValue: String { QuantityFormat.readable(value, unit: unit) }

    /// The value with its comparator: `>= 50家`, or `8000亿元` for a plain figure.
    public var figure: String { comparator == .equal ? readableValue : "\(comparator.rawValue) \(readableValue)" }
}

/// Which goals to list.
public struct GoalFilter: Sendable {
    public var kinds: Set<ExtractedGoal.Kind> = [.target, .incentive]
    /// The horizon year.
    public var year: Int?
    /// Text the metric contains.
    public var metric: String?
    /// Region (of the goal), section, dates (of its article) and policy.
    public var records = RecordFilter()
    /// Only the goals of this article.
    public var articleID: Int64?
    /// Only the goals of this policy (its id).
    public var policyID: Int64?
    /// Only this goal.
    public var goalID: Int64?
    /// Also goals an analyst rejected (`policykb goals reject`).
    public var includeRejected = false
    /// One row per goal in every copy of a story; by default a goal found
    /// in several copies is one row citing each (`GoalRow.copies`).
    public var allCopies = false

    public init(kinds: Set<ExtractedGoal.Kind> = [.target, .incentive], year: Int? = nil, metric: String? = nil,
                records: RecordFilter = RecordFilter(), articleID: Int64? = nil, includeRejected: Bool = false) {
        self.includeRejected = includeRejected
        self.kinds = kinds
        self.year = year
        self.metric = metric
        self.records = records
        self.articleID = articleID
    }
}

/// Values written the way Chinese texts write them.
public enum QuantityFormat {
    /// 800000000000 元 → 8000亿元; 150000000 台 → 1.5亿台; 57 % → 57%;
    /// 2 百分点 → 2个百分点; 1200 家 → 1200家.
    public static func readable(_ value: Decimal, unit: String?) -> String {
        let unit = unit ?? ""
        if unit == "%" { return "\(value)%" }
        if unit == "百分点" { return "\(value)个百分点" }
        let magnitude = abs(NSDecimalNumber(decimal: value).doubleValue)
        // Divided only when large enough: a Decimal division costs more than the rest of a line's events.
        for (scale, name) in scales where magnitude >= NSDecimalNumber(decimal: scale).doubleValue {
            let scaled = value / scale
            // Only when the scaled figure is short: 8000亿, 1.5亿, not 1.2345678亿.
            if shortDecimal(scaled) { return "\(scaled)\(name)\(unit)" }
        }
        return "\(value)\(unit)"
    }

    static let scales: [(Decimal, String)] = [(Decimal(1_000_000_000_000), "万亿"), (Decimal(100_000_000), "亿"), (Decimal(10_000), "万")]

    static func shortDecimal(_ value: Decimal) -> Bool {
        let text = "\(value)"
        guard let dot = text.firstIndex(of: ".") else { return true }
        return text.distance(from: dot, to: text.endIndex) <= 3
    }
}
