import Foundation
import PolicyExtraction
import SQLiteDB

/// Which target lines to show.
public struct LineFilter: Sendable {
    /// Regions (a province with its cities); nil for all.
    public var regionCodes: [String]?
    /// Text the line's normalised metric contains, itself normalised (総規模 finds 规模).
    public var metric: String?
    /// Text of a policy's title, a short name, or its id: lines any of whose goals name it.
    public var policy: String?

    public init(regionCodes: [String]? = nil, metric: String? = nil, policy: String? = nil) {
        self.regionCodes = regionCodes
        self.metric = metric
        self.policy = policy
    }
}

/// One event of a line, with its line: a row of `history` and `changes`.
public struct LineEventRow: Sendable, Equatable {
    public let line: TargetLine
    public let event: LineEvent
}

/// Target lines are computed when asked, from the goals of the regions
/// asked about, rather than stored: a region's goals are read through the
/// `goals_region_year` index and grouped in memory (see
/// Docs/PERFORMANCE.md), so ingest writes nothing more and a correction or
/// a new rule changes every line at once.
extension PolicyStore {
    /// The lines of the goals matching `filter`, in the order they were set.
    public func targetLines(_ filter: LineFilter = LineFilter()) throws -> [TargetLine] {
        let goals = try goals(GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases),
                                         records: RecordFilter(regionCodes: filter.regionCodes)))
        var lines = TargetLines.build(goals)
        if let metric = filter.metric {
            let key = MetricKey.key(metric, regionName: nil)
            lines = lines.filter { $0.metricKey.contains(key) }
        }
        if let policy = filter.policy {
            let text = policy.removingWhitespace
            let ids = Set(try database.rows(SQLConditions.matchingPolicies, [text, text, text]).map { try $0.decode("id", as: Int64.self) })
            lines = lines.filter { !$0.policyIDs.isDisjoint(with: ids) }
        }
        return lines
    }

    /// What happened since `since` (an ISO date, inclusive): lines set,
    /// changed or superseded, targets reported met or behind. Only the
    /// regions with goals in articles of that date or later are grouped.
    public func lineChanges(since: String, regionCodes: [String]? = nil) throws -> [LineEventRow] {
        let firstID = ArticleIDs.firstID(ofDay: ArticleIDs.dayKey(since))
        var regions = try database.rows("""
            SELECT DISTINCT region_code FROM goals WHERE article_id >= ? AND region_code IS NOT NULL
            """, [firstID]).map { try $0.decode("region_code", as: String.self) }
        if let regionCodes { regions = regions.filter(Set(regionCodes).contains) }
        guard !regions.isEmpty else { return [] }
        let lines = try targetLines(LineFilter(regionCodes: regions))
        return LineEventRow.changes(in: lines, since: since)
    }
}

extension LineEventRow {
    /// Every event of the lines, line by line, oldest first.
    public static func all(_ lines: [TargetLine]) -> [LineEventRow] {
        lines.flatMap { line in line.events.map { LineEventRow(line: line, event: $0) } }
    }

    /// The events of the lines dated `since` or later that an analyst's
    /// digest lists: new lines, changes, supersessions, and reports that a
    /// target was met or is behind. Oldest first.
    public static func changes(in lines: [TargetLine], since: String) -> [LineEventRow] {
        all(lines).filter { row in
            guard let date = row.event.date, date >= since else { return false }
            switch row.event.kind {
            case .set, .changed, .superseded: return true
            case .restated: return false
            case .reported: return row.event.outcome != .progress
            }
        }.sorted { ($0.event.date ?? "", $0.event.goal.articleID, $0.line.id) < ($1.event.date ?? "", $1.event.goal.articleID, $1.line.id) }
    }
}
