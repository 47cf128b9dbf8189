import PolicyExtraction
/// The characters that delimit a match in marked text (snippets, marked
/// bodies): two private-use code points, which no bulletin's text holds and
/// every renderer replaces with what suits it (brackets, colour, `<mark>`).
public enum MatchMark {
    public static let open: Unicode.Scalar = "\u{E000}"
    public static let close: Unicode.Scalar = "\u{E001}"

    /// Whether `scalar` is one of the marks.
    public static func isMark(_ scalar: Unicode.Scalar) -> Bool { scalar == open || scalar == close }

    /// `text` with its marks replaced: `render(text, open: "[", close: "]")`.
    public static func render(_ text: String, open: String, close: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case Self.open: out += open
            case Self.close: out += close
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
