import Foundation

// Target lines as the command line and the server write them: a flat row
// per event for tables and CSV, a line with its events for JSON.

extension LineEventRow: OutputRecord {
    public static let columns = ["line_id", "region_code", "region_name", "metric", "unit", "event", "detail", "date",
                                 "publication", "issue_number", "figure", "year", "stretch", "value", "goal_id",
                                 "article_id", "corrected", "evidence", "reason"]
    public var values: [RecordValue] {
        let goal = event.goal
        return [.int(line.id), RecordValue(line.regionCode), RecordValue(line.regionName), .string(line.metric),
                RecordValue(line.unit), .string(event.kind.rawValue), .string(event.detail), RecordValue(event.date),
                RecordValue(goal.publication), RecordValue(goal.issueNumber), .string(goal.figure), RecordValue(goal.year),
                .bool(goal.stretch), .number("\(goal.value)"), .int(goal.id), .int(goal.articleID),
                .bool(goal.correction != nil), .string(goal.evidence.first?.text ?? ""), .string(event.reason)]
    }
}

extension LineEvent {
    /// What changed, the outcome reported, or the line superseding this one, in a word or two.
    public var detail: String {
        switch kind {
        case .changed: changes.map(\.rawValue).joined(separator: ", ")
        case .reported: outcome?.rawValue ?? ""
        case .superseded: supersededBy.map { "by line \($0)" } ?? ""
        case .set, .restated: ""
        }
    }

    /// The event with its goal's figure and evidence, as JSON writes it.
    public var object: RecordValue {
        .object([("event", .string(kind.rawValue)), ("changes", .array(changes.map { .string($0.rawValue) })),
                 ("outcome", RecordValue(outcome?.rawValue)), ("superseded_by", RecordValue(supersededBy)),
                 ("date", RecordValue(date)), ("publication", RecordValue(goal.publication)),
                 ("issue_number", RecordValue(goal.issueNumber)), ("figure", .string(goal.figure)),
                 ("comparator", .string(goal.comparator.rawValue)), ("value", .number("\(goal.value)")),
                 ("year", RecordValue(goal.year)), ("stretch", .bool(goal.stretch)), ("goal_id", .int(goal.id)),
                 ("kind", .string(goal.kind.rawValue)), ("policy_title", RecordValue(goal.policyTitle)),
                 ("against", against.map { .object([("goal_id", .int($0.id)), ("figure", .string($0.figure)),
                                                     ("year", RecordValue($0.year))]) } ?? .null),
                 ("corrected", .bool(goal.correction != nil)), ("evidence", .array(goal.evidence.map(\.object))),
                 ("reason", .string(reason))])
    }
}

extension LineEventRow {
    /// An event of the changes digest as JSON: its line without the line's
    /// events (under `line`), then the event's fields.
    public var changeObject: RecordValue {
        guard case .object(let head) = line.object, case .object(let fields) = event.object else { return event.object }
        return .object([RecordValue.Field(key: "line", value: .object(head.filter { $0.key != "events" }))] + fields)
    }
}

extension TargetLine {
    /// The line with its current statement and every event.
    public var object: RecordValue {
        let current = self.current
        return .object([("id", .int(id)), ("region_code", RecordValue(regionCode)), ("region_name", RecordValue(regionName)),
                        ("kind", .string(kind.rawValue)), ("metric", .string(metric)), ("metric_key", .string(metricKey)),
                        ("unit", RecordValue(unit)), ("figure", .string(current.figure)), ("value", .number("\(current.value)")),
                        ("year", RecordValue(current.year)), ("stretch", .bool(current.stretch)),
                        ("event_count", .int(Int64(events.count))), ("first_date", RecordValue(firstDate)),
                        ("last_date", RecordValue(lastDate)), ("events", .array(events.map(\.object)))])
    }
}

/// One row per line, its latest statement and how many events it has:
/// `compare --lines`.
public struct LineSummary: OutputRecord, Sendable {
    public let line: TargetLine
    public init(_ line: TargetLine) { self.line = line }

    public static let columns = ["line_id", "unit", "year", "region_code", "region_name", "metric", "comparator", "value",
                                 "readable_value", "stretch", "events", "first_date", "last_date", "last_event", "goal_id",
                                 "evidence"]
    public var values: [RecordValue] {
        let current = line.current
        return [.int(line.id), RecordValue(line.unit), RecordValue(current.year), RecordValue(line.regionCode),
                RecordValue(line.regionName), .string(line.metric), .string(current.comparator.rawValue),
                .number("\(current.value)"), .string(current.figure), .bool(current.stretch), .int(Int64(line.events.count)),
                RecordValue(line.firstDate), RecordValue(line.lastDate), .string(line.events.last?.kind.rawValue ?? ""),
                .int(current.id), .string(current.evidence.first?.text ?? "")]
    }
}
