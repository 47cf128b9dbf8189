import Foundation

/// Why a JSON Lines file could not be read.
public struct JSONLinesError: Error, Equatable, CustomStringConvertible {
    public let line: Int
    public let reason: String

    public var description: String { "line \(line): \(reason)" }
}

/// Reads JSON Lines of articles, the input format for scrapers: one object
/// per line with `title` and `body`, and optionally `date`, `section`,
/// `source`, `url` (or `urls`), `region`, `publication` and `issue`. Blank
/// lines are skipped; any other malformed line fails the whole file.
public struct JSONLinesParser: Sendable {
    public init() {}

    /// Whether a text is JSON Lines rather than a bulletin: its first
    /// non-blank character opens an object.
    public static func looksLikeJSONLines(_ text: String) -> Bool {
        text.unicodeScalars.first(where: { !$0.isSpace }) == "{"
    }

    /// - Parameter fileName: names the publication when no line does.
    public func parse(_ text: String, fileName: String) throws(JSONLinesError) -> ParsedIssue {
        var articles: [ParsedArticle] = []
        var publications: [String] = []
        var dates: [String?] = []
        var numbers: [Int?] = []
        for (offset, line) in text.lines.enumerated() {
            let number = offset + 1
            guard line.contains(where: { !$0.isWhitespace }) else { continue }
            let object: [String: Any]
            do {
                guard let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw JSONLinesError(line: number, reason: "not a JSON object")
                }
                object = parsed
            } catch let error as JSONLinesError {
                throw error
            } catch {
                throw JSONLinesError(line: number, reason: "invalid JSON")
            }
            func string(_ key: String) throws(JSONLinesError) -> String? {
                guard let value = object[key], !(value is NSNull) else { return nil }
                guard let text = value as? String else { throw JSONLinesError(line: number, reason: "\(key) must be a string") }
                let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
                return trimmed.isEmpty ? nil : TextDecoder.normalize(trimmed)
            }
            guard let title = try string("title") else { throw JSONLinesError(line: number, reason: "missing title") }
            guard let rawBody = try string("body") else { throw JSONLinesError(line: number, reason: "missing body") }
            var urls: [String] = []
            if let url = try string("url") { urls.append(url) }
            if let list = object["urls"] {
                guard let strings = list as? [String] else { throw JSONLinesError(line: number, reason: "urls must be a list of strings") }
                urls += strings.filter { !urls.contains($0) }
            }
            var date: String?
            if let raw = try string("date") {
                guard let parsed = Self.date(raw) else {
                    throw JSONLinesError(line: number, reason: "unrecognised date「\(raw)」(use YYYY-MM-DD)")
                }
                date = parsed
            }
            var issueNumber: Int?
            if let value = object["issue"], !(value is NSNull) {
                if let integer = value as? Int {
                    issueNumber = integer
                } else if let text = value as? String, let digits = Int(text.filter(\.isNumber)) {
                    issueNumber = digits
                } else {
                    throw JSONLinesError(line: number, reason: "issue must be a number")
                }
            }
            publications.append(try string("publication") ?? "")
            dates.append(date)
            numbers.append(issueNumber)
            // One blank line between paragraphs, as for bulletins.
            let body = rawBody.split(separator: "\n").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
                .joined(separator: "\n\n")
            articles.append(ParsedArticle(
                position: articles.count + 1, section: try string("section"), title: title, body: body,
                source: try string("source"), urls: urls, givenRegion: try string("region"), date: date))
        }
        guard !articles.isEmpty else { throw JSONLinesError(line: 1, reason: "no articles") }
        let named = publications.first { !$0.isEmpty }
        let stem = fileName.split(separator: ".").dropLast().joined(separator: ".")
        return ParsedIssue(
            publication: named ?? (stem.isEmpty ? fileName : stem),
            date: Set(dates).count == 1 ? dates[0] : nil,
            number: Set(numbers).count == 1 ? numbers[0] : nil,
            sections: articles.compactMap(\.section).reduce(into: []) { if !$0.contains($1) { $0.append($1) } },
            articles: articles)
    }

    /// 2025-03-10, 2025/3/10, 2025.3.10, 2025年3月10日, 2025-03-10T08:00:00Z.
    static func date(_ text: String) -> String? {
        if let chinese = BulletinParser.firstDate(in: text) { return chinese }
        let digits = text.prefix(10).split(whereSeparator: { "-/.".contains($0) }).map { Int($0) }
        guard digits.count == 3, let year = digits[0], let month = digits[1], let day = digits[2],
              (1900...2200).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return String(format: "%04d-%02d-%02d", year, month, day)
    }
}
