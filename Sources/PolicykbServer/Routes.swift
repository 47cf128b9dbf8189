import Hummingbird
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
        router.get("/") { request, context in try await page(request, context) { try SearchPage.render(try SearchForm($0), store: $1) } }
        router.get("/search") { request, context in try await page(request, context) { try SearchPage.render(try SearchForm($0), store: $1) } }
        router.get("/articles/:id") { request, context in
            let id = try Self.id(context, "article")
            return try await page(request, context) { _, store in
                guard let detail = try store.article(id: id) else { throw RequestError.notFound("no article \(id)") }
                return ArticlePage.render(detail)
            }
        }
        router.get("/compare") { request, context in try await page(request, context) { try ComparePage.render(try CompareForm($0), store: $1) } }
        router.get("/policies") { request, context in
            try await page(request, context) { parameters, store in
                let form = try RecordForm(parameters)
                let (limit, offset) = try parameters.page(defaultLimit: 50)
                let policies = try store.policies(try form.filter(in: store), page: Page(limit: limit + 1, offset: offset))
                return PolicyPage.index(policies, form: form, limit: limit, offset: offset)
            }
        }
        router.get("/policies/:id") { request, context in
            let id = try Self.id(context, "policy")
            return try await page(request, context) { _, store in
                guard let detail = try store.policy(id: id) else { throw RequestError.notFound("no policy \(id)") }
                return PolicyPage.render(detail)
            }
        }
        router.get("/goals") { request, context in try await page(request, context) { try GoalsPage.render(try GoalForm($0), store: $1) } }
        router.get("/timeline") { request, context in try await page(request, context) { try TimelinePage.render(try GoalForm($0), store: $1) } }
        router.get("/assets/:name") { _, context in
            guard let name = context.parameters.get("name"), let asset = Assets.files[name] else {
                throw RequestError.notFound("no such asset")
            }
            var response = Responses.body(asset.body, contentType: asset.contentType, status: .ok)
            response.headers[.cacheControl] = "public, max-age=86400"
            return response
        }

        // The JSON API.
        router.get("/api") { _, _ in Responses.json(API.index) }
        router.get("/api/search") { request, context in try await api(request, context) { try API.search($0, store: $1) } }
        router.get("/api/articles") { request, context in try await listing(request, context, "articles") { try API.articles($0, store: $1) } }
        router.get("/api/articles/:id") { request, context in
            let id = try Self.id(context, "article")
            return try await api(request, context) { _, store in
                guard let detail = try store.article(id: id) else { throw RequestError.notFound("no article \(id)") }
                return detail.object
            }
        }
        router.get("/api/goals") { request, context in try await listing(request, context, "goals") { try API.goals($0, store: $1) } }
        router.get("/api/timeline") { request, context in try await api(request, context) { try API.timeline($0, store: $1) } }
        router.get("/api/changes") { request, context in try await api(request, context) { try API.changes($0, store: $1) } }
        router.get("/api/lines/:id") { request, context in
            let id = try Self.id(context, "line")
            return try await api(request, context) { _, store in
                guard let line = try store.targetLine(id: id) else { throw RequestError.notFound("no line \(id)") }
                return line.object
            }
        }
        router.get("/api/policies") { request, context in try await listing(request, context, "policies") { try API.policies($0, store: $1) } }
        router.get("/api/policies/:id") { request, context in
            let id = try Self.id(context, "policy")
            return try await api(request, context) { _, store in
                guard let detail = try store.policy(id: id) else { throw RequestError.notFound("no policy \(id)") }
                return detail.object
            }
        }
        router.get("/api/compare") { request, context in
            let parameters = try QueryParameters(request.uri.query)
            let format = try parameters.text("format") ?? "json"
            guard format == "json" || format == "csv" else { throw RequestError.badRequest("format must be json or csv") }
            let form = try CompareForm(parameters)
            let budget = await budget(context)
            return try await cached(request) {
                try await pool.read(budget: budget) { store in
                    let goals = try form.goals(in: store).goals
                    if format == "csv" {
                        return Rendered(text: CSVTable.text(goals.map(ComparedGoal.init)),
                                        contentType: Responses.csvType, disposition: "attachment; filename=\"compare.csv\"")
                    }
                    return Rendered(text: JSON.array(goals.map { ComparedGoal($0).object }).text + "\n",
                                    contentType: Responses.jsonType)
                }
            }
        }
    }

    /// An HTML page made by `render` from the request's parameters.
    func page(_ request: Request, _ context: ServerRequestContext,
              _ render: @escaping @Sendable (QueryParameters, PolicyStore) throws -> String) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let budget = await budget(context)
        do {
            return try await cached(request) {
                Rendered(text: try await pool.read(budget: budget) { store in try render(parameters, store) }, contentType: Responses.htmlType)
            }
        } catch let error as RenderedError {
            return Responses.html(error.html, status: error.status)
        }
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

    /// A listing as JSON (the default) or, with `format=csv`, as a CSV
    /// download named `NAME.csv`: the rows' one shape either way.
    func listing(_ request: Request, _ context: ServerRequestContext, _ name: String,
                 _ render: @escaping @Sendable (QueryParameters, PolicyStore) throws -> RecordTable) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let format = try parameters.text("format") ?? "json"
        guard format == "json" || format == "csv" else { throw RequestError.badRequest("format must be json or csv") }
        let budget = await budget(context)
        return try await cached(request) {
            try await pool.read(budget: budget) { store in
                let table = try render(parameters, store)
                if format == "csv" {
                    return Rendered(text: table.csv, contentType: Responses.csvType,
                                    disposition: "attachment; filename=\"\(name).csv\"")
                }
                return Rendered(text: table.json.text + "\n", contentType: Responses.jsonType)
            }
        }
    }

    /// The time and connection this request's queries run under.
    func budget(_ context: ServerRequestContext) async -> RequestBudget {
        RequestBudget(seconds: requestTimeout, connection: await context.connectionState())
    }

    /// The answer kept for this request's path and query, else the one
    /// `make` renders (kept for the next time). Errors are thrown, never kept.
    func cached(_ request: Request, _ make: () async throws -> Rendered) async throws -> Response {
        let key = request.uri.description
        let (kept, version) = cache.lookup(key)
        if let kept { return Responses.rendered(kept, cache: "hit") }
        let rendered = try await make()
        cache.store(rendered, for: key, version: version)
        return Responses.rendered(rendered, cache: "miss")
    }

    /// The `:id` of the path: a positive integer, else the record is not found.
    static func id(_ context: ServerRequestContext, _ kind: String) throws -> Int64 {
        guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
            throw RequestError.notFound("no \(kind) \(context.parameters.get("id") ?? "")")
        }
        return id
    }
}
