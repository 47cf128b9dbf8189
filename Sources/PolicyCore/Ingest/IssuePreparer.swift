import Foundation
import SQLiteDB

/// Turns a file's bytes into a `PreparedIssue`: decoding, parsing and
/// extraction, with no database. Pure, so files can be prepared on several
/// threads while one connection writes.
public struct IssuePreparer: Sendable {
    public let regions: RegionDetector
    let parser = BulletinParser()

    public init(gazetteer: Gazetteer) {
        regions = RegionDetector(gazetteer: gazetteer)
    }

    /// Prepares the file at `path` whose content is `bytes`.
    /// - Throws: `PolicyError` with the reason, never naming the path (the
    ///   caller does).
    public func prepare(path: String, bytes: [UInt8], sha256: String? = nil) throws -> PreparedIssue {
        let digest = sha256 ?? SHA256.hex(bytes)
        let decoded: (text: String, encoding: TextEncoding)
        do {
            decoded = try TextDecoder.decode(bytes)
        } catch {
            throw PolicyError(error.description)
        }
        var issue: ParsedIssue
        do {
            issue = try parser.parse(decoded.text)
        } catch {
            throw PolicyError(error.description)
        }
        extract(&issue)
        let url = URL(fileURLWithPath: path)
        return PreparedIssue(sourcePath: url.standardizedFileURL.path, sourceFile: url.lastPathComponent,
                             sha256: digest, byteCount: bytes.count, format: .bulletin,
                             encoding: decoded.encoding, issue: issue)
    }

    /// Fills in what extraction finds in each article.
    func extract(_ issue: inout ParsedIssue) {
        let extractor = ArticleExtractor(regions: regions)
        let year = issue.date.flatMap { Int($0.prefix(4)) }
        for index in issue.articles.indices {
            let article = issue.articles[index]
            let region = regions.articleRegion(title: article.title, source: article.source, body: article.body)
            issue.articles[index].regionCode = region
            issue.articles[index].extraction = extractor.extract(body: article.body, articleRegion: region, issueYear: year)
        }
    }
}
