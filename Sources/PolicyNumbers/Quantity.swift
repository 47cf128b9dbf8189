import Foundation

/// One figure found in a text: its exact value in base units, its unit, how it is bounded, and
/// where it was written.
///
/// Offsets count Unicode scalars (code points), so for a Swift string `s`,
/// `Array(s.unicodeScalars)[start..<end]` spells `surface`, and so does Python's `s[start:end]`.
public struct Quantity: Sendable, Equatable {
    /// The exact value in base units: money in the currency's unit (`8000亿元` is
    /// 800000000000), percentages as the number before `%`, counts as counted.
    public var value: Decimal
    /// The base unit in simplified characters (`元`, `美元`, `%`, `百分点`, `家`, `台`, …), or nil
    /// for a bare number.
    public var unit: String?
    /// How the figure bounds the quantity, or nil for a plain figure.
    public var comparator: Comparator?
    /// The exact text of the quantity, comparator words and unit included.
    public var surface: String
    /// Offset of `surface` in the scanned text, in Unicode scalars.
    public var start: Int
    /// End offset (exclusive) of `surface`, in Unicode scalars.
    public var end: Int
    /// True for a size class such as 千亿级 or 十亿级: an order of magnitude, not a count.
    public var isMagnitudeClass: Bool
    /// True for a fraction written as such (三分之一, 3/5): its value is the quotient, and with
    /// no unit it reads as a share.
    public var isFraction: Bool

    public init(
        value: Decimal,
        unit: String?,
        comparator: Comparator?,
        surface: String,
        start: Int,
        end: Int,
        isMagnitudeClass: Bool = false,
        isFraction: Bool = false
    ) {
        self.value = value
        self.unit = unit
        self.comparator = comparator
        self.surface = surface
        self.start = start
        self.end = end
        self.isMagnitudeClass = isMagnitudeClass
        self.isFraction = isFraction
    }

    /// The quantity as a policy text means it: a fraction with no unit
    /// (超过三分之一) is a share in percent.
    public var asShare: Quantity {
        guard isFraction, unit == nil, value > 0, value <= 1 else { return self }
        var share = self
        share.value = value * 100
        share.unit = "%"
        return share
    }
}
