import Hummingbird
import NIOCore

/// Responses with their content types; every body has a known length.
enum Responses {
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, contentType: "text/html; charset=utf-8", status: status)
    }

    static func json(_ value: JSON, status: HTTPResponse.Status = .ok) -> Response {
        body(value.text + "\n", contentType: "application/json; charset=utf-8", status: status)
    }

    static func csv(_ text: String, filename: String) -> Response {
        var response = body(text, contentType: "text/csv; charset=utf-8", status: .ok)
        response.headers[.contentDisposition] = "attachment; filename=\"\(filename)\""
        return response
    }

    static func body(_ text: String, contentType: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: contentType, .cacheControl: "no-cache"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The error as the kind of page that was asked for: `{"error": …}`
    /// under /api, else an HTML page.
    static func error(_ error: RequestError, api: Bool) -> Response {
        api ? json(.object(["error": .string(error.message)]), status: error.status)
            : html(Layout.error(error), status: error.status)
    }
}
