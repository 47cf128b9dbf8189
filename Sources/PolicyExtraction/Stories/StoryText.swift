import CScriptFold

/// The text of an article as story matching compares it: both scripts
/// folded to simplified (CScriptFold's table, the one search uses),
/// full-width forms to ASCII, Latin letters lower-cased, and everything but
/// CJK characters, letters and digits dropped, so that punctuation, spacing
/// and line breaks a republisher changes do not count. Beside it, the
/// figures the text states (digit runs, `1,200.5` read as `1200.5`) and
/// where they stand, which the formulaic-news guard compares.
public struct StoryText: Sendable {
    /// Folded characters, punctuation and space removed.
    public let scalars: [UInt32]
    /// Every figure written in digits, as written after folding, with
    /// where its digits stand in `scalars` (start, end).
    public var figures: [(text: String, start: Int, end: Int)] { Self.figures(figureSpans, in: scalars) }

    static func figures(_ spans: [(start: Int, end: Int, point: Int)], in scalars: [UInt32]) -> [(text: String, start: Int, end: Int)] {
        spans.map { span in
            var text = ""
            for index in span.start..<span.end {
                if index == span.point { text.append(".") }
                text.unicodeScalars.append(Unicode.Scalar(UInt8(truncatingIfNeeded: scalars[index])))
            }
            return (text, span.start, span.end)
        }
    }
    /// Where each figure's digits stand, and before which digit its decimal
    /// point stood (`end` when it has none): figures are spelled only when
    /// asked, since only a candidate pair compares them.
    let figureSpans: [(start: Int, end: Int, point: Int)]

    /// One character folded as matching compares it (full-width to ASCII,
    /// traditional to simplified, Latin to lower case); whether matching
    /// keeps it is `isKept`.
    @inline(__always)
    public static func fold(_ original: Unicode.Scalar) -> UInt32 { fold(original.value) }

    @inline(__always)
    static func fold(_ scalar: UInt32) -> UInt32 {
        var value = scalar
        if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }       // full-width ASCII
        if value >= 0x3400 { value = policykb_fold_script(value) }
        if value >= 0x41 && value <= 0x5A { value += 0x20 }            // A–Z
        return value
    }

    /// Whether a folded character counts: CJK characters, letters and digits.
    @inline(__always)
    public static func isKept(_ value: UInt32) -> Bool {
        value >= 0x30 && value <= 0x39 || value >= 0x61 && value <= 0x7A || policykb_is_han(value) != 0
    }

    public init(_ text: String) {
        var scalars: [UInt32] = []
        var spans: [(start: Int, end: Int, point: Int)] = []
        scalars.reserveCapacity(text.utf8.count / 2)
        var figureStart = -1, point = -1
        var pendingSeparator = false
        for original in text.unicodeScalars {
            let value = Self.fold(original)
            if value >= 0x30 && value <= 0x39 {
                if figureStart < 0 { figureStart = scalars.count; point = -1 }
                if pendingSeparator { point = scalars.count }
                pendingSeparator = false
            } else if figureStart >= 0 && (value == 0x2E || value == 0x2C) && !pendingSeparator {
                // A point or a thousands comma inside a figure: a comma is
                // dropped, a point kept if a digit follows.
                if value == 0x2E { pendingSeparator = true }
            } else if figureStart >= 0 {
                spans.append((figureStart, scalars.count, point < 0 ? scalars.count : point))
                figureStart = -1
                pendingSeparator = false
            }
            if Self.isKept(value) { scalars.append(value) }
        }
        if figureStart >= 0 { spans.append((figureStart, scalars.count, point < 0 ? scalars.count : point)) }
        self.scalars = scalars
        figureSpans = spans
    }
}
