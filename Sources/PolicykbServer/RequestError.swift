import Hummingbird

/// Why a request gets no page: shown as an HTML page or, under /api, as
/// `{"error": "…"}`, with the status.
enum RequestError: Error, Sendable, Equatable {
    /// The request asks for something malformed or too large (400).
    case badRequest(Message)
    /// No such record or page (404).
    case notFound(Message)
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

    /// The message, in the language of the answer.
    func message(in language: Language) -> String {
        switch self {
        case .badRequest(let message), .notFound(let message): message.text(in: language)
        case .methodNotAllowed(let method): Message(.methodNotAllowed, method).text(in: language)
        case .timedOut(let seconds): Message(.timedOut, String(seconds)).text(in: language)
        case .abandoned: Message(.abandoned).text(in: language)
        case .internalError: Message(.internalError).text(in: language)
        }
    }

    /// The message in English, for logs.
    var message: String { message(in: .en) }
}

/// A page that explains its own error (a search form above "malformed
/// query"), served with the error's status instead of the generic page.
struct RenderedError: Error, Sendable {
    let status: HTTPResponse.Status
    let html: String
}
