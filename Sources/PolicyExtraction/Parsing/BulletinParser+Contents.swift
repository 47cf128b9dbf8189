import Foundation

extension BulletinParser {
    struct ContentsEntry: Equatable {
        var section: String?
        var page: Int?
        var title: String
        /// Began with a number or bullet: a line of its own for certain.
        var leading: Bool
        /// Ended with a page: nothing of the title follows on the next line.
        var trailing: Bool
        var marked: Bool { leading || trailing }
        /// No blank line between it and the entry before.
        var adjoinsPrevious: Bool
        /// Sheet line of the entry.
        var line: Int
    }

    struct Contents {
        var sections: [String] = []
        var entries: [ContentsEntry] = []
        /// The first sheet line after the table of contents.
        var end: Int
    }

    /// Reads the table of contents that starts at sheet line `start`:
    /// section names on lines of their own, entries as `- 01 Title`,
    /// `1、Title …… 12`, `Title …… 12`, `Title  12` or the bare title. It
    /// ends where the text repeats a title or a section it listed, or where
    /// a paragraph begins.
    func readContents(_ lines: [Substring], from start: Int) -> Contents {
        var contents = Contents(end: start)
        var section: String?
        var previousWasEntry = false
        var seenKeys = Set<String>()
        var sectionLine = -1
        var index = start
        while index < lines.count {
            let line = lines[index]
            defer { index += 1 }
            if line.isEmpty {
                previousWasEntry = false
                continue
            }
            let key = String(line).comparisonKey
            // A line twice in a row is a slip, not the text beginning.
            if let previous = lines[start..<index].last(where: { !$0.isEmpty }), previous == line { continue }
            // The articles begin where a listed title or section comes again.
            if seenKeys.contains(key) { break }
            if let first = contents.entries.first?.title.comparisonKey,
               key.count >= min(4, first.count), first.hasPrefix(key) || key.hasPrefix(first) {
                // The first title again, whole or its first part.
                break
            }
            if let entry = Self.contentsEntry(line) {
                // A listed title again, its number with it (1.标题 in the
                // list and over the article): the articles begin.
                if seenKeys.contains(entry.title.comparisonKey) { break }
                contents.entries.append(ContentsEntry(section: section, page: entry.page, title: entry.title,
                                                      leading: entry.leading, trailing: entry.trailing,
                                                      adjoinsPrevious: previousWasEntry, line: index))
                seenKeys.insert(entry.title.comparisonKey)
                contents.end = index + 1
                previousWasEntry = true
                continue
            }
            if Self.endsSentence(line) || !line.hasAtMostScalars(64) || BodyLine.linkURL(line) != nil { break }
            // A bare line with a paragraph under it is the text's first
            // title (the contents list named it otherwise, or lost it).
            if let next = lines[(index + 1)...].prefix(3).first(where: { !$0.isEmpty }), Self.isParagraph(next),
               next.contains(where: { "，。；".contains($0) }), Self.contentsEntry(next) == nil, !Self.isBoilerplate(next) {
                break
            }
            let label = Self.undress(line)
            let name = String(label.text).removingWhitespace
            // A short line right under an entry that did not end with its
            // page may be the rest of its title rather than a section.
            let mayContinue = previousWasEntry && contents.entries.last.map { !$0.trailing } == true && !label.marked
            let isSectionLike = !mayContinue && (name.unicodeScalars.count <= 8 && name.contains(where: \.isHan)
                && !BodyLine.startsWithListNumber(label.text) || label.symmetric && name.unicodeScalars.count <= 12)
            if isSectionLike {
                if contents.sections.contains(name) { break }
                section = name
                sectionLine = index
                contents.sections.append(name)
                seenKeys.insert(key)
                seenKeys.insert(name.comparisonKey)
                contents.end = index + 1
                previousWasEntry = false
            } else if !previousWasEntry, (contents.entries.last?.line ?? -1) > sectionLine {
                // A bare line after a blank line and an entry, with no
                // section name between: the text has begun.
                break
            } else if line.contains(where: \.isHan) {
                // A title with no number or page: an entry of its own, or
                // the rest of the one before; the text decides.
                let title = String(line)
                contents.entries.append(ContentsEntry(section: section, page: nil, title: title, leading: false,
                                                      trailing: false, adjoinsPrevious: previousWasEntry, line: index))
                seenKeys.insert(title.comparisonKey)
                contents.end = index + 1
                previousWasEntry = true
            } else {
                break
            }
        }
        return contents
    }

    /// `- 01 标题`, `01 标题`, `1、标题 …… 12`, `标题 …… 12` or `标题  12`:
    /// the page is the trailing number after a dotted leader or a gap when
    /// there is one, else the leading number. A year that opens a title
    /// (`2025世界制造业大会…`) is not a page.
    static func contentsEntry(_ line: Substring) -> (page: Int?, title: String, leading: Bool, trailing: Bool)? {
        // A damaged character before the entry is not part of it.
        var rest = line.drop(while: { $0 == "\u{FFFD}" || $0 == " " })
        var bulleted = false
        if let first = rest.first, "-•·*●▪◆■◇□►▶>—–".contains(first) {
            rest = rest.drop(while: { "-•·*●▪◆■◇□►▶>—–".contains($0) }).drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" })
            bulleted = true
        }
        var trailingPage: Int?
        // A dotted leader, even a damaged one, ends the title: what follows
        // it is the page or nothing.
        if let leader = Self.leaderStart(rest) {
            let tail = rest[leader...]
            let digits = tail.reversed().prefix(while: { $0.isASCII && $0.isNumber })
            if (1...3).contains(digits.count) { trailingPage = Int(String(digits.reversed())) }
            rest = rest[..<leader].trimmingWhitespace()
            let numbered = rest.prefix(while: { $0.isASCII && $0.isNumber })
            if (1...3).contains(numbered.count), let next = rest.dropFirst(numbered.count).first,
               next == " " || next == "\t" || next == "\u{3000}" || "、.．".contains(next) {
                let title = rest.dropFirst(numbered.count).drop(while: { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || "、.．".contains($0) })
                if title.contains(where: \.isHan) { return (trailingPage ?? Int(numbered), String(title.trimmingWhitespace()), true, trailingPage != nil) }
            }
            if rest.contains(where: \.isHan) { return (trailingPage, String(rest), bulleted, true) }
            return nil
        }
        let trailing = rest.reversed().prefix(while: { $0.isASCII && $0.isNumber })
        if (1...3).contains(trailing.count) {
            let head = rest.dropLast(trailing.count)
            let leader = head.reversed().prefix(while: { ".…·．　 -—_⋯".contains($0) })
            let dots = leader.filter { $0 != " " && $0 != "\u{3000}" }.count
            if dots >= 2 || leader.count >= 1 && leader.allSatisfy({ $0 == " " || $0 == "\u{3000}" }) && head.last?.isDigit == false {
                trailingPage = Int(String(trailing.reversed()))
                rest = head.dropLast(leader.count)
            }
        } else if let last = rest.last, "…．.".contains(last) {
            // A leader with the page lost.
            let leader = rest.reversed().prefix(while: { ".…·．　 ".contains($0) })
            if leader.count >= 2 { rest = rest.dropLast(leader.count) }
        }
        let isSeparator: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || "、.．".contains($0) }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        if (1...3).contains(digits.count), let next = rest.dropFirst(digits.count).first, isSeparator(next) {
            let title = rest.dropFirst(digits.count).drop(while: isSeparator)
            if title.contains(where: \.isHan) {
                return (trailingPage ?? Int(digits), String(title.trimmingWhitespace()), true, trailingPage != nil)
            }
        }
        if let page = Self.leadingPage(rest), page.title.contains(where: \.isHan) {
            return (trailingPage ?? page.page, String(page.title), true, trailingPage != nil)
        }
        if trailingPage != nil || bulleted, rest.contains(where: \.isHan) {
            return (trailingPage, String(rest.trimmingWhitespace()), bulleted, trailingPage != nil)
        }
        return nil
    }

    /// Where a dotted leader (three or more of `…`, `.`, `·`, `．`, `⋯`
    /// in a row, spaces allowed) begins, when what follows it is short.
    static func leaderStart(_ text: Substring) -> Substring.Index? {
        let dots: Set<Character> = ["…", ".", "·", "．", "⋯", "。", "_"]
        var index = text.startIndex
        while index < text.endIndex {
            if dots.contains(text[index]) {
                var run = 0, damaged = 0
                var end = index
                while end < text.endIndex {
                    let c = text[end]
                    if dots.contains(c) {
                        run += 1
                    } else if c == " " || c == "\u{3000}" {
                    } else if damaged == 0, run >= 1, c == "\u{FFFD}" || c.isPunctuation || c.isSymbol {
                        // One damaged dot (… read as ‶) does not end the leader.
                        damaged += 1
                    } else {
                        break
                    }
                    end = text.index(after: end)
                }
                let weight = text[index] == "…" || text[index] == "⋯" ? 2 : 1
                // What follows a leader is a page number, if anything, maybe
                // damaged, but not words (数据要素……的价值 is a title).
                if run * weight >= 3 && text.distance(from: end, to: text.endIndex) <= 6
                    && !text[end...].contains(where: { $0.isHan && $0 != "第" && $0 != "页" }) {
                    return index
                }
                index = end
                continue
            }
            index = text.index(after: index)
        }
        return nil
    }

    /// `P5 标题`, `第5页 标题`.
    static func leadingPage(_ text: Substring) -> (page: Int, title: Substring)? {
        var rest = text
        if rest.hasPrefix("P") || rest.hasPrefix("p") { rest = rest.dropFirst() } else if rest.hasPrefix("第") { rest = rest.dropFirst() } else { return nil }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...3).contains(digits.count), let page = Int(digits) else { return nil }
        rest = rest.dropFirst(digits.count)
        if rest.first == "页" { rest = rest.dropFirst() }
        guard let next = rest.first, next == " " || next == "\u{3000}" || next == "\t" else { return nil }
        return (page, rest.trimmingWhitespace())
    }

    static func endsSentence(_ line: Substring) -> Bool {
        guard let last = line.last else { return false }
        return "。！？!?；;".contains(last)
    }

    /// Publication, date and numbers from the lines before the contents.
    func readMasthead(_ header: [Substring], body: ArraySlice<Substring> = []) -> ParsedIssue {
        var issue = ParsedIssue(publication: "")
        // 二〇二五年十月 reads as 2025年10月.
        let text = DateReading.withArabicDates(header.joined(separator: "\n"))
        if let date = Self.firstDate(in: text) {
            issue.date = date
        } else if let month = Self.firstMonth(in: text) {
            // A monthly's issue (2025年10月号, 2025年9月 第9期): that month.
            issue.date = month + "-01"
            issue.datePrecision = .month
        } else if let (year, quarter) = DateReading.firstQuarter(in: text) {
            // A quarterly's issue (2025年第3季度): that quarter.
            issue.date = String(format: "%04d-%02d-01", year, (quarter - 1) * 3 + 1)
            issue.datePrecision = .quarter
        } else if let year = DateReading.firstIssueYear(in: text) {
            // 2025年第18期 with no day anywhere: that year.
            issue.date = "\(year)-01-01"
            issue.datePrecision = .year
        }
        issue.cumulativeNumber = Self.number(in: text, after: "总第")
        issue.number = Self.number(in: text, after: "第", skippingAfter: "总")

        // The periodical's name is the short line repeated on the cover and
        // the masthead, or in the running headers of the body; failing
        // that, the line before the first date, or the first name-like line.
        // Without its dressing: `# 数据要素周报` names 数据要素周报.
        let compacts = header.map { String(Self.undress($0).text).removingWhitespace }.filter { !$0.isEmpty }
        let candidates = compacts.filter { compact in
            (2...20).contains(compact.count) && compact.contains(where: \.isHan) && !compact.contains(where: \.isDigit)
                && !Self.endsSentence(compact[...]) && !Self.isEditorialLine(compact[...]) && !Self.isBoilerplate(compact[...])
                && !Self.isContentsHeading(compact[...]) && !compact.contains("：") && !compact.contains(":")
                && !BodyLine.startsWithListNumber(compact[...])
        }
        // A line printed twice in a row is a slip, not the cover and the
        // masthead naming the periodical: it counts once.
        var counts: [String: Int] = [:]
        for (index, compact) in compacts.enumerated() where candidates.contains(compact) {
            if index > 0, compacts[index - 1] == compact { continue }
            counts[compact, default: 0] += 1
        }
        let repeated = candidates.first(where: { (counts[$0] ?? 0) >= 2 })
        let shortLines = repeated == nil ? body.filter { !$0.isEmpty && $0.utf8.count <= 120 } : []
        let inRunningHeaders = repeated != nil ? nil : candidates.prefix(6).first { candidate in
            candidate.count >= 3 && shortLines.lazy.filter { $0.containsText(candidate) }.prefix(2).count == 2
        }
        let dateLine = header.firstIndex(where: { Self.firstDate(in: String($0)) != nil })
        let beforeDate = dateLine.flatMap { line in
            header[..<line].last(where: { counts[String($0).removingWhitespace] != nil }).map { String($0).removingWhitespace }
        }
        // 数字经济周刊 2025年第18期: a name, then the issue's number or date on
        // the same line, the first of the file.
        let namedWithNumber = header.filter { !$0.isEmpty }.prefix(1).lazy.compactMap { line -> String? in
            guard let space = line.firstIndex(where: { $0 == " " || $0 == "\u{3000}" }) else { return nil }
            let name = String(line[..<space]), rest = String(line[space...])
            guard (2...20).contains(name.count), name.contains(where: \.isHan), !name.contains(where: \.isDigit),
                  rest.contains(where: \.isDigit),
                  Self.firstDate(in: rest) != nil || ["期", "年", "月刊"].contains(where: { rest.contains($0) }) else { return nil }
            return name
        }.first
        issue.publication = repeated ?? inRunningHeaders ?? namedWithNumber ?? beforeDate
            ?? candidates.first ?? "未知刊物"
        if repeated == nil, inRunningHeaders == nil, let named = Self.runningHeaderName(body, like: issue.publication) {
            // The masthead's name is damaged or missing; the running headers
            // repeat it whole.
            issue.publication = named
        }
        if issue.publication.hasPrefix("《") && issue.publication.hasSuffix("》") {
            issue.publication = String(issue.publication.dropFirst().dropLast())
        }
        return issue
    }

    /// The name a dated running header repeats (`刊名　2025年9月22日` on
    /// every page), when it is like `guess` or the masthead gave none.
    static func runningHeaderName(_ lines: ArraySlice<Substring>, like guess: String) -> String? {
        var counts: [String: Int] = [:]
        for line in lines where !line.isEmpty && line.hasAtMostScalars(40) {
            let compact = String(line).removingWhitespace
            guard Sheet.hasIssueMark(compact) else { continue }
            let rest = Sheet.strippingIssueMarks(compact, name: "")
            guard (2...16).contains(rest.count), rest.contains(where: \.isHan) else { continue }
            counts[rest, default: 0] += 1
        }
        let parser = BulletinParser()
        return counts.filter { $0.value >= 2 }
            .filter { guess == "未知刊物" || parser.similarity(Array($0.key), Array(guess)) >= 0.6 }
            .max { $0.value < $1.value }?.key
    }

    /// `2025年3月10日`, spaces allowed between the parts, as `2025-03-10`.
    /// The first `YYYY年M月` (or `YYYY年M月号`, `YYYY-MM`) not followed by a
    /// day, as `YYYY-MM`.
    static func firstMonth(in text: String) -> String? {
        let chinese = text.firstMatch(of: /(19[5-9]\d|20\d\d)\s*年\s*(1[0-2]|0?[1-9])\s*(?:月(?!\s*\d{1,2}\s*日)|月号)/)
        let numeric = text.firstMatch(of: /(?:^|[^\d\-\/.])(19[5-9]\d|20\d\d)[\-\/.](1[0-2]|0?[1-9])(?![\d\-\/.年月日])/)
        // The earlier of the two forms.
        var found: [(at: String.Index, year: Substring, month: Substring)] = []
        if let c = chinese { found.append((c.range.lowerBound, c.output.1, c.output.2)) }
        if let n = numeric { found.append((n.range.lowerBound, n.output.1, n.output.2)) }
        guard let first = found.min(by: { $0.at < $1.at }), let month = Int(first.month) else { return nil }
        return "\(first.year)-" + (month < 10 ? "0" : "") + "\(month)"
    }

    static func firstDate(in text: String) -> String? {
        // One reader of dates for the project (Text/DateReading).
        DateReading.firstDate(in: text)
    }

    /// The number in `第 8 期` after `marker`, skipping matches that follow
    /// `skippingAfter` (总第221期 is not 第221期).
    static func number(in text: String, after marker: String, skippingAfter excluded: String? = nil) -> Int? {
        var search = text[...]
        while let range = search.range(of: marker) {
            defer { search = search[range.upperBound...] }
            if let excluded, text[..<range.lowerBound].hasSuffix(excluded) { continue }
            let rest = search[range.upperBound...].drop(while: { $0 == " " || $0 == "\u{3000}" })
            let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
            guard !digits.isEmpty, let value = Int(digits) else { continue }
            let after = rest.dropFirst(digits.count).drop(while: { $0 == " " || $0 == "\u{3000}" })
            if after.first == "期" { return value }
        }
        return nil
    }

    /// Organisations the masthead names (主编, 主办, 指导单位 …): the back
    /// matter presents them, so the last article ends before them.
    func mastheadOrganisations(_ header: [Substring]) -> Set<String> {
        let labels = ["指导单位", "主编", "联合主编", "主办", "主办单位", "承办", "承办单位", "编印", "出品", "学术支持"]
        var names = Set<String>()
        var previousLabelled = false
        for line in header {
            let compact = String(line).removingWhitespace
            if let label = labels.sorted(by: { $0.count > $1.count }).first(where: { compact.hasPrefix($0) }) {
                let name = String(compact.dropFirst(label.count))
                if name.count >= 4 { names.insert(name.comparisonKey) }
                previousLabelled = true
            } else if previousLabelled, compact.count >= 4, compact.contains(where: \.isHan),
                      !compact.contains(where: \.isDigit) {
                names.insert(compact.comparisonKey)
                previousLabelled = false
            } else {
                previousLabelled = false
            }
        }
        return names
    }
}

extension Unicode.Scalar {
    var asciiDigit: Int? {
        value >= 48 && value <= 57 ? Int(value - 48) : nil
    }
}
