import Hummingbird
import NIOCore
import PolicyCore
import PolicyExtraction

/// The routes: HTML pages, the JSON API mirroring the CLI, and the two
/// embedded assets. Handlers only read parameters and pick a renderer; the
/// query and the rendering run together on a pool thread (`StorePool`).
struct Routes: Sendable {
    let pool: StorePool
    /// Answers already rendered, until the database changes.
    let cache: ResponseCache
    /// Seconds a request may take before it is stopped.
    let requestTimeout: Int

    func register(on router: Router<ServerRequestContext>) {
        router.add(middleware: SecurityMiddleware())

        // Pages.
        router.get("/") { request, context in try await page(request, context) { try SearchPage.render(try SearchForm($0), store: $1, ui: $2) } }
        router.get("/search") { request, context in try await page(request, context) { try SearchPage.render(try SearchForm($0), store: $1, ui: $2) } }
        router.get("/articles/:id") { request, context in
            let id = try Self.id(context, .noArticle)
            return try await page(request, context) { _, store, ui in
                guard let detail = try store.article(id: id) else { throw RequestError.notFound(Message(.noArticle, String(id))) }
                return ArticlePage.render(detail, ui: ui)
            }
        }
        router.get("/compare") { request, context in try await page(request, context) { try ComparePage.render(try CompareForm($0), store: $1, ui: $2) } }
        router.get("/policies") { request, context in
            try await page(request, context) { parameters, store, ui in
                let form = try RecordForm(parameters)
                let (limit, offset) = try parameters.page(defaultLimit: 50)
                let policies = try store.policies(try form.filter(in: store), page: Page(limit: limit + 1, offset: offset))
                return PolicyPage.index(policies, form: form, limit: limit, offset: offset, ui: ui)
            }
        }
        router.get("/policies/:id") { request, context in
            let id = try Self.id(context, .noPolicy)
            return try await page(request, context) { _, store, ui in
                guard let detail = try store.policy(id: id) else { throw RequestError.notFound(Message(.noPolicy, String(id))) }
                return PolicyPage.render(detail, ui: ui)
            }
        }
        router.get("/changes") { request, context in try await page(request, context) { try ChangesPage.render(try ChangesForm($0), store: $1, ui: $2) } }
        router.get("/lines/:id") { request, context in
            let id = try Self.id(context, .noLine)
            return try await page(request, context) { _, store, ui in LinePage.render(try API.line(id, store: store), asked: id, ui: ui) }
        }
        router.get("/goals") { request, context in try await page(request, context) { try GoalsPage.render(try GoalForm($0), store: $1, ui: $2) } }
        router.get("/timeline") { request, context in try await page(request, context) { try TimelinePage.render(try GoalForm($0), store: $1, ui: $2) } }
        router.get("/assets/:name") { _, context in
            guard let name = context.parameters.get("name"), let asset = Assets.files[name] else {
                throw RequestError.notFound(Message(.noAsset))
            }
            var response = Responses.body(asset.body, contentType: asset.contentType, status: .ok)
            response.headers[.cacheControl] = "public, max-age=86400"
            return response
        }

        // The JSON API.
        router.get("/api") { _, _ in Responses.json(API.index) }
        router.get("/api/search") { request, context in
            // format=csv|xlsx: the hits alone, as the listings give their rows.
            if let format = try QueryParameters(request.uri.query).text("format"), format != "json" {
                return try await listing(request, context, "search") { try API.searchHits($0, store: $1) }
            }
            return try await api(request, context) { try API.search($0, store: $1) }
        }
        router.get("/api/articles") { request, context in try await listing(request, context, "articles") { try API.articles($0, store: $1) } }
        router.get("/api/articles/:id") { request, context in
            let id = try Self.id(context, .noArticle)
            return try await api(request, context) { _, store in
                guard let detail = try store.article(id: id) else { throw RequestError.notFound(Message(.noArticle, String(id))) }
                return detail.object
            }
        }
        router.get("/api/goals") { request, context in try await listing(request, context, "goals") { try API.goals($0, store: $1) } }
        router.get("/api/timeline") { request, context in try await listing(request, context, "timeline") { try API.timeline($0, store: $1) } }
        router.get("/api/changes") { request, context in
            if let format = try QueryParameters(request.uri.query).text("format"), format != "json" {
                return try await listing(request, context, "changes") { try API.changeTable($0, store: $1) }
            }
            return try await api(request, context) { try API.changes($0, store: $1) }
        }
        router.get("/api/lines/:id") { request, context in
            let id = try Self.id(context, .noLine)
            if let format = try QueryParameters(request.uri.query).text("format"), format != "json" {
                return try await listing(request, context, "line-\(id)") { _, store in
                    RecordTable(LineEventRow.all([try API.line(id, store: store)]))
                }
            }
            return try await api(request, context) { _, store in try API.line(id, store: store).object }
        }
        router.get("/api/policies") { request, context in try await listing(request, context, "policies") { try API.policies($0, store: $1) } }
        router.get("/api/policies/:id") { request, context in
            let id = try Self.id(context, .noPolicy)
            return try await api(request, context) { _, store in
                guard let detail = try store.policy(id: id) else { throw RequestError.notFound(Message(.noPolicy, String(id))) }
                return detail.object
            }
        }
        router.get("/api/compare") { request, context in
            let parameters = try QueryParameters(request.uri.query)
            let format = try Self.listingFormat(parameters)
            let form = try CompareForm(parameters)
            let budget = await budget(context)
            return try await cached(request) {
                try await pool.read(budget: budget) { store in
                    let goals = try form.goals(in: store).goals
                    if format == "json" {
                        return Rendered(text: JSON.array(goals.map { ComparedGoal($0).object }).text + "\n",
                                        contentType: Responses.jsonType)
                    }
                    return try Self.download(RecordTable(goals.map(ComparedGoal.init)), name: "compare", format: format)
                }
            }
        }
    }

    /// An HTML page made by `render` from the request's parameters, in the
    /// reader's language (`UILanguage`): kept in the cache per language,
    /// and marked as varying with `Accept-Language`.
    func page(_ request: Request, _ context: ServerRequestContext,
              _ render: @escaping @Sendable (QueryParameters, PolicyStore, UILanguage) throws -> String) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        try UILanguage.validate(parameters)
        let ui = UILanguage(request)
        let budget = await budget(context)
        var response: Response
        do {
            response = try await cached(request, language: ui.language) {
                Rendered(text: try await pool.read(budget: budget) { store in try render(parameters, store, ui) }, contentType: Responses.htmlType)
            }
        } catch let error as RenderedError {
            response = Responses.html(error.html, status: error.status)
        }
        response.headers[.contentLanguage] = ui.language.tag
        response.headers[.vary] = "Accept-Language"
        return response
    }

    /// A JSON response made by `render` from the request's parameters.
    func api(_ request: Request, _ context: ServerRequestContext,
             _ render: @escaping @Sendable (QueryParameters, PolicyStore) throws -> JSON) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let budget = await budget(context)
        return try await cached(request) {
            // Rendered to text on the pool thread too: a page of goals is big.
            Rendered(text: try await pool.read(budget: budget) { store in try render(parameters, store).text + "\n" },
                     contentType: Responses.jsonType)
        }
    }

    /// A listing as JSON (the default) or, with `format=csv` or
    /// `format=xlsx`, as a download named `NAME.csv` or `NAME.xlsx`: the
    /// rows' one shape either way.
    func listing(_ request: Request, _ context: ServerRequestContext, _ name: String,
                 _ render: @escaping @Sendable (QueryParameters, PolicyStore) throws -> RecordTable) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let format = try Self.listingFormat(parameters)
        let budget = await budget(context)
        return try await cached(request) {
            try await pool.read(budget: budget) { store in
                let table = try render(parameters, store)
                if format == "json" { return Rendered(text: table.json.text + "\n", contentType: Responses.jsonType) }
                return try Self.download(table, name: name, format: format)
            }
        }
    }

    /// The `format` a listing is asked for: json (the default), csv or xlsx.
    static func listingFormat(_ parameters: QueryParameters) throws -> String {
        let format = try parameters.text("format") ?? "json"
        guard ["json", "csv", "xlsx"].contains(format) else { throw RequestError.badRequest(Message(.formatInvalid, "json, csv, xlsx")) }
        return format
    }

    /// The rows as a CSV or workbook download named `NAME.csv` or `NAME.xlsx`.
    static func download(_ table: RecordTable, name: String, format: String) throws -> Rendered {
        let disposition = "attachment; filename=\"\(name).\(format)\""
        guard format == "xlsx" else { return Rendered(text: table.csv, contentType: Responses.csvType, disposition: disposition) }
        do {
            return Rendered(bytes: ByteBuffer(bytes: try table.xlsx(sheetName: name)), contentType: Responses.xlsxType,
                            disposition: disposition)
        } catch let error as XLSXWorkbook.Failure {
            throw RequestError.badRequest(Message(.workbookFailed, error.description))
        } catch let error as StoredZip.Failure {
            throw RequestError.badRequest(Message(.workbookFailed, error.description))
        }
    }

    /// The time and connection this request's queries run under.
    func budget(_ context: ServerRequestContext) async -> RequestBudget {
        RequestBudget(seconds: requestTimeout, connection: await context.connectionState())
    }

    /// The answer kept for this request's path and query, else the one
    /// `make` renders (kept for the next time). Errors are thrown, never kept.
    func cached(_ request: Request, language: Language? = nil, _ make: () async throws -> Rendered) async throws -> Response {
        let key = request.uri.description + (language.map { " " + $0.rawValue } ?? "")
        let (kept, version) = cache.lookup(key)
        if let kept { return Responses.rendered(kept, cache: "hit") }
        let rendered = try await make()
        cache.store(rendered, for: key, version: version)
        return Responses.rendered(rendered, cache: "miss")
    }

    /// The `:id` of the path: a positive integer, else the record is not found.
    static func id(_ context: ServerRequestContext, _ missing: MessageID) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
            throw RequestError.notFound(Message(missing, context.parameters.get("id") ?? ""))
        }
        return id
    }
}
