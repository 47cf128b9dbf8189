import PolicyCore
import PolicyExtraction

/// Text made safe for HTML. Every string from the database — titles,
/// bodies, metrics, sources, links — is untrusted input and reaches a page
/// only through `escape`; markup the server writes itself is literal.
enum HTML {
    /// `text` with `&`, `<`, `>`, `"` and `'` as entities: safe between
    /// tags and inside quoted attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Marked text (a snippet) escaped, its matches in `<mark>`.
    static func marked(_ text: String) -> String {
        escape(text).unicodeScalars.reduce(into: "") { out, scalar in
            switch scalar {
            case MatchMark.open: out += "<mark>"
            case MatchMark.close: out += "</mark>"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }

    /// A link to an address from the database, only when it is http(s):
    /// a `javascript:` or `data:` URL in a bulletin must not become a link.
    static func externalLink(_ url: String) -> String {
        let lower = url.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return escape(url) }
        return "<a href=\"\(escape(url))\" rel=\"noopener noreferrer nofollow\">\(escape(url))</a>"
    }

    /// `<option>` elements for a `<datalist>`.
    static func options(_ values: [String]) -> String {
        values.map { "<option value=\"\(escape($0))\"></option>" }.joined()
    }

    /// A text `<input>` with its label, keeping the request's value.
    static func input(_ name: String, label: String, value: String?, placeholder: String = "", list: String? = nil,
                      type: String = "text", size: Int? = nil) -> String {
        var attributes = "type=\"\(type)\" name=\"\(name)\" id=\"f-\(name)\" maxlength=\"\(Limits.textLength)\""
        if let value { attributes += " value=\"\(escape(value))\"" }
        if !placeholder.isEmpty { attributes += " placeholder=\"\(escape(placeholder))\"" }
        if let list { attributes += " list=\"\(list)\"" }
        if let size { attributes += " size=\"\(size)\"" }
        return "<label for=\"f-\(name)\">\(escape(label))</label> <input \(attributes)>"
    }
}

/// Values shown in pages.
enum Display {
    /// The region's name, else the name the gazetteer gives its code, else
    /// its code, else a dash: result rows carry codes, readers read names.
    static func region(name: String?, code: String?) -> String {
        name ?? code.flatMap { Gazetteer.seeded.regions[$0]?.name } ?? code ?? "—"
    }

    /// A policy's period: 2025—2027, from 2025, until 2027, or nil.
    static func period(start: Int?, end: Int?) -> String? {
        switch (start, end) {
        case let (start?, end?) where start == end: "\(start)"
        case let (start?, end?): "\(start)—\(end)"
        case let (start?, nil): "from \(start)"
        case let (nil, end?): "until \(end)"
        case (nil, nil): nil
        }
    }

    /// A goal's fields, named, for tooltips: kind, metric, comparator,
    /// value (as written and exact), unit and year.
    static func goalFields(_ goal: GoalRow) -> [(String, String)] {
        [("kind", goal.kind.rawValue + (goal.stretch ? " (力争)" : "")), ("metric", goal.metric),
         ("comparator", goal.comparator.rawValue), ("value", "\(goal.readableValue) (\(goal.value))"),
         ("unit", goal.unit ?? "—"), ("year", goal.year.map(String.init) ?? "—")]
    }

    /// The same in one line, for a `title` attribute.
    static func goalSummary(_ goal: GoalRow) -> String {
        goalFields(goal).map { "\($0): \($1)" }.joined(separator: "; ")
    }
}
