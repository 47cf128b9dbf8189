import Foundation
import PolicyExtraction
import SQLiteDB

/// How many goals a region set for one horizon year.
public struct TimelineCount: Sendable, Equatable {
    public let regionCode: String?
    public let regionName: String?
    public let year: Int
    public let count: Int
}

extension PolicyStore {
    /// Goals matching `filter` counted per region and horizon year (goals
    /// without a year are left out), regions with the most goals first,
    /// then years in order. Counted in SQL: a timeline of a large
    /// database should not read every goal.
    public func goalTimeline(_ filter: GoalFilter = GoalFilter()) throws -> [TimelineCount] {
        var conditions = filter.conditions
        conditions.append("year IS NOT NULL")
        return try database.prepare("""
            SELECT region_code, region_name, year, count(*) AS count,
                   sum(count(*)) OVER (PARTITION BY region_code) AS region_total
            FROM v_goals\(conditions.whereClause)
            GROUP BY region_code, year
            ORDER BY region_total DESC, region_code, year
            """).rows(conditions.values).map {
                TimelineCount(regionCode: try $0.decodeIfPresent("region_code"),
                              regionName: try $0.decodeIfPresent("region_name"),
                              year: try $0.decode("year"), count: try $0.decode("count"))
            }
    }
}
