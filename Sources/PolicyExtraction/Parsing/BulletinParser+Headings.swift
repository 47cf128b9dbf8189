extension BulletinParser {
    /// A line (or two) that introduces something: a section, an article,
    /// the editor's preface or the back matter.
    struct Heading: Equatable {
        enum Kind: Equatable {
            /// A section name on a line of its own, or dressed up (`★ 政策解读 ★`).
            case banner
            case title
            /// 卷首语, 编者按: the editor's own text, not an article.
            case preface
            /// 关于我们, 订阅与投稿, 编辑部: the end of the issue.
            case backMatter
        }
        var kind: Kind
        /// Sheet lines of the heading.
        var span: Range<Int>
        /// The heading without its dressing, lines joined.
        var text: String
        /// Dressed with `【】`, `■`, `●`, `◆` or the like.
        var marked: Bool
        /// The last text before it ended an article (a source or link line),
        /// or nothing came before it.
        var afterEndMarker: Bool
    }

    /// Every heading in `range` of the sheet, in order. With
    /// `firstTitleOpens`, the first title counts as following an article's
    /// end (it opens the first article, whatever masthead stood before).
    func scanHeadings(_ sheet: Sheet, in range: Range<Int>, firstTitleOpens: Bool = false) -> [Heading] {
        let memo = HeadingMemo(sheet: sheet, range: range)
        var headings: [Heading] = []
        var boundary = true
        var afterEndMarker = true
        var index = range.lowerBound
        while index < range.upperBound {
            let line = sheet.lines[index]
            if line.isEmpty {
                boundary = true
                index += 1
                continue
            }
            let previous = index > 0 ? sheet.lines[index - 1] : ""
            // Text from PDF has no blank lines: a line after a short one
            // (a name, a date, a heading) may start something too.
            let afterShortLine = previous.hasAtMostScalars(23) && !(previous.last.map { "，,、".contains($0) } ?? false)
            if boundary || afterShortLine || Self.endsSentence(previous) || BodyLine.endsArticle(previous),
               var heading = memo.heading(at: index, parser: self),
               !isNoteUnderTitle(heading, after: headings.last, in: sheet) {
                // The first title opens the first article, whatever stood before.
                heading.afterEndMarker = afterEndMarker || firstTitleOpens && !headings.contains { $0.kind == .title }
                headings.append(heading)
                index = heading.span.upperBound
                boundary = true
                afterEndMarker = heading.kind == .banner || heading.kind == .preface
                continue
            }
            // A stray short line without text (a damaged footer) leaves
            // the state as it was.
            if !line.hasAtMostScalars(12) || line.contains(where: \.isHan) {
                afterEndMarker = BodyLine.endsArticle(line)
            }
            boundary = false
            index += 1
        }
        return headings
    }

    /// Headings of one scan, each line decided once. Whether a line is a
    /// heading can depend on whether the next content line is one, and so
    /// on down a run of short lines: asked front to back, that is a chain
    /// as long as the run, for each line of it (quadratic time, and a
    /// recursion as deep as the run). The memo decides lines back to front
    /// before a chain is followed, so every look-ahead is one read.
    final class HeadingMemo {
        let sheet: Sheet
        let range: Range<Int>
        /// Decided lines: nil not yet asked, .some(nil) no heading.
        private var decided: [Heading??]
        /// Lines from here to the range's end are decided.
        private var decidedFrom: Int

        init(sheet: Sheet, range: Range<Int>) {
            self.sheet = sheet
            self.range = range
            decided = Array(repeating: nil, count: range.count)
            decidedFrom = range.upperBound
        }

        func heading(at index: Int, parser: BulletinParser) -> Heading? {
            if let known = decided[index - range.lowerBound] { return known }
            // Decide the lines after this one first, from the end back, so
            // that this line's look-ahead finds them decided.
            while decidedFrom > index + 1 {
                decidedFrom -= 1
                if decided[decidedFrom - range.lowerBound] == nil {
                    decided[decidedFrom - range.lowerBound] = .some(parser.heading(at: decidedFrom, in: sheet, memo: self))
                }
            }
            let result = parser.heading(at: index, in: sheet, memo: self)
            decided[index - range.lowerBound] = .some(result)
            return result
        }
    }

    /// The heading that starts at line `index`, if it is one (the line after
    /// it decided by `memo`).
    func heading(at index: Int, in sheet: Sheet, memo: HeadingMemo) -> Heading? {
        let limit = memo.range.upperBound
        let line = sheet.lines[index]
        // Most lines are body text: too long, or ending a sentence. Said
        // first, cheaply: this runs for every paragraph of every file.
        if line.utf8.count > 240 { return nil }
        if let last = line.unicodeScalars.last, "。！？；，、,;".unicodeScalars.contains(last) { return nil }
        let dressing = Self.undress(line)
        let compact = String(dressing.text).removingWhitespace
        guard compact.unicodeScalars.count >= 2, compact.contains(where: \.isHan) else { return nil }
        if compact.unicodeScalars.count <= 8, Self.isPrefaceName(compact) {
            return Heading(kind: .preface, span: index..<(index + 1), text: compact, marked: dressing.marked, afterEndMarker: false)
        }
        if compact.unicodeScalars.count <= 12, !Self.endsSentence(line),
           Self.isBackMatterName(compact) || particularsFollow(index + 1, in: sheet, limit: memo.range.upperBound) {
            return Heading(kind: .backMatter, span: index..<(index + 1), text: compact, marked: dressing.marked, afterEndMarker: false)
        }
        // 一、Title over 发布时间：… 来源：… (a bulletin compiled from web
        // pages): a byline under it makes a numbered line a title, which
        // a list item in a body never has.
        let numberedOverByline = !dressing.marked && BodyLine.startsWithListNumber(dressing.text)
            && index + 1 < limit && Self.isByline(sheet.lines[index + 1])
        let headingText = numberedOverByline ? Self.droppingListNumber(dressing.text) : dressing.text
        guard Self.mayBeHeading(headingText, marked: dressing.marked) else { return nil }
        let span = numberedOverByline ? index..<(index + 1) : titleSpan(at: index, in: sheet, limit: limit)
        // A title broken over lines (【 and its first half, then its second
        // half and 】) is undressed again once joined: each half alone has
        // only one of the brackets.
        let text = numberedOverByline ? String(headingText)
            : span.count > 1 ? String(Self.undress(Substring(Self.joinTitle(sheet.lines[span].filter { !$0.isEmpty }
                .map { Self.undress($0).text }))).text)
            : Self.joinTitle(sheet.lines[span].filter { !$0.isEmpty }.map { Self.undress($0).text })
        guard let next = nextContent(after: span.upperBound, in: sheet, limit: limit) else { return nil }
        let isShort = compact.unicodeScalars.count <= 10 && span.count == 1
        if isShort, !dressing.marked || dressing.symmetric || compact.unicodeScalars.count <= 6,
           let following = memo.heading(at: next, parser: self), following.kind == .title {
            return Heading(kind: .banner, span: index..<(index + 1), text: compact, marked: dressing.marked, afterEndMarker: false)
        }
        if dressing.symmetric && isShort {
            return Heading(kind: .banner, span: index..<(index + 1), text: compact, marked: true, afterEndMarker: false)
        }
        let nextLine = sheet.lines[next]
        if Self.isBoilerplate(nextLine) || Self.isEditorialLine(nextLine) { return nil }
        // An editor's note under a title (【编者按】) opens its article's text.
        let nextHeading = memo.heading(at: next, parser: self)
        // (Dressed as a note, 【编者按】: a bare 编者按 or 卷首语 after the
        // masthead's last line is the issue's own preface.)
        let noteFollows = nextHeading.map { $0.kind == .preface && $0.marked && $0.text.hasPrefix("编者按") } ?? false
        let opensText = noteFollows || dressing.marked
            ? nextHeading == nil || noteFollows || Self.isParagraph(nextLine)
            : opensParagraph(at: next, in: sheet, limit: limit) && !BodyLine.isHeading(nextLine)
        guard opensText, text.unicodeScalars.count <= 80 else { return nil }
        return Heading(kind: .title, span: span, text: text, marked: dressing.marked, afterEndMarker: false)
    }

    /// Whether `heading` is an editor's note (【编者按】) right under the
    /// title before it: the note belongs to that article, not a preface
    /// of the issue.
    func isNoteUnderTitle(_ heading: Heading, after previous: Heading?, in sheet: Sheet) -> Bool {
        guard heading.kind == .preface, let previous, previous.kind == .title else { return false }
        return nextContent(after: previous.span.upperBound, in: sheet, limit: heading.span.upperBound) == heading.span.lowerBound
    }

    /// Whether the line at `index` is body text: a paragraph by itself, or
    /// the first line of one a narrow page broke early (short, no comma
    /// yet), which the next line carries on.
    func opensParagraph(at index: Int, in sheet: Sheet, limit: Int) -> Bool {
        let line = sheet.lines[index]
        if Self.isParagraph(line) { return true }
        guard line.unicodeScalars.count >= 16, !Self.endsSentence(line), index + 1 < limit,
              case let following = sheet.lines[index + 1], !following.isEmpty, line.contains(where: \.isHan),
              Self.leaderStart(line) == nil,
              // As wide as the line it runs into: a title over a paragraph is narrower.
              following.unicodeScalars.count <= line.unicodeScalars.count + 3 else { return false }
        return Self.isParagraph(Substring(String(line) + String(following)))
    }

    /// The line after its list number (`一、`, `3.`, `（二）`).
    static func droppingListNumber(_ line: Substring) -> Substring {
        let scalars = line.unicodeScalars
        var index = scalars.startIndex
        if scalars.first == "（" || scalars.first == "(" {
            guard let close = scalars.firstIndex(where: { $0 == "）" || $0 == ")" }) else { return line }
            index = scalars.index(after: close)
        } else {
            while index < scalars.endIndex, scalars[index].isASCIIAlphanumeric || scalars[index].isChineseDigit {
                index = scalars.index(after: index)
            }
            if index < scalars.endIndex, "、.．".unicodeScalars.contains(scalars[index]) { index = scalars.index(after: index) }
        }
        return Substring(scalars[index...]).trimmingWhitespace()
    }

    /// Parts of a title broken over lines, joined: with no space between
    /// two ideographs, with one between words of Latin script.
    /// Spaces PDF extraction put between two ideographs go too.
    static func joinTitle(_ parts: [Substring]) -> String {
        var title = String.UnicodeScalarView()
        for part in parts {
            if let last = title.last, let first = part.unicodeScalars.first,
               last.isASCIIAlphanumeric && first.isASCIIAlphanumeric {
                title.append(" ")
            }
            title.append(contentsOf: part.unicodeScalars)
        }
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in title {
            if scalar.isSpace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace, let last = out.last, !(last.isHan || last.isFullWidthPunctuation) || !(scalar.isHan || scalar.isFullWidthPunctuation) {
                out.append(" ")
            }
            pendingSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// The lines of a title at `index`: one line, or two when a short
    /// second part follows with no blank line, or across a page break.
    func titleSpan(at index: Int, in sheet: Sheet, limit: Int) -> Range<Int> {
        let first = sheet.lines[index]
        // A line as short as a section name is one (the title comes under it).
        guard (10...40).contains(first.unicodeScalars.count), !Self.endsSentence(first),
              !first.unicodeScalars.contains("\u{FFFD}") else { return index..<(index + 1) }
        var second = index + 1
        if second < limit, sheet.lines[second].isEmpty, second + 1 < limit {
            // Broken at a page end, or set apart by the extraction: the
            // first part then ran to the width of the page, or nearly.
            guard first.unicodeScalars.count >= 14 else { return index..<(index + 1) }
            second += 1
        }
        guard second < limit else { return index..<(index + 1) }
        let part = sheet.lines[second]
        // A banner and the dressed title under it are two headings.
        guard !Self.undress(first).symmetric, !part.isEmpty, !Self.undress(part).marked,
              part.unicodeScalars.count < 30, !Self.endsSentence(part),
              Self.mayBeHeading(part, marked: false), !BodyLine.isHeading(part),
              first.unicodeScalars.count + part.unicodeScalars.count <= 64 else { return index..<(index + 1) }
        let after = second + 1
        if after >= limit || sheet.lines[after].isEmpty || opensParagraph(at: after, in: sheet, limit: limit) {
            return index..<(second + 1)
        }
        return index..<(index + 1)
    }

    /// The next line with text after `index`, bylines skipped.
    func nextContent(after index: Int, in sheet: Sheet, limit: Int) -> Int? {
        var i = index
        while i < limit {
            let line = sheet.lines[i]
            if !line.isEmpty && !Self.isByline(line) { return i }
            i += 1
        }
        return nil
    }

    /// Whether a line could be a heading's text: short, not a sentence, not
    /// a list item, a policy's 《…》 title, a source, link or date.
    static func mayBeHeading(_ text: Substring, marked: Bool) -> Bool {
        let count = text.unicodeScalars.count
        guard (2...70).contains(count), let last = text.last else { return false }
        if "。！？!?；;，,、：:".contains(last) { return false }
        var han = 0
        for scalar in text.unicodeScalars where scalar.isHan {
            han += 1
            if han == 2 { break }
        }
        if han < 2 { return false }
        if BodyLine.linkURL(text) != nil || BodyLine.splitSource(text) != nil || BodyLine.isFooter(text) { return false }
        if BodyLine.isTableRow(text) { return false }
        if isByline(text) || isBoilerplate(text) || isEditorialLine(text) { return false }
        if !marked {
            if text.hasPrefix("《") && text.hasSuffix("》") { return false }
            // A headline is not a sentence: no full stop inside, a comma only in a short one.
            if text.unicodeScalars.contains(where: { $0 == "。" || $0 == "；" || $0 == ";" }) { return false }
            if count > 30 && text.unicodeScalars.contains(where: { $0 == "，" || $0 == "," }) { return false }
            if BodyLine.startsWithListNumber(text) || BodyLine.isHeading(text) { return false }
            if "-•·*▪（(“\"".contains(text.first ?? " ") { return false }
        }
        return true
    }

    /// Body text: a long line, or a sentence.
    /// A line of Latin script (a masthead's English name) or a contents
    /// entry with its leader and page is not.
    static func isParagraph(_ line: Substring) -> Bool {
        let count = line.unicodeScalars.count
        guard line.contains(where: \.isHan) || count >= 80 else { return false }
        if count < 80, leaderStart(line) != nil { return false }
        return count >= 36 || count >= 8 && endsSentence(line) || count >= 16 && line.contains(where: { "，,、".contains($0) })
    }

    /// Lines between a title and its text: the source, the author, the date.
    /// (By scalars, the first one settling most lines: this runs for many
    /// lines of every file.)
    static func isByline(_ line: Substring) -> Bool {
        guard line.hasAtMostScalars(48) else { return false }
        let scalars = line.unicodeScalars
        guard let first = scalars.first else { return false }
        if first == "—" || first == "-", line.hasPrefix("——") || line.hasPrefix("--") { return true }
        // 【来源】…　【日期】…: labels in brackets.
        if first == "【" || first == "[" || first == "〔" {
            let inner = scalars.dropFirst()
            for label in bylineLabels where inner.starts(with: label) {
                if let close = inner.dropFirst(label.count).first, close == "】" || close == "]" || close == "〕" { return true }
            }
        }
        if bylineLabelStarts.contains(first) {
            for label in bylineLabels where scalars.starts(with: label) {
                let rest = scalars.dropFirst(label.count).drop(while: { $0 == " " || $0 == "\u{3000}" })
                if label.last == "/" || label.last == "｜" || rest.first == "：" || rest.first == ":" { return true }
            }
        }
        // A date standing alone.
        if line.hasAtMostScalars(16), let date = firstDate(in: String(line)), !date.isEmpty { return true }
        return false
    }

    /// A byline's labels, in both scripts (來源, 記者, 發布時間), longest first.
    static let bylineLabels: [[Unicode.Scalar]] = [
        "信息来源", "发布时间", "发布日期", "通讯员", "来源", "作者", "记者", "文/", "文｜", "编辑", "时间", "日期", "撰稿", "供稿",
        "資料來源", "資訊來源", "發布時間", "發佈時間", "發布日期", "通訊員", "來源", "記者", "編輯", "時間",
    ].map { Array($0.unicodeScalars) }
    static let bylineLabelStarts = Set(bylineLabels.compactMap(\.first))

    /// Notices about copyright, internal circulation and the like.
    static func isBoilerplate(_ line: Substring) -> Bool {
        ["版权所有", "版权归", "版权问题", "仅供参考", "仅供内部", "仅供学习", "内部资料", "内部交流", "不代表", "侵权", "转载请",
         "免责声明", "注意保存", "内部刊物", "免费赠阅", "请勿外传"]
            .contains(where: { line.containsText($0) })
    }

    /// `主编：…`, `地址：…`, `电话 0571…`: the editorial office's block.
    static func isEditorialLine(_ line: Substring) -> Bool {
        // 某省工业和信息化厅 编, 某某中心编印, 某某学会主办: who compiles the issue.
        if line.hasAtMostScalars(32), let last = line.unicodeScalars.last, "编印办部".unicodeScalars.contains(last) {
            let compact = String(line).removingWhitespace
            if ["编印", "主办", "承办", "编辑部"].contains(where: { compact.hasSuffix($0) }) && compact.count > 3
                || line.hasSuffix(" 编") || line.hasSuffix("\u{3000}编") {
                return true
            }
        }
        // Most lines start with no label's first character: settled without a copy.
        guard let first = line.unicodeScalars.first(where: { !$0.isSpace }),
              editorialLabelStarts.contains(first) else { return false }
        let compact = String(line).removingWhitespace
        guard let label = editorialLabels.filter({ compact.hasPrefix($0) }).max(by: { $0.count < $1.count }) else { return false }
        let rest = compact.dropFirst(label.count)
        return rest.isEmpty || rest.first == "：" || rest.first == ":" || String(line).dropFirst(label.count).first?.isWhitespace == true
            || line.hasPrefix(label) && line.dropFirst(label.count).first == "\u{3000}"
            || String(line).contains(" ") && compact.count <= 40
    }

    static let editorialLabels = [
        "主办", "协办", "承办", "主编", "副主编", "总编辑", "编辑", "责任编辑", "执行编辑", "美术编辑", "编委会",
        "地址", "通讯地址", "编辑地址", "电话", "联系电话", "咨询电话", "传真", "邮箱", "电子邮箱", "网址", "邮编",
        "印刷", "发送", "报送", "抄送", "分送", "编印", "出版", "准印证", "联系人", "指导单位", "学术支持",
    ]
    static let editorialLabelStarts = Set(editorialLabels.compactMap(\.unicodeScalars.first))

    static func isPrefaceName(_ compact: String) -> Bool {
        ["卷首语", "编者按", "编者的话", "刊首语", "卷首寄语", "主编寄语", "编首语", "编者语", "开卷语"].contains(where: { compact.hasPrefix($0) })
    }

    static func isBackMatterName(_ compact: String) -> Bool {
        ["关于我们", "关于本刊", "本刊简介", "刊物简介", "联系我们", "联系方式", "订阅", "投稿", "征稿", "编辑部", "本刊声明",
         "版权声明", "免责声明", "往期回顾", "编后记", "编后语", "编辑委员会", "本刊信息", "读者服务",
         "關於我們", "關於本刊", "聯繫我們", "聯絡我們", "編輯部", "本刊聲明", "版權聲明"]
            .contains(where: { compact.hasPrefix($0) })
    }

    /// Labels of a periodical's own particulars (address, telephone,
    /// e-mail, post code, website), in both scripts: a short heading over
    /// lines that start with them heads back matter, whatever it is called.
    static let particularsLabels = ["地址", "电话", "電話", "传真", "傳真", "邮箱", "郵箱", "电子邮箱", "電子郵件", "投稿邮箱",
                                    "邮编", "郵編", "网址", "網址", "E-mail", "Email", "email", "主办", "主辦", "编印", "編印"]

    /// Whether the content lines after `index` open with particulars'
    /// labels (`电话：…`), two of the next three at least.
    func particularsFollow(_ index: Int, in sheet: Sheet, limit: Int) -> Bool {
        var seen = 0, labelled = 0, i = index
        while i < limit, seen < 3 {
            let line = sheet.lines[i]
            i += 1
            if line.isEmpty { continue }
            seen += 1
            let compact = String(line).removingWhitespace
            if Self.particularsLabels.contains(where: { compact.hasPrefix($0) }),
               compact.dropFirst(2).contains(where: { $0 == "：" || $0 == ":" }) {
                labelled += 1
            }
        }
        return labelled >= 2
    }

    /// A line without its dressing: `【标题】`, `■ 标题`, `★ 栏目 ★`,
    /// `◆◆ 栏目 ◆◆`. `symmetric` when the dressing stands on both sides.
    static let headingMarks: Set<Unicode.Scalar> = ["■", "□", "●", "○", "◆", "◇", "▲", "△", "▶", "►", "▼", "▽", "◎", "★", "☆",
                                                    "※", "♦", "▪", "◼", "⬛", "◉", "❖", "✦", "✧", "→", "=", "＝", "#", "＃", "—",
                                                    // Bars and arrows of pages made on messaging platforms.
                                                    "▍", "▌", "▎", "▏", "▋", "▊", "█", "│", "┃", "｜", "|", "➤", "➢", "▷",
                                                    "◥", "◤", "◢", "◣", "♢", "✪", "◈", "⊙", "⭐"]

    static func undress(_ line: Substring) -> (text: Substring, marked: Bool, symmetric: Bool) {
        // By scalars: every mark is one.
        var scalars = line.unicodeScalars
        var leading = false, trailing = false
        while let first = scalars.first, headingMarks.contains(first) || first == " " || first == "\u{3000}" {
            if headingMarks.contains(first) { leading = true }
            scalars = scalars.dropFirst()
        }
        while let last = scalars.last, headingMarks.contains(last) || last == " " || last == "\u{3000}" {
            if headingMarks.contains(last) { trailing = true }
            scalars = scalars.dropLast()
        }
        let text = Substring(scalars)
        if leading && !trailing && line.hasPrefix("—") {
            // A dash that opens a subtitle, not a mark.
            return (line, false, false)
        }
        let brackets: [(Character, Character)] = [("【", "】"), ("〖", "〗"), ("［", "］"), ("[", "]"), ("〔", "〕")]
        for (open, close) in brackets where text.first == open && text.last == close && text.count > 2 {
            let inner = text.dropFirst().dropLast()
            if !inner.contains(open) && !inner.contains(close) {
                return (inner.trimmingWhitespace(), true, true)
            }
        }
        return (text, leading || trailing, leading && trailing)
    }
}

extension Unicode.Scalar {
    /// CJK punctuation and full-width forms: no space is wanted beside them.
    var isFullWidthPunctuation: Bool {
        (0x3000...0x303F).contains(value) || (0xFF00...0xFF65).contains(value) || (0x2018...0x201D).contains(value)
    }
}

extension BodyLine {
    /// A line after which an article has ended: its source, a link, a
    /// QR-code prompt.
    static func endsArticle(_ line: Substring) -> Bool {
        if linkURL(line) != nil || isFooter(line) { return true }
        // A link line whose address is damaged still ends the article.
        if ["原文链接", "原文地址", "阅读原文", "链接：", "链接:"].contains(where: { line.hasPrefix($0) }), line.unicodeScalars.count <= 200 {
            return true
        }
        if let split = splitSource(line) { return split.text.isEmpty || BulletinParser.endsSentence(split.text) }
        return false
    }
}
