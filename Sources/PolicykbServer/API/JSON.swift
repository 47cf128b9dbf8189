import PolicyCore
import PolicyExtraction

/// A JSON value whose objects keep their keys in the order written, as the
/// CLI's JSON does (`article_id` first, then `title`…), and whose exact
/// numbers (goal values in base units) are written as stored.
indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    /// A number already written in decimal: 800000000000, 0.5.
    case number(String)
    case string(String)
    case array([JSON])
    case object([Field])

    struct Field: Sendable, Equatable {
        let key: String
        let value: JSON
    }

    static func object(_ pairs: KeyValuePairs<String, JSON>) -> JSON {
        .object(pairs.map { Field(key: $0.key, value: $0.value) })
    }

    init(_ value: String?) { self = value.map { .string($0) } ?? .null }
    init(_ value: Int?) { self = value.map { .int(Int64($0)) } ?? .null }
    init(_ value: Int64?) { self = value.map { .int($0) } ?? .null }

    /// The value as text.
    var text: String {
        var out = ""
        write(to: &out)
        return out
    }

    func write(to out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .double(let number):
            guard number.isFinite else { out += "null"; return }
            if number == number.rounded(), abs(number) < 1e15 { out += String(Int64(number)) } else { out += String(number) }
        case .number(let literal): out += literal
        case .string(let text): Self.quote(text, to: &out)
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += ", " }
                item.write(to: &out)
            }
            out += "]"
        case .object(let fields):
            out += "{"
            for (index, field) in fields.enumerated() {
                if index > 0 { out += ", " }
                Self.quote(field.key, to: &out)
                out += ": "
                field.value.write(to: &out)
            }
            out += "}"
        }
    }

    /// A JSON string, markup escaped too (`JSONString`, shared with the CLI).
    static func quote(_ text: String, to out: inout String) {
        out += JSONString.quote(text, escapingMarkup: true)
    }
}
