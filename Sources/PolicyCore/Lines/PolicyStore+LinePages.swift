import Foundation
import PolicyExtraction

// What the server's pages ask of target lines beyond `history` and
// `changes`: the line a goal belongs to (pages link every target and
// incentive to its line without building lines themselves), the changes
// digest narrowed by metric and kind of event, and the newest issue date
// (the /changes page's default window ends there).

/// The kinds of news the changes digest sorts its events into, in the
/// order it lists them.
public enum LineChangeKind: String, Sendable, CaseIterable {
    case set, changed, superseded, met, behind

    /// The kind of news `row` is, or nil for an event the digest leaves out.
    public init?(_ row: LineEventRow) {
        switch row.event.kind {
        case .set: self = .set
        case .changed: self = .changed
        case .superseded: self = .superseded
        case .reported:
            switch row.event.outcome {
            case .met?, .metLate?: self = .met
            case .behind?: self = .behind
            case .progress?, nil: return nil
            }
        case .restated: return nil
        }
    }
}

extension PolicyStore {
    /// The line goal `id` belongs to: the line it set, restated or changed;
    /// for a statistic, the latest line set before it that it reports on.
    /// Nil for an unknown or rejected goal, or a statistic no target line
    /// of its region, metric and unit precedes.
    ///
    /// Only the goals of its region, unit and metric key are grouped: no
    /// other goal can join or change that line. They are found from the
    /// metrics of the region's goals with that unit (two columns of the
    /// goals table), and only they are read whole, so a line of a region
    /// with tens of thousands of goals costs milliseconds, not the
    /// region's whole history.
    public func targetLine(ofGoal id: Int64) throws -> TargetLine? {
        guard let row = try database.rows("""
            SELECT g.region_code, g.unit, g.metric, r.name AS region_name
            FROM goals g LEFT JOIN regions r ON r.code = g.region_code WHERE g.id = ?
            """, [id]).first else { return nil }
        let region: String? = try row.decodeIfPresent("region_code"), unit: String? = try row.decodeIfPresent("unit")
        let regionName: String? = try row.decodeIfPresent("region_name")
        let key = MetricKey.key(try row.decode("metric"), regionName: regionName)
        var keys: [String: String] = [:]
        var ids: [Int64] = []
        for candidate in try database.rows("SELECT id, metric FROM goals WHERE region_code IS ? AND unit IS ?", [region, unit]) {
            let metric: String = try candidate.decode("metric")
            let candidateKey = keys[metric] ?? MetricKey.key(metric, regionName: regionName)
            keys[metric] = candidateKey
            if candidateKey == key { ids.append(try candidate.decode("id")) }
        }
        let goals = try database.prepare("""
            SELECT id, kind, article_id, article_title, issue_date, policy_id, policy_title, region_code, region_name,
                   year, year_source, metric, comparator, value_exact, unit, stretch, target_id, '[]' AS evidence,
                   correction_id, rejected, correction_note, original, publication, issue_number
            FROM v_goals WHERE id IN (SELECT value FROM json_each(?)) AND rejected = 0
            """).rows([JSONList.encode(ids)]).map(GoalRow.init(row:))
        let lines = TargetLines.build(goals)
        let stated = lines.first { line in line.events.contains { $0.kind.statesTarget && $0.goal.id == id } }
        let reported = lines.last { line in line.events.contains { $0.kind == .reported && $0.goal.id == id } }
        return try (stated ?? reported).map { try withEvidence([$0]) }?.first
    }

    /// `lineChanges(since:regionCodes:)` narrowed to lines whose metric
    /// contains `metric` (normalised as `history --metric` does) and to the
    /// kinds of news asked for (all when empty).
    public func lineChanges(since: String, regionCodes: [String]?, metric: String?,
                            kinds: Set<LineChangeKind> = []) throws -> [LineEventRow] {
        let key = metric.map { MetricKey.key($0, regionName: nil) }
        return try lineChanges(since: since, regionCodes: regionCodes).filter { row in
            if let key, !row.line.metricKey.contains(key) { return false }
            return kinds.isEmpty || LineChangeKind(row).map(kinds.contains) == true
        }
    }

    /// The date of the newest dated issue, nil when none is dated.
    public func newestIssueDate() throws -> String? {
        try database.rows("SELECT max(issue_date) AS newest FROM issues").first?.decodeIfPresent("newest")
    }
}

extension TargetLine {
    /// The statement in force just before `event` (the target a change
    /// changed), nil for the line's first.
    public func statement(before event: LineEvent) -> GoalRow? {
        guard let index = events.firstIndex(of: event) else { return nil }
        return events[..<index].last { $0.kind.statesTarget }?.goal
    }
}
