import Foundation

/// One correction as machines exchange it through the team hub: the stored
/// row without its local id, keyed by what the goal came from (its
/// article's body digest and first evidence span), as locally.
public struct CorrectionRecord: Sendable, Equatable {
    public struct Key: Sendable, Hashable, Comparable {
        public let articleDigest: String
        public let start: Int
        public let end: Int

        public init(articleDigest: String, start: Int, end: Int) {
            self.articleDigest = articleDigest
            self.start = start
            self.end = end
        }

        public static func < (x: Key, y: Key) -> Bool {
            (x.articleDigest, x.start, x.end) < (y.articleDigest, y.start, y.end)
        }
    }

    public var key: Key
    public var evidence: String
    public var articleTitle: String
    public var sourceFile: String
    public var rejected: Bool
    public var kind: String?
    public var metric: String?
    public var comparator: String?
    public var valueExact: String?
    public var value: Double?
    public var unit: String?
    public var year: Int?
    public var note: String?
    public var original: OriginalGoalValues
    /// ISO 8601 in UTC, as the store writes them: they sort as text.
    public var createdAt: String
    public var updatedAt: String

    public init(key: Key, evidence: String, articleTitle: String, sourceFile: String, rejected: Bool, kind: String?,
                metric: String?, comparator: String?, valueExact: String?, value: Double?, unit: String?, year: Int?,
                note: String?, original: OriginalGoalValues, createdAt: String, updatedAt: String) {
        self.key = key
        self.evidence = evidence
        self.articleTitle = articleTitle
        self.sourceFile = sourceFile
        self.rejected = rejected
        self.kind = kind
        self.metric = metric
        self.comparator = comparator
        self.valueExact = valueExact
        self.value = value
        self.unit = unit
        self.year = year
        self.note = note
        self.original = original
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Two machines' versions of one correction, merged as if both
    /// analysts had typed their fixes on one machine in the order of their
    /// last change: a field the later version sets wins, one it leaves
    /// unset keeps the earlier version's value (`goals fix` keeps the fields
    /// not given), and a rejection stays (`goals reject` has no undo). The
    /// first creation keeps its original values and where it was made.
    /// Equal times are ordered by content. Merging is commutative and
    /// idempotent, and a version merged with the result gives the result
    /// back, so a hub and the copies that push and pull it converge on one
    /// row. Only one time is kept per row, not per field: when three or
    /// more machines set the same field without seeing each other's
    /// versions, which value stays can depend on the order of their pushes.
    public func merged(with other: CorrectionRecord) -> CorrectionRecord {
        precondition(key == other.key, "merging corrections of two goals")
        let (earlier, later) = Self.isOrdered(self, other) ? (self, other) : (other, self)
        var result = later
        result.kind = later.kind ?? earlier.kind
        result.metric = later.metric ?? earlier.metric
        result.comparator = later.comparator ?? earlier.comparator
        result.valueExact = later.valueExact ?? earlier.valueExact
        result.value = later.value ?? earlier.value
        result.unit = later.unit ?? earlier.unit
        result.year = later.year ?? earlier.year
        result.note = later.note ?? earlier.note
        result.rejected = earlier.rejected || later.rejected
        let first = (earlier.createdAt, earlier.sortText) <= (later.createdAt, later.sortText) ? earlier : later
        result.createdAt = first.createdAt
        result.original = first.original
        result.evidence = first.evidence
        result.articleTitle = first.articleTitle
        result.sourceFile = first.sourceFile
        return result
    }

    /// Whether `x` was changed before `y` (by time, then by content).
    static func isOrdered(_ x: CorrectionRecord, _ y: CorrectionRecord) -> Bool {
        (x.updatedAt, x.sortText) <= (y.updatedAt, y.sortText)
    }

    /// The record's fields as one text, for a total order of equal times.
    var sortText: String {
        let fields: [String?] = [rejected ? "1" : "0", kind, metric, comparator, valueExact, value.map { "\($0)" }, unit,
                                 year.map(String.init), note, createdAt, original.kind, original.metric, original.comparator,
                                 original.valueExact, original.unit, original.year.map(String.init), evidence, articleTitle,
                                 sourceFile]
        return fields.map { $0.map { "=" + $0 } ?? "-" }.joined(separator: "\u{1F}")
    }
}
