/// Extraction of one article: its policies, targets and goals. A pure
/// function of the article's text, its region and the issue's year.
public struct ArticleExtractor: Sendable {
    public let regions: RegionDetector

    public init(regions: RegionDetector) {
        self.regions = regions
    }

    /// - Parameters:
    ///   - body: the stored body; every offset in the result points into it.
    ///   - articleRegion: the article's primary region, the default for
    ///     policies and goals.
    ///   - issueYear: the year relative horizons (通过2年左右时间) count from.
    public func extract(body text: String, articleRegion: String?, issueYear: Int?) -> ArticleExtraction {
        let body = Self.body(text, articleRegion: articleRegion)
        let policies = PolicyExtractor(regions: regions).extract(body: body, articleRegion: articleRegion)
        let targets = TargetExtractor().extract(body: body, issueYear: issueYear, policies: policies)
        let goals = GoalExtractor(regions: regions).extract(body: body, policies: policies, targets: targets, articleRegion: articleRegion,
                                            issueYear: issueYear)
        return ArticleExtraction(policies: policies.policies, targets: targets, goals: goals)
    }

    static func body(_ text: String, articleRegion: String?) -> BodyText {
        var body = BodyText(text)
        body.usesROCCalendar = CalendarYear.usesROCCalendar(body, articleRegion: articleRegion)
        return body
    }

    /// What goal extraction decided about each quantity of `body`, and why.
    public func explain(body text: String, articleRegion: String?, issueYear: Int?) -> [QuantityDecision] {
        let body = Self.body(text, articleRegion: articleRegion)
        let policies = PolicyExtractor(regions: regions).extract(body: body, articleRegion: articleRegion)
        let targets = TargetExtractor().extract(body: body, issueYear: issueYear, policies: policies)
        return GoalExtractor(explains: true, regions: regions).decide(body: body, policies: policies, targets: targets, articleRegion: articleRegion,
                                      issueYear: issueYear)
    }
}
