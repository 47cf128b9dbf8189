extension BulletinParser {
    struct BodyContent: Equatable {
        var text: String
        var source: String?
        var urls: [String]
        /// The date a byline gives (发布时间：2025-05-06), when it gives one.
        var date: String? = nil
    }

    /// Builds an article body from its lines: link lines become URLs, the
    /// source line becomes the source, footers and section banners go, and
    /// paragraphs broken at a page end are joined again.
    func readBody(_ lines: ArraySlice<Substring>, sectionKeys: Set<String>) -> BodyContent {
        var urls: [String] = []
        var sources: [String] = []
        var paragraphs: [Paragraph] = []
        var afterBreak = false
        var date: String?
        for raw in lines {
            var line = raw
            if line.isEmpty {
                afterBreak = true
                continue
            }
            // 发布时间：… 来源：… under the title: the article's date and source.
            if paragraphs.isEmpty, BulletinParser.isByline(line) {
                let byline = Self.readByline(line)
                if let source = byline.source, !sources.contains(source) { sources.append(source) }
                date = date ?? byline.date
                afterBreak = true
                continue
            }
            if let url = BodyLine.linkURL(line) {
                if !urls.contains(url) { urls.append(url) }
                afterBreak = true
                continue
            }
            if BodyLine.isFooter(line)
                || line.hasAtMostScalars(16) && sectionKeys.contains(String(Self.undress(line).text).comparisonKey) {
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
            urls: urls, date: date)
    }

    /// The source and the date a byline names: `发布时间：2025-05-06　来源：X`,
    /// `来源：X 作者：Y`, `2025年5月6日`. Labels are separated by wide or
    /// repeated spaces.
    static func readByline(_ line: Substring) -> (source: String?, date: String?) {
        let date = BulletinParser.firstDate(in: String(line)) ?? DateReading.firstNumericDate(in: String(line))
        var source: String?
        for marker in BodyLine.sourceMarkers {
            guard let range = line.range(of: marker) else { continue }
            let rest = line[range.upperBound...].drop(while: { $0 == " " })
            // 来源：X, and 【来源】X with the label in brackets.
            guard let colon = rest.first, colon == "：" || colon == ":" || colon == "】" || colon == "]" || colon == "〕" else {
                continue
            }
            let value = rest.dropFirst().drop(while: { $0 == " " || $0 == "\u{3000}" })
            let end = value.firstIndex(where: { $0 == "\u{3000}" || $0 == "\t" || $0 == "【" || $0 == "[" || $0 == "〔" })
                ?? value.range(of: "  ")?.lowerBound ?? value.endIndex
            let name = value[..<end].trimmingWhitespace()
            if !name.isEmpty { source = String(name) }
            break
        }
        return (source, date.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// A paragraph being assembled from lines.
    struct Paragraph {
        var text: String
        /// Began with a list bullet or number (`- `, `（1）`, `a.`).
        var isListItem: Bool
        var isHeading: Bool
        /// Ended by a source line: nothing joins it.
        var closed = false
        /// Kept as lines join, so that `continues` reads no whole text: a
        /// page of a million short lines joined into one paragraph would
        /// otherwise cost time quadratic in its length.
        /// A row of a table (`指标 | 目标 | 完成`): each row a paragraph of
        /// its own, as extraction reads a table.
        private var isTableRow = false
        private var scalarCount = 0
        private var hasClauseMark = false

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
            isTableRow = BodyLine.isTableRow(content)
            (scalarCount, hasClauseMark) = Self.measure(text)
        }

        static func measure(_ text: String) -> (scalars: Int, clauseMark: Bool) {
            var count = 0
            var mark = false
            for scalar in text.unicodeScalars {
                count += 1
                if !mark, "，,、；;".unicodeScalars.contains(scalar) { mark = true }
            }
            return (count, mark)
        }

        mutating func append(_ next: Paragraph) {
            // Words of Latin script broken at a line end keep a space.
            if let last = text.unicodeScalars.last, let first = next.text.unicodeScalars.first,
               last.isASCIIAlphanumeric, first.isASCIIAlphanumeric {
                text += " "
                scalarCount += 1
            }
            text += next.text
            scalarCount += next.scalarCount
            hasClauseMark = hasClauseMark || next.hasClauseMark
        }

        /// Whether `next` continues this paragraph: this one stops mid
        /// sentence, and the next is neither a list item nor a heading.
        /// Across a blank line (a page break in PDF text) the paragraph must
        /// read as a sentence cut short — long, or holding a comma — since
        /// short lines without a full stop are headings, dates and
        /// signatures.
        func continues(with next: Paragraph, afterBreak: Bool) -> Bool {
            if next.isListItem || next.isHeading || isHeading || isTableRow || next.isTableRow { return false }
            guard let last = text.last, !BodyLine.terminators.contains(last) else { return false }
            if !afterBreak { return true }
            return scalarCount >= 50 || hasClauseMark
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
        guard line.containsText("http"), let scheme = line.byteRange(of: "http://") ?? line.byteRange(of: "https://") else {
            return nil
        }
        let label = line[..<scheme.lowerBound].trimmingWhitespace()
        let allowedLabel = label.isEmpty || label == "<" || label.hasSuffix("：") || label.hasSuffix(":")
            || label.hasSuffix("：<") || label.hasSuffix(":<") || label.hasSuffix("： <") || label.hasSuffix(": <")
        guard allowedLabel, label.count <= 12 else { return nil }
        let url = line[scheme.lowerBound...].unicodeScalars.prefix(while: { !$0.properties.isWhitespace && $0 != ">" && $0 != "＞" })
        let rest = line[url.endIndex...].unicodeScalars.drop(while: { $0 == ">" || $0 == "＞" || $0.properties.isWhitespace })
        guard rest.isEmpty, url.count > 8 else { return nil }
        return String(Substring(url))
    }

    /// The labels of a source, in both scripts, longest first.
    static let sourceMarkers = ["信息来源", "资料来源", "稿件来源", "資訊來源", "資料來源", "稿件來源", "来源", "來源"]
    static let sourceClosers: Set<Unicode.Scalar> = ["）", ")", "】", "]", "］"]
    static let sourceOpeners: Set<Unicode.Scalar> = ["（", "(", "【", "[", "［"]

    /// Splits a trailing `（来源：X）` (any bracket and colon width) or a whole
    /// line `来源：X` off a line.
    static func splitSource(_ line: Substring) -> (text: Substring, source: String)? {
        // Every marker holds 来源 (來源 in traditional script): one byte
        // search settles most lines.
        guard line.containsText("来源") || line.containsText("來源") else { return nil }
        let markers = sourceMarkers
        // `**来源：** 新华社` (Markdown bold) reads as 来源：新华社.
        let bare = line.unicodeScalars.first == "*" || line.unicodeScalars.first == "_"
            ? line.drop(while: { $0 == "*" || $0 == "_" }) : line
        if let marker = markers.first(where: { bare.unicodeScalars.starts(with: $0.unicodeScalars) }) {
            let rest = bare.dropFirst(marker.count).drop(while: { $0 == " " })
            if let colon = rest.first, colon == "：" || colon == ":" {
                let source = rest.dropFirst().drop(while: { $0 == "*" || $0 == "_" }).trimmingWhitespace()
                if !source.isEmpty, source.count <= 80 { return (line[line.startIndex..<line.startIndex], String(source)) }
            }
        }
        // Scalars, not characters: walking a paragraph back by grapheme
        // clusters costs far more, and every bracket is one scalar.
        let scalars = line.unicodeScalars
        guard let close = scalars.last, sourceClosers.contains(close) else { return nil }
        // Find the bracket that opens the final group, allowing nesting.
        var depth = 0
        var index = scalars.endIndex
        while index > scalars.startIndex {
            index = scalars.index(before: index)
            let c = scalars[index]
            if sourceClosers.contains(c) { depth += 1 }
            if sourceOpeners.contains(c) {
                depth -= 1
                if depth == 0 { break }
            }
        }
        guard depth == 0 else { return nil }
        let inner = line[scalars.index(after: index)..<scalars.index(before: scalars.endIndex)].trimmingWhitespace()
        guard let marker = markers.first(where: { inner.hasPrefix($0) }) else { return nil }
        let afterMarker = inner.dropFirst(marker.count).drop(while: { $0 == " " })
        guard let colon = afterMarker.first, colon == "：" || colon == ":" else { return nil }
        let source = afterMarker.dropFirst().trimmingWhitespace()
        guard !source.isEmpty else { return nil }
        return (line[..<index].trimmingWhitespace(), String(source))
    }

    /// Page furniture: QR-code prompts, bare page numbers.
    static func isFooter(_ line: Substring) -> Bool {
        if isRule(line) { return true }
        guard line.hasAtMostScalars(30) else { return false }
        if ["二维码", "扫码", "扫描二", "维码可", "可阅读或下载"].contains(where: { line.containsText($0) }) { return true }
        if line.hasAtMostScalars(12) {
            let compact = line.filter { !$0.isWhitespace }
            let core = compact.trimmingCharacters(in: "-—第页")
            if !core.isEmpty && core.allSatisfy({ $0.isASCII && $0.isNumber }) && compact.count <= 5 { return true }
        }
        return false
    }

    /// A rule drawn between articles: three or more dashes, equals signs,
    /// stars, dots or box-drawing lines, and nothing else.
    static func isRule(_ line: Substring) -> Bool {
        var count = 0
        for scalar in line.unicodeScalars where !scalar.isSpace {
            guard "-—–=_*~·.─━═┄┈".unicodeScalars.contains(scalar) else { return false }
            count += 1
        }
        return count >= 3
    }

    /// A table's row as a web page's table reaches the text (`HTMLText`
    /// writes ` | ` between cells).
    static func isTableRow(_ line: Substring) -> Bool {
        line.containsText(" | ")
    }

    /// `1.`, `（1）`, `(a)`, `a.`, `一、`, `①` at the start of a line.
    /// (Read by scalars: this runs for every line, and every test is of
    /// single scalars.)
    static func startsWithListNumber(_ line: Substring) -> Bool {
        let scalars = line.unicodeScalars
        guard let first = scalars.first else { return false }
        if (0x2460...0x2473).contains(first.value) { return true }  // ①…⑳
        if first == "（" || first == "(" {
            var inner = 0
            var index = scalars.index(after: scalars.startIndex)
            while index < scalars.endIndex, scalars[index] != "）", scalars[index] != ")" {
                let scalar = scalars[index]
                guard inner < 3, scalar.properties.numericType != nil || scalar.isASCIILetter || scalar.isChineseDigit else {
                    return false
                }
                inner += 1
                index = scalars.index(after: index)
            }
            // At least one sign, and the closing bracket after it.
            return inner >= 1 && index < scalars.endIndex
        }
        var head = 0
        var index = scalars.startIndex
        while index < scalars.endIndex, scalars[index].isASCIIAlphanumeric || scalars[index].isChineseDigit {
            head += 1
            if head > 3 { return false }
            index = scalars.index(after: index)
        }
        guard head >= 1, index < scalars.endIndex else { return false }
        if "、.．".unicodeScalars.contains(scalars[index]) {
            // 2025.3 is a date, 1.5 a number: a list number is followed by text.
            let next = scalars.index(after: index)
            return next < scalars.endIndex && scalars[next].properties.numericType == nil
        }
        return false
    }

    /// A heading line: a whole 《…》 title, `一、…`, `（一）…`, `第一部分…`, or a
    /// numbered line too short to be a paragraph.
    static func isHeading(_ line: Substring) -> Bool {
        let scalars = line.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return false }
        if first == "《" && last == "》" { return true }
        let short = line.hasAtMostScalars(30)
        if first.isChineseDigit, short,
           let after = scalars.first(where: { !$0.isChineseDigit }), after == "、" { return true }
        if first == "（" || first == "(", short {
            let inner = scalars.dropFirst().prefix(while: { $0 != "）" && $0 != ")" })
            if !inner.isEmpty && inner.allSatisfy(\.isChineseDigit) { return true }
        }
        if first == "第", short, line.containsText("部分") || line.containsText("章") { return true }
        if line.hasAtMostScalars(24), let final = line.last, startsWithListNumber(line) && !terminators.contains(final) { return true }
        return false
    }
}

extension String {
    /// The string without the characters of `set` at either end.
    public func trimmingCharacters(in set: String) -> String {
        var slice = self[...]
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}

extension Unicode.Scalar {
    public var isASCIIAlphanumeric: Bool {
        (value >= 48 && value <= 57) || isASCIILetter
    }

    var isASCIILetter: Bool {
        (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
    }

    /// 一 to 十, the signs of a Chinese list number (一、, （三）).
    var isChineseDigit: Bool {
        switch self {
        case "一", "二", "三", "四", "五", "六", "七", "八", "九", "十": true
        default: false
        }
    }
}
