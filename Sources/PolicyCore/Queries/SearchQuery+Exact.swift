import PolicyExtraction
extension SearchQuery {
    /// Whether a title and body match the query with every phrase found as
    /// typed, script included: the index folds traditional characters to
    /// simplified ones, so 數據 and 数据 both match it; this check keeps
    /// only the form typed. Width, case and white space next to CJK
    /// characters are folded as in the index.
    /// - Complexity: O(n·p) for n characters and p phrases.
    public func matchesExactScript(title: String, body: String) -> Bool {
        matches(title: title, body: body, keepScript: true)
    }

    /// Whether a title and body match the query as the index matches it
    /// (scripts folded together), by a scan of their folded text: what a
    /// walk through articles in date order checks instead of asking the
    /// index once per article.
    /// - Complexity: O(n·p) for n characters and p phrases.
    public func matches(title: String, body: String, keepScript: Bool = false) -> Bool {
        let title = SearchFolding(title, origins: false, keepScript: keepScript).utf8
        let body = SearchFolding(body, origins: false, keepScript: keepScript).utf8
        func contains(_ phrase: String, _ text: [UInt8]) -> Bool {
            let core = Self.tokenizedCore(phrase)
            return !FoldedSearch.occurrences(of: SearchFolding(core, origins: false, keepScript: keepScript).utf8, in: text,
                                             firstOnly: true).isEmpty
        }
        func evaluate(_ node: Node) -> Bool {
            switch node {
            case .phrase(let text, let titleOnly): contains(text, title) || (!titleOnly && contains(text, body))
            case .and(let parts): parts.allSatisfy(evaluate)
            case .or(let parts): parts.contains(where: evaluate)
            case .not(let a, let b): evaluate(a) && !evaluate(b)
            }
        }
        return evaluate(root)
    }

    /// The phrase without what the index does not see at its ends: white
    /// space and punctuation before its first or after its last token (`5%`
    /// is the token 5, ` AI` the token ai), so that the scan asks no more
    /// of a text than the index's match did.
    static func tokenizedCore(_ phrase: String) -> String {
        let scalars = Array(phrase.unicodeScalars)
        func tokenized(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isCJKToken || scalar.isASCIIAlphanumeric || scalar.isTokenizerWordLetter
                || (0xFF10...0xFF19).contains(scalar.value) || (0xFF21...0xFF3A).contains(scalar.value)
                || (0xFF41...0xFF5A).contains(scalar.value)
        }
        guard let first = scalars.firstIndex(where: tokenized), let last = scalars.lastIndex(where: tokenized) else {
            return phrase
        }
        var core = String.UnicodeScalarView()
        core.append(contentsOf: scalars[first...last])
        return String(core)
    }
}
