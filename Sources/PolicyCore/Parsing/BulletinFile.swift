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

    /// Reads the file called `fileName` whose content is `bytes`.
    /// - Throws: `BulletinFileError` with the reason in one line, never
    ///   naming the file (the caller does).
    public static func read(fileName: String, bytes: [UInt8]) throws(BulletinFileError) -> BulletinFile {
        let decoded: DecodedText
        if PDFText.isPDF(bytes) || fileName.lowercased().hasSuffix(".pdf") {
            do {
                let text = TextDecoder.normalize(try PDFText.extract(bytes))
                guard text.contains(where: { !$0.isWhitespace }) else {
                    throw BulletinFileError("the PDF has no text layer (a scan?): nothing to read")
                }
                decoded = DecodedText(text: text, encoding: .pdf, replacements: 0)
            } catch let error as PDFTextError {
                throw BulletinFileError(error.description)
            } catch let error as BulletinFileError {
                throw error
            } catch {
                throw BulletinFileError("\(error)")
            }
        } else {
            do {
                decoded = try TextDecoder.decodeTolerantly(bytes)
            } catch {
                throw BulletinFileError(error.description)
            }
        }
        var issue: ParsedIssue
        let format: Format
        if fileName.lowercased().hasSuffix(".jsonl") || JSONLinesParser.looksLikeJSONLines(decoded.text) {
            do {
                issue = try JSONLinesParser().parse(decoded.text, fileName: fileName)
            } catch {
                throw BulletinFileError(error.description)
            }
            issue.reading.layout = .jsonLines
            format = .jsonl
        } else {
            do {
                issue = try BulletinParser().parse(decoded.text)
            } catch {
                throw BulletinFileError(error.description)
            }
            format = .bulletin
        }
        issue.reading.warnings.insert(contentsOf: decoded.warnings, at: 0)
        return BulletinFile(format: format, encoding: decoded.encoding, text: decoded.text, issue: issue)
    }
}

/// Why a file could not be read as a bulletin, in one line.
public struct BulletinFileError: Error, Equatable, CustomStringConvertible {
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
