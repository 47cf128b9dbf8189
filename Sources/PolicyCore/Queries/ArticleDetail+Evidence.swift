import PolicyExtraction
extension ArticleDetail {
    /// The spans of the body that goals quote, in code points, sorted and
    /// with overlapping or touching spans merged.
    public var evidenceRanges: [Range<Int>] {
        let spans = goals.flatMap(\.evidence).filter { $0.articleID == article.id }
            .map { $0.start..<$0.end }.sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for span in spans where !span.isEmpty {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        return merged
    }

    /// The body with every goal's evidence between `MatchMark.open` and
    /// `MatchMark.close`.
    /// - Complexity: O(n) in the body's length.
    public var markedBody: String {
        let ranges = evidenceRanges
        guard !ranges.isEmpty else { return body }
        var out = String.UnicodeScalarView()
        var next = 0
        for (offset, scalar) in body.unicodeScalars.enumerated() {
            if next < ranges.count, offset == ranges[next].lowerBound { out.append(MatchMark.open) }
            out.append(scalar)
            if next < ranges.count, offset + 1 == ranges[next].upperBound {
                out.append(MatchMark.close)
                next += 1
            }
        }
        return String(out)
    }
}
