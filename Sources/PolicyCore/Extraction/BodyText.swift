/// An article body as code points, with its paragraphs, for extraction that
/// reports offsets in code points (`body[start..<end]`).
///
/// Rules read the *folded* text (traditional characters as simplified:
/// 力爭 → 力争), one code point for one, so every offset found in it is an
/// offset into the stored text; slices (`body[range]`) give the stored
/// characters back.
struct BodyText {
    /// The text itself, kept so that slices are copied as bytes.
    let text: String
    /// The stored code points.
    let original: [Unicode.Scalar]
    /// The folded code points: what every word table is matched against.
    let scalars: [Unicode.Scalar]
    /// `scalars` as a string, for byte searches; `text` when nothing folds.
    let folded: String
    /// Whether folding changed anything.
    let hasTraditional: Bool
    /// UTF-8 offset of each scalar in `text`, and of the end.
    private let byteOffsets: [Int32]
    /// Paragraph ranges, separated in the text by blank lines.
    let paragraphs: [Range<Int>]

    init(_ text: String) {
        self.text = text
        original = Array(text.unicodeScalars)
        let foldedScalars = original.map(ScriptFold.fold)
        scalars = foldedScalars
        hasTraditional = foldedScalars != original
        if !hasTraditional {
            folded = text
        } else {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: foldedScalars)
            folded = String(view)
        }
        var offsets: [Int32] = []
        offsets.reserveCapacity(scalars.count + 1)
        var byte: Int32 = 0
        for scalar in original {
            offsets.append(byte)
            byte += Int32(UTF8.width(scalar))
        }
        offsets.append(byte)
        byteOffsets = offsets
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\n" {
                if start < i { ranges.append(start..<i) }
                while i < scalars.count && scalars[i] == "\n" { i += 1 }
                start = i
            } else {
                i += 1
            }
        }
        if start < scalars.count { ranges.append(start..<scalars.count) }
        paragraphs = ranges
    }

    var count: Int { scalars.count }

    /// The text of code points `range`.
    /// - Complexity: O(length of the slice): a copy of its UTF-8 bytes.
    subscript(range: Range<Int>) -> String {
        let range = range.clamped(to: 0..<scalars.count)
        let from = Int(byteOffsets[range.lowerBound]), to = Int(byteOffsets[range.upperBound])
        let utf8 = text.utf8
        if let slice = utf8.withContiguousStorageIfAvailable({ String(decoding: $0[from..<to], as: UTF8.self) }) {
            return slice
        }
        return String(decoding: Array(utf8)[from..<to], as: UTF8.self)
    }

    /// The folded text of code points `range`, for comparing with word tables.
    func folded(_ range: Range<Int>) -> String {
        let range = range.clamped(to: 0..<scalars.count)
        guard hasTraditional else { return self[range] }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[range])
        return String(view)
    }

    /// Whether `needle` occurs in `range` (a byte search).
    func contains(_ needle: String, in range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return needle.isEmpty }
        let range = range.clamped(to: 0..<scalars.count)
        let from = Int(byteOffsets[range.lowerBound]), to = Int(byteOffsets[range.upperBound])
        var pattern = needle
        // Folded text may differ in UTF-8 width from the stored one, whose
        // byte offsets these are: search its code points instead.
        if hasTraditional {
            return Array(scalars[range]).firstRange(of: Array(needle.unicodeScalars)) != nil
        }
        return pattern.withUTF8 { pattern in
            folded.utf8.withContiguousStorageIfAvailable { bytes in
                String.find(pattern, in: UnsafeBufferPointer(rebasing: bytes[from..<to]))
            } ?? ScriptFold.fold(self[range]).containsText(needle)
        }
    }

    func paragraph(containing offset: Int) -> Range<Int>? {
        paragraphs.first { $0.contains(offset) || $0.upperBound == offset }
    }

    // MARK: Stage 1 — clauses and sentences

    static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "\n"]
    static let clauseEnds: Set<Unicode.Scalar> = ["。", "！", "？", "!", "?", "\n", "，", "；", ";", "：", ",", ":"]
    /// Half-width marks that end a clause unless they stand between digits
    /// (3,000 and 10:30 are figures).
    static let halfWidthClauseEnds: Set<Unicode.Scalar> = [",", ":", "!", "?"]

    /// Whether the code point at `i` ends a sentence. A line break ends one
    /// only at a paragraph's end or after a full stop: PDF text breaks lines
    /// inside sentences.
    @inline(__always)
    func endsSentence(at i: Int) -> Bool {
        let c = scalars[i]
        guard Self.sentenceEnds.contains(c) else { return false }
        if c == "\n" { return breaksSentence(at: i) }
        if Self.halfWidthClauseEnds.contains(c) { return !isBetweenDigits(i) }
        return true
    }

    /// Whether the code point at `i` ends a clause.
    @inline(__always)
    func endsClause(at i: Int) -> Bool {
        let c = scalars[i]
        guard Self.clauseEnds.contains(c) else { return false }
        if c == "\n" { return breaksSentence(at: i) }
        if Self.halfWidthClauseEnds.contains(c) { return !isBetweenDigits(i) }
        return true
    }

    /// A line break ends a sentence when a blank line, the end, a full stop
    /// or a line that reads as a heading (no punctuation at its end, and
    /// short) stands next to it.
    private func breaksSentence(at i: Int) -> Bool {
        if i + 1 >= scalars.count || scalars[i + 1] == "\n" || i == 0 || scalars[i - 1] == "\n" { return true }
        let before = scalars[i - 1]
        if "。！？!?；;：:”」）)】".unicodeScalars.contains(before) { return true }
        // A short line without a stop is a heading, not half a sentence.
        var k = i - 1
        while k >= 0 && scalars[k] != "\n" { k -= 1 }
        return i - k - 1 <= 20
    }

    private func isBetweenDigits(_ i: Int) -> Bool {
        i > 0 && i + 1 < scalars.count && scalars[i - 1].properties.numericType != nil
            && scalars[i + 1].properties.numericType != nil && scalars[i - 1].isASCII && scalars[i + 1].isASCII
    }

    /// The start of the sentence holding `offset`: just after the previous
    /// full stop or line break.
    func sentenceStart(before offset: Int) -> Int {
        var i = min(offset, scalars.count)
        while i > 0 && !endsSentence(at: i - 1) { i -= 1 }
        return i
    }

    /// The end of the sentence holding `offset`, its full stop included.
    func sentenceEnd(after offset: Int) -> Int {
        var i = max(0, offset)
        while i < scalars.count {
            if endsSentence(at: i) { return scalars[i] == "\n" ? i : i + 1 }
            i += 1
        }
        return scalars.count
    }

    /// The start of the clause holding `offset` (after the previous comma,
    /// semicolon, colon or full stop).
    func clauseStart(before offset: Int) -> Int {
        var i = min(offset, scalars.count)
        while i > 0 && !endsClause(at: i - 1) { i -= 1 }
        return i
    }

    /// The end of the clause holding `offset`, before its delimiter.
    func clauseEnd(after offset: Int) -> Int {
        var i = max(0, offset)
        while i < scalars.count && !endsClause(at: i) { i += 1 }
        return i
    }

    func hasPrefix(_ text: String, at offset: Int) -> Bool {
        var i = offset
        for scalar in text.unicodeScalars {
            guard i < scalars.count, scalars[i] == scalar else { return false }
            i += 1
        }
        return true
    }

    /// Whether `word` starts at `offset` and ends by `limit`.
    func hasPrefix(_ word: [Unicode.Scalar], at offset: Int, before limit: Int) -> Bool {
        guard offset + word.count <= limit else { return false }
        for k in 0..<word.count where scalars[offset + k] != word[k] { return false }
        return true
    }

    /// Whether `word` ends at `end` and starts at or after `floor`.
    func hasSuffix(_ word: [Unicode.Scalar], at end: Int, after floor: Int) -> Bool {
        guard end - word.count >= floor else { return false }
        for k in 0..<word.count where scalars[end - word.count + k] != word[k] { return false }
        return true
    }

    func hasSuffix(_ text: String, at end: Int) -> Bool {
        let needle = Array(text.unicodeScalars)
        guard end - needle.count >= 0, end <= scalars.count else { return false }
        return Array(scalars[(end - needle.count)..<end]) == needle
    }

    /// Offsets where `text` starts, in order.
    func occurrences(of text: String, in range: Range<Int>? = nil) -> [Int] {
        let needle = Array(text.unicodeScalars)
        let range = range ?? 0..<scalars.count
        guard !needle.isEmpty, range.count >= needle.count else { return [] }
        var found: [Int] = []
        var i = range.lowerBound
        while i + needle.count <= range.upperBound {
            if scalars[i] == needle[0] && Array(scalars[i..<(i + needle.count)]) == needle {
                found.append(i)
                i += needle.count
            } else {
                i += 1
            }
        }
        return found
    }
}
