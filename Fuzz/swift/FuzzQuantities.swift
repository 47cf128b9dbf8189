// libFuzzer target: the number layer, QuantityScanner().quantities(in:).
//
// Input: text (bytes decoded as UTF-8, invalid bytes replaced).
// Invariants, as documented on Quantity and QuantityScanner: offsets count
// Unicode scalars, 0 <= start < end <= count, and scalars[start..<end]
// spell `surface`; quantities come in order of position and do not overlap;
// values are numbers (not NaN); the scan of the same scalars as an array
// gives the same quantities.
import Foundation
import PolicyNumbers

/// Stops with the message in every build: `precondition` drops its message under -O.
private func require(_ condition: Bool, _ message: @autoclosure () -> String, line: UInt = #line) {
    if !condition { fatalError("invariant broken: \(message())", line: line) }
}

private let scanner = QuantityScanner()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzQuantities(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    let found = scanner.quantities(in: text)
    var previousEnd = 0
    for quantity in found {
        require(quantity.start >= 0 && quantity.start < quantity.end && quantity.end <= scalars.count,
                     "\(quantity.surface.debugDescription) at \(quantity.start)..<\(quantity.end) of \(scalars.count) scalars")
        var spelled = String.UnicodeScalarView()
        spelled.append(contentsOf: scalars[quantity.start..<quantity.end])
        require(String(spelled) == quantity.surface,
                     "surface \(quantity.surface.debugDescription) but the text spells \(String(spelled).debugDescription)")
        require(quantity.start >= previousEnd,
                     "\(quantity.surface.debugDescription) at \(quantity.start) overlaps the previous quantity, ending at \(previousEnd)")
        require(!quantity.value.isNaN, "\(quantity.surface.debugDescription) has no value")
        previousEnd = quantity.end
    }
    require(scanner.quantities(in: scalars) == found, "scanning the scalars differs from scanning the string")
    return 0
}
