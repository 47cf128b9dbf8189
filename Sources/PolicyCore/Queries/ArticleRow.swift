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
    /// The best passage, matches between `MatchMark.open` and `MatchMark.close`.
    public let snippet: String

    /// The snippet with the matches in brackets.
    public var markedSnippet: String { MatchMark.render(snippet, open: "[", close: "]") }

    /// The snippet without marks.
    public var plainSnippet: String { MatchMark.render(snippet, open: "", close: "") }
}
