/// Bounds on what one request may ask for, so that no request can make
/// the server read or render without end.
enum Limits {
    /// Characters in a search query or any other text parameter. The query
    /// language is for words and short phrases; a longer one is refused.
    static let textLength = 256
    /// Rows in one page of a listing or of search results.
    static let pageSize = 100
    /// Rows a page shows when the request does not say.
    static let defaultPageSize = 20
    /// How deep paging may go: every skipped row is ranked or read.
    static let offset = 10_000
    /// Goals in one comparison (the chart draws a bar for each).
    static let compareRows = 500
    /// Events the /changes page lists (the newest; its downloads have all).
    static let changeRows = 500
    /// Regions and years the timeline draws.
    static let timelineRegions = 40
    /// Bytes of a request's query string.
    static let queryStringBytes = 4096
}
