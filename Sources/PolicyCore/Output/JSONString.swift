/// JSON string literals, written the same way by the command line and the
/// server: quotes, backslashes and control characters escaped, and match
/// marks too, so that no private-use character leaves the program.
public enum JSONString {
    /// `text` as a JSON string literal. With `escapingMarkup`, `<`, `>`,
    /// `&` and the line and paragraph separators are escaped as well, so
    /// that JSON never carries markup even to a client that mistakes it
    /// for HTML (the server's API).
    /// - Complexity: O(n) in the length of `text`.
    public static func quote(_ text: String, escapingMarkup: Bool = false) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where escapingMarkup && Self.markup.contains(scalar):
                out += hex(scalar)
            case _ where scalar.value < 0x20 || MatchMark.isMark(scalar):
                out += hex(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private static let markup: Set<Unicode.Scalar> = ["<", ">", "&", "\u{2028}", "\u{2029}"]

    /// `\uXXXX` for a scalar of the Basic Multilingual Plane.
    private static func hex(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
