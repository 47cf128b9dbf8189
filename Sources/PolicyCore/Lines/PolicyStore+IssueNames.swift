import Foundation
import PolicyExtraction
import SQLiteDB

/// An issue as a user names it (`changes --since ISSUE`): the file it was
/// ingested from, or its periodical and number as its masthead prints them.
public struct IssueName: Sendable, Equatable {
    public let publication: String
    public let date: String?
    public let number: Int?
    public let sourceFile: String
}

public enum IssueNameError: Error, Equatable, CustomStringConvertible {
    case unknown(String)
    case undated(String)
    case ambiguous(String, dates: [String])

    public var description: String {
        switch self {
        case .unknown(let text):
            "「\(text)」: no such date or issue (2025-03-05, 2025-03, 2025, a file name, or periodical:number such as 周报:2025/3)"
        case .undated(let text):
            "「\(text)」: that issue has no date"
        case .ambiguous(let text, let dates):
            "「\(text)」 names \(dates.count) issues (\(dates.joined(separator: ", "))); add the year, as in periodical:2025/3"
        }
    }
}

extension PolicyStore {
    /// The issue `text` names: a file name or path as ingested
    /// (`csdt-2025-03.txt`), or `periodical:number` — the periodical in
    /// either script, with or without 《》, the number as `3`, `第3期`,
    /// `2025/3` or `2025年第3期` (the year is needed when the number
    /// recurs in several years).
    public func issue(named text: String) throws -> IssueName {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let byFile = try database.rows("""
            SELECT publication, issue_date, number, source_file FROM issues WHERE source_file = ? OR source_path = ?
            ORDER BY issue_date
            """, [URL(fileURLWithPath: trimmed).lastPathComponent, URL(fileURLWithPath: trimmed).standardizedFileURL.path])
        if let row = byFile.last { return try Self.issueName(row) }
        guard let colon = trimmed.lastIndex(where: { $0 == ":" || $0 == "：" }),
              let number = Self.issueNumber(String(trimmed[trimmed.index(after: colon)...])) else {
            throw IssueNameError.unknown(text)
        }
        let publication = ScriptFold.fold(String(trimmed[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "《》 ")))
        let rows = try database.rows("""
            SELECT publication, issue_date, number, source_file FROM issues WHERE number = ? ORDER BY issue_date
            """, [number.number]).filter { row in
            let date: String? = try row.decodeIfPresent("issue_date")
            let name: String = try row.decode("publication")
            return ScriptFold.fold(name) == publication && (number.year.map { date?.hasPrefix("\($0)-") == true } ?? true)
        }
        // One issue read twice (a file copied under another name) is one issue.
        let dates = Array(Set(try rows.map { try $0.decodeIfPresent("issue_date", as: String.self) ?? "no date" })).sorted()
        guard let row = rows.last else { throw IssueNameError.unknown(text) }
        if dates.count > 1 { throw IssueNameError.ambiguous(text, dates: dates) }
        return try Self.issueName(row)
    }

    /// The date an issue named by `text` starts from, for `--since`.
    public func issueDate(named text: String) throws -> String {
        guard let date = try issue(named: text).date else { throw IssueNameError.undated(text) }
        return date
    }

    static func issueName(_ row: Row) throws -> IssueName {
        IssueName(publication: try row.decode("publication"), date: try row.decodeIfPresent("issue_date"),
                  number: try row.decodeIfPresent("number"), sourceFile: try row.decode("source_file"))
    }

    /// `3`, `第3期`, `2025/3`, `2025-3` or `2025年第3期`: the number and the year if given.
    static func issueNumber(_ text: String) -> (year: Int?, number: Int)? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        var year: Int?
        if rest.count > 5, let four = Int(rest.prefix(4)), ["/", "-", "年"].contains(rest.dropFirst(4).first) {
            year = four
            rest = rest.dropFirst(5)
        }
        if rest.hasPrefix("第") { rest = rest.dropFirst() }
        if rest.hasSuffix("期") { rest = rest.dropLast() }
        guard let number = Int(rest), number > 0 else { return nil }
        return (year, number)
    }
}
