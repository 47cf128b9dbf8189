import Foundation
import PolicyExtraction

/// Goals for one metric put like next to like, for every front end that
/// compares them (`policykb compare`, the web page's chart and table): one
/// ordering, so that the terminal bars, the SVG bars and the rows of both
/// tables come out the same.
public enum GoalComparison {
    /// Goals sharing a unit and a horizon year: values that can be drawn on
    /// one scale.
    public struct Group: Sendable, Equatable {
        public let unit: String?
        public let year: Int?
        /// Largest value first.
        public let goals: [GoalRow]
    }

    /// Like next to like: by unit, then year, then value, largest first;
    /// ties by id so that the order never depends on the input's.
    public static func order(_ goals: [GoalRow]) -> [GoalRow] {
        goals.sorted { x, y in
            let kx = (x.unit ?? "", x.year ?? 0), ky = (y.unit ?? "", y.year ?? 0)
            if kx != ky { return kx < ky }
            if x.value != y.value { return x.value > y.value }
            return x.id < y.id
        }
    }

    /// The ordered goals cut into runs of one unit and year.
    public static func groups(_ goals: [GoalRow]) -> [Group] {
        var groups: [Group] = []
        var run: [GoalRow] = []
        for goal in order(goals) {
            if let first = run.first, first.unit != goal.unit || first.year != goal.year {
                groups.append(Group(unit: first.unit, year: first.year, goals: run))
                run = []
            }
            run.append(goal)
        }
        if let first = run.first { groups.append(Group(unit: first.unit, year: first.year, goals: run)) }
        return groups
    }
}
