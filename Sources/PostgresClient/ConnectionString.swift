import Foundation

/// A libpq connection string (a `postgresql://` URL or `key=value` pairs)
/// as it may be shown: any password replaced by `***`.
public enum ConnectionString {
    /// `postgresql://ann:secret@db/kb` → `postgresql://ann:***@db/kb`;
    /// `host=db password=secret` → `host=db password=***`; a `password=`
    /// query parameter too. Everything else is kept, so that a message still
    /// says which server was meant.
    public static func redacted(_ conninfo: String) -> String {
        var text = conninfo
        if let scheme = text.range(of: "://") {
            let authorityEnd = text[scheme.upperBound...].firstIndex { $0 == "/" || $0 == "?" } ?? text.endIndex
            let authority = text[scheme.upperBound..<authorityEnd]
            // The last @ ends the user information (a password may hold @).
            if let at = authority.lastIndex(of: "@"), let colon = authority[..<at].firstIndex(of: ":") {
                text.replaceSubrange(text.index(after: colon)..<at, with: "***")
            }
        }
        return redactPasswordParameter(text)
    }

    /// `password=…` in key/value form (up to white space, or a quoted value)
    /// and as a URL query parameter (up to `&`).
    private static func redactPasswordParameter(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let found = rest.range(of: "password=") {
            out += rest[..<found.upperBound]
            rest = rest[found.upperBound...]
            if rest.first == "'" {
                var index = rest.index(after: rest.startIndex)
                while index < rest.endIndex, rest[index] != "'" {
                    if rest[index] == "\\" { index = rest.index(after: index) }
                    if index < rest.endIndex { index = rest.index(after: index) }
                }
                rest = index < rest.endIndex ? rest[rest.index(after: index)...] : ""
            } else {
                rest = rest.drop { !$0.isWhitespace && $0 != "&" }
            }
            out += "***"
        }
        return out + rest
    }
}
