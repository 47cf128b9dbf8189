import PolicyExtraction
/// Which rows of a listing to return: at most `limit` (all when nil),
/// after skipping `offset`.
public struct Page: Sendable, Equatable {
    public var limit: Int?
    public var offset: Int

    public init(limit: Int? = nil, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }

    public static let all = Page()

    /// `LIMIT ? OFFSET ?` and its two values: "If the LIMIT expression
    /// evaluates to a negative value, then there is no upper bound on the
    /// number of rows returned."
    var clause: String { " LIMIT ? OFFSET ?" }
    var values: [Int] { [limit ?? -1, offset] }
}
