/// Stage 6: a target stated again in the same article (不少于100项关键技术 …
/// 突破百余项关键技术) is one goal with two spans. Incentives are never
/// merged: the same cap granted by two measures is two grants.
extension GoalExtractor {
    func merge(_ goals: [ExtractedGoal]) -> [ExtractedGoal] {
        var merged: [ExtractedGoal] = []
        for goal in goals {
            if goal.kind == .target, let index = merged.firstIndex(where: { sameTarget($0, goal) }) {
                for span in goal.evidence where !merged[index].evidence.contains(span) {
                    merged[index].evidence.append(span)
                }
                continue
            }
            merged.append(goal)
        }
        return merged
    }

    func sameTarget(_ a: ExtractedGoal, _ b: ExtractedGoal) -> Bool {
        guard a.kind == .target, b.kind == .target, a.value == b.value, a.unit == b.unit,
              a.policyIndex == b.policyIndex, a.stretch == b.stretch || a.comparator != b.comparator else { return false }
        if let ya = a.year, let yb = b.year, ya != yb { return false }
        let x = a.metric.removingWhitespace, y = b.metric.removingWhitespace
        guard min(x.count, y.count) >= 2 else { return false }
        return x == y || x.hasSuffix(y) || y.hasSuffix(x)
    }
}
