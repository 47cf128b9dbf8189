import Foundation
import PolicyExtraction
import PolicykbDigest

/// Turns a file's bytes into a `PreparedIssue`: decoding, parsing and
/// extraction, with no database. Pure, so files can be prepared on several
/// threads while one connection writes.
public struct IssuePreparer: Sendable {
    public let regions: RegionDetector

    public init(gazetteer: Gazetteer) {
        regions = RegionDetector(gazetteer: gazetteer)
    }

    /// Prepares `file`, whose content is `bytes`.
    /// - Parameter sha256: the bytes' digest when the caller has it already.
    /// - Throws: `IngestError` with the stage that failed; it never names
    ///   the path (the caller does).
    public func prepare(_ file: SourceFile, bytes: [UInt8], sha256: String? = nil) throws(IngestError) -> PreparedIssue {
        let read: BulletinFile
        do {
            read = try BulletinFile.read(fileName: file.name, bytes: bytes)
        } catch {
            switch error {
            case .pdf(let error): throw .pdf(error)
            case .decoding(let error): throw .decoding(error)
            case .bulletin(let error): throw .bulletin(error)
            case .jsonLines(let error): throw .jsonLines(error)
            case .tooLarge(let bytes): throw .file(.tooLarge(bytes: bytes))
            }
        }
        let issue = read.issue
        let format: PreparedIssue.Format = read.format == .jsonl ? .jsonl : .bulletin
        return PreparedIssue(source: file, sha256: sha256 ?? SHA256.hex(bytes), byteCount: bytes.count,
                             format: format, encoding: read.encoding, issue: issue, articles: try extract(issue))
    }

    /// Prepares the text of a file at `path` (tests, generated corpora).
    public func prepare(path: String, text: String) throws(IngestError) -> PreparedIssue {
        try prepare(SourceFile(path: path), bytes: Array(text.utf8))
    }

    /// What extraction finds in each article. A region given by the input
    /// (JSON Lines) is resolved to its code; otherwise the region is the
    /// first actor of the title, source or opening sentence.
    func extract(_ issue: ParsedIssue) throws(IngestError) -> [PreparedArticle] {
        let extractor = ArticleExtractor(regions: regions)
        var keyCache = MetricKey.Cache()
        var prepared: [PreparedArticle] = []
        prepared.reserveCapacity(issue.articles.count)
        for article in issue.articles {
            let year = (article.date ?? issue.date).flatMap { Int($0.prefix(4)) }
            let region: String?
            if let given = article.givenRegion {
                guard let code = regions.gazetteer.code(named: given) ?? regions.firstActorRegion(in: given) else {
                    throw .unknownRegion(article: article.position, name: given)
                }
                region = code
            } else {
                region = regions.articleRegion(title: article.title, source: article.source, body: article.body)
            }
            let extraction = extractor.extract(body: article.body, articleRegion: region, issueYear: year)
            let metricKeys = extraction.goals.map { goal in
                keyCache.key(metric: goal.metric, regionName: goal.regionCode.flatMap { regions.gazetteer.regions[$0]?.name })
            }
            prepared.append(PreparedArticle(
                parsed: article, regionCode: region, extraction: extraction,
                story: StorySketch(text: StoryFingerprint.text(title: article.title, body: article.body)),
                metricKeys: metricKeys))
        }
        return prepared
    }
}
