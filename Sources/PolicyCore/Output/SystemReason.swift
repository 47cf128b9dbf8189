import Foundation

/// The system's reason for a failed call (`strerror`), in the tool's lower
/// case: "no such file or directory", "permission denied".
public enum SystemReason {
    public static func text(_ code: Int32 = errno) -> String {
        let reason = String(cString: strerror(code))
        return reason.first.map { $0.lowercased() + reason.dropFirst() } ?? reason
    }
}
