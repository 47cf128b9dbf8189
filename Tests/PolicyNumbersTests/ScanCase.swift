@testable import PolicyNumbers
import Foundation
import Testing

/// One expected quantity: its surface, exact value (as a decimal literal), unit, comparator and
/// magnitude-class flag. Its offset is the first occurrence of `surface` in the sentence after
/// the previous expected quantity, unless `at` gives it.
struct Expected: Sendable {
    var surface: String
    var value: String
    var unit: String?
    var comparator: PolicyNumbers.Comparator?
    var isMagnitudeClass = false
    var at: Int?
}

/// A sentence and every quantity the scanner must find in it, in order.
struct ScanCase: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: [Expected]

    var testDescription: String { text }
}

/// Shorthand for an expected quantity.
func q(
    _ surface: String, _ value: String, _ unit: String? = nil, _ comparator: PolicyNumbers.Comparator? = nil,
    magnitudeClass: Bool = false, at: Int? = nil
) -> Expected {
    Expected(
        surface: surface, value: value, unit: unit, comparator: comparator,
        isMagnitudeClass: magnitudeClass, at: at)
}

/// A sentence with its expected quantities.
func scan(_ text: String, _ expected: Expected...) -> ScanCase {
    ScanCase(text: text, expected: expected)
}

/// Index of the first occurrence of `needle` in `haystack` at or after `from`, in scalars.
func scalarIndex(of needle: [Unicode.Scalar], in haystack: [Unicode.Scalar], from: Int) -> Int? {
    guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
    var i = from
    while i + needle.count <= haystack.count {
        if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        i += 1
    }
    return nil
}

/// Checks what the scanner found in `c.text` against `c.expected`, field by field.
func check(_ c: ScanCase, scanner: QuantityScanner = QuantityScanner()) {
    let found = scanner.quantities(in: c.text)
    let text = Array(c.text.unicodeScalars)
    #expect(
        found.count == c.expected.count,
        "\(c.text): found \(found.map(\.surface)), expected \(c.expected.map(\.surface))")
    var from = 0
    for (got, want) in zip(found, c.expected) {
        let needle = Array(want.surface.unicodeScalars)
        let start = want.at ?? scalarIndex(of: needle, in: text, from: from)
        #expect(got.surface == want.surface, "\(c.text)")
        #expect(got.value == Decimal(string: want.value), "\(c.text): \(got.surface) value \(got.value)")
        #expect(got.unit == want.unit, "\(c.text): \(got.surface) unit \(got.unit ?? "nil")")
        #expect(
            got.comparator == want.comparator,
            "\(c.text): \(got.surface) comparator \(got.comparator?.rawValue ?? "nil")")
        #expect(got.isMagnitudeClass == want.isMagnitudeClass, "\(c.text): \(got.surface) class")
        #expect(got.start == start, "\(c.text): \(got.surface) start \(got.start)")
        #expect(got.end == (start ?? -1) + needle.count, "\(c.text): \(got.surface) end \(got.end)")
        if got.start >= 0, got.end <= text.count, got.start <= got.end {
            let spelled = String(String.UnicodeScalarView(text[got.start..<got.end]))
            #expect(spelled == got.surface, "\(c.text): offsets spell \(spelled)")
        }
        from = got.end
    }
}
