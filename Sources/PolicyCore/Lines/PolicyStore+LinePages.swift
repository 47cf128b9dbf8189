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
    /// of its region, metric and unit precedes. Only the goals of its
    /// region, metric key and unit are grouped: no other goal can join or
    /// change that line.
    public func targetLine(ofGoal id: Int64) throws -> TargetLine? {
        guard let row = try database.rows("SELECT region_code FROM goals WHERE id = ?", [id]).first else { return nil }
        let region: String? = try row.decodeIfPresent("region_code")
        let goals = try lineGoals(regionCodes: region.map { [$0] }).filter { $0.regionCode == region }
        guard let goal = goals.first(where: { $0.id == id }) else { return nil }
        var keys = MetricKey.Cache()
        let key = keys.key(of: goal)
        let lines = TargetLines.build(goals.filter { $0.unit == goal.unit && keys.key(of: $0) == key })
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
