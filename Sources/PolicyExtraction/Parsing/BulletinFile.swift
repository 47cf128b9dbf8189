/// A bulletin file read into an issue, before extraction: bytes decoded (or
/// a PDF's text layer extracted), then parsed as JSON Lines or as a
/// bulletin. The warnings of every step end up in `issue.reading.warnings`.
public struct BulletinFile: Sendable {
    public enum Format: String, Sendable {
        case bulletin
        case jsonl
    }

    public var format: Format
    public var encoding: TextEncoding
    /// The text the parser read (line numbers in `issue` refer to it).
    public var text: String
    public var issue: ParsedIssue

    /// Reads the file called `fileName` whose content is `bytes`: a PDF
    /// (by its signature or name) through pdftotext, a web page (by its name
    /// or its opening) through `HTMLText`, a `.jsonl` file or
    /// text that looks like JSON Lines as such, anything else as a
    /// bulletin. Decoding warnings come first in `issue.reading.warnings`.
    /// - Throws: the stage that failed, in one line, never naming the file
    ///   (the caller does).
    public static func read(fileName: String, bytes: [UInt8]) throws(BulletinFileError) -> BulletinFile {
        var decoded: DecodedText
        if PDFText.isPDF(bytes) || fileName.lowercased().hasSuffix(".pdf") {
            let text: String
            do {
                text = TextDecoder.normalize(try PDFText.extract(bytes))
            } catch {
                throw .pdf(error)
            }
            guard text.contains(where: { !$0.isWhitespace }) else { throw .pdf(.failed("no text layer (a scanned PDF?)")) }
            guard text.utf8.count <= IngestLimits.maxFileBytes else { throw .tooLarge(bytes: text.utf8.count) }
            decoded = DecodedText(text: text, encoding: .pdf, replacements: 0)
        } else {
            do {
                decoded = try TextDecoder.decodeTolerantly(bytes)
            } catch {
                throw .decoding(error)
            }
            // A web page: its text, laid out in lines as a bulletin is.
            if HTMLText.isHTML(fileName: fileName, text: decoded.text) {
                decoded.text = TextDecoder.normalize(HTMLText.text(fromHTML: decoded.text))
            }
        }
        var issue: ParsedIssue
        let format: Format
        if fileName.lowercased().hasSuffix(".jsonl") || JSONLinesParser.looksLikeJSONLines(decoded.text) {
            do {
                issue = try JSONLinesParser().parse(decoded.text, fileName: fileName)
            } catch {
                throw .jsonLines(error)
            }
            issue.reading.layout = .jsonLines
            format = .jsonl
        } else {
            do {
                issue = try BulletinParser().parse(decoded.text)
            } catch {
                throw .bulletin(error)
            }
            format = .bulletin
        }
        issue.reading.warnings.insert(contentsOf: decoded.warnings, at: 0)
        if issue.date == nil, issue.articles.allSatisfy({ $0.date == nil }) {
            issue.reading.warnings.append(IngestWarning(.undated,
                "no date in the issue or its articles: its articles sort last and no --since or --until finds them"))
        }
        return BulletinFile(format: format, encoding: decoded.encoding, text: decoded.text, issue: issue)
    }
}

/// Why a file could not be read as a bulletin: the stage that failed, with
/// its own error.
public enum BulletinFileError: Error, Equatable, CustomStringConvertible {
    case pdf(PDFTextError)
    case decoding(TextDecodingError)
    case bulletin(BulletinParseError)
    case jsonLines(JSONLinesError)
    /// A PDF whose text layer is larger than `IngestLimits.maxFileBytes`.
    case tooLarge(bytes: Int)

    public var description: String {
        switch self {
        case .tooLarge(let bytes): IngestLimits.tooLargeMessage(bytes: bytes)
        case .pdf(let error): error.description
        case .decoding(let error): error.description
        case .bulletin(let error): error.description
        case .jsonLines(let error): error.description
        }
    }
}
