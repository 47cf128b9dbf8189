import Foundation
import PolicyExtraction
import PolicyNumbers

/// Goals gathered into target lines: a pure function of goal rows, so that
/// every rule is tested on goals made for it and the store only has to
/// fetch the rows.
///
/// Goals are read in issue-date order. A target or incentive joins a line
/// of the same region, kind, normalised metric and unit that states the same
/// horizon year or names the same policy (same policy and year first, then
/// same year, then same policy; a line never takes two goals of one
/// article, so a policy's milestones for 2025 and 2027 stay two lines).
/// Joining is `restated` when nothing differs from the line's current
/// statement, else `changed`. A goal that joins no line sets a new one, and
/// supersedes the lines of its key whose policy it does not share and whose
/// year is earlier. A statistic reports on every target line of its region,
/// metric and unit set before it.
public enum TargetLines {
    struct Key: Hashable {
        let region: String?
        let kind: ExtractedGoal.Kind
        let metricKey: String
        let unit: String?
    }

    /// The lines the goals form, in the order they were set. Rejected goals
    /// take no part.
    public static func build(_ goals: [GoalRow]) -> [TargetLine] {
        var lines: [TargetLine] = []
        var byKey: [Key: KeyLines] = [:]
        var policyKeys: [String: String] = [:], metricKeys = MetricKey.Cache()
        for goal in inChronologicalOrder(goals.filter { $0.correction?.rejected != true }) {
            let metricKey = metricKeys.key(of: goal)
            // One fold per policy title, not one per comparison.
            let policyKey = goal.policyTitle.map { title in
                if let known = policyKeys[title] { return known }
                let key = Self.policyKey(goal) ?? title
                policyKeys[title] = key
                return key
            } ?? Self.policyKey(goal)
            if goal.kind == .statistic {
                let key = Key(region: goal.regionCode, kind: .target, metricKey: metricKey, unit: goal.unit)
                for index in byKey[key]?.all ?? [] { lines[index].append(report(goal, on: lines[index]), policyKey: nil) }
                continue
            }
            let key = Key(region: goal.regionCode, kind: goal.kind, metricKey: metricKey, unit: goal.unit)
            var keyLines = byKey.removeValue(forKey: key) ?? KeyLines()
            defer { byKey[key] = keyLines }
            // Only lines of the goal's year or policy can take it; every other line of the key refuses it.
            let (best, refusals) = bestLine(for: goal, policyKey: policyKey,
                                            among: keyLines.candidates(year: goal.year, policyKey: policyKey),
                                            of: keyLines.all, in: lines)
            if let (index, reason) = best {
                let oldYear = lines[index].current.year, hadPolicy = policyKey.map(lines[index].policyKeys.contains) ?? true
                lines[index].append(statement(goal, after: lines[index].current, reason: reason), policyKey: policyKey)
                keyLines.moved(index, fromYear: oldYear, to: lines[index].current.year)
                if !hadPolicy, let policyKey { keyLines.addPolicy(policyKey, to: index) }
                continue
            }
            let keyWords = "「\(metricKey)」" + (goal.unit.map { " in \($0)" } ?? "") + " of \(place(goal))"
            // The latest few refusals: a key with hundreds of lines would otherwise make every reason longer.
            let shown = refusals.shown.map { $0.words(lines, goal) }.joined(separator: "; ")
                + (refusals.count > Self.refusalsShown ? "; and \(refusals.count - Self.refusalsShown) lines more" : "")
            let reason = refusals.isEmpty ? "first \(goal.kind.rawValue) for \(keyWords)"
                : "no line of \(keyWords) has its year or policy: " + shown
            let line = TargetLine(id: goal.id, regionCode: goal.regionCode, regionName: goal.regionName, kind: goal.kind,
                                  metricKey: metricKey, unit: goal.unit, set: LineEvent(kind: .set, goal: goal, reason: reason),
                                  policyKey: policyKey)
            // Only a goal with a policy and a year supersedes; a superseded line stays so.
            if goal.policyID != nil, policyKey != nil, goal.year != nil {
                var stillLive: [Int] = []
                for index in keyLines.live {
                    if let event = supersession(of: lines[index], by: goal, policyKey: policyKey, newLine: line.id) {
                        lines[index].append(event, policyKey: nil)
                    } else {
                        stillLive.append(index)
                    }
                }
                keyLines.live = stillLive
            }
            keyLines.add(lines.count, year: goal.year, policyKey: policyKey)
            lines.append(line)
        }
        return lines
    }

    /// How many refused lines a `set` event's reason names.
    static let refusalsShown = 3

    /// The goals in the order events happen in: issue date (undated last),
    /// then article, then goal. Sorted by keys taken once: a row is large,
    /// and copying one to compare it costs a retain per field.
    static func inChronologicalOrder(_ goals: [GoalRow]) -> [GoalRow] {
        let keys = goals.enumerated().map { ($0.element.issueDate ?? "9999", $0.element.articleID, $0.element.id, $0.offset) }
        return keys.sorted { ($0.0, $0.1, $0.2) < ($1.0, $1.1, $1.2) }.map { goals[$0.3] }
    }

    /// A key's lines (positions in `lines`, oldest first), indexed by the
    /// current year and by the policies of each line, so that placing a goal
    /// looks only at the lines that could take it, not at every line of its key.
    struct KeyLines {
        private(set) var all: [Int] = []
        /// Lines not superseded yet: the only ones a new line can supersede.
        var live: [Int] = []
        private var byYear: [Int?: [Int]] = [:]
        private var byPolicy: [String: [Int]] = [:]

        mutating func add(_ index: Int, year: Int?, policyKey: String?) {
            all.append(index)
            live.append(index)
            byYear[year, default: []].append(index)
            if let policyKey { byPolicy[policyKey, default: []].append(index) }
        }

        /// The line's current year changed (a `changed` event moved it).
        mutating func moved(_ index: Int, fromYear old: Int?, to new: Int?) {
            guard old != new else { return }
            byYear[old]?.removeAll { $0 == index }
            Self.insert(index, into: &byYear[new, default: []])
        }

        mutating func addPolicy(_ policyKey: String, to index: Int) {
            Self.insert(index, into: &byPolicy[policyKey, default: []])
        }

        /// Lines of that year or naming that policy, oldest first.
        func candidates(year: Int?, policyKey: String?) -> [Int] {
            let sameYear = byYear[year] ?? [], samePolicy = policyKey.flatMap { byPolicy[$0] } ?? []
            if samePolicy.isEmpty { return sameYear }
            if sameYear.isEmpty { return samePolicy }
            return Array(Set(sameYear).union(samePolicy)).sorted()
        }

        private static func insert(_ index: Int, into list: inout [Int]) {
            let at = list.firstIndex { $0 >= index } ?? list.endIndex
            if at == list.endIndex || list[at] != index { list.insert(index, at: at) }
        }
    }

    /// The line a goal joins and why, or why each candidate was refused.
    /// A line a goal could not join, worded only if its reason is shown:
    /// a key with hundreds of lines would otherwise word hundreds per goal.
    struct Refusal {
        let index: Int
        let sameArticle: Bool

        func words(_ lines: [TargetLine], _ goal: GoalRow) -> String {
            let line = lines[index]
            let name = "line \(line.id) (\(yearWords(line.current.year)))"
            return sameArticle ? "\(name) already has a goal of this article"
                : "\(name): other year (\(yearWords(goal.year))) and " + (goal.policyID == nil ? "no policy" : "another policy")
        }
    }

    /// `candidates` are the lines of `keyLines` that share the goal's year or
    /// policy; when none takes it, every line of the key refused it, and
    /// only the last `refusalsShown` are looked at.
    static func bestLine(for goal: GoalRow, policyKey: String?, among candidates: [Int], of keyLines: [Int],
                         in lines: [TargetLine]) -> (best: (index: Int, reason: String)?, refusals: Refusals) {
        var best: (index: Int, score: Int)?
        for index in candidates {
            let line = lines[index]
            if line.statementArticles.contains(goal.articleID) { continue }
            let samePolicy = policyKey.map(line.policyKeys.contains) ?? false
            let sameYear = goal.year == line.current.year
            let score = (samePolicy ? 1 : 0) + (sameYear ? 2 : 0)
            if score > 0, best.map({ score >= $0.score }) ?? true { best = (index, score) }
        }
        guard let best else {
            let shown = keyLines.suffix(refusalsShown).map { index in
                Refusal(index: index, sameArticle: lines[index].statementArticles.contains(goal.articleID))
            }
            return (nil, Refusals(shown: shown, count: keyLines.count))
        }
        var why = ["same region, kind, metric「\(lines[best.index].metricKey)」 and unit"]
        if best.score >= 2 { why.append("same horizon \(yearWords(goal.year))") }
        if best.score % 2 == 1 { why.append("same policy" + (goal.policyTitle.map { "《\($0)》" } ?? "")) }
        return ((best.index, why.joined(separator: "; ")), Refusals(shown: [], count: 0))
    }

    /// The lines that refused a goal: the latest few, and how many in all.
    struct Refusals {
        let shown: [Refusal]
        let count: Int
        var isEmpty: Bool { count == 0 }
    }

    /// `restated` or `changed`, by comparing the goal with the line's current statement.
    static func statement(_ goal: GoalRow, after current: GoalRow, reason: String) -> LineEvent {
        var changes: [LineEvent.Change] = []
        if goal.value > current.value { changes.append(.raised) }
        if goal.value < current.value { changes.append(.lowered) }
        if let new = goal.year, let old = current.year, new != old { changes.append(new > old ? .movedLater : .movedEarlier) }
        if current.stretch && !goal.stretch { changes.append(.firmedUp) }
        if !current.stretch && goal.stretch { changes.append(.madeStretch) }
        if goal.comparator != current.comparator { changes.append(.comparator) }
        if changes.isEmpty { return LineEvent(kind: .restated, goal: goal, reason: reason) }
        // Worded only for a change: formatting a figure is most of a restatement's cost.
        let was = "was \(current.figure)\(current.stretch ? " (力争)" : "") by \(yearWords(current.year))"
        return LineEvent(kind: .changed, goal: goal, changes: changes,
                         reason: reason + "; " + changes.map(\.rawValue).joined(separator: ", ") + ": " + was)
    }

    /// A `superseded` event when `goal`, which set a new line, is a newer
    /// policy's target for a later year.
    static func supersession(of line: TargetLine, by goal: GoalRow, policyKey: String?, newLine: Int64) -> LineEvent? {
        guard let policy = goal.policyID, let key = policyKey, !line.policyKeys.contains(key),
              let year = goal.year, let old = line.current.year, year > old,
              !line.isSuperseded else { return nil }
        let title = goal.policyTitle.map { "《\($0)》" } ?? "policy \(policy)"
        return LineEvent(kind: .superseded, goal: goal, supersededBy: newLine, against: line.current,
                         reason: "\(title) sets「\(line.metricKey)」 of \(place(goal)) for \(year), later than \(old) (line \(newLine))")
    }

    /// What a statistic says of a line's current target.
    static func report(_ statistic: GoalRow, on line: TargetLine) -> LineEvent {
        let target = line.current
        let reached = switch target.comparator {
        case .atMost, .lessThan: statistic.value <= target.value
        default: statistic.value >= target.value
        }
        let reportYear = statistic.year ?? statistic.issueDate.flatMap { Int($0.prefix(4)) }
        let outcome: LineEvent.Outcome
        if let due = target.year, let reportYear {
            outcome = reached ? (reportYear <= due ? .met : .metLate) : (reportYear >= due ? .behind : .progress)
        } else {
            outcome = reached ? .met : .progress
        }
        let reason = "statistic of「\(line.metricKey)」 for \(yearWords(reportYear)): \(statistic.figure) "
            + (reached ? "reaches" : "does not reach") + " \(target.figure) due by \(yearWords(target.year))"
        return LineEvent(kind: .reported, goal: statistic, outcome: outcome, against: target, reason: reason)
    }

    /// A policy's title folded to simplified script, widths and dashes:
    /// the policy table keeps a title written in each script apart, a line
    /// does not.
    static func policyKey(_ goal: GoalRow) -> String? {
        goal.policyTitle.map { ScriptFold.fold($0).comparisonKey } ?? goal.policyID.map { "#\($0)" }
    }

    static func yearWords(_ year: Int?) -> String { year.map { "\($0)" } ?? "no year" }
    static func place(_ goal: GoalRow) -> String { goal.regionName ?? goal.regionCode ?? "no region" }
}
