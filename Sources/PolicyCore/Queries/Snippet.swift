import PolicyExtraction
/// Marks the matches of a search in a text and cuts a passage around them.
///
/// Matches are found in Swift on folded text (the folding the index uses), so
/// that exactly the characters of each query term are marked — a single
/// character, not the bigram it begins — and the window never cuts a match in
/// half (FTS5's own `snippet()` can end between two characters of a bigram).
public enum Snippet {
    static let open = MatchMark.open, close = MatchMark.close

    /// The passage of `text` around the matches of `phrases`, matches
    /// marked, as `window(mark(text, phrases:), length:)` gives it without
    /// building the whole marked text; nil when nothing matches.
    /// - Complexity: O(n·p) for n characters and p phrases.
    public static func passage(_ text: String, phrases: [String], length: Int = 64) -> String? {
        let matches = matchRanges(text, phrases: phrases)
        guard !matches.isEmpty else { return nil }
        return window(plain: Array(text.unicodeScalars), matches: matches, length: length)
    }

    /// `text` with every occurrence of the phrases between
    /// `MatchMark.open` and `MatchMark.close`: CJK as substrings (white space
    /// between CJK characters ignored), Latin words whole, case and width
    /// folded.
    /// - Complexity: O(n·p) for n characters and p phrases.
    public static func mark(_ text: String, phrases: [String]) -> String {
        let merged = matchRanges(text, phrases: phrases)
        guard !merged.isEmpty else { return text }
        var out = String.UnicodeScalarView()
        var next = 0
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            if next < merged.count, merged[next].lowerBound == offset { out.append(open) }
            out.append(scalar)
            if next < merged.count, merged[next].upperBound == offset + 1 {
                out.append(close)
                next += 1
            }
        }
        return String(out)
    }

    /// Where the phrases occur in `text`, in code points, sorted, overlapping
    /// and touching matches merged. The search runs on the folded UTF-8
    /// (`FoldedSearch`), each match mapped back through the folding.
    /// - Complexity: O(n·p) for n bytes and p phrases.
    static func matchRanges(_ text: String, phrases: [String]) -> [Range<Int>] {
        let folding = SearchFolding(text)
        let haystack = folding.utf8, origins = folding.origins
        let original = Array(text.utf8)
        var ranges: [Range<Int>] = []  // in bytes of `original`
        for phrase in phrases {
            let folded = SearchFolding(phrase, origins: false).folded.unicodeScalars
            let needle = Array(String(String.UnicodeScalarView(
                folded.drop(while: \.isSpace).reversed().drop(while: \.isSpace).reversed())).utf8)
            for start in FoldedSearch.occurrences(of: needle, in: haystack) {
                var to = Int(origins[start + needle.count - 1]) + 1
                while to < original.count && original[to] & 0xC0 == 0x80 { to += 1 }
                ranges.append(Int(origins[start])..<to)
            }
        }
        guard !ranges.isEmpty else { return [] }
        ranges.sort { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in ranges {
            if let last = merged.last, range.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        // Byte offsets to code-point offsets, in one pass over the bytes.
        var boundaries = merged.flatMap { [$0.lowerBound, $0.upperBound] }.makeIterator()
        var scalarOffsets: [Int] = []
        var next = boundaries.next()
        var scalars = 0
        for (index, byte) in original.enumerated() {
            while let boundary = next, boundary == index {
                scalarOffsets.append(scalars)
                next = boundaries.next()
            }
            if next == nil { break }
            if byte & 0xC0 != 0x80 { scalars += 1 }
        }
        while next != nil {
            scalarOffsets.append(scalars)
            next = boundaries.next()
        }
        return stride(from: 0, to: scalarOffsets.count, by: 2).map { scalarOffsets[$0]..<scalarOffsets[$0 + 1] }
    }

    /// - Parameters:
    ///   - marked: text with matches between `MatchMark.open` and
    ///     `MatchMark.close`.
    ///   - length: about how many characters of text to keep.
    /// - Returns: the passage, marks kept, paragraph breaks as spaces, `…`
    ///   where text was cut; nil when `marked` holds no match.
    /// - Complexity: O(n) in the length of `marked`.
    public static func window(_ marked: String, length: Int = 64) -> String? {
        // Plain characters, and the match ranges over them.
        var plain: [Unicode.Scalar] = []
        var matches: [Range<Int>] = []
        var matchStart: Int?
        for scalar in marked.unicodeScalars {
            if scalar == open {
                matchStart = plain.count
            } else if scalar == close {
                if let start = matchStart, start < plain.count { matches.append(start..<plain.count) }
                matchStart = nil
            } else {
                plain.append(scalar)
            }
        }
        guard !matches.isEmpty else { return nil }
        return window(plain: plain, matches: matches, length: length)
    }

    /// The window over `plain` holding the most of `matches` (sorted, not
    /// overlapping, not empty), marked.
    /// - Complexity: O(m·w) for m matches and a window of w characters.
    static func window(plain: [Unicode.Scalar], matches: [Range<Int>], length: Int) -> String {
        // The window holding the most whole matches; the earliest on a tie.
        var best = (count: 0, first: 0)
        var last = 0
        for first in matches.indices {
            if last < first { last = first }
            while last + 1 < matches.count && matches[last + 1].upperBound - matches[first].lowerBound <= length {
                last += 1
            }
            let count = last - first + 1
            if count > best.count { best = (count, first) }
        }
        let firstMatch = matches[best.first]
        let lastMatch = matches[best.first + best.count - 1]
        // Centre the matches, starting at a sentence when one begins close by.
        let spare = max(0, length - (lastMatch.upperBound - firstMatch.lowerBound))
        var start = max(0, firstMatch.lowerBound - spare / 3)
        if start > 0, let sentence = (start..<firstMatch.lowerBound).last(where: { "。！？；\n".unicodeScalars.contains(plain[$0]) }) {
            start = sentence + 1
        }
        var end = min(plain.count, max(lastMatch.upperBound, start + length))
        // Never end inside a match.
        if let cut = matches.first(where: { $0.lowerBound < end && $0.upperBound > end }) { end = cut.upperBound }
        while start < end && plain[start].properties.isWhitespace { start += 1 }

        var out = String.UnicodeScalarView()
        if start > 0 { out.append("…") }
        var pendingSpace = false
        for index in start..<end {
            if matches.contains(where: { $0.lowerBound == index }) { out.append(open) }
            let scalar = plain[index]
            if scalar == "\n" {
                pendingSpace = true
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
            if matches.contains(where: { $0.upperBound == index + 1 }) { out.append(close) }
        }
        if end < plain.count { out.append("…") }
        return String(out)
    }
}
