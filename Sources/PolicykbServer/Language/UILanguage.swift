import Hummingbird

/// The language one request is answered in, how it was chosen, and the
/// page's texts and links in it.
///
/// `?lang=zh|en` decides over the browser's `Accept-Language` and is then
/// kept in every link and form of the page, rather than in a cookie: the
/// URL stays the whole state (a copied link shows what its sender saw, and
/// the response cache keys on it), and the server sets nothing on a reader's
/// machine. Without `?lang=`, links carry no language and follow the browser.
struct UILanguage: Sendable {
    let language: Language
    /// Chosen by `?lang=`; then links and forms carry it on.
    let fromQuery: Bool
    /// The request's path and raw query, for the switcher's links.
    let path: String
    let query: String?

    init(language: Language, fromQuery: Bool = false, path: String = "/", query: String? = nil) {
        self.language = language
        self.fromQuery = fromQuery
        self.path = path
        self.query = query
    }

    /// The request's language: `?lang=` when it names one, else the
    /// browser's preference. An unknown `lang` counts as absent here (an
    /// error page must still be written in something); pages refuse it
    /// through `validate`.
    init(_ request: Request) {
        let parameters = try? QueryParameters(request.uri.query)
        let asked = (try? parameters?.text("lang")).flatMap { $0 }.flatMap(Language.init(rawValue:))
        self.init(language: asked ?? Language.preferred(acceptLanguage: request.headers[.acceptLanguage]),
                  fromQuery: asked != nil, path: request.uri.path, query: request.uri.query)
    }

    /// - Throws: `.badRequest` for a `lang` other than zh or en.
    static func validate(_ parameters: QueryParameters) throws(RequestError) {
        if let lang = try parameters.text("lang"), Language(rawValue: lang) == nil {
            throw .badRequest(Message(.langInvalid, lang))
        }
    }

    // MARK: Texts

    /// The text of `id`, plain (not escaped).
    func text(_ id: MessageID, _ arguments: String...) -> String {
        language.table.text(id, arguments)
    }

    /// The text of `id` with its arguments, escaped for HTML.
    func html(_ id: MessageID, _ arguments: String...) -> String {
        HTML.escape(language.table.text(id, arguments))
    }

    /// The text of `id` escaped, with arguments that are markup already
    /// (`<strong>12</strong>`, a link) put in as they are.
    func markup(_ id: MessageID, _ markupArguments: String...) -> String {
        let marker = "\u{E000}"
        let escaped = HTML.escape(language.table.text(id, markupArguments.indices.map { "\(marker)\($0 + 1)\(marker)" }))
        return markupArguments.enumerated().reduce(escaped) { text, item in
            text.replacingOccurrences(of: "\(marker)\(item.offset + 1)\(marker)", with: item.element)
        }
    }

    /// The message of an error, in this language.
    func text(_ message: Message) -> String { message.text(in: language) }

    // MARK: Links

    /// `url` (a path on this server, with its query and fragment) carrying
    /// the language when the reader chose it by `?lang=`, escaped for an
    /// attribute.
    func href(_ url: String) -> String {
        HTML.escape(fromQuery ? Self.adding(language, to: url) : url)
    }

    /// A hidden form field carrying the chosen language, or nothing.
    var formField: String {
        fromQuery ? "<input type=\"hidden\" name=\"lang\" value=\"\(language.rawValue)\">" : ""
    }

    /// This page in `other`: the same path and query, `lang` replaced.
    func switchHref(to other: Language) -> String {
        let kept = (query ?? "").split(separator: "&").filter { !$0.hasPrefix("lang=") && $0 != "lang" }
        return HTML.escape(path + "?" + (kept + ["lang=\(other.rawValue)"]).joined(separator: "&"))
    }

    static func adding(_ language: Language, to url: String) -> String {
        let fragmentStart = url.firstIndex(of: "#") ?? url.endIndex
        let base = url[..<fragmentStart], fragment = url[fragmentStart...]
        return base + (base.contains("?") ? "&" : "?") + "lang=\(language.rawValue)" + fragment
    }
}
