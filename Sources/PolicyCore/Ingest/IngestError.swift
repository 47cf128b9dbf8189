import SQLiteDB
import PolicyExtraction

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
    /// Writing the issue failed in SQLite; nothing of it was kept.
    case database(SQLiteError)
    /// Writing the issue failed for another reason (the store read back
    /// something it could not decode); nothing of it was kept.
    case store(String)

    public enum FileError: Sendable, Equatable {
        case notFound
        case isDirectory
        /// A FIFO, a device, a socket: nothing with an end to read to.
        case notRegular
        case permissionDenied
        case unreadable(String)
        /// Larger than `IngestLimits.maxFileBytes` (of text, for a PDF).
        case tooLarge(bytes: Int)
    }

    public var description: String {
        switch self {
        case .file(.notFound): "no such file"
        case .file(.isDirectory): "is a directory"
        case .file(.notRegular): "not a regular file (a FIFO, a device or a socket)"
        case .file(.permissionDenied): "cannot read: permission denied"
        case .file(.unreadable(let reason)): "cannot read: \(reason)"
        case .file(.tooLarge(let bytes)): IngestLimits.tooLargeMessage(bytes: bytes)
        case .pdf(let error): error.description
        case .decoding(let error): error.description
        case .bulletin(let error): error.description
        case .jsonLines(let error): error.description
        case let .unknownRegion(article, name): "article \(article): unknown region「\(name)」"
        case .database(let error): "not written: \(error.message) (\(error.extendedCode))"
        case .store(let reason): "not written: \(reason)"
        }
    }
}
