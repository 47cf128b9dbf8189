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
    public let figures: [(text: String, start: Int, end: Int)]

    public init(_ text: String) {
        var scalars: [UInt32] = []
        var figures: [(text: String, start: Int, end: Int)] = []
        var figureStart = 0
        scalars.reserveCapacity(text.unicodeScalars.count)
        var figure = ""
        var pendingSeparator = false
        for original in text.unicodeScalars {
            var value = original.value
            if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 }       // full-width ASCII
            if value >= 0x3400 { value = policykb_fold_script(value) }
            if value >= 0x41 && value <= 0x5A { value += 0x20 }            // A–Z
            let isDigit = value >= 0x30 && value <= 0x39
            if isDigit {
                if figure.isEmpty { figureStart = scalars.count }
                if pendingSeparator { figure.append(".") }
                pendingSeparator = false
                figure.unicodeScalars.append(Unicode.Scalar(value)!)
            } else if !figure.isEmpty && (value == 0x2E || value == 0x2C) && !pendingSeparator {
                // A point or a thousands comma inside a figure: a comma is
                // dropped, a point kept if a digit follows.
                if value == 0x2E { pendingSeparator = true }
            } else if !figure.isEmpty {
                figures.append((figure, figureStart, scalars.count))
                figure = ""
                pendingSeparator = false
            }
            let isLetter = value >= 0x61 && value <= 0x7A
            if isDigit || isLetter || policykb_is_han(value) != 0 { scalars.append(value) }
        }
        if !figure.isEmpty { figures.append((figure, figureStart, scalars.count)) }
        self.scalars = scalars
        self.figures = figures
    }
}
