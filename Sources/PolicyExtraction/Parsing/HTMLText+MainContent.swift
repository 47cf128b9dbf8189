/// Where a web page's own text is: the block that holds most of its text
/// and all of its titles, without what a portal puts around it — site
/// header, menus, breadcrumbs, sidebars of related links and hot topics,
/// share bars, footers. Found by one pass over the tags before the text
/// is written, counting each block's text, link text and titles.
extension HTMLText {
    struct PageLayout {
        /// Scalar offsets of the block whose text is the page's.
        var content: Range<Int>
        /// Blocks inside `content` whose text is not the page's: the
        /// offset of each one's opening tag, and past its end.
        var dropped: [Int: Int] = [:]
        /// Titles the page marks without a heading element
        /// (`<p><strong>…</strong></p>`, `class="title"`): the offset of
        /// the opening tag, and of the tag that closes the title.
        var titles: [Int: Int] = [:]
        var titleEnds: Set<Int> = []
    }

    /// A block element while the page is read.
    private struct Block {
        var name: String
        var start: Int
        var end: Int
        var depth: Int
        /// Characters of text not in links, of the blocks kept.
        var text = 0
        /// Characters of text in links to other pages, and all text, kept or not.
        var linkText = 0
        var allText = 0
        /// Titles with text of their own (a logo's linked `<h1>` is none).
        var titles = 0
        var boilerplate: Bool
    }

    /// Blocks whose text is counted (inline elements belong to their block).
    static let layoutBlocks: Set<String> = ["body", "div", "section", "article", "main", "aside", "header", "footer", "ul", "ol",
                                            "dl", "table", "td", "th", "form", "center", "nav"]
    /// Blocks that are never the page's text, by their element.
    static let boilerplateElements: Set<String> = ["aside", "footer", "nav"]
    /// Words of a block's class or id that name page furniture.
    static let boilerplateClassWords = ["sidebar", "footer", "breadcrumb", "crumb", "share", "related", "relate", "copyright",
                                        "friendlink", "xglj", "navbar", "menu"]
    static let boilerplateClassTokens: Set<String> = ["side", "foot", "nav", "bottom", "position", "location", "links", "pager",
                                                      "prevnext", "fenxiang", "rmzt", "hot"]
    /// Class words of a title set as a paragraph or a block.
    static let titleClassTokens: Set<String> = ["title", "tit", "bt", "biaoti", "headline", "heading", "article-title",
                                                "arttitle", "news-title", "h-title"]

    /// The layout of the page `s` (scalars of the whole page).
    /// - Complexity: O(n) in the page's length, plus O(d) per block for a
    ///   nesting depth d.
    static func pageLayout(_ s: [Unicode.Scalar]) -> PageLayout {
        var layout = PageLayout(content: 0..<s.count)
        var blocks: [Block] = []
        var open: [Int] = []
        // A virtual root for text outside any block.
        blocks.append(Block(name: "#root", start: 0, end: s.count, depth: 0, boilerplate: false))
        open.append(0)
        var inLink = false
        var headingOpen = false
        var headingText = 0
        var i = 0

        func close(_ index: Int, at end: Int) {
            blocks[index].end = end
            let block = blocks[index]
            let all = block.allText
            // A list of links to other pages (related links, hot topics, menus).
            let linkList = block.linkText >= 8 && block.linkText * 2 >= all && block.name != "#root"
            if block.boilerplate || linkList {
                blocks[index].boilerplate = true
                blocks[index].text = 0
                blocks[index].titles = 0
            }
            guard let parentPosition = open.last else { return }
            blocks[parentPosition].allText += block.allText
            blocks[parentPosition].linkText += block.linkText
            blocks[parentPosition].text += blocks[index].text
            blocks[parentPosition].titles += blocks[index].titles
        }

        while i < s.count {
            let c = s[i]
            if c != "<" {
                if !c.isSpace {
                    let top = open[open.count - 1]
                    blocks[top].allText += 1
                    if inLink { blocks[top].linkText += 1 } else {
                        blocks[top].text += 1
                        if headingOpen { headingText += 1 }
                    }
                }
                i += 1
                continue
            }
            if hasPrefix(s, "<!--", at: i) {
                i = end(of: "-->", in: s, from: i + 4)
                continue
            }
            if i + 1 < s.count, s[i + 1] == "!" || s[i + 1] == "?" {
                i = end(of: ">", in: s, from: i + 2)
                continue
            }
            guard let tag = readTag(s, at: i) else {
                i += 1
                continue
            }
            let name = tag.name
            if !tag.closing, skippedElements.contains(name), !tag.selfClosing {
                i = endOfElement(name, in: s, from: tag.end)
                continue
            }
            if name == "a" {
                // A link within the page (a contents list's #anchors) is text of the page.
                inLink = !tag.closing && tag.href.map { !$0.hasPrefix("#") && !$0.lowercased().hasPrefix("javascript") } ?? false
            } else if name.count == 2, name.first == "h", let level = name.last?.wholeNumberValue, (1...4).contains(level) {
                if !tag.closing {
                    headingOpen = true
                    headingText = 0
                } else if headingOpen {
                    headingOpen = false
                    if headingText > 0 { blocks[open[open.count - 1]].titles += 1 }
                }
            } else if !tag.closing, name == "p" || name == "div" || name == "span",
                      let titleEnd = markedTitleEnd(s, tag: tag, at: i) {
                layout.titles[i] = titleEnd
                layout.titleEnds.insert(titleEnd)
                blocks[open[open.count - 1]].titles += 1
            }
            if layoutBlocks.contains(name), !tag.selfClosing {
                if !tag.closing {
                    let attributes = String(String.UnicodeScalarView(s[i..<tag.end])).lowercased()
                    blocks.append(Block(name: name, start: i, end: s.count, depth: open.count, boilerplate:
                        boilerplateElements.contains(name) || isBoilerplateClass(attributes)))
                    open.append(blocks.count - 1)
                } else if let position = open.lastIndex(where: { blocks[$0].name == name }), position > 0 {
                    // Blocks left open inside it close with it.
                    while open.count > position {
                        let index = open.removeLast()
                        close(index, at: tag.end)
                    }
                }
            }
            i = tag.end
        }
        while open.count > 1 { close(open.removeLast(), at: s.count) }
        let root = blocks[0]
        for block in blocks.dropFirst() where block.boilerplate {
            layout.dropped[block.start] = block.end
        }
        // A short page is taken whole: there is nothing to choose between.
        guard root.text >= 200 else { return layout }
        // The deepest block that holds most of the text and every title.
        var best: Block?
        for block in blocks.dropFirst() where !block.boilerplate {
            guard block.text * 10 >= root.text * 6, block.titles >= root.titles else { continue }
            if best == nil || block.depth > best!.depth { best = block }
        }
        if let best {
            layout.content = best.start..<best.end
            layout.dropped = layout.dropped.filter { best.start < $0.key && $0.key < best.end }
        }
        return layout
    }

    /// Whether an opening tag's class or id names page furniture.
    static func isBoilerplateClass(_ tag: String) -> Bool {
        let names = attributeValues(tag, ["class", "id"])
        guard !names.isEmpty else { return false }
        if boilerplateClassWords.contains(where: { names.contains($0) }) { return true }
        return names.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" })
            .contains { boilerplateClassTokens.contains(String($0)) }
    }

    /// The values of `names` in a lowercased opening tag, joined by spaces.
    static func attributeValues(_ tag: String, _ names: [String]) -> String {
        var values: [Substring] = []
        for name in names {
            for marker in [" \(name)=\"", " \(name)='", " \(name)="] {
                guard let range = tag.range(of: marker) else { continue }
                let rest = tag[range.upperBound...]
                let quote = marker.last == "=" ? nil : marker.last
                let value = rest.prefix { character in
                    if let quote { return character != quote }
                    return character != " " && character != ">"
                }
                values.append(value)
                break
            }
        }
        return values.joined(separator: " ")
    }

    /// Where a title the page marks without a heading element ends (the
    /// offset of its closing tag): a paragraph holding only bold text
    /// (`<p><strong>标题</strong></p>`), or a paragraph or block whose class
    /// names a title. A list item in bold (`一、总体要求`) is a
    /// subheading, not a title, and a whole sentence in bold is emphasis.
    static func markedTitleEnd(_ s: [Unicode.Scalar], tag: Tag, at index: Int) -> Int? {
        let attributes = String(String.UnicodeScalarView(s[index..<tag.end])).lowercased()
        let classes = attributeValues(attributes, ["class"])
        let byClass = !classes.isEmpty && classes.split(whereSeparator: { $0 == " " })
            .contains { titleClassTokens.contains(String($0)) }
        guard byClass || tag.name == "p" else { return nil }
        // The element's text, to its closing tag (no block inside a title).
        var k = tag.end
        var text = String.UnicodeScalarView()
        var boldOnly = true
        var inBold = 0
        var closing: Int?
        while k < s.count, k - tag.end < 600 {
            if s[k] == "<", let inner = readTag(s, at: k) {
                if inner.name == tag.name && inner.closing { closing = k; break }
                if inner.name == "p" || layoutBlocks.contains(inner.name) || inner.name == "br" { return nil }
                if inner.name == "strong" || inner.name == "b" { inBold += inner.closing ? -1 : 1 }
                k = inner.end
                continue
            }
            if !s[k].isSpace {
                if inBold <= 0 { boldOnly = false }
                text.append(s[k])
            }
            k += 1
        }
        guard let closing, text.count >= 2, text.count <= 80, byClass || boldOnly else { return nil }
        let line = Substring(String(text))
        guard line.contains(where: \.isHan), !BodyLine.startsWithListNumber(line), !BodyLine.isHeading(line),
              let last = line.last, !"。！？；;：:，,".contains(last) else { return nil }
        return closing
    }

    /// Lines of a portal page's furniture that stand inside its content
    /// block: 上一篇/下一篇, share and print buttons, where-you-are trails.
    static let furnitureLinePrefixes = ["上一篇", "下一篇", "上一条", "下一条", "分享到", "分享：", "当前位置", "您的位置", "您现在的位置",
                                        "打印本页", "关闭窗口", "【打印】", "【关闭】", "扫一扫在手机"]

    static let siteRegistrationWords = ["ICP备", "ICP证", "公网安备", "网站标识码", "备案号", "备案序号", "版权所有："]

    /// The line without a portal's reading controls (`字号：大 中 小`,
    /// `【打印】`), or nil when nothing of it is the page's text.
    static func withoutFurniture(_ line: Substring) -> Substring? {
        if furnitureLinePrefixes.contains(where: { line.hasPrefix($0) }) { return nil }
        // 首页 > 政务公开 > 工作动态: a breadcrumb trail.
        if line.hasPrefix("首页"), line.hasAtMostScalars(60), line.contains(where: { ">›»＞".contains($0) }) { return nil }
        // A site's footer: its sponsor (主办单位, where a bulletin says 主办), its registrations.
        if line.hasAtMostScalars(120), line.hasPrefix("主办单位") || siteRegistrationWords.contains(where: { line.containsText($0) }) {
            return nil
        }
        var kept = line
        for control in ["字号", "【字体", "字体：", "【打印", "打印本页", "【关闭", "分享到"] {
            if let range = kept.firstRange(of: control) { kept = kept[..<range.lowerBound] }
        }
        kept = kept.trimmingWhitespace()
        return kept.isEmpty ? nil : kept
    }
}
