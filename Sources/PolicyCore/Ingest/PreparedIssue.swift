/// A file decoded, parsed and extracted, ready for one write transaction.
public struct PreparedIssue: Sendable {
    public enum Format: String, Sendable {
        case bulletin
        case jsonl
    }

    /// Absolute path of the source file: a file changed at the same path
    /// replaces its issue.
    public let sourcePath: String
    /// The file's name.
    public let sourceFile: String
    public let sha256: String
    public let byteCount: Int
    public let format: Format
    public let encoding: TextEncoding
    public var issue: ParsedIssue
    /// What extraction found in each article of `issue`, in the same order:
    /// its own value, not written back into the parser's articles.
    public var extractions: [ArticleExtraction]

    /// Goals found in the whole issue.
    public var goalCount: Int { extractions.reduce(0) { $0 + $1.goals.count } }

    public init(sourcePath: String, sourceFile: String, sha256: String, byteCount: Int, format: Format,
                encoding: TextEncoding, issue: ParsedIssue, extractions: [ArticleExtraction]) {
        self.sourcePath = sourcePath
        self.sourceFile = sourceFile
        self.sha256 = sha256
        self.byteCount = byteCount
        self.format = format
        self.encoding = encoding
        self.issue = issue
        self.extractions = extractions
    }
}
