/// One field of RFC 4180 text, as both the command line (`--format csv`) and
/// the server's downloads write it.
public enum CSVField {
    /// `text` quoted when it holds a comma, quote or line break (quotes
    /// doubled).
    ///
    /// Text that a spreadsheet would run as a formula — starting with `=`,
    /// `+`, `-`, `@`, a tab or a carriage return — gets a leading `'`, which
    /// spreadsheets show as text (OWASP's advice against CSV injection:
    /// titles and evidence are text from outside). Numbers are written as
    /// they are, so `-5` stays a number. A lone sign holds no formula: the
    /// comparator `=` (and a `-` standing for nothing) is written as it is,
    /// so that a column of comparators reads back unchanged.
    /// - Parameter isText: false for a number, which is never guarded.
    public static func encode(_ text: String, isText: Bool = true) -> String {
        var text = text
        if isText, let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first),
           text.unicodeScalars.count > 1 {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
