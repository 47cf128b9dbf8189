import Foundation
import PolicyCore
import PolicyExtraction

/// What a request asks for, read from its query string once and checked,
/// then turned into the core's requests. Pages and the JSON API read the
/// same parameters the same way, and a page's links are made from these
/// values, so the URL always holds the whole state.

/// Region (codes or names; a province includes its cities), section, dates
/// and policy: the CLI's `FilterOptions`, as parameters, read by the core's
/// one `RecordFilterInput`.
struct RecordForm: Sendable, Equatable {
    var input: RecordFilterInput

    init(_ parameters: QueryParameters) throws(RequestError) {
        input = RecordFilterInput(region: try parameters.text("region"), section: try parameters.text("section"),
                                  since: try parameters.text("since"), until: try parameters.text("until"),
                                  policy: try parameters.text("policy"))
        do {
            try input.validate()
        } catch {
            throw .badRequest(Message(error))
        }
    }

    var region: String? { input.region }
    var section: String? { input.section }
    var since: String? { input.since }
    var until: String? { input.until }
    var policy: String? { input.policy }

    /// The filter, with the regions resolved to their codes (an unknown
    /// region is a bad request: see `SecurityMiddleware`).
    func filter(in store: PolicyStore) throws -> RecordFilter { try input.filter(in: store) }

    var items: [(String, String?)] {
        [("region", region), ("section", section), ("since", since), ("until", until), ("policy", policy)]
    }
}

/// A search: the query, its filters and the page.
struct SearchForm: Sendable {
    var query: String?
    var records: RecordForm
    var hasGoals: Bool
    var goalYear: Int?
    /// relevance (the default), newest or oldest.
    var sort: SearchRequest.Sort
    /// Only the characters typed (`script=exact`), not their traditional
    /// or simplified forms too.
    var exactScript: Bool
    /// Every copy of a story (`all_copies=1`), not each story once.
    var allCopies: Bool
    var limit: Int
    var offset: Int

    init(_ parameters: QueryParameters) throws(RequestError) {
        query = try parameters.text("q")
        records = try RecordForm(parameters)
        hasGoals = try parameters.flag("has_goals")
        allCopies = try parameters.flag("all_copies")
        goalYear = try parameters.int("goal_year", in: 1900...2200)
        let sortName = try parameters.text("sort") ?? SearchRequest.Sort.relevance.rawValue
        guard let sort = SearchRequest.Sort(rawValue: sortName) else {
            throw .badRequest(Message(.sortInvalid, sortName))
        }
        self.sort = sort
        switch try parameters.text("script") {
        case nil, "fold": exactScript = false
        case "exact": exactScript = true
        case let other?: throw .badRequest(Message(.scriptInvalid, other))
        }
        (limit, offset) = try parameters.page()
    }

    /// The core's request.
    /// - Throws: `.badRequest` for a malformed query or an unknown region.
    func request(_ query: String, in store: PolicyStore, facets: [SearchRequest.Facet]) throws -> SearchRequest {
        let parsed: SearchQuery
        do {
            parsed = try SearchQuery.parse(query)
        } catch {
            throw RequestError.badRequest(Message(error))
        }
        var request = SearchRequest(query: parsed, limit: limit)
        request.offset = offset
        request.records = try records.filter(in: store)
        request.hasGoals = hasGoals
        request.goalYear = goalYear
        request.sort = sort
        request.exactScript = exactScript
        request.allCopies = allCopies
        request.facets = facets
        return request
    }

    /// Runs the search; FTS5's own refusals are malformed queries too.
    func results(_ query: String, in store: PolicyStore, facets: [SearchRequest.Facet] = []) throws -> SearchResults {
        let request = try request(query, in: store, facets: facets)
        do {
            return try store.search(request)
        } catch let error as SearchError {
            throw RequestError.badRequest(Message(error))
        }
    }

    /// The URL of this search with some parameters changed (paging, facets).
    func url(path: String = "/search", offset: Int? = nil, changing: [(String, String?)] = []) -> String {
        var items: [(String, String?)] = [("q", query)] + records.items + [
            ("has_goals", hasGoals ? "1" : nil), ("goal_year", goalYear.map(String.init)),
            ("sort", sort == .relevance ? nil : sort.rawValue), ("script", exactScript ? "exact" : nil),
            ("all_copies", allCopies ? "1" : nil),
            ("limit", limit == Limits.defaultPageSize ? nil : String(limit)),
            ("offset", (offset ?? self.offset) == 0 ? nil : String(offset ?? self.offset)),
        ]
        for (name, value) in changing {
            if let index = items.firstIndex(where: { $0.0 == name }) { items[index].1 = value } else { items.append((name, value)) }
        }
        return path + QueryParameters.encode(items)
    }
}

/// Goal kinds as a parameter: `kind=target` (several allowed), `kind=all`.
enum KindForm {
    static func kinds(_ text: String?, default defaultKinds: Set<ExtractedGoal.Kind>) throws(RequestError) -> Set<ExtractedGoal.Kind> {
        guard let text else { return defaultKinds }
        var kinds: Set<ExtractedGoal.Kind> = []
        for name in text.split(separator: ",") {
            let name = name.trimmingCharacters(in: .whitespaces)
            if name == "all" {
                kinds.formUnion(ExtractedGoal.Kind.allCases)
            } else if let kind = ExtractedGoal.Kind(rawValue: name) {
                kinds.insert(kind)
            } else {
                throw .badRequest(Message(.kindInvalid, name))
            }
        }
        return kinds
    }
}

/// A listing of goals: kind, year, metric and the record filters.
struct GoalForm: Sendable {
    var kind: String?
    var year: Int?
    var metric: String?
    var records: RecordForm
    var limit: Int
    var offset: Int

    init(_ parameters: QueryParameters, defaultLimit: Int = Limits.defaultPageSize) throws(RequestError) {
        kind = try parameters.text("kind")
        _ = try KindForm.kinds(kind, default: [])
        year = try parameters.int("year", in: 1900...2200)
        metric = try parameters.text("metric")
        records = try RecordForm(parameters)
        (limit, offset) = try parameters.page(defaultLimit: defaultLimit)
    }

    func filter(in store: PolicyStore) throws -> GoalFilter {
        GoalFilter(kinds: try KindForm.kinds(kind, default: [.target, .incentive]), year: year, metric: metric,
                   records: try records.filter(in: store))
    }

    func url(path: String, offset: Int? = nil, changing: [(String, String?)] = []) -> String {
        var items: [(String, String?)] = [("kind", kind), ("year", year.map(String.init)), ("metric", metric)] + records.items
            + [("offset", (offset ?? self.offset) == 0 ? nil : String(offset ?? self.offset))]
        for (name, value) in changing {
            if let index = items.firstIndex(where: { $0.0 == name }) { items[index].1 = value } else { items.append((name, value)) }
        }
        return path + QueryParameters.encode(items)
    }
}

/// A comparison: one metric, regions, a year and kinds, as `policykb
/// compare` takes them.
struct CompareForm: Sendable {
    var metric: String?
    var regions: String?
    var year: Int?
    var kind: String?

    init(_ parameters: QueryParameters) throws(RequestError) {
        metric = try parameters.text("metric")
        regions = try parameters.text("regions")
        year = try parameters.int("year", in: 1900...2200)
        kind = try parameters.text("kind")
        _ = try KindForm.kinds(kind, default: [])
    }

    /// The compared goals in `GoalComparison` order, at most
    /// `Limits.compareRows`, and how many matched in all.
    func goals(in store: PolicyStore) throws -> (goals: [GoalRow], total: Int) {
        guard let metric else { throw RequestError.badRequest(Message(.metricRequired)) }
        var filter = GoalFilter(kinds: try KindForm.kinds(kind, default: [.target]), year: year, metric: metric)
        if let regions { filter.records.regionCodes = try RecordFilterInput.regionCodes(regions, in: store) }
        let goals = GoalComparison.order(try store.goals(filter))
        return (Array(goals.prefix(Limits.compareRows)), goals.count)
    }

    var items: [(String, String?)] {
        [("metric", metric), ("regions", regions), ("year", year.map(String.init)), ("kind", kind)]
    }
}

/// The changes digest: the first day, a region, text of the metric and a
/// kind of news (`event=set|changed|superseded|met|behind`), as `policykb
/// changes` takes them. The page fills in a missing day; the API needs it.
struct ChangesForm: Sendable {
    var records: RecordForm
    var metric: String?
    var event: LineChangeKind?

    init(_ parameters: QueryParameters) throws(RequestError) {
        records = try RecordForm(parameters)
        metric = try parameters.text("metric")
        if let name = try parameters.text("event"), !name.isEmpty {
            guard let kind = LineChangeKind(rawValue: name) else { throw .badRequest(Message(.eventInvalid, name)) }
            event = kind
        }
    }

    /// The first day asked for, as a full date (2025-03 → 2025-03-01).
    var since: String? { records.since.flatMap(DateBound.start) }

    /// The events since `since`, oldest first.
    func rows(since: String, in store: PolicyStore) throws -> [LineEventRow] {
        try store.lineChanges(since: since, regionCodes: try records.filter(in: store).regionCodes, metric: metric,
                              kinds: event.map { [$0] } ?? [])
    }

    /// The page's default first day: 30 days before `newest` (an issue date).
    static func defaultSince(newest: String) -> String? {
        guard let day = DateBound.start(newest) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let formatter = DateFormatter()
        formatter.calendar = calendar
        formatter.timeZone = calendar.timeZone
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let date = formatter.date(from: day), let before = calendar.date(byAdding: .day, value: -30, to: date) else { return nil }
        return formatter.string(from: before)
    }

    /// The parameters, `since` as given (or as the page chose it).
    func items(since: String?) -> [(String, String?)] {
        [("since", since), ("region", records.region), ("metric", metric), ("event", event?.rawValue)]
    }
}
