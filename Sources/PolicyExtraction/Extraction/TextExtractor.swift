import PolicyNumbers
/// Extraction on free text, without a database: the region names come from
/// the schema's SQL compiled into the binary (`Gazetteer.fromSchema`).
public struct TextExtractor: Sendable {
    public let regions: RegionDetector

    public init() throws {
        regions = RegionDetector(gazetteer: try Gazetteer.seeded)
    }

    /// Goals, targets and policies of `text`, read as one article body.
    public func extract(_ text: String, issueYear: Int? = nil) -> ArticleExtraction {
        let region = regions.firstActorRegion(in: text)
        return ArticleExtractor(regions: regions).extract(body: text, articleRegion: region, issueYear: issueYear)
    }

    /// What extraction decided about every quantity of `text`, and why.
    public func explain(_ text: String, issueYear: Int? = nil) -> [QuantityDecision] {
        let region = regions.firstActorRegion(in: text)
        return ArticleExtractor(regions: regions).explain(body: text, articleRegion: region, issueYear: issueYear)
    }

    /// Every quantity in `text`.
    public func quantities(in text: String) -> [Quantity] {
        QuantityScanner().quantities(in: text)
    }
}
