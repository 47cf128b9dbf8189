import PolicyNumbers
/// Extraction on free text, without a database: the region names come from
/// the schema compiled into the binary, loaded into memory once.
public struct TextExtractor: Sendable {
    public let regions: RegionDetector

    public init() throws {
        regions = RegionDetector(gazetteer: try PolicyStore(path: ":memory:").gazetteer())
    }

    /// Goals, targets and policies of `text`, read as one article body.
    public func extract(_ text: String, issueYear: Int? = nil) -> ArticleExtraction {
        let region = regions.firstActorRegion(in: text)
        return ArticleExtractor(regions: regions).extract(body: text, articleRegion: region, issueYear: issueYear)
    }

    /// Every quantity in `text`.
    public func quantities(in text: String) -> [Quantity] {
        QuantityScanner().quantities(in: text)
    }
}
