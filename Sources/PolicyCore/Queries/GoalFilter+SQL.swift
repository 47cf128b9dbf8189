import Foundation
import PolicyExtraction
import SQLiteDB

extension GoalFilter {
    /// The WHERE conditions over `v_goals` that select these goals, every
    /// value bound: the goal listing and the timeline count the same rows.
    var conditions: SQLConditions {
        var conditions = SQLConditions()
        let kinds = ExtractedGoal.Kind.allCases.filter { self.kinds.contains($0) }
        conditions.append("kind IN (" + kinds.map { _ in "?" }.joined(separator: ", ") + ")", kinds.map(\.rawValue))
        if let year {
            conditions.append("year = ?", [year])
        }
        if let metric {
            // White space inside a metric (占 GDP 比重) does not matter.
            conditions.append("instr(replace(metric, ' ', ''), replace(?, ' ', '')) > 0", [metric])
        }
        conditions.append(records, columns: .goals)
        if let articleID { conditions.append("article_id = ?", [articleID]) }
        if let policyID { conditions.append("policy_id = ?", [policyID]) }
        if let goalID { conditions.append("id = ?", [goalID]) }
        if !includeRejected { conditions.append("rejected = 0", []) }
        return conditions
    }
}
