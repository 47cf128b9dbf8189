import Foundation
import PolicyExtraction
import SQLiteDB

extension PolicyStore {
    /// The metrics targets use most, most used first: suggestions for a
    /// metric box, so that people type words the store knows.
    public func metricSuggestions(limit: Int = 200) throws -> [(metric: String, count: Int)] {
        try database.prepare("""
            SELECT metric, count(*) AS count FROM goals WHERE kind = 'target'
            GROUP BY metric ORDER BY count DESC, metric LIMIT ?
            """).rows([limit]).map { (try $0.decode("metric"), try $0.decode("count")) }
    }

    /// The names of regions that have goals, most goals first: suggestions
    /// for a region box.
    public func goalRegionNames(limit: Int = 200) throws -> [String] {
        try database.prepare("""
            SELECT r.name FROM goals g JOIN regions r ON r.code = g.region_code
            GROUP BY g.region_code ORDER BY count(*) DESC, r.name LIMIT ?
            """).rows([limit]).map { try $0.decode("name") }
    }
}
