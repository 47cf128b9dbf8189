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

/// Target lines are computed when asked, not stored: a correction or a new
/// rule changes every line at once. Each goal's metric key is stored
/// (`goals.metric_key`, see PolicyStore+LineKeys), so a query first finds
/// the (region, metric key) pairs it is about through the `goals_line`
/// index, then reads only those goals and groups them in memory (see
/// Docs/PERFORMANCE.md). A database whose keys are not all there yet is
/// read as before: the regions' goals, keys made in memory.
extension PolicyStore {
    /// The lines of the goals matching `filter`, in the order they were set.
    public func targetLines(_ filter: LineFilter = LineFilter()) throws -> [TargetLine] {
        try withEvidence(try linesWithoutEvidence(filter))
    }

    func linesWithoutEvidence(_ filter: LineFilter) throws -> [TargetLine] {
        let metricKey = filter.metric.map { MetricKey.key($0, regionName: nil) }
        let policyIDs = try filter.policy.map { policy in
            let text = policy.removingWhitespace
            return try database.rows(SQLConditions.matchingPolicies, [text, text, text]).map { try $0.decode("id", as: Int64.self) }
        }
        let goals: [GoalRow]
        if try lineKeysAreCurrent() {
            var conditions = SQLConditions()
            // A region's every metric: its goals are its keys' goals, read by region directly.
            if metricKey == nil && policyIDs == nil {
                return try built(lineGoals(regionCodes: filter.regionCodes, storedKeys: true))
            }
            if let regionCodes = filter.regionCodes {
                conditions.append("region_code IN (SELECT value FROM json_each(?))", [JSONList.encode(regionCodes)])
            }
            if let metricKey { conditions.append("instr(metric_key, ?) > 0", [metricKey]) }
            if let policyIDs { conditions.append("policy_id IN (SELECT value FROM json_each(?))", [JSONList.encode(policyIDs)]) }
            goals = try lineGoals(keysWhere: conditions)
        } else {
            goals = try lineGoals(regionCodes: filter.regionCodes, storedKeys: false)
        }
        return built(goals)

        func built(_ goals: [GoalRow]) -> [TargetLine] {
            var lines = TargetLines.build(goals)
            if let metricKey { lines = lines.filter { $0.metricKey.contains(metricKey) } }
            if let policyIDs { lines = lines.filter { !$0.policyIDs.isDisjoint(with: policyIDs) } }
            return lines
        }
    }

    /// What happened since `since` (an ISO date, inclusive): lines set,
    /// changed or superseded, targets reported met or behind. Only the
    /// region, metric key and unit triples with a goal in an article of
    /// that date or later are read and grouped.
    public func lineChanges(since: String, regionCodes: [String]? = nil) throws -> [LineEventRow] {
        let firstID = ArticleIDs.firstID(ofDay: ArticleIDs.dayKey(since))
        let goals: [GoalRow]
        if try lineKeysAreCurrent() {
            var conditions = SQLConditions()
            conditions.append("article_id >= ?", [firstID])
            conditions.append("region_code IS NOT NULL")
            if let regionCodes {
                conditions.append("region_code IN (SELECT value FROM json_each(?))", [JSONList.encode(regionCodes)])
            }
            // The goals since a date are few: read them by article (SQLite would
            // rather walk goals_line for DISTINCT).
            goals = try lineGoals(keysWhere: conditions, index: "goals_article")
        } else {
            var regions = try database.rows("""
                SELECT DISTINCT region_code FROM goals WHERE article_id >= ? AND region_code IS NOT NULL
                """, [firstID]).map { try $0.decode("region_code", as: String.self) }
            if let regionCodes { regions = regions.filter(Set(regionCodes).contains) }
            guard !regions.isEmpty else { return [] }
            goals = try lineGoals(regionCodes: regions, storedKeys: false)
        }
        guard !goals.isEmpty else { return [] }
        // Only the goals of a region, metric and unit with a goal since then
        // can make an event since then: the others are left out before grouping.
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
        let goals: [GoalRow]
        if try lineKeysAreCurrent() {
            var conditions = SQLConditions()
            conditions.append("id = ?", [id])
            goals = try lineGoals(keysWhere: conditions)
        } else {
            goals = try lineGoals(regionCodes: region.map { [$0] }, storedKeys: false).filter { $0.regionCode == region }
        }
        return try withEvidence(TargetLines.build(goals).filter { $0.id == id }).first
    }

    /// The goals of every (region, metric key) pair that a goal matching
    /// `conditions` (on the goals table) has; every goal when there are
    /// no conditions. Goals without a region are one region of their own.
    func lineGoals(keysWhere conditions: SQLConditions, index: String? = nil) throws -> [GoalRow] {
        guard !conditions.isEmpty else { return try lineGoals(regionCodes: nil, storedKeys: true) }
        return try lineGoals(join: """
            JOIN (SELECT DISTINCT region_code, metric_key FROM goals\(index.map { " INDEXED BY \($0)" } ?? "")\(conditions.whereClause)) AS k
              ON g.metric_key = k.metric_key AND g.region_code IS k.region_code
            """, conditions.values, storedKeys: true)
    }

    /// The goals lines are made of, every kind, rejected ones left out,
    /// without their evidence: the view leaves its evidence subquery
    /// unevaluated when the column is not asked for. With `storedKeys`,
    /// each goal carries its stored metric key.
    func lineGoals(regionCodes: [String]?, storedKeys: Bool) throws -> [GoalRow] {
        guard let regionCodes else { return try lineGoals(join: "", [], storedKeys: storedKeys) }
        return try lineGoals(join: "JOIN (SELECT value AS code FROM json_each(?)) AS r ON g.region_code = r.code",
                             [JSONList.encode(regionCodes)], storedKeys: storedKeys)
    }

    private func lineGoals(join: String, _ values: [any DatabaseValueConvertible], storedKeys: Bool) throws -> [GoalRow] {
        try database.prepare("""
            SELECT v.id, v.kind, v.article_id, v.article_title, v.issue_date, v.policy_id, v.policy_title, v.region_code,
                   v.region_name, v.year, v.year_source, v.metric, v.comparator, v.value_exact, v.unit, v.stretch, v.target_id,
                   '[]' AS evidence, v.correction_id, v.rejected, v.correction_note, v.original, v.publication,
                   v.issue_number, g.metric_key
            FROM goals g \(join) JOIN v_goals v ON v.id = g.id
            WHERE v.rejected = 0
            """).rows(values).map { row in
            var goal = try GoalRow(row: row)
            if storedKeys { goal.storedMetricKey = try row.decodeIfPresent("metric_key") }
            return goal
        }
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
                // Read for grouping only: lines read either way compare equal.
                goal.storedMetricKey = nil
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
