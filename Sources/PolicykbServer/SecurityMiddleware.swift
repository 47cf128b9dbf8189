import HTTPTypes
import Hummingbird
import Logging
import PolicyCore
import PolicyExtraction

/// Wraps every route: turns whatever a handler throws into an HTML or JSON
/// error with the right status (no route → 404; a malformed query → 400;
/// anything unexpected → 500 without details, logged), and sets the
/// security headers on every response, errors included.
struct SecurityMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Only the server's own styles, script and forms; no inline code, no
    /// framing, no external anything. SVG charts are inline markup with
    /// presentation attributes, which the policy does not restrict.
    static var contentSecurityPolicy: String {
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let api = request.uri.path == "/api" || request.uri.path.hasPrefix("/api/")
        var response: Response
        do {
            // The server only reads: other methods are not allowed here
            // (405 with Allow, RFC 9110 15.5.6), not missing (404).
            guard request.method == .get || request.method == .head else {
                throw RequestError.methodNotAllowed(request.method.rawValue)
            }
            response = try await next(request, context)
        } catch {
            // In the reader's language, for pages and the API alike.
            let ui = UILanguage(request)
            response = Responses.error(Self.requestError(error, path: request.uri.path, logger: context.logger), api: api, ui: ui)
            response.headers[.contentLanguage] = ui.language.tag
            response.headers[.vary] = "Accept-Language"
        }
        if response.status == .methodNotAllowed { response.headers[.allow] = "GET, HEAD" }
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        if let name = SecurityHeaders.referrerPolicy { response.headers[name] = "no-referrer" }
        return response
    }

    static func requestError(_ error: any Error, path: String, logger: Logger) -> RequestError {
        switch error {
        case let error as RequestError:
            return error
        case let error as SearchError:
            return .badRequest(Message(error))
        case let problem as RecordFilterInput.Problem:
            return .badRequest(Message(problem))
        case let error as HTTPError where error.status == .notFound:
            return .notFound(Message(.noPage, path))
        case let error as HTTPError where (400..<500).contains(error.status.code):
            return .badRequest(Message(.requestDetail, error.body ?? error.status.reasonPhrase))
        default:
            logger.error("\(path): \(error)")
            return .internalError
        }
    }
}

enum SecurityHeaders {
    /// Referrer-Policy is not among HTTPTypes' predefined names.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")
}
