/// Cuts a passage out of a highlighted text: FTS5's `highlight()` marks
/// every whole phrase match in a column; this picks the window with the most
/// matches and never cuts a match in half (FTS5's own `snippet()` can end its
/// window between the two characters of a bigram).
public enum Snippet {
    /// - Parameters:
    ///   - marked: text with matches between `SearchHit.markStart` and
    ///     `SearchHit.markEnd`.
    ///   - length: about how many characters of text to keep.
    /// - Returns: the passage, marks kept, paragraph breaks as spaces, `…`
    ///   where text was cut; nil when `marked` holds no match.
    /// - Complexity: O(n) in the length of `marked`.
    public static func window(_ marked: String, length: Int = 64) -> String? {
        let open = Unicode.Scalar(0xE000)!, close = Unicode.Scalar(0xE001)!
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
