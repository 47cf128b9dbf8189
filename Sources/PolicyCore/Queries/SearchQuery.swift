import PolicyExtraction
import PolicykbFTS5

/// A search as users type it, compiled to an FTS5 MATCH expression.
///
/// The language: words and "quoted phrases" must all occur (AND); `OR`
/// between two parts accepts either; `NOT x` and `-x` exclude; parentheses
/// group; `title:x` looks in titles only. Every word or phrase becomes an
/// FTS5 phrase, so what the user typed is matched as a whole, exactly — a
/// CJK word as a substring (white space between CJK characters ignored),
/// Latin words case-insensitively, full-width and half-width alike — and
/// characters FTS5 would read as syntax (`-`, `+`, `*`, `:`, `^`, quotes) are
/// only ever text.
public struct SearchQuery: Sendable, Equatable {
    public indirect enum Node: Sendable, Equatable {
        /// Text to match as one phrase; `titleOnly` restricts it to titles.
        case phrase(String, titleOnly: Bool)
        case and([Node])
        case or([Node])
        /// `positive` and not `negative`.
        case not(Node, Node)
    }

    public let root: Node

    public init(root: Node) {
        self.root = root
    }

    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case empty
        case emptyParentheses
        case emptyTitleFilter
        case unbalancedParenthesis
        case danglingOperator(String)
        case onlyExclusions
        case nothingSearchable(String)
        case tooLong(characters: Int)
        case tooManyTerms(Int)
        case tooDeep
        case controlCharacter(UInt32)

        public var description: String {
            switch self {
            case .empty: "empty query"
            case .emptyParentheses: "() holds nothing to search for"
            case .emptyTitleFilter: "title: needs a term after it, e.g. title:算力"
            case .unbalancedParenthesis: "unbalanced parenthesis"
            case .danglingOperator(let op): "\(op) needs a term on both sides"
            case .onlyExclusions: "a query needs at least one term to find, not only terms to exclude"
            case .nothingSearchable(let term): "「\(term)」has no letters, digits or CJK characters to search for"
            case .tooLong(let characters):
                "the query has \(characters) characters; at most \(SearchQuery.maxCharacters) are searched"
            case .tooManyTerms(let count):
                "the query has \(count) terms; at most \(SearchQuery.maxTerms) are searched"
            case .controlCharacter(let value):
                "the query holds a control character (U+\(String(value, radix: 16, uppercase: true).leftPadded(to: 4)))"
            case .tooDeep:
                "parentheses and title: nest more than \(SearchQuery.maxDepth) deep"
            }
        }
    }

    // MARK: Parsing

    enum Token: Equatable {
        case word(String)
        case quoted(String)
        case open, close
        case or, and, not
        case minus
        case titlePrefix
    }

    /// Bounds on one query, so that no query makes a search (or the
    /// parser's recursion) run without end: a query is for words and
    /// phrases, not for pasting documents.
    public static let maxCharacters = 1_000
    public static let maxTerms = 64
    public static let maxDepth = 16

    /// Parses the user's query.
    public static func parse(_ text: String) throws(ParseError) -> SearchQuery {
        let characters = text.unicodeScalars.count
        guard characters <= maxCharacters else { throw .tooLong(characters: characters) }
        // NUL would end FTS5's quoted string early; the others are no text.
        if let control = text.unicodeScalars.first(where: {
            ($0.value < 0x20 && !"\t\n\r".unicodeScalars.contains($0)) || (0x7F..<0xA0).contains($0.value)
        }) {
            throw .controlCharacter(control.value)
        }
        let tokens = try lex(text)
        guard !tokens.isEmpty else { throw .empty }
        let terms = tokens.count { if case .word = $0 { true } else if case .quoted = $0 { true } else { false } }
        guard terms <= maxTerms else { throw .tooManyTerms(terms) }
        var parser = Parser(tokens: tokens)
        let root = try parser.parseOr()
        if parser.index < tokens.count {
            throw tokens[parser.index] == .close ? .unbalancedParenthesis : .danglingOperator("query")
        }
        guard let compiled = try simplify(root) else { throw .empty }
        return SearchQuery(root: compiled)
    }

    static func lex(_ text: String) throws(ParseError) -> [Token] {
        var tokens: [Token] = []
        var chars = Array(text)
        // Curly and full-width quotes delimit phrases like straight ones.
        chars = chars.map { "“”＂".contains($0) ? "\"" : $0 }
        var i = 0
        func isBoundary(_ c: Character) -> Bool { c.isWhitespace || c == "(" || c == ")" || c == "（" || c == "）" || c == "\"" }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            if c == "(" || c == "（" { tokens.append(.open); i += 1; continue }
            if c == ")" || c == "）" { tokens.append(.close); i += 1; continue }
            if c == "\"" {
                // An unclosed quote runs to the end of the query, as in web
                // search boxes; a lone quote is no phrase at all.
                let end = chars[(i + 1)...].firstIndex(of: "\"") ?? chars.count
                let phrase = String(chars[(i + 1)..<end])
                if phrase.contains(where: { !$0.isWhitespace }) { tokens.append(.quoted(phrase)) }
                i = end + 1
                continue
            }
            if c == "-" || c == "－", i + 1 < chars.count, !isBoundary(chars[i + 1]),
               tokens.last.map({ [.open, .or, .and, .not].contains($0) }) ?? true || (i > 0 && chars[i - 1].isWhitespace) {
                tokens.append(.minus)
                i += 1
                continue
            }
            var j = i
            while j < chars.count && !isBoundary(chars[j]) { j += 1 }
            var word = String(chars[i..<j])
            // title:word, title:"phrase", title:(group)
            if word.lowercased().hasPrefix("title:") || word.lowercased().hasPrefix("title：") {
                tokens.append(.titlePrefix)
                word = String(word.dropFirst(6))
                if word.isEmpty { i = j; continue }
            }
            switch word {
            case "OR", "|": tokens.append(.or)
            case "AND", "&": tokens.append(.and)
            case "NOT": tokens.append(.not)
            default: tokens.append(.word(word))
            }
            i = j
        }
        return tokens
    }

    struct Parser {
        let tokens: [Token]
        var index = 0
        /// Groups and title: filters open around the current token.
        var depth = 0

        mutating func parseOr() throws(ParseError) -> Node {
            var parts = [try parseAnd()]
            while index < tokens.count, tokens[index] == .or {
                index += 1
                guard index < tokens.count, tokens[index] != .close, tokens[index] != .or else {
                    throw .danglingOperator("OR")
                }
                parts.append(try parseAnd())
            }
            return parts.count == 1 ? parts[0] : .or(parts)
        }

        mutating func parseAnd() throws(ParseError) -> Node {
            var positives: [Node] = []
            var negatives: [Node] = []
            while index < tokens.count {
                switch tokens[index] {
                case .or, .close:
                    if positives.isEmpty && negatives.isEmpty {
                        throw tokens[index] == .or ? .danglingOperator("OR") : .unbalancedParenthesis
                    }
                    return try combine(positives, negatives)
                case .and:
                    index += 1
                    guard !positives.isEmpty || !negatives.isEmpty, index < tokens.count,
                          ![.or, .close, .and].contains(tokens[index]) else { throw .danglingOperator("AND") }
                case .not, .minus:
                    let op = tokens[index] == .not ? "NOT" : "-"
                    index += 1
                    guard index < tokens.count, ![.or, .close, .and, .not].contains(tokens[index]) else {
                        throw .danglingOperator(op)
                    }
                    if op == "NOT" && positives.isEmpty && negatives.isEmpty { throw .danglingOperator("NOT") }
                    negatives.append(try parseUnary(titleOnly: false))
                default:
                    positives.append(try parseUnary(titleOnly: false))
                }
            }
            return try combine(positives, negatives)
        }

        func combine(_ positives: [Node], _ negatives: [Node]) throws(ParseError) -> Node {
            if positives.isEmpty {
                throw negatives.isEmpty ? .empty : .onlyExclusions
            }
            let positive = positives.count == 1 ? positives[0] : .and(positives)
            guard !negatives.isEmpty else { return positive }
            return .not(positive, negatives.count == 1 ? negatives[0] : .or(negatives))
        }

        mutating func parseUnary(titleOnly: Bool) throws(ParseError) -> Node {
            guard index < tokens.count else { throw .danglingOperator("query") }
            let token = tokens[index]
            index += 1
            if token == .open || token == .titlePrefix {
                depth += 1
                guard depth <= SearchQuery.maxDepth else { throw .tooDeep }
            }
            defer { if token == .open || token == .titlePrefix { depth -= 1 } }
            switch token {
            case .word(let text), .quoted(let text):
                return .phrase(text, titleOnly: titleOnly)
            case .titlePrefix:
                guard index < tokens.count, ![.close, .or, .and].contains(tokens[index]) else { throw .emptyTitleFilter }
                return try parseUnary(titleOnly: true)
            case .open:
                if index < tokens.count, tokens[index] == .close { throw .emptyParentheses }
                var inner = try parseOr()
                guard index < tokens.count, tokens[index] == .close else { throw .unbalancedParenthesis }
                index += 1
                if titleOnly { inner = restrictToTitle(inner) }
                return inner
            case .close:
                throw .unbalancedParenthesis
            case .or, .and, .not, .minus:
                throw .danglingOperator("query")
            }
        }

        func restrictToTitle(_ node: Node) -> Node {
            switch node {
            case .phrase(let text, _): .phrase(text, titleOnly: true)
            case .and(let parts): .and(parts.map(restrictToTitle))
            case .or(let parts): .or(parts.map(restrictToTitle))
            case .not(let a, let b): .not(restrictToTitle(a), restrictToTitle(b))
            }
        }
    }

    /// Checks that every phrase has something to search, dropping none: a
    /// phrase of punctuation alone is an error rather than a silent no-op.
    static func simplify(_ node: Node) throws(ParseError) -> Node? {
        switch node {
        case .phrase(let text, _):
            guard !SearchTokens.query(text).isEmpty else { throw .nothingSearchable(text) }
            return node
        case .and(let parts):
            // A term given twice asks nothing more, and would cost FTS5 a
            // second pass over its postings.
            var kept: [Node] = []
            for part in parts { if let part = try simplify(part), !kept.contains(part) { kept.append(part) } }
            return kept.isEmpty ? nil : kept.count == 1 ? kept[0] : .and(kept)
        case .or(let parts):
            var kept: [Node] = []
            for part in parts { if let part = try simplify(part), !kept.contains(part) { kept.append(part) } }
            return kept.isEmpty ? nil : kept.count == 1 ? kept[0] : .or(kept)
        case .not(let a, let b):
            guard let a = try simplify(a) else { return nil }
            guard let b = try simplify(b) else { return a }
            return .not(a, b)
        }
    }

    // MARK: Compiling

    /// The FTS5 expression: every phrase quoted, so nothing the user typed
    /// is read as FTS5 syntax.
    public var fts5Expression: String { Self.compile(root) }

    static func compile(_ node: Node) -> String {
        switch node {
        case .phrase(let text, let titleOnly):
            // FTS5: "a string enclosed in double quotes … embedded double
            // quote characters may be escaped by doubling them".
            var quoted = "\""
            for character in text.unicodeScalars {
                quoted.unicodeScalars.append(character)
                if character == "\"" { quoted.unicodeScalars.append(character) }
            }
            quoted += "\""
            // A phrase that ends in a lone CJK character ends in a one-character
            // token, which must match the bigrams that character begins.
            if endsWithLoneCJK(text) { quoted += " *" }
            return titleOnly ? "title : " + quoted : quoted
        case .and(let parts):
            return parts.map { compileOperand($0) }.joined(separator: " AND ")
        case .or(let parts):
            return parts.map { compileOperand($0) }.joined(separator: " OR ")
        case .not(let a, let b):
            return compileOperand(a) + " NOT " + compileOperand(b)
        }
    }

    /// Whether the last CJK run of the text, with nothing tokenized after
    /// it, is one character long.
    static func endsWithLoneCJK(_ text: String) -> Bool {
        let scalars = Array(text.searchFolded.unicodeScalars)
        guard let last = scalars.lastIndex(where: { $0.isCJKToken || $0.isASCIIAlphanumeric || $0.isTokenizerWordLetter }) else {
            return false
        }
        guard scalars[last].isCJKToken else { return false }
        return last == 0 || !scalars[last - 1].isCJKToken
    }

    static func compileOperand(_ node: Node) -> String {
        if case .phrase = node { return compile(node) }
        return "(" + compile(node) + ")"
    }

    /// The FTS5 expression without its exclusions (`a NOT b` → `a`): a
    /// superset of the matches, for a search that checks the exclusions
    /// itself (an exact-script search, where 數據 NOT 数据 must keep 數據).
    public var fts5ExpressionWithoutExclusions: String {
        func relax(_ node: Node) -> Node {
            switch node {
            case .phrase: node
            case .and(let parts): .and(parts.map(relax))
            case .or(let parts): .or(parts.map(relax))
            case .not(let a, _): relax(a)
            }
        }
        return Self.compile(relax(root))
    }

    /// The phrases a match must contain (for marking snippets), excluded
    /// ones aside.
    public var positivePhrases: [String] {
        func collect(_ node: Node) -> [String] {
            switch node {
            case .phrase(let text, _): [text]
            case .and(let parts), .or(let parts): parts.flatMap(collect)
            case .not(let a, _): collect(a)
            }
        }
        return collect(root)
    }
}

/// The tokens policykb's tokenizer makes of a text, for checks in Swift.
public enum SearchTokens {
    /// Tokens of `text` tokenized as a query term.
    public static func query(_ text: String) -> [String] { tokens(text, query: true) }
    /// Tokens of `text` tokenized as a document, as the index holds them
    /// (the team hub stores them for its own index).
    public static func document(_ text: String) -> [String] { tokens(text, query: false) }

    static func tokens(_ text: String, query: Bool) -> [String] {
        final class Sink {
            var tokens: [String] = []
        }
        let sink = Sink()
        var copy = text
        copy.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
                _ = policykb_tokenize(pointer, Int32(bytes.count), query ? 1 : 0,
                                      Unmanaged.passUnretained(sink).toOpaque()) { context, _, token, count, _, _ in
                    guard let context, let token else { return 0 }
                    let sink = Unmanaged<Sink>.fromOpaque(context).takeUnretainedValue()
                    let bytes = UnsafeRawBufferPointer(start: token, count: Int(count))
                    sink.tokens.append(String(decoding: bytes, as: UTF8.self))
                    return 0
                }
            }
        }
        return sink.tokens
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
