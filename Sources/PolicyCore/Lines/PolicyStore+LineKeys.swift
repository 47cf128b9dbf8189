import Foundation
import SQLiteDB

/// Each goal's metric key, stored in `goals.metric_key` (migration 14) so
/// that target lines are read by key: written with the goal at ingest,
/// made again when a correction changes the goal, and filled for goals of
/// an older database (or made by other rules) the next time a writer opens
/// the file. Readers check that every key is there and current, and
/// otherwise make keys in memory as before.
extension PolicyStore {
    /// Run by every writer after migrating: a database whose keys were made
    /// by other rules has them all made again, and goals without one get it.
    /// Costs two index lookups when nothing is missing.
    func fillLineKeys() throws {
        guard try !lineKeysAreCurrent() else { return }
        try database.transaction(.immediate) {
            let rules = try database.rows("SELECT rules FROM line_key_rules WHERE id = 1").first?.decode("rules", as: String.self)
            if rules != MetricKey.rulesDigest {
                try database.execute("UPDATE goals SET metric_key = NULL WHERE metric_key IS NOT NULL")
                try database.execute("""
                    INSERT INTO line_key_rules (id, rules) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET rules = excluded.rules
                    """, [MetricKey.rulesDigest])
            }
            try fillMissingLineKeys()
        }
    }

    /// Whether every goal has a key made by this binary's rules.
    func lineKeysAreCurrent() throws -> Bool {
        let rules = try database.cached("SELECT rules FROM line_key_rules WHERE id = 1").rows().first?.decode("rules", as: String.self)
        guard rules == MetricKey.rulesDigest else { return false }
        // Through the partial index goals_without_line_key, empty when all are filled.
        return try database.cached("SELECT 1 AS missing FROM goals WHERE metric_key IS NULL LIMIT 1").rows().isEmpty
    }

    /// Makes the key of every goal that has none (inside the caller's transaction).
    func fillMissingLineKeys(articleID: Int64? = nil) throws {
        var keys = MetricKey.Cache()
        let rows = try database.cached("""
            SELECT g.id, g.metric, r.name FROM goals g LEFT JOIN regions r ON r.code = g.region_code
            WHERE g.metric_key IS NULL AND (?1 IS NULL OR g.article_id = ?1)
            """).rows([articleID])
        let update = try database.cached("UPDATE goals SET metric_key = ? WHERE id = ?")
        for row in rows {
            try update.execute([keys.key(metric: try row.decode("metric"), regionName: try row.decodeIfPresent("name")),
                                try row.decode("id", as: Int64.self)])
        }
    }

    /// The key of a goal about to be written, by its region's name (looked
    /// up once per region per write).
    struct LineKeyMaker {
        var keys = MetricKey.Cache()
        var regionNames: [String: String?] = [:]

        mutating func key(metric: String, regionCode: String?, in store: PolicyStore) throws -> String {
            guard let code = regionCode else { return keys.key(metric: metric, regionName: nil) }
            if regionNames[code] == nil {
                regionNames[code] = try store.database.cached("SELECT name FROM regions WHERE code = ?").rows([code]).first?
                    .decodeIfPresent("name", as: String.self)
            }
            return keys.key(metric: metric, regionName: regionNames[code] ?? nil)
        }
    }
}
