/// One bulletin issue as read from its text, before it is stored.
public struct ParsedIssue: Sendable, Equatable {
    public var publication: String
    /// ISO 8601 date (`2025-03-10`), when the masthead gives one: the
    /// period's first day when it gives a month, quarter or year only.
    public var date: String?
    /// How finely `date` is known.
    public var datePrecision: DatePrecision = .day
    /// 第8期
    public var number: Int?
    /// 总第221期
    public var cumulativeNumber: Int?
    /// Section names in the order of the table of contents.
    public var sections: [String]
    public var articles: [ParsedArticle]
    /// How the text was read: the layout found, what was cut, and what a
    /// user should know about it (`policykb inspect` shows it, ingest stores
    /// the warnings).
    public var reading = Reading()

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

/// The layout a bulletin was read in: it decides where articles begin.
public enum BulletinLayout: String, Sendable, Codable {
    /// A table of contents (本期要目, 目录, 本期导读, 要目) lists the titles.
    case contents = "contents list"
    /// No contents list: titles are found by their headings.
    case headings
    /// No structure found: the whole text is one article.
    case singleArticle = "one article"
    /// One JSON object per article.
    case jsonLines = "JSON Lines"
}

/// Something a user should know about how a file was read: the file was
/// stored, but not quite as written.
public struct IngestWarning: Sendable, Equatable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable {
        /// Bytes that could not be decoded became U+FFFD.
        case undecodableBytes = "undecodable-bytes"
        /// A contents entry whose title the text does not hold as written.
        case titleNotFound = "title-not-found"
        /// A title found from its neighbours or by its heading rather than as listed.
        case titleInferred = "title-inferred"
        /// An article the contents list does not name.
        case unlistedArticle = "unlisted-article"
        /// A heading-like line a whole contents list does not name, kept in
        /// the article before it.
        case unlistedHeading = "unlisted-heading"
        /// No structure: the text was read as one article.
        case singleArticle = "single-article"
        /// PDF text layer, or another conversion before parsing.
        case conversion
        /// Neither the issue nor its articles give a date.
        case undated
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// What the parser saw in a bulletin besides its articles.
public struct Reading: Sendable, Equatable {
    /// A stretch of text that is not part of any article.
    public struct Cut: Sendable, Equatable, Codable {
        public enum Kind: String, Sendable, Codable {
            case masthead
            case contents = "contents list"
            case preface
            case backMatter = "back matter"
            case pageFurniture = "running header or footer"
        }
        public var kind: Kind
        /// Lines of the decoded text, from 1.
        public var firstLine: Int
        public var lastLine: Int
        /// The first line of the stretch, to recognise it by.
        public var sample: String

        public init(kind: Kind, firstLine: Int, lastLine: Int, sample: String) {
            self.kind = kind
            self.firstLine = firstLine
            self.lastLine = lastLine
            self.sample = sample
        }
    }

    public var layout: BulletinLayout = .contents
    public var cuts: [Cut] = []
    public var warnings: [IngestWarning] = []

    public init() {}
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
    /// The line of the decoded text (from 1) where the article's title, or
    /// its text when no title line was found, begins.
    public var line: Int?

    public init(position: Int, section: String? = nil, page: Int? = nil, title: String, body: String,
                source: String? = nil, urls: [String] = [], givenRegion: String? = nil, date: String? = nil,
                line: Int? = nil) {
        self.position = position
        self.section = section
        self.page = page
        self.title = title
        self.body = body
        self.source = source
        self.urls = urls
        self.givenRegion = givenRegion
        self.date = date
        self.line = line
    }
}
