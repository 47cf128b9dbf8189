/// The lines of a bulletin with its page furniture taken out.
///
/// PDF text repeats a running header (the periodical's name and date) and a
/// footer (`— 5 —`, `- 5 -`, `第5页`) on every page, wherever the page
/// breaks: between articles, inside a title, in the middle of a word. They
/// are removed before anything else looks at the text, and the blank lines
/// around them collapse to one, so that what a page break split reads as one
/// paragraph or one title broken at a blank line.
struct Sheet {
    /// Trimmed lines, furniture removed, runs of blank lines collapsed to one.
    var lines: [Substring] = []
    /// For each line, its index in the original text.
    var origin: [Int] = []
    /// For each line, whether page furniture stood just before it.
    var afterPageBreak: [Bool] = []
    /// Original indices of the lines removed as furniture.
    var furniture: [Int] = []

    var count: Int { lines.count }

    /// Builds the sheet from the original lines; lines before `protected`
    /// (the masthead) are kept as they are.
    init(_ original: [Substring], publication: String, protected: Int) {
        let isFurniture = Self.furnitureFlags(original, publication: publication, from: protected)
        lines.reserveCapacity(original.count)
        origin.reserveCapacity(original.count)
        var pendingBreak = false
        for (index, line) in original.enumerated() {
            if isFurniture[index] {
                furniture.append(index)
                pendingBreak = true
                continue
            }
            if line.isEmpty, lines.last?.isEmpty == true { continue }
            if !line.isEmpty, pendingBreak, lines.last.map({ !$0.isEmpty }) ?? false {
                // Furniture between two text lines stands for a blank line.
                append("", origin: index, afterBreak: true)
            }
            append(line, origin: index, afterBreak: pendingBreak)
            if !line.isEmpty { pendingBreak = false }
        }
    }

    private mutating func append(_ line: Substring, origin index: Int, afterBreak: Bool) {
        lines.append(line)
        origin.append(index)
        afterPageBreak.append(afterBreak)
    }

    /// Which lines from `start` are running headers or footers: page
    /// numbers in any of their dressings; the periodical's name with the
    /// date, issue or page; a dated line repeated on several pages; any
    /// short line that repeats on four pages or more (a title is listed
    /// once and printed once, and a slip may double either).
    static func furnitureFlags(_ lines: [Substring], publication: String, from start: Int) -> [Bool] {
        var flags = [Bool](repeating: false, count: lines.count)
        guard start < lines.count else { return flags }
        let name = publication.removingWhitespace
        // The name's readable characters, to know a header by when either is damaged.
        let nameCore = Array(name.filter { $0 != "\u{FFFD}" })
        // Short lines without their spaces, counted: keyed by their bytes,
        // since a String key would be normalised to be hashed.
        var compacts = [String?](repeating: nil, count: lines.count)
        var repeats: [ExactText: Int] = [:]
        for index in start..<lines.count where !lines[index].isEmpty && lines[index].hasAtMostScalars(40) {
            let compact = String(lines[index]).removingWhitespace
            compacts[index] = compact
            repeats[ExactText(compact), default: 0] += 1
        }
        for index in start..<lines.count {
            let line = lines[index]
            guard let compact = compacts[index] else { continue }
            if isPageNumber(line) {
                flags[index] = true
                continue
            }
            let count = repeats[ExactText(compact)] ?? 0
            // Only a line with a number or the name can be all marks.
            let mayBeMarks = compact.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) || name.count >= 2 && compact.containsText(name)
            let rest = mayBeMarks ? strippingIssueMarks(compact, name: name) : compact
            if rest.isEmpty && (count >= 2 || (name.count >= 2 && compact.contains(name) && compact.count > name.count)) {
                flags[index] = true
            } else if count >= 2, compact.count <= 30, Self.hasIssueMark(compact), !BulletinParser.endsSentence(line),
                      BodyLine.splitSource(line) == nil, !compact.contains("："),
                      count >= 3 && rest.count <= 10 || count >= 4 && rest.count <= 16 || rest.count <= 10 && (compact.contains("期") || BulletinParser.firstDate(in: compact) != nil) {
                // (A title is listed once and printed once: twice, with
                // little besides its year, is not enough.)
                // A dated header repeated on several pages, whatever the
                // periodical is called.
                flags[index] = true
            } else if count >= 4 && compact.count <= 30 && !BulletinParser.endsSentence(line) && !compact.contains(where: \.isDigit)
                        && BodyLine.linkURL(line) == nil && BodyLine.splitSource(line) == nil
                        && !compact.hasPrefix("《") && compact.contains(where: \.isHan) {
                flags[index] = true
            } else if name.count >= 2, compact.hasPrefix(name) || compact.hasSuffix(name), count >= 2,
                      !BulletinParser.endsSentence(line), compact.count <= name.count + 16 {
                // 刊名 · 栏目 on every page.
                flags[index] = true
            } else if nameCore.count >= 4, mayBeMarks, Self.hasIssueMark(compact), !BulletinParser.endsSentence(line),
                      case let readable = Array(rest.filter { $0 != "\u{FFFD}" }),
                      abs(readable.count - nameCore.count) <= 1, BulletinParser.similarity(readable, nameCore) >= 0.8 {
                // The name and the date, one of them damaged (周报 read as
                // 周抡, or the masthead the name was read from): a running
                // header still, even where it occurs once.
                flags[index] = true
            }
        }
        return flags
    }

    /// A date (2025年9月22日, 2025年9月) or an issue number (第36期).
    static func hasIssueMark(_ compact: String) -> Bool {
        let characters = Array(compact)
        for (index, character) in characters.enumerated() where index > 0 && characters[index - 1].isDigit {
            if character == "期" { return true }
            if character == "年", index >= 4, characters[(index - 4)..<index].allSatisfy(\.isDigit) { return true }
        }
        return false
    }

    /// `— 5 —`, `- 5 -`, `5`, `第5页`, `第 5 页 共 16 页`, `5/16`, `·5·`, `Page 5`.
    static func isPageNumber(_ line: Substring) -> Bool {
        guard line.hasAtMostScalars(20) else { return false }
        var digits = 0, groups = 0, inNumber = false, damaged = 0
        var rest = line.unicodeScalars[...]
        if rest.prefix(4).map({ $0.properties.lowercaseMapping }).joined() == "page" { rest = rest.dropFirst(4) }
        for scalar in rest {
            if ("0"..."9").contains(scalar) {
                digits += 1
                if !inNumber { groups += 1 }
                inNumber = true
                continue
            }
            inNumber = false
            if pageNumberDressing.contains(scalar) { continue }
            // A footer with a damaged character is still a footer.
            if scalar == "\u{FFFD}" && damaged < 3 {
                damaged += 1
                continue
            }
            return false
        }
        return (1...2).contains(groups) && digits <= 6 && (damaged == 0 || line.hasAtMostScalars(10))
    }

    /// What may stand around a page number: spaces, dashes, dots, bars,
    /// brackets, 第…页, 共, "of".
    static let pageNumberDressing = Set(" \t\u{3000}-—–―－‐·•・|/／[]［］〔〕<>〈〉第页共of".unicodeScalars)

    /// The line without the periodical's name, dates, issue and page
    /// numbers and separators: empty for a running header.
    static func strippingIssueMarks(_ compact: String, name: String) -> String {
        var text = compact
        if name.count >= 2 {
            text = text.removingOccurrences(of: name).removingOccurrences(of: "《》")
        }
        // Dates and numbers with their units: 2025年9月22日, 2025.9.22, 第36期, 总第158期, 第5页.
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "0"..."9", "年", "月", "日", "期", "号", "卷", "页", "第", "总", "共", "-", "—", "–", ".", "/", "／", "·", "•", "|",
                 "｜", ":", "：", ",", "，", "、", "\u{3000}", "(", ")", "（", "）", "[", "]", "［", "］":
                continue
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }
}

extension Character {
    /// An Arabic digit, half- or full-width. (`isNumber` also holds for
    /// ideographs with a numeric value, such as 参 and 廿.)
    var isDigit: Bool {
        guard let scalar = unicodeScalars.first, unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }
}
