import Foundation

/// The parameters of a URL's query string, decoded as browsers encode forms
/// (`+` for a space, UTF-8 percent escapes), each checked as it is read.
///
/// Hummingbird's own `queryParameters` keeps `+` and leaves keys encoded,
/// and a form's GET URL writes spaces as `+`: a query like `算力 深圳` would
/// arrive as one word.
struct QueryParameters: Sendable {
    private let pairs: [(name: String, value: String)]

    /// - Throws: `RequestError.badRequest` for a query string that is too
    ///   long or not valid percent-encoded UTF-8.
    init(_ query: String?) throws(RequestError) {
        guard let query, !query.isEmpty else {
            pairs = []
            return
        }
        guard query.utf8.count <= Limits.queryStringBytes else {
            throw .badRequest(Message(.queryStringTooLong, String(Limits.queryStringBytes)))
        }
        var pairs: [(String, String)] = []
        for item in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]),
                  let value = parts.count > 1 ? Self.decode(parts[1]) : "" else {
                throw .badRequest(Message(.malformedQueryString))
            }
            pairs.append((name, value))
        }
        self.pairs = pairs
    }

    private init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The first value of `name`, trimmed; nil when absent or blank.
    /// - Throws: `.badRequest` when it is longer than `Limits.textLength`.
    func text(_ name: String) throws(RequestError) -> String? {
        guard let value = pairs.first(where: { $0.name == name })?.value.trimmingCharacters(in: .whitespacesAndNewlines),
              !value.isEmpty else { return nil }
        guard value.count <= Limits.textLength else {
            throw .badRequest(Message(.parameterTooLong, name, String(Limits.textLength)))
        }
        return value
    }

    /// An integer parameter within `range`; nil when absent or blank.
    func int(_ name: String, in range: ClosedRange<Int>) throws(RequestError) -> Int? {
        guard let text = try text(name) else { return nil }
        guard let value = Int(text) else { throw .badRequest(Message(.notWholeNumber, name, text)) }
        guard range.contains(value) else {
            throw .badRequest(Message(.outOfRange, name, String(range.lowerBound), String(range.upperBound), String(value)))
        }
        return value
    }

    /// A checkbox: present with any value but `0`, `false` or `off`.
    func flag(_ name: String) throws(RequestError) -> Bool {
        guard let text = try text(name) else { return false }
        return !["0", "false", "off", "no"].contains(text.lowercased())
    }

    /// `limit` and `offset`, bounded: a limit above `Limits.pageSize` is
    /// refused rather than silently cut, so an API client learns the bound.
    func page(defaultLimit: Int = Limits.defaultPageSize) throws(RequestError) -> (limit: Int, offset: Int) {
        (try int("limit", in: 1...Limits.pageSize) ?? defaultLimit, try int("offset", in: 0...Limits.offset) ?? 0)
    }

    /// A query string with these parameters, blank ones left out:
    /// `?q=%E7%AE%97%E5%8A%9B&limit=20`, or "" when none remain.
    static func encode(_ items: [(String, String?)]) -> String {
        let parts = items.compactMap { name, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return escape(name) + "=" + escape(value)
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// Percent-encodes everything but unreserved characters (RFC 3986).
    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }
}
