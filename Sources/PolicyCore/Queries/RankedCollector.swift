import PolicykbFTS5
import SQLiteDB
import PolicyExtraction

/// The best rows of one MATCH and the number of matches, in one pass over
/// the matches (policykb_collect, in Sources/PolicykbFTS5/policykb_rank.c).
///
/// SQLite's way to the same answer, `SELECT rowid, rank, count(*) OVER ()
/// … ORDER BY rank LIMIT n`, writes every matching row to a temporary table
/// for the window and sorts it; the collector keeps `capacity` rows in a
/// heap and skips the length lookup of rows that cannot enter it.
final class RankedCollector {
    /// The arguments of the index's rank setting, policykb_rank(…), as
    /// Migrations/0001_core.sql stores it; a test holds the two together.
    static let rankArguments = "'article_search', 5.0, 1.0"

    private let top: OpaquePointer

    /// - Throws: `StoreError.outOfMemory` when memory runs out.
    init(capacity: Int) throws {
        guard let top = policykb_topk_create(Int32(clamping: capacity)) else {
            throw StoreError.outOfMemory("\(capacity) ranked rows")
        }
        self.top = top
    }

    deinit { policykb_topk_destroy(top) }

    /// The number of articles matching `expression`, and the best
    /// `capacity` of them by rank then rowid, best first.
    /// - Complexity: O(m log k) for m matches and a capacity of k.
    func collect(_ expression: String, in database: Database) throws -> (total: Int, rows: [(rowid: Int64, rank: Double)]) {
        policykb_topk_reset(top)
        let statement = try database.cached("""
            SELECT count(*) FROM article_search
            WHERE article_search MATCH ?1 AND policykb_collect(article_search, ?2, \(Self.rankArguments))
            """)
        // Nothing is left bound to the statement, which stays cached: the
        // collector may be gone by its next use.
        defer {
            statement.reset()
            statement.clearBindings()
        }
        try statement.bind(.text(expression), at: 1)
        try statement.bind(pointer: UnsafeMutableRawPointer(top), type: policykb_topk_pointer_type(), at: 2)
        let total = try statement.step() ? Int(statement.int64(0)) : 0
        let count = Int(policykb_topk_count(top))
        var rowids = [Int64](repeating: 0, count: count)
        var ranks = [Double](repeating: 0, count: count)
        rowids.withUnsafeMutableBufferPointer { rowidBuffer in
            ranks.withUnsafeMutableBufferPointer { rankBuffer in
                policykb_topk_sorted(top, rowidBuffer.baseAddress, rankBuffer.baseAddress)
            }
        }
        return (total, Array(zip(rowids, ranks)).map { (rowid: $0.0, rank: $0.1) })
    }
}
