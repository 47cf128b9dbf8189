/// One language's texts, by message id. `MessageTable.chinese` and
/// `MessageTable.english` each hold every `MessageID` (checked by a test),
/// so a page in either language has no text left in the other.
struct MessageTable: Sendable {
    let texts: [MessageID: String]

    /// The text of `id` with `{1}`, `{2}`, … replaced by `arguments` in order.
    /// A text missing from the table shows its id (the tables test fails first).
    func text(_ id: MessageID, _ arguments: [String] = []) -> String {
        var text = texts[id] ?? id.rawValue
        for (index, argument) in arguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: argument)
        }
        return text
    }
}
