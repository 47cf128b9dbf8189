/// The frame every page shares: head, navigation, footer. Styles and the
/// script are the embedded assets (`Assets`), never inline, so the
/// Content-Security-Policy can forbid inline code altogether.
enum Layout {
    enum Section: String {
        case search, compare, timeline, policies, goals
    }

    static func page(title: String, section: Section?, body: String) -> String {
        let links: [(Section, String, String)] = [
            (.search, "/", "Search"), (.compare, "/compare", "Compare"), (.timeline, "/timeline", "Timeline"),
            (.policies, "/policies", "Policies"), (.goals, "/goals", "Goals"),
        ]
        let nav = links.map { item, href, label in
            "<a href=\"\(href)\"" + (item == section ? " aria-current=\"page\"" : "") + ">\(label)</a>"
        }.joined(separator: " ")
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · policykb</title>
            <link rel="stylesheet" href="/assets/style.css?v=\(Assets.version)">
            <script src="/assets/app.js?v=\(Assets.version)" defer></script>
            </head>
            <body>
            <header><a class="brand" href="/">policykb</a> <nav>\(nav)</nav></header>
            <main>
            \(body)
            </main>
            <footer>policykb · read-only · JSON: <a href="/api">/api</a></footer>
            </body>
            </html>

            """
    }

    /// The page shown for a request that cannot be answered.
    static func error(_ error: RequestError) -> String {
        let heading = switch error {
        case .badRequest: "Bad request"
        case .notFound: "Not found"
        case .methodNotAllowed: "Method not allowed"
        case .timedOut, .abandoned: "Took too long"
        case .internalError: "Server error"
        }
        return page(title: heading, section: nil, body: """
            <h1>\(heading)</h1>
            <p class="error">\(HTML.escape(error.message))</p>
            <p><a href="/">Search</a></p>
            """)
    }
}
