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
        let url = URL(fileURLWithPath: path)
        var issue: ParsedIssue
        let format: PreparedIssue.Format
        if url.pathExtension.lowercased() == "jsonl" || JSONLinesParser.looksLikeJSONLines(decoded.text) {
            do {
                issue = try JSONLinesParser().parse(decoded.text, fileName: url.lastPathComponent)
            } catch {
                throw PolicyError(error.description)
            }
            format = .jsonl
        } else {
            do {
                issue = try parser.parse(decoded.text)
            } catch {
                throw PolicyError(error.description)
            }
            format = .bulletin
        }
        let extractions = try extract(&issue)
        return PreparedIssue(sourcePath: url.standardizedFileURL.path, sourceFile: url.lastPathComponent,
                             sha256: digest, byteCount: bytes.count, format: format,
                             encoding: decoded.encoding, issue: issue, extractions: extractions)
    }

    /// What extraction finds in each article, in order. Each article's
    /// region is resolved on the way: a region given by the input (JSON
    /// Lines) to its code; otherwise the first actor of the title, source or
    /// opening sentence.
    func extract(_ issue: inout ParsedIssue) throws -> [ArticleExtraction] {
        let extractor = ArticleExtractor(regions: regions)
        var extractions: [ArticleExtraction] = []
        extractions.reserveCapacity(issue.articles.count)
        for index in issue.articles.indices {
            let article = issue.articles[index]
            let year = (article.date ?? issue.date).flatMap { Int($0.prefix(4)) }
            let region: String?
            if let given = article.regionCode {
                guard let code = regions.gazetteer.code(named: given) ?? regions.firstActorRegion(in: given) else {
                    throw PolicyError("article \(article.position): unknown region「\(given)」")
                }
                region = code
            } else {
                region = regions.articleRegion(title: article.title, source: article.source, body: article.body)
            }
            issue.articles[index].regionCode = region
            extractions.append(extractor.extract(body: article.body, articleRegion: region, issueYear: year))
        }
        return extractions
    }
}
