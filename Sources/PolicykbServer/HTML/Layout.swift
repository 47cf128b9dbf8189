/// The frame every page shares: head, navigation with the language
/// switcher, footer. Styles and the script are the embedded assets
/// (`Assets`), never inline, so the Content-Security-Policy can forbid
/// inline code altogether.
enum Layout {
    enum Section: String {
        case search, compare, timeline, policies, goals, changes
    }

    static func page(title: String, section: Section?, body: String, ui: UILanguage) -> String {
        let links: [(Section, String, MessageID)] = [
            (.search, "/", .navSearch), (.compare, "/compare", .navCompare), (.timeline, "/timeline", .navTimeline),
            (.policies, "/policies", .navPolicies), (.goals, "/goals", .navGoals), (.changes, "/changes", .navChanges),
        ]
        let nav = links.map { item, href, label in
            "<a href=\"\(ui.href(href))\"" + (item == section ? " aria-current=\"page\"" : "") + ">\(ui.html(label))</a>"
        }.joined(separator: " ")
        // Each language named in itself, so a reader finds their own.
        let switcher = Language.allCases.map { language in
            language == ui.language
                ? "<strong lang=\"\(language.tag)\" aria-current=\"true\">\(HTML.escape(language.ownName))</strong>"
                : "<a href=\"\(ui.switchHref(to: language))\" lang=\"\(language.tag)\" hreflang=\"\(language.tag)\">\(HTML.escape(language.ownName))</a>"
        }.joined(separator: " ")
        return """
            <!DOCTYPE html>
            <html lang="\(ui.language.tag)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(ui.html(.pageTitle, title))</title>
            <link rel="stylesheet" href="/assets/style.css?v=\(Assets.version)">
            <script src="/assets/app.js?v=\(Assets.version)" defer></script>
            </head>
            <body>
            <header><a class="brand" href="\(ui.href("/"))">policykb</a> <nav>\(nav)</nav>
            <span class="languages" role="group" aria-label="\(ui.html(.languageSwitcher))">\(switcher)</span></header>
            <main>
            \(body)
            </main>
            <footer>\(ui.markup(.footer, "<a href=\"/api\">/api</a>"))</footer>
            </body>
            </html>

            """
    }

    /// The page shown for a request that cannot be answered.
    static func error(_ error: RequestError, ui: UILanguage) -> String {
        let heading: MessageID = switch error {
        case .badRequest: .errorBadRequest
        case .notFound: .errorNotFound
        case .methodNotAllowed: .errorMethodNotAllowed
        case .timedOut, .abandoned: .errorTimedOut
        case .internalError: .errorServer
        }
        return page(title: ui.text(heading), section: nil, body: """
            <h1>\(ui.html(heading))</h1>
            <p class="error">\(HTML.escape(error.message(in: ui.language)))</p>
            <p><a href="\(ui.href("/"))">\(ui.html(.errorBackToSearch))</a></p>
            """, ui: ui)
    }
}
