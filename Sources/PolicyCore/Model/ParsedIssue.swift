/// One bulletin issue as read from its text, before it is stored.
public struct ParsedIssue: Sendable, Equatable {
    public var publication: String
    /// ISO 8601 date (`2025-03-10`), when the masthead gives one.
    public var date: String?
    /// 第8期
    public var number: Int?
    /// 总第221期
    public var cumulativeNumber: Int?
    /// Section names in the order of the table of contents.
    public var sections: [String]
    public var articles: [ParsedArticle]

    public init(publication: String, date: String? = nil, number: Int? = nil, cumulativeNumber: Int? = nil,
                sections: [String] = [], articles: [ParsedArticle] = []) {
        self.publication = publication
        self.date = date
        self.number = number
        self.cumulativeNumber = cumulativeNumber
        self.sections = sections
        self.articles = articles
    }
}

/// One article of an issue.
public struct ParsedArticle: Sendable, Equatable {
    /// Order in the issue, from 1.
    public var position: Int
    public var section: String?
    /// The page the table of contents gives.
    public var page: Int?
    /// The whole title, as in the table of contents.
    public var title: String
    /// Paragraphs re-joined across page breaks, separated by one blank line;
    /// footers, link lines and the source line removed.
    public var body: String
    /// 来源
    public var source: String?
    public var urls: [String]
    /// The article's own date (JSON Lines input), when it differs from the issue's.
    public var date: String?
    /// The region the input names for the article (a JSON Lines `region`:
    /// a code or a name), resolved when the article is prepared.
    public var givenRegion: String?

    public init(position: Int, section: String? = nil, page: Int? = nil, title: String, body: String,
                source: String? = nil, urls: [String] = [], givenRegion: String? = nil, date: String? = nil) {
        self.position = position
        self.section = section
        self.page = page
        self.title = title
        self.body = body
        self.source = source
        self.urls = urls
        self.givenRegion = givenRegion
        self.date = date
    }
}
