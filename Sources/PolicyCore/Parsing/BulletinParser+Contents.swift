import Foundation

extension BulletinParser {
    struct ContentsEntry: Equatable {
        var section: String?
        var page: Int?
        var title: String
    }

    struct Contents {
        var sections: [String] = []
        var entries: [ContentsEntry] = []
        /// The first line after the table of contents.
        var end: Int
    }

    /// Reads the table of contents that starts at line `start`: section
    /// names on lines of their own, entries as `- 01 Title` (bullet and
    /// page optional in form) or `Title …… 01`.
    func readContents(_ lines: [Substring], from start: Int) -> Contents {
        var contents = Contents(end: start)
        var section: String?
        var previousWasEntry = false
        var index = start
        while index < lines.count {
            let line = lines[index]
            defer { index += 1 }
            if line.isEmpty {
                previousWasEntry = false
                continue
            }
            if let entry = Self.contentsEntry(line) {
                contents.entries.append(ContentsEntry(section: section, page: entry.page, title: entry.title))
                contents.end = index + 1
                previousWasEntry = true
                continue
            }
            let key = String(line).comparisonKey
            // The articles begin where the first listed title begins.
            if let first = contents.entries.first?.title.comparisonKey,
               key.count >= min(4, first.count), first.hasPrefix(key) {
                break
            }
            if key.count <= 12 && !Self.endsSentence(line) {
                let name = String(line).removingWhitespace
                section = name
                if !contents.sections.contains(name) { contents.sections.append(name) }
                contents.end = index + 1
                previousWasEntry = false
            } else if previousWasEntry, !contents.entries.isEmpty {
                // A title wrapped within the contents.
                contents.entries[contents.entries.count - 1].title += String(line)
                contents.end = index + 1
            } else if !contents.entries.isEmpty {
                break
            }
        }
        return contents
    }

    /// `- 01 标题`, `01 标题`, `1、标题 …… 12`, or `标题 …… 12`: the page is
    /// the trailing number after a dotted leader when there is one, else the
    /// leading number.
    static func contentsEntry(_ line: Substring) -> (page: Int, title: String)? {
        var rest = line[...]
        if let first = rest.first, "-•·*●▪".contains(first) {
            rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        }
        var trailingPage: Int?
        let trailing = rest.reversed().prefix(while: { $0.isASCII && $0.isNumber })
        if (1...3).contains(trailing.count) {
            let head = rest.dropLast(trailing.count)
            let leader = head.reversed().prefix(while: { ".…·．　 ".contains($0) })
            if leader.filter({ $0 != " " && $0 != "　" }).count >= 2 {
                trailingPage = Int(String(trailing.reversed()))
                rest = head.dropLast(leader.count)
            }
        }
        let isSeparator: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || "、.．".contains($0) }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        if (1...3).contains(digits.count), let next = rest.dropFirst(digits.count).first, isSeparator(next) {
            let title = rest.dropFirst(digits.count).drop(while: isSeparator)
            if let page = trailingPage ?? Int(digits), title.contains(where: \.isHan) {
                return (page, String(title))
            }
        }
        if let trailingPage, rest.contains(where: \.isHan) {
            return (trailingPage, String(rest))
        }
        return nil
    }

    static func endsSentence(_ line: Substring) -> Bool {
        guard let last = line.last else { return false }
        return "。！？!?；;".contains(last)
    }

    /// Publication, date and numbers from the lines before the contents.
    func readMasthead(_ header: [Substring]) -> ParsedIssue {
        var issue = ParsedIssue(publication: "")
        let text = header.joined(separator: "\n")
        if let date = Self.firstDate(in: text) { issue.date = date }
        issue.cumulativeNumber = Self.number(in: text, after: "总第")
        issue.number = Self.number(in: text, after: "第", skippingAfter: "总")

        // The periodical's name is the short line repeated on the cover and
        // the masthead; failing that, the line before the first date.
        var counts: [String: Int] = [:]
        for line in header {
            let compact = String(line).removingWhitespace
            guard (3...20).contains(compact.count), compact.contains(where: \.isHan),
                  !compact.contains(where: { $0.isNumber }), !Self.endsSentence(line) else { continue }
            counts[compact, default: 0] += 1
        }
        let ordered = header.map { String($0).removingWhitespace }
        if let repeated = ordered.first(where: { (counts[$0] ?? 0) >= 2 }) {
            issue.publication = repeated
        } else if let dateLine = header.firstIndex(where: { Self.firstDate(in: String($0)) != nil }),
                  let name = header[..<dateLine].last(where: { counts[String($0).removingWhitespace] != nil }) {
            issue.publication = String(name).removingWhitespace
        } else if let name = ordered.first(where: { counts[$0] != nil }) {
            issue.publication = name
        } else {
            issue.publication = "未知刊物"
        }
        if issue.publication.hasPrefix("《") && issue.publication.hasSuffix("》") {
            issue.publication = String(issue.publication.dropFirst().dropLast())
        }
        return issue
    }

    /// `2025年3月10日`, spaces allowed between the parts, as `2025-03-10`.
    static func firstDate(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        func skipSpaces(_ k: inout Int) { while k < scalars.count && scalars[k].properties.isWhitespace && scalars[k] != "\n" { k += 1 } }
        func readNumber(_ k: inout Int, maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while k < scalars.count, let digit = scalars[k].asciiDigit, digits < maxDigits {
                value = value * 10 + digit
                digits += 1
                k += 1
            }
            return digits > 0 ? value : nil
        }
        while i < scalars.count {
            guard scalars[i].asciiDigit != nil, i == 0 || scalars[i - 1].asciiDigit == nil else { i += 1; continue }
            var k = i
            if let year = readNumber(&k, maxDigits: 4), k - i == 4, (1949...2200).contains(year) {
                skipSpaces(&k)
                if k < scalars.count, scalars[k] == "年" {
                    k += 1; skipSpaces(&k)
                    if let month = readNumber(&k, maxDigits: 2), (1...12).contains(month) {
                        skipSpaces(&k)
                        if k < scalars.count, scalars[k] == "月" {
                            k += 1; skipSpaces(&k)
                            if let day = readNumber(&k, maxDigits: 2), (1...31).contains(day) {
                                skipSpaces(&k)
                                if k < scalars.count, scalars[k] == "日" || scalars[k] == "号" {
                                    return String(format: "%04d-%02d-%02d", year, month, day)
                                }
                            }
                        }
                    }
                }
            }
            i += 1
        }
        return nil
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
                      !compact.contains(where: { $0.isNumber }) {
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
