import Foundation
import PolicyExtraction

/// A file decoded, parsed and extracted, ready for one write transaction.
public struct PreparedIssue: Sendable {
    public enum Format: String, Sendable {
        case bulletin
        case jsonl
    }

    public let source: SourceFile
    public let sha256: String
    public let byteCount: Int
    public let format: Format
    public let encoding: TextEncoding
    /// The issue as the parser read it.
    public let issue: ParsedIssue
    /// What preparation found in each of `issue.articles`, in the same order.
    public let articles: [PreparedArticle]

    public init(source: SourceFile, sha256: String, byteCount: Int, format: Format, encoding: TextEncoding,
                issue: ParsedIssue, articles: [PreparedArticle]) {
        self.source = source
        self.sha256 = sha256
        self.byteCount = byteCount
        self.format = format
        self.encoding = encoding
        self.issue = issue
        self.articles = articles
    }

    /// Goals found in all articles.
    public var goalCount: Int { articles.reduce(0) { $0 + $1.extraction.goals.count } }
}

/// One parsed article with what preparation added: its region and the
/// policies, targets and goals of its body, and its story fingerprint.
public struct PreparedArticle: Sendable {
    public let parsed: ParsedArticle
    /// The region whose authority issued the policy or held the event.
    public let regionCode: String?
    public let extraction: ArticleExtraction
    /// What story matching looks candidates up by (computed on the worker
    /// thread; nil when the maker of the article left it to the writer).
    /// The full fingerprint is made by the writer only for an article with
    /// a candidate whose signature agrees: few have one.
    public let story: StorySketch?
    /// Each goal's metric key (`MetricKey`), in the order of
    /// `extraction.goals`, made on the worker thread too; nil: the writer
    /// makes them.
    public let metricKeys: [String]?

    public init(parsed: ParsedArticle, regionCode: String?, extraction: ArticleExtraction, story: StorySketch? = nil,
                metricKeys: [String]? = nil) {
        self.parsed = parsed
        self.regionCode = regionCode
        self.extraction = extraction
        self.story = story
        self.metricKeys = metricKeys.flatMap { $0.count == extraction.goals.count ? $0 : nil }
    }
}

/// A file named for ingest: the path as the user wrote it, for messages, and
/// its absolute form, computed once, which identifies the file's issue (a
/// changed file at the same absolute path replaces its issue).
public struct SourceFile: Sendable, Equatable {
    /// The path as given (`SampleData/x.txt`).
    public let path: String
    /// The absolute, standardized path.
    public let absolutePath: String

    public init(path: String) {
        self.path = path
        absolutePath = URL(fileURLWithPath: path).standardizedFileURL.path
    }

    /// The file's name, without its folders.
    public var name: String { URL(fileURLWithPath: path).lastPathComponent }
    /// The extension, lower-cased (`txt`, `jsonl`).
    public var pathExtension: String { URL(fileURLWithPath: path).pathExtension.lowercased() }
}
