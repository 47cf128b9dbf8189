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

    /// A text `<input>` with its label, keeping the request's value; the
    /// two in one `span.field`, so that a wrapping form never parts them.
    /// The placeholder is a hint phrased as an example (例如 2024), styled
    /// lighter than a value.
    static func input(_ name: String, label: String, value: String?, placeholder: String = "", list: String? = nil,
                      type: String = "text", size: Int? = nil) -> String {
        var attributes = "type=\"\(type)\" name=\"\(name)\" id=\"f-\(name)\" maxlength=\"\(Limits.textLength)\""
        if let value { attributes += " value=\"\(escape(value))\"" }
        if !placeholder.isEmpty { attributes += " placeholder=\"\(escape(placeholder))\"" }
        if let list { attributes += " list=\"\(list)\"" }
        // Wide enough for the whole hint: `size` counts average Latin
        // characters, and a CJK character is about two and a half of them.
        let hintWidth = (placeholder.unicodeScalars.reduce(2) { $0 + ($1.value >= 0x2E80 ? 5 : 2) } + 1) / 2
        if let size { attributes += " size=\"\(max(size, hintWidth))\"" }
        return "<span class=\"field\"><label for=\"f-\(name)\">\(escape(label))</label> <input \(attributes)></span>"
    }

    /// A `<select>` with its label, one `span.field`; `options` are
    /// (value, label) pairs.
    static func select(_ name: String, label: String, options: [(String, String)], selected: String) -> String {
        let items = options.map { value, text in
            "<option value=\"\(escape(value))\"\(value == selected ? " selected" : "")>\(escape(text))</option>"
        }.joined()
        return "<span class=\"field\"><label for=\"f-\(name)\">\(escape(label))</label> "
            + "<select name=\"\(name)\" id=\"f-\(name)\">\(items)</select></span>"
    }

    /// A checkbox inside its label.
    static func checkbox(_ name: String, value: String, label: String, checked: Bool) -> String {
        "<span class=\"field\"><label><input type=\"checkbox\" name=\"\(name)\" value=\"\(escape(value))\""
            + (checked ? " checked" : "") + "> \(escape(label))</label></span>"
    }

    /// The download links under a table: CSV and JSON of the same rows.
    /// The CSV link's address with `format=xlsx` gives the same rows as a workbook.
    static func downloads(csv: String, json: String, file: String, ui: UILanguage) -> String {
        let xlsx = csv.replacingOccurrences(of: "format=csv", with: "format=xlsx")
        let workbook = file.hasSuffix(".csv") ? String(file.dropLast(4)) + ".xlsx" : file + ".xlsx"
        return "<p class=\"downloads\">\(ui.html(.download)) <a href=\"\(escape(csv))\" download=\"\(escape(file))\">CSV</a> "
            + "<a href=\"\(escape(xlsx))\" download=\"\(escape(workbook))\">XLSX</a> "
            + "<a href=\"\(escape(json))\">JSON</a></p>"
    }
}

/// Values shown in pages.
enum Display {
    /// The region's name, else the name the gazetteer gives its code, else
    /// its code, else a dash: result rows carry codes, readers read names.
    static func region(name: String?, code: String?) -> String {
        name ?? code.flatMap { Gazetteer.seeded.regions[$0]?.name } ?? code ?? "—"
    }

    /// A policy's period: 2025—2027, 2025年起 (from 2025), 至2027年 (until
    /// 2027), or nil.
    static func period(start: Int?, end: Int?, ui: UILanguage) -> String? {
        switch (start, end) {
        case let (start?, end?) where start == end: "\(start)"
        case let (start?, end?): "\(start)—\(end)"
        case let (start?, nil): ui.text(.periodFrom, String(start))
        case let (nil, end?): ui.text(.periodUntil, String(end))
        case (nil, nil): nil
        }
    }

    /// A goal's kind in words, with 力争 when it is a stretch goal.
    static func kind(_ goal: GoalRow, ui: UILanguage) -> String {
        let kind: MessageID = switch goal.kind {
        case .target: .kindTarget
        case .incentive: .kindIncentive
        case .statistic: .kindStatistic
        }
        return ui.text(kind) + (goal.stretch ? ui.text(.stretch) : "")
    }

    /// A goal's fields, named, for tooltips: kind, metric, comparator,
    /// value (as written and exact), unit and year.
    static func goalFields(_ goal: GoalRow, ui: UILanguage) -> [(String, String)] {
        [(ui.text(.columnKind), kind(goal, ui: ui)), (ui.text(.columnMetric), goal.metric),
         (ui.text(.columnComparator), goal.comparator.rawValue), (ui.text(.columnValue), "\(goal.readableValue) (\(goal.value))"),
         (ui.text(.columnUnit), goal.unit ?? "—"), (ui.text(.columnYear), goal.year.map(String.init) ?? "—")]
    }
}
