import Foundation
// TEMPORARY: replaced by the number layer; not to be committed.
public enum Comparator: String, Sendable, Codable, CaseIterable {
    case atLeast = ">=", greaterThan = ">", atMost = "<=", lessThan = "<", equal = "=", approximately = "~"
}
public struct Quantity: Sendable, Equatable {
    public var value: Decimal
    public var unit: String?
    public var comparator: Comparator?
    public var surface: String
    public var start: Int
    public var end: Int
    public var isMagnitudeClass: Bool
}
public struct QuantityScanner: Sendable {
    public init() {}
    public func quantities(in text: String) -> [Quantity] { [] }
}
