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
    /// Whether bare three-digit years (115年) count from 1912, as Taiwan's
    /// do (`CalendarYear`): set by the extractor, which knows the region.
    var usesROCCalendar = false
    /// UTF-8 offset of each scalar in `text`, and of the end.
    private let byteOffsets: [Int32]
    /// Paragraph ranges, separated in the text by blank lines.
    let paragraphs: [Range<Int>]
    /// The offsets of the code points that end a sentence, and a clause,
    /// in order: found once, since every figure asks for its sentence and
    /// clause, several times.
    private let sentenceEndOffsets: [Int32]
    private let clauseEndOffsets: [Int32]

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
        var sentenceEnds: [Int32] = [], clauseEnds: [Int32] = []
        for i in foldedScalars.indices where Self.mayEndClause(foldedScalars[i]) {
            if Self.endsClause(foldedScalars, at: i) { clauseEnds.append(Int32(i)) }
            if Self.endsSentence(foldedScalars, at: i) { sentenceEnds.append(Int32(i)) }
        }
        sentenceEndOffsets = sentenceEnds
        clauseEndOffsets = clauseEnds
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

    /// The first place `needle` occurs in `haystack`, by index of `haystack`.
    /// A plain loop: the generic `firstRange(of:)` costs a metadata look-up per call.
    /// - Complexity: O(n·m), with m the needle's length (a few characters).
    static func find<C: RandomAccessCollection>(_ needle: [Unicode.Scalar], in haystack: C) -> Range<C.Index>?
    where C.Element == Unicode.Scalar, C.Index == Int {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first {
                var k = 1
                while k < needle.count && haystack[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i..<(i + needle.count) }
            }
            i += 1
        }
        return nil
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
            return Self.find(Array(needle.unicodeScalars), in: scalars[range]) != nil
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

    // Sentences end at 。！？!? and at some line breaks; clauses also at
    // ，；;：,: . The half-width marks , : ! ? end nothing between two digits
    // (3,000 and 10:30 are figures).

    /// Whether the code point at `i` ends a sentence. A line break ends one
    /// only at a paragraph's end or after a full stop: PDF text breaks lines
    /// inside sentences.
    @inline(__always)
    func endsSentence(at i: Int) -> Bool { Self.endsSentence(scalars, at: i) }

    /// Whether the code point at `i` ends a clause.
    @inline(__always)
    func endsClause(at i: Int) -> Bool { Self.endsClause(scalars, at: i) }

    static func endsSentence(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        let c = scalars[i]
        switch c {
        case "。", "！", "？": return true
        case "!", "?": return !isBetweenDigits(scalars, i)
        case "\n": return breaksSentence(scalars, at: i)
        default: return false
        }
    }

    static func endsClause(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        let c = scalars[i]
        switch c {
        case "。", "！", "？", "，", "；", ";", "：": return true
        case "!", "?", ",", ":": return !isBetweenDigits(scalars, i)
        case "\n": return breaksSentence(scalars, at: i)
        default: return false
        }
    }

    /// Whether `c` may end a clause (a switch: hashing each code
    /// point of every article into a set costs more than the scan).
    @inline(__always)
    static func mayEndClause(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case "。", "！", "？", "!", "?", "\n", "，", "；", ";", "：", ",", ":": true
        default: false
        }
    }

    /// A line break ends a sentence when a blank line, the end, a full stop
    /// or a line that reads as a heading (no punctuation at its end, and
    /// short) stands next to it.
    private static func breaksSentence(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        if i + 1 >= scalars.count || scalars[i + 1] == "\n" || i == 0 || scalars[i - 1] == "\n" { return true }
        if "。！？!?；;：:”」）)】".unicodeScalars.contains(scalars[i - 1]) { return true }
        // A short line without a stop is a heading, not half a sentence:
        // the one before the break, or the one after it (a scheme's name
        // over its paragraph, 投资研发现金回赠计划).
        var k = i - 1
        while k >= 0 && scalars[k] != "\n" { k -= 1 }
        if i - k - 1 <= 20 { return true }
        var j = i + 1
        while j < scalars.count && scalars[j] != "\n" { j += 1 }
        return j - i - 1 <= 20 && j < scalars.count && !Self.stopsLine(scalars[j - 1])
    }

    /// Punctuation a line of running text may end with (a heading ends
    /// with none).
    private static func stopsLine(_ c: Unicode.Scalar) -> Bool {
        "。！？!?；;：:，,、”」）)】".unicodeScalars.contains(c)
    }

    private static func isBetweenDigits(_ scalars: [Unicode.Scalar], _ i: Int) -> Bool {
        i > 0 && i + 1 < scalars.count && scalars[i - 1].properties.numericType != nil
            && scalars[i + 1].properties.numericType != nil && scalars[i - 1].isASCII && scalars[i + 1].isASCII
    }

    /// The last of `ends` below `limit`, by binary search.
    /// - Complexity: O(log n).
    private static func last(_ ends: [Int32], below limit: Int) -> Int? {
        var low = 0, high = ends.count
        while low < high {
            let middle = (low + high) / 2
            if Int(ends[middle]) < limit { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? Int(ends[low - 1]) : nil
    }

    /// The first of `ends` at or above `floor`, by binary search.
    /// - Complexity: O(log n).
    private static func first(_ ends: [Int32], from floor: Int) -> Int? {
        var low = 0, high = ends.count
        while low < high {
            let middle = (low + high) / 2
            if Int(ends[middle]) < floor { low = middle + 1 } else { high = middle }
        }
        return low < ends.count ? Int(ends[low]) : nil
    }

    /// The start of the sentence holding `offset`: just after the previous
    /// full stop or line break.
    /// - Complexity: O(log n).
    func sentenceStart(before offset: Int) -> Int {
        let limit = min(offset, scalars.count)
        guard limit > 0 else { return limit }
        return Self.last(sentenceEndOffsets, below: limit).map { $0 + 1 } ?? 0
    }

    /// The end of the sentence holding `offset`, its full stop included.
    /// - Complexity: O(log n).
    func sentenceEnd(after offset: Int) -> Int {
        guard let end = Self.first(sentenceEndOffsets, from: max(0, offset)) else { return scalars.count }
        return scalars[end] == "\n" ? end : end + 1
    }

    /// The start of the clause holding `offset` (after the previous comma,
    /// semicolon, colon or full stop).
    /// - Complexity: O(log n).
    func clauseStart(before offset: Int) -> Int {
        let limit = min(offset, scalars.count)
        guard limit > 0 else { return limit }
        return Self.last(clauseEndOffsets, below: limit).map { $0 + 1 } ?? 0
    }

    /// The end of the clause holding `offset`, before its delimiter.
    /// - Complexity: O(log n).
    func clauseEnd(after offset: Int) -> Int {
        let floor = max(0, offset)
        guard floor < scalars.count else { return floor }
        return Self.first(clauseEndOffsets, from: floor) ?? scalars.count
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
