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
        if x == y || x.hasSuffix(y) || y.hasSuffix(x) { return true }
        // A restatement outside any horizon (将力推1.5万台套新增应用目标落地)
        // names the goal in other words: two shared words are enough, read
        // in the first statement's words (新增工业机器人应用), verbs included.
        guard b.year == nil || a.year == nil else { return false }
        let stated = a.evidence.first.map { $0.text.removingWhitespace } ?? x
        return max(Self.sharedWords(x, y), Self.sharedWords(stated, y)) >= 2
    }

    /// How many two-character words two metrics share.
    static func sharedWords(_ x: String, _ y: String) -> Int {
        let a = Array(x), b = Array(y)
        guard a.count >= 2, b.count >= 2 else { return 0 }
        let left = Set((0..<(a.count - 1)).map { String(a[$0...($0 + 1)]) })
        let right = Set((0..<(b.count - 1)).map { String(b[$0...($0 + 1)]) })
        return left.intersection(right).count
    }
}
