/// The text of a bulletin published as a web page, laid out as the bulletin
/// parser reads text: each block element its own line, paragraphs and
/// headings apart by a blank line, headings dressed as Markdown does
/// (`## 栏目`, `### 标题`), the page's head, scripts, styles and comments
/// dropped, character references decoded.
///
/// A pure function of the page's text: no network, no DOM. HTML's own
/// rule for white space holds — a run of spaces, tabs and line ends inside
/// text is one space — except inside `<pre>`.
enum HTMLText {
    /// Whether a file is a web page: by its name (`.html`, `.htm`,
    /// `.xhtml`), or by how its text opens (`<!DOCTYPE html`, `<html`).
    static func isHTML(fileName: String, text: String) -> Bool {
        let name = fileName.lowercased()
        if name.hasSuffix(".html") || name.hasSuffix(".htm") || name.hasSuffix(".xhtml") { return true }
        var opening = Substring(text.prefix(512))
        while let first = opening.unicodeScalars.first, first.properties.isWhitespace || first == "\u{FEFF}" {
            opening = opening.dropFirst()
        }
        let lowered = opening.prefix(64).lowercased()
        if lowered.hasPrefix("<?xml") { return opening.lowercased().contains("<html") }
        return lowered.hasPrefix("<!doctype html") || lowered.hasPrefix("<html")
    }

    /// Elements whose content is never text of the bulletin: the page's
    /// head, code, embedded media, forms' controls and the site's navigation.
    static let skippedElements: Set<String> = ["head", "script", "style", "noscript", "template", "svg", "math", "iframe",
                                               "object", "select", "button", "canvas", "nav"]
    /// Elements that end a paragraph: a blank line after them.
    static let paragraphElements: Set<String> = ["p", "blockquote", "ul", "ol", "dl", "table", "pre", "figure", "section",
                                                 "article", "header", "footer", "main", "aside", "address", "form",
                                                 "center", "hr"]
    /// Elements that start a new line.
    static let lineElements: Set<String> = ["br", "div", "li", "tr", "dt", "dd", "figcaption", "caption", "summary", "details",
                                            "fieldset", "legend", "option", "body", "html"]
    /// Words of a link to the original (原文链接, 阅读原文): the link keeps its
    /// address, which the parser reads as the article's.
    static let linkWords = ["原文", "链接", "鏈接", "连结", "連結", "来源", "來源", "详情", "詳情", "阅读", "閱讀", "查看", "出处", "出處"]

    /// The text of `html`.
    /// - Complexity: O(n) in the page's length.
    static func text(fromHTML html: String) -> String {
        let s = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var preformatted = 0
        // The open link and where its text starts in `out` (an index, not a
        // count: counting would make a page of many links quadratic).
        var anchor: (href: String, start: String.UnicodeScalarView.Index)? = nil
        let layout = pageLayout(s)
        var i = layout.content.lowerBound

        func newline(_ count: Int) {
            pendingSpace = false
            // Trailing spaces of the line go; at most `count` line ends in a row.
            while let last = out.last, last == " " { out.removeLast() }
            var have = 0
            for scalar in out.reversed() {
                guard scalar == "\n" else { break }
                have += 1
            }
            if out.isEmpty { return }
            for _ in have..<max(have, count) { out.append("\n") }
        }
        func emit(_ scalar: Unicode.Scalar) {
            if preformatted == 0, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}" {
                pendingSpace = true
                return
            }
            // Between two Chinese characters a line end of the source is no
            // space (CSS Text's segment-break rule for CJK).
            if pendingSpace, let last = out.last, last != "\n", !joinsWithoutSpace(last, scalar) { out.append(" ") }
            pendingSpace = false
            // A no-break space (&nbsp;) is a space that stays.
            out.append(scalar == "\u{00A0}" ? " " : scalar)
        }

        while i < layout.content.upperBound {
            let c = s[i]
            if c == "&" {
                let (decoded, next) = characterReference(s, at: i)
                for scalar in decoded.unicodeScalars { emit(scalar) }
                i = next
                continue
            }
            guard c == "<", i + 1 < s.count else {
                emit(c)
                i += 1
                continue
            }
            // A comment, a declaration or a processing instruction.
            if hasPrefix(s, "<!--", at: i) {
                i = end(of: "-->", in: s, from: i + 4)
                continue
            }
            if s[i + 1] == "!" || s[i + 1] == "?" {
                i = end(of: ">", in: s, from: i + 2)
                continue
            }
            if let end = layout.dropped[i] {
                // A sidebar, a footer, a list of links: not the page's text.
                newline(1)
                i = end
                continue
            }
            guard let tag = readTag(s, at: i) else {
                emit(c)
                i += 1
                continue
            }
            if layout.titles[i] != nil || layout.titleEnds.contains(i) {
                // A title the page marks in bold or by its class reads as a heading does.
                newline(2)
                if layout.titles[i] != nil { out.append(contentsOf: "### ".unicodeScalars) }
                i = tag.end
                continue
            }
            i = tag.end
            let name = tag.name
            if !tag.closing, skippedElements.contains(name), !tag.selfClosing {
                i = endOfElement(name, in: s, from: i)
                continue
            }
            if name == "pre" { preformatted = max(0, preformatted + (tag.closing ? -1 : 1)) }
            if name.count == 2, name.first == "h", let level = name.last?.wholeNumberValue, (1...6).contains(level) {
                newline(2)
                if !tag.closing { for _ in 0..<min(level, 3) { out.append("#") }; out.append(" ") }
                continue
            }
            if name == "a" {
                if !tag.closing {
                    anchor = tag.href.map { ($0, out.endIndex) }
                } else if let open = anchor {
                    anchor = nil
                    // Trailing spaces trimmed inside the link may end `out` before it began.
                    let start = min(open.start, out.endIndex)
                    let text = Substring(String(out[start...]))
                    let address = open.href.lowercased()
                    if address.hasPrefix("http://") || address.hasPrefix("https://"), !text.containsText(open.href),
                       linkWords.contains(where: { text.containsText($0) }) {
                        // A link to the original, on a line of its own with its
                        // address (原文链接：https://…), as a bulletin prints it.
                        out.removeSubrange(start...)
                        newline(1)
                        out.append(contentsOf: text.trimmingWhitespace().unicodeScalars)
                        if let last = out.last, last != "：", last != ":" { out.append("：") }
                        out.append(contentsOf: open.href.unicodeScalars)
                        newline(1)
                    }
                }
                continue
            }
            if name == "td" || name == "th" {
                // Cells keep their row's shape: extraction reads ` | ` as a cell break (TextTable).
                if !tag.closing, let last = out.last, last != "\n" {
                    while let end = out.last, end == " " { out.removeLast() }
                    out.append(contentsOf: " | ".unicodeScalars)
                    pendingSpace = false
                }
                continue
            }
            if paragraphElements.contains(name) {
                newline(2)
            } else if lineElements.contains(name) {
                newline(1)
            }
        }
        newline(1)
        // Lines without their edges' spaces; no more than one blank line in a row.
        var lines: [Substring] = []
        var blank = 0
        for line in String(out).split(separator: "\n", omittingEmptySubsequences: false) {
            var trimmed = line.trimmingWhitespace()
            if !trimmed.isEmpty {
                // 上一篇/下一篇, 字号：大 中 小 and the like go, whatever block holds them.
                guard let kept = withoutFurniture(trimmed) else { continue }
                trimmed = kept
            }
            if trimmed.isEmpty {
                blank += 1
                if blank == 1, !lines.isEmpty { lines.append("") }
            } else {
                blank = 0
                lines.append(trimmed)
            }
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Whether white space of the source between `left` and `right` shows
    /// as nothing: between two Chinese characters (CSS Text's rule for a
    /// line end there), or beside full-width punctuation.
    static func joinsWithoutSpace(_ left: Unicode.Scalar, _ right: Unicode.Scalar) -> Bool {
        left.isFullWidthPunctuation || right.isFullWidthPunctuation
            || left.isHan && right.isHan
    }

    // MARK: Tags

    struct Tag {
        var name: String
        var closing: Bool
        var selfClosing: Bool
        var href: String?
        var end: Int
    }

    /// The tag that starts at `index` (`<p class="x">`, `</div>`, `<br/>`),
    /// or nil when `<` opens no tag (a `<` in running text).
    static func readTag(_ s: [Unicode.Scalar], at index: Int) -> Tag? {
        var k = index + 1
        let closing = k < s.count && s[k] == "/"
        if closing { k += 1 }
        let nameStart = k
        while k < s.count, s[k].properties.isAlphabetic || s[k].asciiDigit != nil || s[k] == "-" || s[k] == ":" { k += 1 }
        guard k > nameStart, s[nameStart].isASCII, s[nameStart].properties.isAlphabetic else { return nil }
        let name = String(String.UnicodeScalarView(s[nameStart..<k])).lowercased()
        var href: String?
        var selfClosing = false
        // Attributes, to the closing >, quotes honoured.
        while k < s.count, s[k] != ">" {
            if s[k] == "\"" || s[k] == "'" {
                k = end(of: String(s[k]), in: s, from: k + 1)
                continue
            }
            if s[k] == "/" { selfClosing = true }
            if !closing, name == "a", hasPrefix(s, "href", at: k, caseInsensitive: true) {
                var j = k + 4
                while j < s.count, s[j] == " " { j += 1 }
                if j < s.count, s[j] == "=" {
                    j += 1
                    while j < s.count, s[j] == " " { j += 1 }
                    if j < s.count {
                        let quote = s[j]
                        let quoted = quote == "\"" || quote == "'"
                        let from = quoted ? j + 1 : j
                        var e = from
                        while e < s.count, quoted ? s[e] != quote : !(s[e] == " " || s[e] == ">") { e += 1 }
                        href = decodeReferences(Array(s[from..<e]))
                        k = quoted ? min(e + 1, s.count) : e
                        continue
                    }
                }
            }
            selfClosing = false
            k += 1
        }
        return Tag(name: name, closing: closing, selfClosing: selfClosing, href: href, end: min(k + 1, s.count))
    }

    /// Past the end of element `name` opened before `from` (`</script>`),
    /// or the end of the text when it is never closed.
    static func endOfElement(_ name: String, in s: [Unicode.Scalar], from: Int) -> Int {
        var k = from
        let closer = "</" + name
        while k < s.count {
            if s[k] == "<", hasPrefix(s, closer, at: k, caseInsensitive: true) {
                let after = k + closer.unicodeScalars.count
                if after >= s.count || !(s[after].properties.isAlphabetic || s[after].asciiDigit != nil) {
                    return end(of: ">", in: s, from: after)
                }
            }
            k += 1
        }
        return s.count
    }

    /// Past the next `marker` at or after `from`, or the end of the text.
    static func end(of marker: String, in s: [Unicode.Scalar], from: Int) -> Int {
        var k = from
        while k < s.count {
            if hasPrefix(s, marker, at: k) { return k + marker.unicodeScalars.count }
            k += 1
        }
        return s.count
    }

    static func hasPrefix(_ s: [Unicode.Scalar], _ word: String, at index: Int, caseInsensitive: Bool = false) -> Bool {
        var k = index
        for scalar in word.unicodeScalars {
            guard k < s.count else { return false }
            let here = s[k]
            if here != scalar {
                guard caseInsensitive, here.isASCII, scalar.isASCII,
                      Character(here).lowercased() == Character(scalar).lowercased() else { return false }
            }
            k += 1
        }
        return true
    }

    // MARK: Character references

    /// Named references a bulletin page uses; others stay as written.
    static let namedReferences: [String: String] = [
        "nbsp": "\u{00A0}", "ensp": " ", "emsp": " ", "thinsp": " ", "ideographicspace": "\u{3000}",
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
        "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "laquo": "«", "raquo": "»",
        "mdash": "—", "ndash": "–", "hellip": "…", "middot": "·", "bull": "•", "times": "×", "divide": "÷",
        "yen": "¥", "euro": "€", "pound": "£", "copy": "©", "reg": "®", "trade": "™", "deg": "°", "plusmn": "±",
        "le": "≤", "ge": "≥", "ne": "≠", "permil": "‰", "rarr": "→", "larr": "←", "uarr": "↑", "darr": "↓",
        "sup2": "²", "sup3": "³", "frac12": "½", "frac14": "¼", "frac34": "¾", "micro": "µ", "sect": "§", "para": "¶",
    ]

    /// The reference at `index` (`&amp;`, `&#8220;`, `&#x201C;`) decoded,
    /// and where it ends; a lone `&` stays.
    static func characterReference(_ s: [Unicode.Scalar], at index: Int) -> (String, Int) {
        var k = index + 1
        guard k < s.count else { return ("&", k) }
        if s[k] == "#" {
            k += 1
            let hex = k < s.count && (s[k] == "x" || s[k] == "X")
            if hex { k += 1 }
            let start = k
            var value: UInt32 = 0
            while k < s.count, k - start < 8 {
                let digit: UInt32?
                if let d = s[k].asciiDigit {
                    digit = UInt32(d)
                } else if hex, s[k].isASCII, let v = Character(s[k]).hexDigitValue {
                    digit = UInt32(v)
                } else {
                    digit = nil
                }
                guard let digit else { break }
                value = value * (hex ? 16 : 10) + digit
                k += 1
            }
            guard k > start else { return ("&", index + 1) }
            if k < s.count, s[k] == ";" { k += 1 }
            // A reference to nothing, or to a control, is a replacement character.
            guard let scalar = Unicode.Scalar(value), value >= 0x20 || value == 0x0A || value == 0x09 else {
                return ("\u{FFFD}", k)
            }
            return (String(scalar), k)
        }
        let start = k
        while k < s.count, k - start < 24, s[k].isASCII, s[k].properties.isAlphabetic || s[k].asciiDigit != nil { k += 1 }
        guard k > start, k < s.count, s[k] == ";" else { return ("&", index + 1) }
        let name = String(String.UnicodeScalarView(s[start..<k]))
        guard let decoded = namedReferences[name] ?? namedReferences[name.lowercased()] else { return ("&", index + 1) }
        return (decoded, k + 1)
    }

    /// `scalars` with every reference decoded.
    static func decodeReferences(_ scalars: [Unicode.Scalar]) -> String {
        var out = ""
        var k = 0
        while k < scalars.count {
            if scalars[k] == "&" {
                let (decoded, next) = characterReference(scalars, at: k)
                out += decoded
                k = next
            } else {
                out.unicodeScalars.append(scalars[k])
                k += 1
            }
        }
        return out
    }
}
