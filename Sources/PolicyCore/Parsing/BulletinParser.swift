/// Why a text could not be read as a bulletin.
public enum BulletinParseError: Error, Equatable, CustomStringConvertible {
    case noContents
    case emptyContents
    case articleNotFound(title: String)

    public var description: String {
        switch self {
        case .noContents:
            "not a bulletin: no table of contents (本期要目)"
        case .emptyContents:
            "not a bulletin: the table of contents lists no articles"
        case .articleNotFound(let title):
            "the contents list「\(title)」but no such title is in the text"
        }
    }
}

/// Reads the text of one bulletin issue (EXTRACTION.md §1): masthead, table
/// of contents grouped by section, articles, back matter.
///
/// The table of contents drives the parse: it gives every article's whole
/// title, section and page, and each title is then found, in order, in the
/// text that follows — on one line or broken over several, in other bracket,
/// dash or colon widths. An article runs from its title to the next title;
/// the last one ends at its last source or link line, or where the back
/// matter names an organisation of the masthead.
public struct BulletinParser: Sendable {
    public init() {}

    /// Parses `text` (already decoded, LF line ends, NFC).
    /// - Complexity: O(n) in the length of the text, plus O(t·l) title
    ///   comparisons for t titles over l lines.
    public func parse(_ text: String) throws(BulletinParseError) -> ParsedIssue {
        let lines = text.lines
            .map { $0.trimmingWhitespace() }
        guard let contentsLine = lines.firstIndex(where: Self.isContentsHeading) else {
            throw .noContents
        }
        let header = Array(lines[..<contentsLine])
        let contents = readContents(lines, from: contentsLine + 1)
        guard !contents.entries.isEmpty else { throw .emptyContents }

        var issue = readMasthead(header)
        issue.sections = contents.sections

        // Find every title, in order, after the contents; a title written
        // differently in the text is looked for fuzzily, but never past the
        // next title found exactly.
        let keys = LineKeys(lines)
        var spans: [Range<Int>] = []
        var cursor = contents.end
        for (index, entry) in contents.entries.enumerated() {
            let key = entry.title.comparisonKey
            if let span = locate(key, in: keys, from: cursor) {
                spans.append(span)
                cursor = span.upperBound
                continue
            }
            let limit = contents.entries.indices.contains(index + 1)
                ? locate(contents.entries[index + 1].title.comparisonKey, in: keys, from: cursor)?.lowerBound
                : nil
            guard let span = locateFuzzily(key, in: keys, from: cursor, upTo: limit ?? keys.count) else {
                throw .articleNotFound(title: entry.title)
            }
            spans.append(span)
            cursor = span.upperBound
        }

        let organisations = mastheadOrganisations(header)
        let sectionKeys = Set(contents.sections.map(\.comparisonKey))
        for (index, entry) in contents.entries.enumerated() {
            let start = spans[index].upperBound
            let end = index + 1 < spans.count
                ? spans[index + 1].lowerBound
                : endOfLastArticle(lines, from: start, organisations: organisations)
            let body = readBody(lines[start..<end], sectionKeys: sectionKeys)
            issue.articles.append(ParsedArticle(
                position: index + 1, section: entry.section, page: entry.page, title: entry.title,
                body: body.text, source: body.source, urls: body.urls))
        }
        return issue
    }

    static func isContentsHeading(_ line: Substring) -> Bool {
        let compact = String(line).removingWhitespace
        return compact == "本期要目" || compact == "本期目录" || compact == "目录" || compact == "要目"
    }

    /// The lines from `start` whose joined comparison keys equal `key`: one
    /// line, or a title broken over up to four lines.
    func locate(_ key: String, in keys: LineKeys, from start: Int) -> Range<Int>? {
        guard start < keys.count, !key.isEmpty else { return nil }
        let minimumPrefix = min(4, key.count)
        guard let first = key.unicodeScalars.first else { return nil }
        for i in start..<keys.count where keys.mayStart(i, with: first) {
            var joined = keys[i]
            guard joined.count >= minimumPrefix, key.hasPrefix(joined) else { continue }
            var j = i
            while joined.count < key.count && j + 1 < keys.count && j - i < 4 {
                j += 1
                if keys[j].isEmpty { break }
                joined += keys[j]
                if !key.hasPrefix(joined) { break }
            }
            if joined == key { return i..<(j + 1) }
        }
        return nil
    }

    /// The line or pair of lines in `start..<end` closest to `key`, when at
    /// least 85% similar.
    func locateFuzzily(_ key: String, in keys: LineKeys, from start: Int, upTo end: Int) -> Range<Int>? {
        guard start < end else { return nil }
        let target = Array(key)
        var best: (score: Double, span: Range<Int>)?
        for i in start..<end where !keys[i].isEmpty {
            var candidates = [(keys[i], i..<(i + 1))]
            if i + 1 < keys.count && !keys[i + 1].isEmpty {
                candidates.append((keys[i] + keys[i + 1], i..<(i + 2)))
            }
            for (text, span) in candidates {
                let chars = Array(text)
                guard abs(chars.count - target.count) * 10 <= target.count * 3 else { continue }
                let score = similarity(chars, target)
                if score >= 0.85 && score > (best?.score ?? 0) { best = (score, span) }
            }
        }
        return best?.span
    }

    /// Dice coefficient over the longest common subsequence.
    func similarity(_ a: [Character], _ b: [Character]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for (j, y) in b.enumerated() {
                current[j + 1] = x == y ? previous[j] + 1 : max(previous[j + 1], current[j])
            }
            swap(&previous, &current)
        }
        return 2 * Double(previous[b.count]) / Double(a.count + b.count)
    }

    /// Where the last article ends: after its last source or link line, or
    /// before a line naming an organisation of the masthead (the back matter
    /// presents the editors), or at the end of the text.
    func endOfLastArticle(_ lines: [Substring], from start: Int, organisations: Set<String>) -> Int {
        var lastMarker: Int?
        for i in start..<lines.count {
            let line = lines[i]
            if BodyLine.linkURL(line) != nil || BodyLine.splitSource(line) != nil { lastMarker = i }
        }
        if let lastMarker { return lastMarker + 1 }
        if !organisations.isEmpty,
           let cut = (start..<lines.count).first(where: { organisations.contains(String(lines[$0]).comparisonKey) }) {
            return cut
        }
        return lines.count
    }
}

/// Comparison keys of lines, computed when first asked for: a title is
/// looked for line by line, and most lines are ruled out by their first
/// character alone.
final class LineKeys {
    let lines: [Substring]
    private var cache: [String?]

    init(_ lines: [Substring]) {
        self.lines = lines
        cache = Array(repeating: nil, count: lines.count)
    }

    var count: Int { lines.count }

    subscript(index: Int) -> String {
        if let key = cache[index] { return key }
        let key = String(lines[index]).comparisonKey
        cache[index] = key
        return key
    }

    /// Whether line `index` can begin with `scalar` once folded: plain
    /// characters must match exactly; anything NFKC or the key's
    /// unification could change is checked through the key.
    func mayStart(_ index: Int, with scalar: Unicode.Scalar) -> Bool {
        guard let first = lines[index].unicodeScalars.first(where: { !$0.isSpace }) else { return false }
        if first == scalar { return true }
        if first.value < 0x80 || first.mayChangeUnderNFKC || "（）【】［］“”「」‘’：，–—―－".unicodeScalars.contains(first) {
            return self[index].unicodeScalars.first == scalar
        }
        return false
    }
}

extension Substring {
    /// The line without leading and trailing white space (ideographic space,
    /// no-break space and byte-order mark included).
    func trimmingWhitespace() -> Substring {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isSpace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].isSpace { end = scalars.index(before: end) }
        return self[start..<end]
    }
}
