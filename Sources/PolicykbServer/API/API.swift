import PolicyCore
import PolicyExtraction

/// The JSON API's listings: each the CLI command of the same name, with
/// its filters as parameters and its rows' JSON keys, paged.
enum API {
    static let index: JSON = .object([
        "endpoints": .array([
            .string("/api/search?q=QUERY[&region=&section=&since=&until=&policy=&has_goals=1&goal_year=&sort=relevance|newest|oldest&script=fold|exact&facets=region,section,year&all_copies=1&limit=&offset=]"),
            .string("/api/articles[?region=&section=&since=&until=&policy=&limit=&offset=&format=json|csv|xlsx]"),
            .string("/api/articles/{id}"),
            .string("/api/goals[?kind=target,incentive,statistic,all&region=&year=&metric=&policy=&limit=&offset=&format=json|csv|xlsx]"),
            .string("/api/compare?metric=TEXT[&regions=A,B&year=&kind=&format=json|csv|xlsx]"),
            .string("/api/policies[?region=&policy=&limit=&offset=&format=json|csv|xlsx]"),
            .string("/api/policies/{id}"),
            .string("/api/timeline[?kind=&region=&metric=&format=json|csv|xlsx]"),
            .string("/api/changes?since=DATE[&region=&metric=&event=set|changed|superseded|met|behind&format=json|csv|xlsx]"),
            .string("/api/lines/{id}[?format=json|csv|xlsx]"),
        ]),
        "limits": .object(["limit": .int(Int64(Limits.pageSize)), "offset": .int(Int64(Limits.offset)),
                           "text_length": .int(Int64(Limits.textLength))]),
    ])

    /// `{"total", "total_exact", "offset", "limit", "results"[, "facets"]}`:
    /// the CLI's `search --format json` object.
    static func search(_ parameters: QueryParameters, store: PolicyStore) throws -> JSON {
        let form = try SearchForm(parameters)
        guard let query = form.query else { throw RequestError.badRequest(Message(.queryRequired)) }
        var facets: [SearchRequest.Facet] = []
        for name in try parameters.text("facets")?.split(separator: ",") ?? [] {
            guard let facet = SearchRequest.Facet(rawValue: name.trimmingCharacters(in: .whitespaces)) else {
                throw RequestError.badRequest(Message(.unknownFacet, String(name)))
            }
            facets.append(facet)
        }
        let results = try form.results(query, in: store, facets: facets)
        var fields: [JSON.Field] = [
            JSON.Field(key: "total", value: .int(Int64(results.total))),
            JSON.Field(key: "total_exact", value: .bool(results.totalIsExact)),
            JSON.Field(key: "offset", value: .int(Int64(form.offset))),
            JSON.Field(key: "limit", value: .int(Int64(form.limit))),
            JSON.Field(key: "results", value: .array(results.hits.map(\.object))),
        ]
        if !facets.isEmpty { fields.append(JSON.Field(key: "facets", value: FacetCount.object(results.facets))) }
        return .object(fields)
    }

    /// The page of hits `search` gives, as rows (`format=csv`, `format=xlsx`).
    static func searchHits(_ parameters: QueryParameters, store: PolicyStore) throws -> RecordTable {
        let form = try SearchForm(parameters)
        guard let query = form.query else { throw RequestError.badRequest(Message(.queryRequired)) }
        return RecordTable(try form.results(query, in: store, facets: []).hits)
    }

    static func articles(_ parameters: QueryParameters, store: PolicyStore) throws -> RecordTable {
        let form = try RecordForm(parameters)
        let (limit, offset) = try parameters.page(defaultLimit: Limits.pageSize)
        return RecordTable(try store.articles(try form.filter(in: store), page: Page(limit: limit, offset: offset)))
    }

    static func goals(_ parameters: QueryParameters, store: PolicyStore) throws -> RecordTable {
        let form = try GoalForm(parameters, defaultLimit: Limits.pageSize)
        return RecordTable(try store.goals(try form.filter(in: store), page: Page(limit: form.limit, offset: form.offset)))
    }

    static func policies(_ parameters: QueryParameters, store: PolicyStore) throws -> RecordTable {
        let form = try RecordForm(parameters)
        let (limit, offset) = try parameters.page(defaultLimit: Limits.pageSize)
        return RecordTable(try store.policies(try form.filter(in: store), page: Page(limit: limit, offset: offset)))
    }

    /// What changed about targets since a date: `policykb changes --format json`.
    static func changes(_ parameters: QueryParameters, store: PolicyStore) throws -> JSON {
        .array(try changeRows(parameters, store: store).map(\.changeObject))
    }

    /// The same events as rows (`format=csv`, `format=xlsx`): `policykb changes --format csv` with its reasons.
    static func changeTable(_ parameters: QueryParameters, store: PolicyStore) throws -> RecordTable {
        RecordTable(try changeRows(parameters, store: store))
    }

    static func changeRows(_ parameters: QueryParameters, store: PolicyStore) throws -> [LineEventRow] {
        let form = try ChangesForm(parameters)
        guard let since = form.since else { throw RequestError.badRequest(Message(.sinceRequired)) }
        return try form.rows(since: since, in: store)
    }

    /// One line: the line goal `id` belongs to (a line's id is the id of
    /// the goal that set it), else not found.
    static func line(_ id: Int64, store: PolicyStore) throws -> TargetLine {
        guard let line = try store.targetLine(ofGoal: id) else { throw RequestError.notFound(Message(.noLine, "\(id)")) }
        return line
    }

    /// Goals per region and horizon year: every region, where the page
    /// draws the regions with the most.
    static func timeline(_ parameters: QueryParameters, store: PolicyStore) throws -> RecordTable {
        let form = try GoalForm(parameters)
        return RecordTable(try store.goalTimeline(try form.filter(in: store)))
    }
}
