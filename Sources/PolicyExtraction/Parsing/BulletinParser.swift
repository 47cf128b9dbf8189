import Foundation

/// Why a text could not be read as a bulletin: only a text with nothing
/// readable in it is refused.
public enum BulletinParseError: Error, Equatable, CustomStringConvertible {
    case noText

    public var description: String {
        switch self {
        case .noText: "no readable text: not a letter or character in it"
        }
    }
}

/// Reads the text of one bulletin issue (its layouts are described in README.md, "ingest"): masthead, table
/// of contents grouped by section, articles, back matter.
///
/// Page furniture (running headers and footers) goes first, wherever it
/// falls. Then, when the issue has a table of contents, the contents drive
/// the parse: they give every article's whole title, section and page, and
/// each title is found, in order, in the text that follows — on one line or
/// broken over several, in other bracket, dash or colon widths, fuzzily when
/// damaged, and from its neighbours and the headings between them when not
/// found at all. Without a usable contents list, articles are found by
/// their headings (`【…】`, `■ …`, a short line of its own before body
/// paragraphs) under section banners. A text with neither is one article.
/// An article runs from its title to the next; the last one ends at its
/// last source or link line, or where the back matter begins.
///
/// Nothing here throws for a readable text: what could not be read as
/// written becomes a warning in `ParsedIssue.reading`.
public struct BulletinParser: Sendable {
    public init() {}

    /// Where articles begin, as one of the layouts found them.
    struct Plan {
        var layout: BulletinLayout
        var sections: [String] = []
        var anchors: [Anchor] = []
        /// Sheet lines that are section banners in the body.
        var banners: Set<Int> = []
        /// Sheet lines of the table of contents, heading included.
        var contents: Range<Int>?
        /// Where the back matter begins, when a heading announces it.
        var backMatter: Int?
        var warnings: [IngestWarning] = []
    }

    /// The start of an article (or of a preface, which is cut).
    struct Anchor {
        var title: String
        var section: String?
        var page: Int?
        /// Sheet lines of the title; empty when the text begins without one.
        var span: Range<Int>
        var isPreface = false
    }

    /// Parses `text` (already decoded, LF line ends, NFC).
    /// - Complexity: O(n) in the length of the text, plus O(t·l) title
    ///   comparisons for t titles over l lines.
    public func parse(_ text: String) throws(BulletinParseError) -> ParsedIssue {
        let original = text.lines.map { $0.trimmingWhitespace() }
        guard original.contains(where: { $0.contains(where: \.isLetter) }) else { throw .noText }
        let contentsLine = original.firstIndex(where: Self.isContentsHeading)
        let headerEnd = contentsLine ?? Self.mastheadEnd(original)
        // Without a contents list the masthead's end is a guess: read its
        // names and numbers from the first lines whatever they turn out to be.
        let header = Array(original[..<(contentsLine ?? max(headerEnd, min(40, original.count)))])
        var issue = readMasthead(header, body: original[header.count...])
        let sheet = Sheet(original, publication: issue.publication, protected: headerEnd)
        let bodyStart = sheet.origin.firstIndex(where: { $0 >= headerEnd }) ?? sheet.count

        let organisations = mastheadOrganisations(header)
        var plan: Plan?
        if contentsLine != nil, bodyStart < sheet.count {
            plan = planFromContents(sheet, heading: bodyStart, organisations: organisations)
        }
        if plan == nil {
            let from = contentsLine == nil ? bodyStart : min(sheet.count, readContents(sheet.lines, from: bodyStart + 1).end)
            plan = planFromHeadings(sheet, from: from, organisations: organisations)
            if contentsLine != nil, from > bodyStart { plan?.contents = bodyStart..<from }
        }
        guard var plan else { throw .noText }
        issue.sections = plan.sections
        issue.reading.layout = plan.layout

        let firstBodyLine = plan.contents?.upperBound ?? bodyStart
        let bodyEnd: Int
        if plan.anchors.isEmpty {
            issue.reading.layout = .singleArticle
            readWhole(sheet, from: firstBodyLine, into: &issue)
            bodyEnd = sheet.count
            plan.warnings.append(IngestWarning(.singleArticle,
                "no contents list or headings found: the text is read as one article"))
        } else {
            bodyEnd = readArticles(plan, sheet: sheet, organisations: organisations, into: &issue)
        }

        var cuts: [Reading.Cut] = []
        func cut(_ kind: Reading.Cut.Kind, _ range: Range<Int>) {
            guard let first = range.first(where: { !sheet.lines[$0].isEmpty }),
                  let last = range.last(where: { !sheet.lines[$0].isEmpty }) else { return }
            cuts.append(Reading.Cut(kind: kind, firstLine: sheet.origin[first] + 1, lastLine: sheet.origin[last] + 1,
                                    sample: String(sheet.lines[first].prefix(40))))
        }
        cut(.masthead, 0..<min(plan.contents?.lowerBound ?? firstBodyLine, sheet.count))
        if let contents = plan.contents { cut(.contents, contents) }
        if let first = plan.anchors.first, firstBodyLine < first.span.lowerBound {
            // Between the contents and the first article: the editor's note, or more masthead.
            let opening = sheet.lines[firstBodyLine..<first.span.lowerBound].first(where: { !$0.isEmpty }) ?? ""
            cut(Self.isPrefaceName(String(Self.undress(opening).text).removingWhitespace) ? .preface : .masthead,
                firstBodyLine..<first.span.lowerBound)
        }
        for (index, anchor) in plan.anchors.enumerated() where anchor.isPreface {
            let end = index + 1 < plan.anchors.count ? plan.anchors[index + 1].span.lowerBound : bodyEnd
            cut(.preface, anchor.span.lowerBound..<max(anchor.span.lowerBound, end))
        }
        if !plan.anchors.isEmpty { cut(.backMatter, min(bodyEnd, sheet.count)..<sheet.count) }
        for line in sheet.furniture {
            cuts.append(Reading.Cut(kind: .pageFurniture, firstLine: line + 1, lastLine: line + 1,
                                    sample: String(original[line].prefix(40))))
        }
        issue.reading.cuts = cuts.filter { $0.kind != .masthead || $0.firstLine <= $0.lastLine }
        issue.reading.warnings += plan.warnings
        return issue
    }

    /// Builds the articles between the plan's anchors.
    /// - Returns: the sheet line where the last article ends.
    func readArticles(_ plan: Plan, sheet: Sheet, organisations: Set<String>, into issue: inout ParsedIssue) -> Int {
        var lines = sheet.lines
        for banner in plan.banners where banner < lines.count { lines[banner] = "" }
        let sectionKeys = Set(plan.sections.map(\.comparisonKey))
        let anchors = plan.anchors
        // The last article ends at its last source or link line when the
        // others end so; otherwise where the back matter begins.
        let lastStart = anchors[anchors.count - 1].span.upperBound
        let limit = max(lastStart, plan.backMatter ?? sheet.count)
        var endedByMarker = 0
        for index in anchors.indices.dropLast() {
            let end = anchors[index + 1].span.lowerBound
            if let last = (anchors[index].span.upperBound..<end).last(where: { !lines[$0].isEmpty }),
               BodyLine.endsArticle(lines[last]) { endedByMarker += 1 }
        }
        let markersEnd = anchors.count == 1 || endedByMarker * 2 >= anchors.count - 1
        let lastEnd = endOfLastArticle(lines, from: lastStart, to: limit, organisations: organisations, byMarker: markersEnd)

        var position = 0
        for (index, anchor) in anchors.enumerated() where !anchor.isPreface {
            let start = anchor.span.upperBound
            let end = index + 1 < anchors.count ? anchors[index + 1].span.lowerBound : lastEnd
            let body = readBody(lines[start..<max(start, end)], sectionKeys: sectionKeys)
            position += 1
            let line = anchor.span.lowerBound < sheet.count ? sheet.origin[anchor.span.lowerBound] + 1 : nil
            issue.articles.append(ParsedArticle(
                position: position, section: anchor.section, page: anchor.page, title: Self.articleTitle(anchor.title),
                body: Self.articleBody(body.text), source: body.source, urls: body.urls, date: body.date, line: line))
        }
        return lastEnd
    }

    /// A title without the list number a bulletin printed before it
    /// (`1.标题`, `二、标题`, `（三）标题`): the number is the bulletin's
    /// order, not the article's name.
    static func articleTitle(_ title: String) -> String {
        // 标题：… in a bulletin exported field by field.
        if let label = droppingLabel(Substring(title), labels: titleLabels), label.unicodeScalars.count >= 2 {
            return String(label)
        }
        let line = Substring(title)
        guard BodyLine.startsWithListNumber(line) else { return title }
        let rest = droppingListNumber(line)
        guard rest.unicodeScalars.count >= 4, rest.contains(where: \.isHan) else { return title }
        return String(rest)
    }

    /// Labels of a bulletin exported field by field (标题：…, 正文：…), in
    /// both scripts.
    static let titleLabels = ["标题", "题目", "標題", "題目", "文章标题", "文章標題"]
    static let bodyLabels = ["正文", "内容", "全文", "內容", "文章内容", "文章內容"]

    /// `line` after one of `labels` and its colon (`标题：`, `标 题:`), or
    /// nil when it opens with none.
    static func droppingLabel(_ line: Substring, labels: [String]) -> Substring? {
        let compact = line.prefix(12).filter { $0 != " " && $0 != "\u{3000}" }
        for label in labels where compact.hasPrefix(label + "：") || compact.hasPrefix(label + ":") {
            // Past the colon in the line as written (spaces may stand in the label).
            guard let colon = line.firstIndex(where: { $0 == "：" || $0 == ":" }) else { continue }
            return line[line.index(after: colon)...].trimmingWhitespace()
        }
        return nil
    }

    /// Credits a page prints under a news item, in both scripts.
    static let creditLabels = ["责任编辑", "责编", "编辑", "审核", "审校", "校对", "初审", "复审", "终审", "一审", "二审", "三审",
                               "监制", "排版", "美编", "编审", "責任編輯", "責編", "編輯", "審核", "校對"]

    /// Marks that close a news item: the item's end, not its text.
    static let endMarks = ["（全文完）", "(全文完)", "（完）", "(完)", "【完】", "[完]", "（END）", "(END)"]

    /// A body without the label a field-by-field export puts before it
    /// (正文：) and the mark that closes a news item (（完）).
    static func articleBody(_ body: String) -> String {
        var text = Substring(body)
        var trimmed = false
        if let rest = droppingLabel(text, labels: bodyLabels), !rest.isEmpty {
            text = rest
            trimmed = true
        }
        // By bytes and lines, never by counting characters: this runs for
        // every article.
        var changed = true
        while changed {
            changed = false
            if let mark = endMarks.first(where: { text.hasSuffix($0) }) {
                text = text.dropLast(mark.count).trimmingWhitespace()
                changed = true
            }
            // 责任编辑：…, 审核：… on the last line: the page's credits.
            if let newline = text.lastIndex(of: "\n") {
                let lastLine = text[text.index(after: newline)...]
                if lastLine.utf8.count <= 120, droppingLabel(lastLine, labels: creditLabels) != nil {
                    text = text[..<newline].trimmingWhitespace()
                    changed = true
                }
            }
            trimmed = trimmed || changed
        }
        return trimmed ? String(text) : body
    }

    /// The whole text after the masthead as one article, titled by its
    /// first line when that is short.
    func readWhole(_ sheet: Sheet, from start: Int, into issue: inout ParsedIssue) {
        var begin = start
        while begin < sheet.count, sheet.lines[begin].isEmpty { begin += 1 }
        var title = issue.publication
        var bodyStart = begin
        if begin < sheet.count, !Self.isParagraph(sheet.lines[begin]), sheet.lines[begin].unicodeScalars.count <= 60 {
            title = String(Self.undress(sheet.lines[begin]).text)
            bodyStart = begin + 1
        }
        if title.isEmpty || title == "未知刊物", begin < sheet.count {
            title = String(sheet.lines[begin].prefix(30))
        }
        let body = readBody(sheet.lines[min(bodyStart, sheet.count)...], sectionKeys: [])
        issue.articles = [ParsedArticle(position: 1, title: title, body: body.text, source: body.source, urls: body.urls,
                                        line: begin < sheet.count ? sheet.origin[begin] + 1 : nil)]
    }

    /// 本期要目, 目录, 目 录, 本期导读, 要目, 【目录】, 目录 CONTENTS.
    static func isContentsHeading(_ line: Substring) -> Bool {
        guard line.hasAtMostScalars(24) else { return false }
        let han = String(line.filter(\.isHan))
        let names = ["本期要目", "本期目录", "目录", "要目", "本期导读", "目次", "本期内容", "本期提要"]
        if names.contains(han) { return true }
        // A heading with a damaged character: all but one of a name's characters, in order.
        guard line.unicodeScalars.contains("\u{FFFD}"), line.unicodeScalars.count <= 8, !han.isEmpty else { return false }
        let parser = BulletinParser()
        return names.contains { name in
            han.count <= name.count && parser.similarity(Array(han), Array(name)) * Double(han.count + name.count) / 2 >= Double(name.count - 1)
        }
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
    func similarity(_ a: [Character], _ b: [Character]) -> Double { Self.similarity(a, b) }

    /// Dice coefficient over the longest common subsequence.
    /// - Complexity: O(a × b).
    static func similarity(_ a: [Character], _ b: [Character]) -> Double {
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

    /// Where the last article ends, before `limit` (the back matter's
    /// heading or the end): after its last source or link line when
    /// articles end so, else before a line naming an organisation of the
    /// masthead or the editorial office's block.
    func endOfLastArticle(_ lines: [Substring], from start: Int, to limit: Int, organisations: Set<String>,
                          byMarker: Bool) -> Int {
        guard start < limit else { return max(start, min(limit, lines.count)) }
        var limit = limit
        if !organisations.isEmpty,
           let cut = (start..<limit).first(where: { organisations.contains(String(lines[$0]).comparisonKey) }) {
            limit = cut
        }
        if byMarker, let last = (start..<limit).last(where: { BodyLine.endsArticle(lines[$0]) }) {
            return last + 1
        }
        // Two editorial lines in a row (主编：…, 电话：…) open the office's block.
        var index = start
        while index + 1 < limit {
            if !lines[index].isEmpty, Self.isEditorialLine(lines[index]),
               let next = (index + 1..<limit).first(where: { !lines[$0].isEmpty }), Self.isEditorialLine(lines[next]) {
                return index
            }
            index += 1
        }
        return limit
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
        // A Markdown heading (`### 标题`, a web page's `<h3>`) is found by its words.
        let line = lines[index].first == "#" ? BulletinParser.undress(lines[index]).text : lines[index]
        let key = String(line).comparisonKey
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
