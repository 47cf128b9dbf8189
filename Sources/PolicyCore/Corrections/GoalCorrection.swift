import Foundation
import PolicyExtraction
import PolicyNumbers
import SQLiteDB

/// What extraction found for a goal before an analyst corrected it.
public struct OriginalGoalValues: Sendable, Equatable, Decodable {
    public let kind: String
    public let metric: String
    public let comparator: String
    public let valueExact: String
    public let unit: String?
    public let year: Int?

    enum CodingKeys: String, CodingKey {
        case kind, metric, comparator, valueExact = "value_exact", unit, year
    }

    public init(kind: String, metric: String, comparator: String, valueExact: String, unit: String?, year: Int?) {
        self.kind = kind
        self.metric = metric
        self.comparator = comparator
        self.valueExact = valueExact
        self.unit = unit
        self.year = year
    }

    /// The values as a JSON object, keys as in the database.
    public var object: RecordValue {
        .object([("kind", .string(kind)), ("metric", .string(metric)), ("comparator", .string(comparator)),
                 ("value", .number(valueExact)), ("unit", RecordValue(unit)), ("year", RecordValue(year))])
    }
}

/// The correction a goal row carries, as listings show it.
public struct GoalCorrectionMark: Sendable, Equatable {
    public let correctionID: Int64
    public let rejected: Bool
    public let note: String?
    public let original: OriginalGoalValues

    /// The mark of a `v_goals` row, nil when it carries no correction.
    init?(row: Row) throws {
        guard let id: Int64 = try row.decodeIfPresent("correction_id") else { return nil }
        correctionID = id
        rejected = try row.decode("rejected")
        note = try row.decodeIfPresent("correction_note")
        original = try row.decodeJSON("original")
    }

    init(correctionID: Int64, rejected: Bool, note: String?, original: OriginalGoalValues) {
        self.correctionID = correctionID
        self.rejected = rejected
        self.note = note
        self.original = original
    }
}

/// What an analyst changes about one goal. A nil field keeps the goal's value.
public struct GoalFix: Sendable, Equatable {
    public var kind: ExtractedGoal.Kind?
    public var metric: String?
    /// A value with, when the text gave them, its comparator and unit.
    public var quantity: FixedQuantity?
    public var year: Int?
    public var note: String?

    public init(kind: ExtractedGoal.Kind? = nil, metric: String? = nil, quantity: FixedQuantity? = nil, year: Int? = nil,
                note: String? = nil) {
        self.kind = kind
        self.metric = metric
        self.quantity = quantity
        self.year = year
        self.note = note
    }

    public var isEmpty: Bool { kind == nil && metric == nil && quantity == nil && year == nil && note == nil }
}

/// A value typed by an analyst: `3000`, `3000亿元`, `不少于50家`, `57%`.
public struct FixedQuantity: Sendable, Equatable {
    public let value: Decimal
    public let unit: String?
    public let comparator: PolicyNumbers.Comparator?

    public init(value: Decimal, unit: String? = nil, comparator: PolicyNumbers.Comparator? = nil) {
        self.value = value
        self.unit = unit
        self.comparator = comparator
    }

    /// Reads a plain decimal (in base units) or one quantity as policy text
    /// writes it; nil when the text is neither.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let plain = Decimal(string: trimmed, locale: Locale(identifier: "en_US_POSIX")),
           trimmed.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") }) {
            self.init(value: plain)
            return
        }
        let scalars = Array(trimmed.unicodeScalars)
        let found = QuantityScanner().quantities(in: scalars)
        // The quantity must be the whole text, give or take its comparator words.
        guard found.count == 1, let quantity = found.first, quantity.end == scalars.count else { return nil }
        self.init(value: quantity.value, unit: quantity.unit, comparator: quantity.comparator)
    }
}

/// One stored correction, as `policykb corrections` lists it.
public struct GoalCorrection: Sendable, Equatable {
    public let id: Int64
    /// The goal that carries it now; nil when no article with its body and
    /// span is in the database (its article changed or was removed).
    public let goalID: Int64?
    public let articleID: Int64?
    public let articleDigest: String
    public let start: Int
    public let end: Int
    public let evidence: String
    public let articleTitle: String
    public let sourceFile: String
    public let rejected: Bool
    public let kind: String?
    public let metric: String?
    public let comparator: String?
    public let valueExact: String?
    public let unit: String?
    public let year: Int?
    public let note: String?
    public let original: OriginalGoalValues
    public let updatedAt: String

    public var status: String { goalID == nil ? "unmatched" : "applied" }
}

/// Why a correction could not be made.
public enum CorrectionError: Error, CustomStringConvertible, Sendable, Equatable {
    case noSuchGoal(Int64)
    case noEvidence(Int64)
    case nothingToChange

    public var description: String {
        switch self {
        case .noSuchGoal(let id): "no goal \(id); ids come from `policykb goals`"
        case .noEvidence(let id): "goal \(id) quotes no text, so a correction could not find it again"
        case .nothingToChange: "nothing to change: give --kind, --value, --year, --metric or --note"
        }
    }
}
