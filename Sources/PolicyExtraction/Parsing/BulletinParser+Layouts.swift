extension BulletinParser {
    /// The plan a table of contents gives, starting at its heading on sheet
    /// line `heading`; nil when fewer than half its titles are in the text
    /// (then it is not the contents of this text, and headings decide).
    func planFromContents(_ sheet: Sheet, heading: Int, organisations: Set<String>) -> Plan? {
        let contents = readContents(sheet.lines, from: heading + 1)
        guard !contents.entries.isEmpty else { return nil }
        let keys = LineKeys(sheet.lines)
        var plan = Plan(layout: .contents, sections: contents.sections, contents: heading..<contents.end)

        // Entries in the text's order, an unmarked line joined to the entry
        // before when the text holds the two as one title.
        var entries: [ContentsEntry] = []
        var spans: [Range<Int>?] = []
        var seen = Set<String>()
        var cursor = contents.end
        var index = 0
        while index < contents.entries.count {
            var entry = contents.entries[index]
            index += 1
            if index < contents.entries.count {
                let next = contents.entries[index]
                if next.adjoinsPrevious, next.section == entry.section, !entry.trailing, !next.leading {
                    let joined = entry.title + next.title
                    if let span = locate(joined.comparisonKey, in: keys, from: cursor) {
                        entry.title = joined
                        entry.page = next.page ?? entry.page
                        index += 1
                        entries.append(entry)
                        spans.append(span)
                        cursor = span.upperBound
                        continue
                    }
                    // A short tail (shorter than half the line before) that is
                    // not in the text, nor the line before: the title line is
                    // damaged, and the wrapped entry is still one title (found
                    // fuzzily below). Two whole titles are never joined so.
                    if next.title.count * 2 < entry.title.count,
                       locate(entry.title.comparisonKey, in: keys, from: cursor) == nil,
                       locate(next.title.comparisonKey, in: keys, from: cursor) == nil {
                        entry.title = joined
                        entry.page = next.page ?? entry.page
                        index += 1
                        guard seen.insert(joined.comparisonKey).inserted else { continue }
                        entries.append(entry)
                        spans.append(nil)
                        continue
                    }
                }
            }
            let key = entry.title.comparisonKey
            guard seen.insert(key).inserted else { continue }
            let span = locate(key, in: keys, from: cursor)
            entries.append(entry)
            spans.append(span)
            if let span { cursor = span.upperBound }
        }

        // Titles not found as written: fuzzily between the neighbours found,
        // then from the headings between them.
        for index in entries.indices where spans[index] == nil {
            let lower = spans[..<index].last(where: { $0 != nil })??.upperBound ?? contents.end
            let upper = spans[(index + 1)...].first(where: { $0 != nil })??.lowerBound ?? sheet.count
            let key = entries[index].title.comparisonKey
            if let span = locateFuzzily(key, in: keys, from: lower, upTo: upper) {
                spans[index] = span
                // The heading as printed, without its dressing (`### ` of a web page's `<h3>`).
                let written = Self.joinTitle(sheet.lines[span].map { Self.undress($0).text })
                if Self.prefersHeading(written, over: entries[index].title) { entries[index].title = written }
            }
        }
        // Every title found as listed: the list is whole, and a heading it
        // does not name is an article only on strong evidence.
        let listIsWhole = spans.allSatisfy { $0 != nil }
        let placed = spans.filter { $0 != nil }.count
        guard placed * 2 >= entries.count, placed > 0 else { return nil }
        for index in entries.indices where spans[index] == nil {
            let lower = spans[..<index].last(where: { $0 != nil })??.upperBound ?? contents.end
            let upper = spans[(index + 1)...].first(where: { $0 != nil })??.lowerBound ?? sheet.count
            let title = entries[index].title
            if let start = startFromNeighbours(title, in: sheet, from: lower, to: upper) {
                spans[index] = start.span
                if let heading = start.heading, Self.prefersHeading(heading, over: title) { entries[index].title = heading }
                let line = sheet.origin[start.span.lowerBound] + 1
                plan.warnings.append(IngestWarning(.titleInferred, start.heading.map {
                    "「\(title)」is not in the text as listed; read from the heading at line \(line)「\($0)」"
                } ?? "「\(title)」has no title line in the text; taken to start at line \(line), after the article before it ends"))
            } else {
                plan.warnings.append(IngestWarning(.titleNotFound,
                    "the contents list「\(title)」but the text holds no such article; its text, if any, stays with the article before"))
            }
        }

        let sectionKeys = Set(contents.sections.map(\.comparisonKey))
        for (entry, span) in zip(entries, spans) {
            guard let span else { continue }
            let compact = entry.title.removingWhitespace
            if Self.isBackMatterName(compact) {
                plan.backMatter = plan.backMatter ?? span.lowerBound
                continue
            }
            plan.anchors.append(Anchor(title: entry.title, section: entry.section, page: entry.page, span: span,
                                       isPreface: Self.isPrefaceName(compact)))
        }
        plan.anchors.sort { $0.span.lowerBound < $1.span.lowerBound }
        if let backMatter = plan.backMatter { plan.anchors.removeAll { $0.span.lowerBound >= backMatter } }
        addUnlistedArticles(&plan, sheet: sheet, sectionKeys: sectionKeys, organisations: organisations, listIsWhole: listIsWhole)
        return plan
    }

    /// Whether a heading found in the text names an article better than
    /// its damaged contents entry: undamaged where the entry is not, or
    /// holding the whole entry (the entry lost a line).
    static func prefersHeading(_ heading: String, over title: String) -> Bool {
        let damaged: (String) -> Bool = { $0.unicodeScalars.contains("\u{FFFD}") }
        if damaged(heading) != damaged(title) { return damaged(title) }
        let key = heading.comparisonKey, listed = title.comparisonKey
        return key.count > listed.count && key.contains(listed)
    }

    /// Where an article whose title is not in the text begins, between the
    /// end of the article before (`lower`) and the next title (`upper`):
    /// the heading there most like its title, or the first text after the
    /// line that ends the article before.
    func startFromNeighbours(_ title: String, in sheet: Sheet, from lower: Int, to upper: Int) -> (span: Range<Int>, heading: String?)? {
        guard lower < upper else { return nil }
        let target = Array(title.comparisonKey)
        let headings = scanHeadings(sheet, in: lower..<upper).filter { $0.kind == .title }
        if let best = headings.max(by: { similarity(Array($0.text.comparisonKey), target) < similarity(Array($1.text.comparisonKey), target) }),
           similarity(Array(best.text.comparisonKey), target) >= 0.5 {
            return (best.span, best.text)
        }
        // No heading like it: the title line is lost, and the article
        // starts after the last line that ends the one before.
        var start: Int?
        var ended = false
        for index in lower..<upper {
            let line = sheet.lines[index]
            guard !line.isEmpty else { continue }
            if ended, Self.isParagraph(line), !BodyLine.endsArticle(line) { start = index }
            ended = BodyLine.endsArticle(line)
        }
        if let start { return (start..<start, nil) }
        if let first = headings.first(where: \.afterEndMarker) { return (first.span, first.text) }
        return nil
    }

    /// Articles the contents list does not name (a line of it lost): a
    /// heading right after the line that ends an article, with body text
    /// under it.
    /// When the list is whole (`listIsWhole`: every title it names was
    /// found as written), a line missing from it was not lost: a heading
    /// there is most often a line of the article (a speaker's name and
    /// post, a short subheading), and is an article only when it is
    /// dressed as the listed titles are not, or long and after a line that
    /// ended an article; a warning says which way each went.
    func addUnlistedArticles(_ plan: inout Plan, sheet: Sheet, sectionKeys: Set<String>, organisations: Set<String>,
                             listIsWhole: Bool = false) {
        guard let first = plan.anchors.first else { return }
        var added: [Anchor] = []
        // Before the first listed title: an article whose entry was lost.
        if let contents = plan.contents, contents.upperBound < first.span.lowerBound,
           let heading = scanHeadings(sheet, in: contents.upperBound..<first.span.lowerBound, firstTitleOpens: true)
            .first(where: { $0.kind == .title && !sectionKeys.contains($0.text.comparisonKey) }) {
            let banner = scanHeadings(sheet, in: contents.upperBound..<heading.span.lowerBound).last { $0.kind == .banner }
            added.append(Anchor(title: heading.text, section: banner?.text ?? first.section, span: heading.span))
            plan.warnings.append(IngestWarning(.unlistedArticle,
                "「\(heading.text)」at line \(sheet.origin[heading.span.lowerBound] + 1) is not in the contents list; read as an article by its heading"))
        }
        anchors: for (index, anchor) in plan.anchors.enumerated() {
            let upper = index + 1 < plan.anchors.count ? plan.anchors[index + 1].span.lowerBound : (plan.backMatter ?? sheet.count)
            guard anchor.span.upperBound < upper else { continue }
            var section = anchor.section
            // The title as the article's own heading line prints it: the
            // contents entry may be damaged where the heading is not.
            let printedTitle = Self.joinTitle(sheet.lines[anchor.span].filter { !$0.isEmpty }.map { Self.undress($0).text })
                .comparisonKey
            var lastTitle = printedTitle
            for heading in scanHeadings(sheet, in: anchor.span.upperBound..<upper) {
                if heading.kind == .banner, sectionKeys.contains(heading.text.comparisonKey) {
                    section = heading.text
                    continue
                }
                if heading.kind == .backMatter || organisations.contains(heading.text.comparisonKey) {
                    // The back matter presents the editors: nothing after it is an article.
                    plan.backMatter = heading.span.lowerBound
                    break anchors
                }
                let key = heading.text.comparisonKey
                guard heading.kind == .title, !heading.text.hasPrefix("《"), !sectionKeys.contains(key),
                      !anchor.title.comparisonKey.contains(key), !lastTitle.contains(key),
                      heading.afterEndMarker || isStrongTitle(heading, anchor, sheet) && heading.text.unicodeScalars.count >= 14
                else { continue }
                let line = sheet.origin[heading.span.lowerBound] + 1
                if listIsWhole, !isStrongUnlistedTitle(heading, anchor, sheet) {
                    plan.warnings.append(IngestWarning(.unlistedHeading,
                        "「\(heading.text)」at line \(line) reads like a heading, but the contents list, found whole, does not name it: kept in「\(anchor.title)」"))
                    continue
                }
                added.append(Anchor(title: heading.text, section: section, span: heading.span))
                // A line under it that restates its words is its subtitle.
                lastTitle = key
                plan.warnings.append(IngestWarning(.unlistedArticle,
                    "「\(heading.text)」at line \(sheet.origin[heading.span.lowerBound] + 1) is not in the contents list; read as an article by its heading"))
            }
        }
        guard !added.isEmpty else { return }
        plan.anchors = (plan.anchors + added).sorted { $0.span.lowerBound < $1.span.lowerBound }
    }

    /// A heading a whole contents list does not name that is an article
    /// still: dressed as a title (`【…】`), or a headline's length with no
    /// space inside (a name and a post are set apart by one), after a line
    /// that ended an article which had text of its own — a source line
    /// right under a title is that article's byline, and what follows it
    /// (a speaker's name and post) is the article's.
    func isStrongUnlistedTitle(_ heading: Heading, _ anchor: Anchor, _ sheet: Sheet) -> Bool {
        if heading.marked { return true }
        let text = heading.text
        // (The heading's text is joined without spaces: the line as printed tells.)
        let printed = sheet.lines[heading.span].map { Self.undress($0).text }
        guard text.unicodeScalars.count >= 14 else { return false }
        // A long headline that is not a speaker's line (a name, then a space
        // or a post in brackets) is strong wherever it stands: a damaged
        // contents list may have lost its entry and still read as whole.
        if !printed.contains(where: { Self.holdsPostAside($0) || Self.opensWithName($0) }) { return true }
        guard !printed.contains(where: { $0.unicodeScalars.contains(where: \.isSpace) }),
              heading.afterEndMarker, isStrongTitle(heading, anchor, sheet) else { return false }
        return (anchor.span.upperBound..<heading.span.lowerBound).contains {
            Self.isParagraph(sheet.lines[$0]) && BodyLine.splitSource(sheet.lines[$0]) == nil
        }
    }

    /// Brackets that open an aside (王志强（…局长）).
    static let asideOpeners: [Unicode.Scalar] = ["（", "("]

    /// 王志强 工业和信息化部部长: two to four characters, a space, then more.
    static func opensWithName(_ line: Substring) -> Bool {
        let trimmed = line.drop(while: \.isWhitespace)
        guard let space = trimmed.firstIndex(where: \.isWhitespace) else { return false }
        return (2...4).contains(trimmed.distance(from: trimmed.startIndex, to: space))
            && !trimmed[space...].trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// A bracketed aside with no digit in it, as a speaker's post is written
    /// (王志强（…局长）); a title's period （2025—2027年） has digits.
    static func holdsPostAside(_ line: Substring) -> Bool {
        let scalars = Array(line.unicodeScalars)
        guard let open = scalars.firstIndex(where: { asideOpeners.contains($0) }) else { return false }
        return !scalars[open...].contains { $0.asciiDigit != nil }
    }

    /// The plan headings give, from sheet line `start`: banners name the
    /// sections, titles start articles. When some titles are dressed
    /// (`【…】`, `■ …`), only those count; when most bare titles follow an
    /// article's source or link line, those that do not are subheadings.
    func planFromHeadings(_ sheet: Sheet, from start: Int, organisations: Set<String>) -> Plan {
        var plan = Plan(layout: .headings)
        guard start < sheet.count else { return plan }
        let headings = scanHeadings(sheet, in: start..<sheet.count, firstTitleOpens: true)
        let titles = headings.filter { $0.kind == .title }
        let marked = titles.filter(\.marked)
        let afterEnd = titles.filter(\.afterEndMarker)
        let accept: (Heading) -> Bool
        if marked.count >= 2 {
            accept = { $0.marked }
        } else if afterEnd.count >= 2, afterEnd.count * 3 >= titles.count * 2 {
            accept = { $0.afterEndMarker }
        } else {
            accept = { _ in true }
        }
        // Titles a headless contents list names before the first article
        // (its heading lost) count whatever stands before them.
        let firstTitle = titles.first(where: accept)?.span.lowerBound ?? sheet.count
        var listed = Set<String>()
        for index in start..<min(firstTitle, sheet.count) where !sheet.lines[index].isEmpty {
            let title = Self.contentsEntry(sheet.lines[index])?.title ?? String(sheet.lines[index])
            listed.insert(title.comparisonKey)
        }
        var section: String?
        for var heading in headings {
            if organisations.contains(heading.text.comparisonKey) { heading.kind = .backMatter }
            switch heading.kind {
            case .banner:
                section = heading.text
                if !plan.sections.contains(heading.text) { plan.sections.append(heading.text) }
                plan.banners.formUnion(heading.span)
            case .preface:
                plan.anchors.append(Anchor(title: heading.text, section: section, span: heading.span, isPreface: true))
            case .backMatter:
                if !plan.anchors.isEmpty { plan.backMatter = heading.span.lowerBound }
            case .title:
                guard accept(heading) || listed.contains(heading.text.comparisonKey) || isStrongTitle(heading, plan.anchors.last, sheet)
                else { continue }
                plan.anchors.append(Anchor(title: heading.text, section: section, span: heading.span))
            }
            if plan.backMatter != nil { break }
        }
        plan.banners = plan.banners.filter { banner in plan.backMatter.map { banner < $0 } ?? true }
        if plan.anchors.allSatisfy(\.isPreface) { plan.anchors = [] }
        return plan
    }

    /// A bare title that stands for itself though no source or link line
    /// ends the article before (that line may be lost): long for a
    /// subheading, after a finished sentence, and not the article's own
    /// title repeated.
    func isStrongTitle(_ heading: Heading, _ previous: Anchor?, _ sheet: Sheet) -> Bool {
        guard heading.text.unicodeScalars.count >= 12, heading.span.lowerBound > 0 else { return false }
        if let previous, previous.title.comparisonKey.contains(heading.text.comparisonKey) { return false }
        guard let before = sheet.lines[..<heading.span.lowerBound].last(where: { !$0.isEmpty }) else { return false }
        // After a finished sentence, or after a label line (a damaged source or link line).
        return Self.endsSentence(before) || before.unicodeScalars.count <= 40 && before.contains(where: { "：:".contains($0) })
            || before.unicodeScalars.contains("\u{FFFD}") && !Self.isParagraph(before)
    }

    /// Where the masthead of a text without contents list ends: after the
    /// last line that gives a date, an issue number, an editorial label or
    /// a notice, before any dressed heading, body paragraph, or short line
    /// standing over a paragraph (a title).
    static func mastheadEnd(_ lines: [Substring]) -> Int {
        var end = 0
        let window = lines.prefix(80)
        func isMasthead(_ line: Substring) -> Bool {
            firstDate(in: String(line)) != nil && line.unicodeScalars.count <= 40
                || number(in: String(line), after: "第") != nil && line.unicodeScalars.count <= 40
                || isEditorialLine(line) || isBoilerplate(line)
        }
        var first = true
        for (index, line) in window.enumerated() where !line.isEmpty {
            defer { first = false }
            if isMasthead(line) {
                end = index + 1
                continue
            }
            // `# 刊名` over `2025年第12期`: the first line names the periodical,
            // however it is dressed, when the number or date follows.
            if first, undress(line).marked, let next = window[(index + 1)...].first(where: { !$0.isEmpty }), isMasthead(next) {
                end = index + 1
                continue
            }
            if undress(line).marked || isParagraph(line) || isContentsHeading(line) { break }
            if let next = window[(index + 1)...].first(where: { !$0.isEmpty }), isParagraph(next),
               !isBoilerplate(next), !isEditorialLine(next) {
                break
            }
        }
        return end
    }
}
