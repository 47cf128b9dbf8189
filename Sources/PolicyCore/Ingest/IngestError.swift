import SQLiteDB

/// Why one file was not ingested. Each case keeps the error of the stage
/// that failed, so callers can tell them apart; `description` is the
/// one-line reason, without the file's path (the caller names the file).
public enum IngestError: Error, CustomStringConvertible, Sendable {
    /// The file could not be read.
    case file(FileError)
    /// A PDF whose text pdftotext could not give (or pdftotext is missing).
    case pdf(PDFTextError)
    /// The bytes are not text in an encoding policykb reads.
    case decoding(TextDecodingError)
    /// The text is not a bulletin policykb can take apart.
    case bulletin(BulletinParseError)
    /// A JSON Lines file has a malformed line.
    case jsonLines(JSONLinesError)
    /// A JSON Lines article names a region the gazetteer does not know.
    case unknownRegion(article: Int, name: String)
    /// Writing the issue failed; nothing of it was kept.
    case database(SQLiteError)

    public enum FileError: Sendable, Equatable {
        case notFound
        case isDirectory
        case unreadable
    }

    public var description: String {
        switch self {
        case .file(.notFound): "no such file"
        case .file(.isDirectory): "is a directory"
        case .file(.unreadable): "cannot read (permission denied?)"
        case .pdf(let error): error.description
        case .decoding(let error): error.description
        case .bulletin(let error): error.description
        case .jsonLines(let error): error.description
        case let .unknownRegion(article, name): "article \(article): unknown region「\(name)」"
        case .database(let error): "not written: \(error.message) (\(error.extendedCode))"
        }
    }
}
