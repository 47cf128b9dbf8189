/// One article as `policykb articles` lists it.
public struct ArticleRow: Sendable, Equatable {
    public let id: Int64
    public let publication: String
    public let issueDate: String?
    public let issueNumber: Int?
    public let cumulativeNumber: Int?
    public let section: String?
    public let position: Int
    public let title: String
    public let regionCode: String?
    public let regionName: String?
    public let source: String?
    public let urls: [String]
    public let bodyChars: Int
}

/// One search result.
public struct SearchHit: Sendable, Equatable {
    public let articleID: Int64
    public let title: String
    public let issueDate: String?
    public let section: String?
    public let regionCode: String?
    /// Relevance: the negated bm25 rank, larger is better.
    public let score: Double
    /// The best passage, matches between `SearchHit.markStart` and `markEnd`.
    public let snippet: String

    /// Private-use characters that delimit matches in `snippet`, for the
    /// caller to render as it likes.
    public static let markStart = "\u{E000}"
    public static let markEnd = "\u{E001}"

    /// The snippet with the matches in brackets.
    public var markedSnippet: String {
        snippet.replacingOccurrences(of: Self.markStart, with: "[").replacingOccurrences(of: Self.markEnd, with: "]")
    }

    /// The snippet without marks.
    public var plainSnippet: String {
        snippet.replacingOccurrences(of: Self.markStart, with: "").replacingOccurrences(of: Self.markEnd, with: "")
    }
}
