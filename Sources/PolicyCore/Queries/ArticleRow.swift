import PolicyExtraction
/// One article as `policykb articles` lists it.
public struct ArticleRow: Sendable, Equatable {
    public let id: Int64
    public let publication: String
    /// The article's date, else its issue's: the period's first day when
    /// the issue gives a month, quarter or year only.
    public let issueDate: String?
    public var datePrecision: DatePrecision = .day
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

/// One article whole, as `policykb show` prints it.
public struct ArticleDetail: Sendable, Equatable {
    public let article: ArticleRow
    /// The stored body: every evidence span's offsets point into it.
    public let body: String
    /// The name of the file the article was ingested from.
    public let sourceFile: String
    /// The policies the article names, in text order.
    public let policies: [PolicyMention]
    public let targets: [TargetRow]
    /// Every goal, of every kind.
    public let goals: [GoalRow]
    /// Every copy of the article's story, this one included, oldest first
    /// (one entry when no other copy is known).
    public var appearances: [StoryAppearance] = []
}

/// A policy as one article names it.
public struct PolicyMention: Sendable, Equatable {
    public let policyID: Int64
    public let title: String
    /// The short name the article declares (《行动计划》).
    public let alias: String?
    /// Code-point offsets of the mention in the body.
    public let start: Int
    public let end: Int
    public let startYear: Int?
    public let endYear: Int?
}

/// The parts of a hit's relevance score: BM25 with a title match worth
/// five body matches and Lucene's IDF (policykb_rank).
public struct ScoreExplanation: Sendable, Equatable, Decodable {
    public struct Phrase: Sendable, Equatable, Decodable {
        /// Occurrences in the title and in the body.
        public let columns: [Int]
        /// Occurrences weighted by their column (title × 5).
        public let frequency: Double
        /// ln(1 + (N − n + 0.5)/(n + 0.5)) for N articles, n holding the phrase.
        public let idf: Double
        /// This phrase's share of the score.
        public let score: Double

        public var titleCount: Int { columns.first ?? 0 }
        public var bodyCount: Int { columns.count > 1 ? columns[1] : 0 }
    }

    /// One entry per phrase of the query, in query order.
    public let phrases: [Phrase]
    /// The article's length in tokens, and the average.
    public let length: Double
    public let averageLength: Double
    public let documents: Int
    public let score: Double

    enum CodingKeys: String, CodingKey {
        case phrases, length, averageLength = "average_length", documents, score
    }
}

/// One search result.
public struct SearchHit: Sendable, Equatable {
    public let articleID: Int64
    public let title: String
    public let issueDate: String?
    public var datePrecision: DatePrecision = .day
    public let section: String?
    public let regionCode: String?
    /// Relevance: the negated bm25 rank, larger is better.
    public let score: Double
    /// The best passage, matches between `MatchMark.open` and `MatchMark.close`.
    public let snippet: String
    /// The parts of `score`, when the search asked for them.
    public var explanation: ScoreExplanation?
    /// The story the article is a copy of, and its number of copies
    /// (Migrations/0013); nil for an article stored before stories were.
    public var storyID: Int64?
    public var copies = 1

    /// The snippet with the matches in brackets.
    public var markedSnippet: String { MatchMark.render(snippet, open: "[", close: "]") }

    /// The snippet without marks.
    public var plainSnippet: String { MatchMark.render(snippet, open: "", close: "") }
}
