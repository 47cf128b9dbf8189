import PolicyCore

/// The API's JSON: the core's record value, the one the command line
/// writes too, with markup escaped in strings (`<`, `>`, `&`).
typealias JSON = RecordValue

extension RecordValue {
    /// The value as the API sends it.
    var text: String { json(escapingMarkup: true) }
}
