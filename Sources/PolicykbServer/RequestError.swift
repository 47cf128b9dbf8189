import Hummingbird

/// Why a request gets no page: shown as an HTML page or, under /api, as
/// `{"error": "…"}`, with the status.
public enum RequestError: Error, Sendable, Equatable {
    /// The request asks for something malformed or too large (400).
    case badRequest(String)
    /// No such record or page (404).
    case notFound(String)
    /// A method other than GET and HEAD (405).
    case methodNotAllowed(String)
    /// The request used up its time (`--request-timeout`) before it was
    /// answered (503).
    case timedOut(seconds: Int)
    /// The client closed its connection before the answer was ready; no one
    /// reads this status (503).
    case abandoned
    /// Something failed that the request could not have caused (500); the
    /// details go to the log, not to the client.
    case internalError

    var status: HTTPResponse.Status {
        switch self {
        case .badRequest: .badRequest
        case .notFound: .notFound
        case .methodNotAllowed: .methodNotAllowed
        case .timedOut, .abandoned: .serviceUnavailable
        case .internalError: .internalServerError
        }
    }

    var message: String {
        switch self {
        case .badRequest(let message), .notFound(let message): message
        case .methodNotAllowed(let method): "\(method) is not allowed here; the server only reads (GET, HEAD)"
        case .timedOut(let seconds): "the request took longer than \(seconds) s and was stopped; narrow the query"
        case .abandoned: "the client closed the connection"
        case .internalError: "internal error; the server's log has the details"
        }
    }
}

/// A page that explains its own error (a search form above "malformed
/// query"), served with the error's status instead of the generic page.
struct RenderedError: Error, Sendable {
    let status: HTTPResponse.Status
    let html: String
}
