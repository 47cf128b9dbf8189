import Foundation
import PolicyExtraction
import PolicyNumbers

/// One target followed across articles, issues and periodicals: goals of
/// one region, kind and metric (once normalised, `MetricKey`) with one unit,
/// for one horizon year or one policy. Its events say when it was set,
/// restated, changed, superseded or reported on.
public struct TargetLine: Sendable, Equatable {
    /// The id of the goal that set the line (ids change at re-ingest, as goals' do).
    public let id: Int64
    public let regionCode: String?
    public let regionName: String?
    public let kind: ExtractedGoal.Kind
    /// The normalised metric all its goals share.
    public let metricKey: String
    public let unit: String?
    /// Oldest first, by issue date.
    public private(set) var events: [LineEvent]
    /// Kept as events are added, so that placing a goal costs the same
    /// however long the line: the statement in force, the policies and the
    /// articles of its statements.
    private var currentIndex = 0
    private(set) var policyKeys: Set<String> = []
    private(set) var statementArticles: Set<Int64> = []
    private(set) var isSuperseded = false

    init(id: Int64, regionCode: String?, regionName: String?, kind: ExtractedGoal.Kind, metricKey: String, unit: String?,
         set event: LineEvent, policyKey: String?) {
        self.id = id
        self.regionCode = regionCode
        self.regionName = regionName
        self.kind = kind
        self.metricKey = metricKey
        self.unit = unit
        events = []
        append(event, policyKey: policyKey)
    }

    /// Adds an event (in date order); `policyKey` is its goal's (`TargetLines.policyKey`).
    mutating func append(_ event: LineEvent, policyKey: String?) {
        events.append(event)
        if event.kind == .superseded { isSuperseded = true }
        guard event.kind.statesTarget else { return }
        currentIndex = events.count - 1
        if let policyKey { policyKeys.insert(policyKey) }
        statementArticles.insert(event.goal.articleID)
    }

    /// The same line with each event's goal (and the statement it was
    /// measured against) passed through `transform`: evidence added.
    func mapGoals(_ transform: (GoalRow) -> GoalRow) -> TargetLine {
        var copy = self
        copy.events = events.map { event in
            var event = event
            event.goal = transform(event.goal)
            event.against = event.against.map(transform)
            return event
        }
        return copy
    }

    /// The goal in force: the last one set, restated or changed.
    public var current: GoalRow { events[currentIndex].goal }

    /// The metric as the latest goal words it.
    public var metric: String { current.metric }

    /// Policies its goals name.
    public var policyIDs: Set<Int64> { Set(events.filter(\.kind.statesTarget).compactMap(\.goal.policyID)) }

    /// The date of its first and last events.
    public var firstDate: String? { events.first?.date }
    public var lastDate: String? { events.last?.date }
}

/// Something that happened to a target line, with the goal it was seen in.
public struct LineEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        /// First seen.
        case set
        /// Seen again, unchanged.
        case restated
        /// Value, comparator, year or stretch differs from the line's last statement.
        case changed
        /// A newer policy sets the same metric for the same region and a later year.
        case superseded
        /// A later statistic for the same region and metric.
        case reported

        /// Events that state the target (and so can be its current statement).
        public var statesTarget: Bool { self == .set || self == .restated || self == .changed }
    }

    /// What a `changed` event changed.
    public enum Change: String, Sendable, CaseIterable {
        case raised, lowered, movedLater = "moved_later", movedEarlier = "moved_earlier", firmedUp = "firmed_up",
             madeStretch = "made_stretch", comparator, unit
    }

    /// What a `reported` statistic says of the target.
    public enum Outcome: String, Sendable, CaseIterable {
        /// Reached by its year.
        case met
        /// Reached, after its year.
        case metLate = "met_late"
        /// Not reached, and its year has passed.
        case behind
        /// Not reached yet, before its year.
        case progress
    }

    public let kind: Kind
    /// The goal this event was seen in: its evidence, article and issue.
    public internal(set) var goal: GoalRow
    public var changes: [Change] = []
    public var outcome: Outcome?
    /// For `superseded`: the line that supersedes this one.
    public var supersededBy: Int64?
    /// For `reported` and `superseded`: the line's statement in force then,
    /// which the statistic was measured against or the new policy replaced.
    public var against: GoalRow?
    /// Why this goal belongs to this line, in words (`history --explain`).
    public var reason: String

    /// The issue date the event is dated by.
    public var date: String? { goal.issueDate }
}
