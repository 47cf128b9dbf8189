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
        try withEvidence(try linesWithoutEvidence(filter))
    }

    func linesWithoutEvidence(_ filter: LineFilter) throws -> [TargetLine] {
        var lines = TargetLines.build(try lineGoals(regionCodes: filter.regionCodes))
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
        // Only the goals of a region, metric and unit with a goal since then
        // can make an event since then: the others are left out before grouping.
        let goals = try lineGoals(regionCodes: regions)
        var metricKeys = MetricKey.Cache()
        func key(_ goal: GoalRow) -> String {
            [goal.regionCode ?? "", metricKeys.key(of: goal), goal.unit ?? ""].joined(separator: "\u{0}")
        }
        let touched = Set(goals.filter { ($0.issueDate ?? "") >= since }.map(key))
        let lines = TargetLines.build(goals.filter { touched.contains(key($0)) })
        let changed = lines.filter { !LineEventRow.changes(in: [$0], since: since).isEmpty }
        return LineEventRow.changes(in: try withEvidence(changed), since: since)
    }

    /// The line set by goal `id` (a line's id), nil when no line has that id.
    public func targetLine(id: Int64) throws -> TargetLine? {
        guard let row = try database.rows("SELECT region_code FROM goals WHERE id = ?", [id]).first else { return nil }
        let region: String? = try row.decodeIfPresent("region_code")
        let goals = try lineGoals(regionCodes: region.map { [$0] }).filter { $0.regionCode == region }
        return try withEvidence(TargetLines.build(goals).filter { $0.id == id }).first
    }

    /// The goals lines are made of, every kind, rejected ones left out,
    /// without their evidence: the view leaves its evidence subquery
    /// unevaluated when the column is not asked for.
    func lineGoals(regionCodes: [String]?) throws -> [GoalRow] {
        var conditions = SQLConditions()
        if let regionCodes { conditions.append("region_code IN (SELECT value FROM json_each(?))", [JSONList.encode(regionCodes)]) }
        conditions.append("rejected = 0")
        return try database.prepare("""
            SELECT id, kind, article_id, article_title, issue_date, policy_id, policy_title, region_code, region_name,
                   year, year_source, metric, comparator, value_exact, unit, stretch, target_id, '[]' AS evidence,
                   correction_id, rejected, correction_note, original, publication, issue_number
            FROM v_goals\(conditions.whereClause)
            """).rows(conditions.values).map(GoalRow.init(row:))
    }

    /// The lines with the evidence of every goal their events cite.
    func withEvidence(_ lines: [TargetLine]) throws -> [TargetLine] {
        let ids = Set(lines.flatMap { $0.events.flatMap { [$0.goal.id] + ($0.against.map { [$0.id] } ?? []) } })
        guard !ids.isEmpty else { return lines }
        var evidence: [Int64: [EvidenceRow]] = [:]
        for row in try database.rows("""
            SELECT goal_id, article_id, start, end, text FROM goal_evidence
            WHERE goal_id IN (SELECT value FROM json_each(?)) ORDER BY goal_id, position
            """, [JSONList.encode(Array(ids))]) {
            evidence[try row.decode("goal_id"), default: []].append(
                EvidenceRow(articleID: try row.decode("article_id"), start: try row.decode("start"), end: try row.decode("end"),
                            text: try row.decode("text")))
        }
        return lines.map { line in
            line.mapGoals { goal in
                var goal = goal
                goal.evidence = evidence[goal.id] ?? []
                return goal
            }
        }
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
