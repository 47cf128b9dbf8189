import PostgresClient

/// What stops a push or a pull, as one line for the user. Connection
/// strings appear only redacted (`ConnectionString.redacted`).
public enum HubError: Error, CustomStringConvertible, Equatable {
    /// The hub cannot be reached or refused the connection.
    case unreachable(hub: String, reason: String)
    /// The hub's schema is newer than this binary's.
    case schemaTooNew(hub: String, hubVersion: Int, binaryVersion: Int)
    /// A migration the hub records differs from this binary's, or is unknown to it.
    case schemaMismatch(hub: String, reason: String)
    /// A statement failed.
    case failed(hub: String, what: String, reason: String, sqlState: String? = nil)
    /// The local knowledge base cannot be read or written.
    case local(String)

    public var description: String {
        switch self {
        case let .unreachable(hub, reason):
            "hub \(hub) is unreachable: \(reason)"
        case let .schemaTooNew(hub, hubVersion, binaryVersion):
            "hub \(hub) has schema version \(hubVersion), newer than this binary's \(binaryVersion); use a newer policykb"
        case let .schemaMismatch(hub, reason):
            "hub \(hub): \(reason)"
        case let .failed(hub, what, reason, _):
            "hub \(hub): \(what) failed: \(reason)"
        case let .local(message):
            message
        }
    }
}
