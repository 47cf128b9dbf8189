import PolicyCore
import PolicyExtraction

/// Target lines' events in the reader's words: the core names them in
/// English for the command line (`set`, `moved_later`, `met`).
extension Display {
    static func eventKind(_ kind: LineEvent.Kind, ui: UILanguage) -> String {
        let id: MessageID = switch kind {
        case .set: .eventSet
        case .restated: .eventRestated
        case .changed: .eventChanged
        case .superseded: .eventSuperseded
        case .reported: .eventReported
        }
        return ui.text(id)
    }

    static func change(_ change: LineEvent.Change, ui: UILanguage) -> String {
        let id: MessageID = switch change {
        case .raised: .changeRaised
        case .lowered: .changeLowered
        case .movedLater: .changeMovedLater
        case .movedEarlier: .changeMovedEarlier
        case .firmedUp: .changeFirmedUp
        case .madeStretch: .changeMadeStretch
        case .comparator: .changeComparator
        case .unit: .changeUnit
        }
        return ui.text(id)
    }

    static func outcome(_ outcome: LineEvent.Outcome, ui: UILanguage) -> String {
        let id: MessageID = switch outcome {
        case .met: .outcomeMet
        case .metLate: .outcomeMetLate
        case .behind: .outcomeBehind
        case .progress: .outcomeProgress
        }
        return ui.text(id)
    }

    /// The event in a word or two: 调整（上调、推迟）, 统计（已达成）.
    static func event(_ event: LineEvent, ui: UILanguage) -> String {
        var details = event.changes.map { change($0, ui: ui) }
        if let result = event.outcome { details.append(outcome(result, ui: ui)) }
        let kind = eventKind(event.kind, ui: ui)
        guard !details.isEmpty else { return kind }
        return ui.language == .zh ? "\(kind)（\(details.joined(separator: "、"))）" : "\(kind) (\(details.joined(separator: ", ")))"
    }

    /// A target as stated: its figure, 力争, and its year (>= 50家（力争），2027年).
    static func target(_ goal: GoalRow, ui: UILanguage) -> String {
        goal.figure + (goal.stretch ? ui.text(.stretch) : "") + (goal.year.map { " · " + ui.text(.yearSuffix, String($0)) } ?? "")
    }

    /// The periodical and issue number of a goal's article: 数字经济周报 第3期.
    static func issue(_ goal: GoalRow, ui: UILanguage) -> String {
        (goal.publication ?? "") + (goal.issueNumber.map { ui.text(.issueNumber, String($0)) } ?? "")
    }

    /// The link to a goal's evidence: its article, at the goal's first span.
    static func evidenceHref(_ goal: GoalRow, ui: UILanguage) -> String {
        ui.href("/articles/\(goal.articleID)#ev-\(goal.id)")
    }
}
