extension BulletinParser {
    struct BodyContent: Equatable {
        var text: String
        var source: String?
        var urls: [String]
    }

    /// Builds an article body from its lines: link lines become URLs, the
    /// source line becomes the source, footers and section banners go, and
    /// paragraphs broken at a page end are joined again.
    func readBody(_ lines: ArraySlice<Substring>, sectionKeys: Set<String>) -> BodyContent {
        var urls: [String] = []
        var sources: [String] = []
        var paragraphs: [Paragraph] = []
        var afterBreak = false
        for raw in lines {
            var line = raw
            if line.isEmpty {
                afterBreak = true
                continue
            }
            if let url = BodyLine.linkURL(line) {
                if !urls.contains(url) { urls.append(url) }
                afterBreak = true
                continue
            }
            if BodyLine.isFooter(line)
                || line.unicodeScalars.count <= 16 && sectionKeys.contains(String(Self.undress(line).text).comparisonKey) {
                afterBreak = true
                continue
            }
            var endsWithSource = false
            if let split = BodyLine.splitSource(line) {
                if !sources.contains(split.source) { sources.append(split.source) }
                line = split.text
                endsWithSource = true
                if line.isEmpty {
                    paragraphs.indices.last.map { paragraphs[$0].closed = true }
                    afterBreak = true
                    continue
                }
            }
            let next = Paragraph(line)
            if let last = paragraphs.last, !last.closed, last.continues(with: next, afterBreak: afterBreak) {
                paragraphs[paragraphs.count - 1].append(next)
            } else {
                paragraphs.append(next)
            }
            if endsWithSource { paragraphs[paragraphs.count - 1].closed = true }
            afterBreak = false
        }
        return BodyContent(
            text: paragraphs.map(\.text).joined(separator: "\n\n"),
            source: sources.isEmpty ? nil : sources.joined(separator: "；"),
            urls: urls)
    }

    /// A paragraph being assembled from lines.
    struct Paragraph {
        var text: String
        /// Began with a list bullet or number (`- `, `（1）`, `a.`).
        var isListItem: Bool
        var isHeading: Bool
        /// Ended by a source line: nothing joins it.
        var closed = false

        init(_ line: Substring) {
            var content = line
            var bullet = false
            if let first = content.first, "-•·●▪".contains(first),
               content.dropFirst().first.map({ $0 == " " || $0 == "\t" || $0 == "\u{3000}" }) ?? false {
                content = content.dropFirst().drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
                bullet = true
            }
            text = String(content)
            isListItem = bullet || BodyLine.startsWithListNumber(content)
            isHeading = BodyLine.isHeading(content)
        }

        mutating func append(_ next: Paragraph) {
            // Words of Latin script broken at a line end keep a space.
            if let last = text.unicodeScalars.last, let first = next.text.unicodeScalars.first,
               last.isASCIIAlphanumeric, first.isASCIIAlphanumeric {
                text += " "
            }
            text += next.text
        }

        /// Whether `next` continues this paragraph: this one stops mid
        /// sentence, and the next is neither a list item nor a heading.
        /// Across a blank line (a page break in PDF text) the paragraph must
        /// read as a sentence cut short — long, or holding a comma — since
        /// short lines without a full stop are headings, dates and
        /// signatures.
        func continues(with next: Paragraph, afterBreak: Bool) -> Bool {
            if next.isListItem || next.isHeading || isHeading { return false }
            guard let last = text.last, !BodyLine.terminators.contains(last) else { return false }
            if !afterBreak { return true }
            return text.unicodeScalars.count >= 50 || text.unicodeScalars.contains(where: { "，,、；;".unicodeScalars.contains($0) })
        }
    }
}

/// Classifies single lines of an article.
enum BodyLine {
    /// Characters that end a paragraph.
    static let terminators: Set<Character> = ["。", "！", "？", "!", "?", "；", ";", "：", ":", "…", "」", "』", "》", "】", "）", ")", "."]

    /// The URL of a link line: `原文链接：https://…`, `原文链接: <https://…>`,
    /// or a line holding only a URL.
    static func linkURL(_ line: Substring) -> String? {
        guard line.containsText("http"), let scheme = line.range(of: "http://") ?? line.range(of: "https://") else {
            return nil
        }
        let label = line[..<scheme.lowerBound].trimmingWhitespace()
        let allowedLabel = label.isEmpty || label == "<" || label.hasSuffix("：") || label.hasSuffix(":")
            || label.hasSuffix("：<") || label.hasSuffix(":<") || label.hasSuffix("： <") || label.hasSuffix(": <")
        guard allowedLabel, label.count <= 12 else { return nil }
        let url = line[scheme.lowerBound...].prefix(while: { !$0.isWhitespace && $0 != ">" && $0 != "＞" })
        let rest = line[url.endIndex...].drop(while: { $0 == ">" || $0 == "＞" || $0.isWhitespace })
        guard rest.isEmpty, url.count > 8 else { return nil }
        return String(url)
    }

    /// Splits a trailing `（来源：X）` (any bracket and colon width) or a whole
    /// line `来源：X` off a line.
    static func splitSource(_ line: Substring) -> (text: Substring, source: String)? {
        let markers = ["来源", "信息来源", "资料来源", "稿件来源"]
        if let marker = markers.first(where: { line.hasPrefix($0) }) {
            let rest = line.dropFirst(marker.count).drop(while: { $0 == " " })
            if let colon = rest.first, colon == "：" || colon == ":" {
                let source = rest.dropFirst().trimmingWhitespace()
                if !source.isEmpty, source.count <= 80 { return (line[line.startIndex..<line.startIndex], String(source)) }
            }
        }
        let closers: Set<Character> = ["）", ")", "】", "]", "］"]
        let openers: Set<Character> = ["（", "(", "【", "[", "［"]
        guard let close = line.last, closers.contains(close) else { return nil }
        // Find the bracket that opens the final group, allowing nesting.
        var depth = 0
        var index = line.endIndex
        while index > line.startIndex {
            index = line.index(before: index)
            let c = line[index]
            if closers.contains(c) { depth += 1 }
            if openers.contains(c) {
                depth -= 1
                if depth == 0 { break }
            }
        }
        guard depth == 0 else { return nil }
        let inner = line[line.index(after: index)..<line.index(before: line.endIndex)].trimmingWhitespace()
        guard let marker = markers.first(where: { inner.hasPrefix($0) }) else { return nil }
        let afterMarker = inner.dropFirst(marker.count).drop(while: { $0 == " " })
        guard let colon = afterMarker.first, colon == "：" || colon == ":" else { return nil }
        let source = afterMarker.dropFirst().trimmingWhitespace()
        guard !source.isEmpty else { return nil }
        return (line[..<index].trimmingWhitespace(), String(source))
    }

    /// Page furniture: QR-code prompts, bare page numbers.
    static func isFooter(_ line: Substring) -> Bool {
        let length = line.unicodeScalars.count
        if length <= 30 && ["二维码", "扫码", "扫描二", "维码可", "可阅读或下载"].contains(where: { line.containsText($0) }) { return true }
        if length <= 12 {
            let compact = line.filter { !$0.isWhitespace }
            let core = compact.trimmingCharacters(in: "-—第页")
            if !core.isEmpty && core.allSatisfy({ $0.isASCII && $0.isNumber }) && compact.count <= 5 { return true }
        }
        return false
    }

    /// `1.`, `（1）`, `(a)`, `a.`, `一、`, `①` at the start of a line.
    static func startsWithListNumber(_ line: Substring) -> Bool {
        guard let first = line.first else { return false }
        if ("①"..."⑳").contains(first) { return true }
        if first == "（" || first == "(" {
            let inner = line.dropFirst().prefix(while: { $0 != "）" && $0 != ")" })
            return (1...3).contains(inner.count) && inner.count < line.count - 1
                && inner.allSatisfy { $0.isNumber || $0.isASCII && $0.isLetter || "一二三四五六七八九十".contains($0) }
        }
        let head = line.prefix(while: { ($0.isASCII && ($0.isNumber || $0.isLetter)) || "一二三四五六七八九十".contains($0) })
        guard (1...3).contains(head.count), head.count < line.count else { return false }
        let after = line[head.endIndex]
        if "、.．".contains(after) {
            // 2025.3 is a date, 1.5 a number: a list number is followed by text.
            let next = line[head.endIndex...].dropFirst().first
            return next.map { !$0.isNumber } ?? false
        }
        return false
    }

    /// A heading line: a whole 《…》 title, `一、…`, `（一）…`, `第一部分…`, or a
    /// numbered line too short to be a paragraph.
    static func isHeading(_ line: Substring) -> Bool {
        if line.hasPrefix("《") && line.hasSuffix("》") { return true }
        if let first = line.first, "一二三四五六七八九十".contains(first) {
            let head = line.prefix(while: { "一二三四五六七八九十".contains($0) })
            if line.dropFirst(head.count).first == "、" && line.unicodeScalars.count <= 30 { return true }
        }
        if line.hasPrefix("（") || line.hasPrefix("(") {
            let inner = line.dropFirst().prefix(while: { $0 != "）" && $0 != ")" })
            if inner.allSatisfy({ "一二三四五六七八九十".contains($0) }) && !inner.isEmpty && line.unicodeScalars.count <= 30 { return true }
        }
        if line.hasPrefix("第"), line.unicodeScalars.count <= 30, line.containsText("部分") || line.containsText("章") { return true }
        if let last = line.last, startsWithListNumber(line) && line.unicodeScalars.count <= 24 && !terminators.contains(last) { return true }
        return false
    }
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
    }
}
