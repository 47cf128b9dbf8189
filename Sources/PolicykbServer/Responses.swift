import HTTPTypes
import Hummingbird
import NIOCore
import PolicyCore

/// Responses with their content types; every body has a known length.
enum Responses {
    static let htmlType = "text/html; charset=utf-8"
    static let jsonType = "application/json; charset=utf-8"
    static let csvType = "text/csv; charset=utf-8"
    static let xlsxType = XLSXWorkbook.contentType
    /// Says whether an answer came from the `ResponseCache` (`hit`) or was
    /// rendered for this request (`miss`).
    static let cacheHeader = HTTPField.Name("X-Policykb-Cache")!

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        body(text, contentType: htmlType, status: status)
    }

    static func json(_ value: JSON, status: HTTPResponse.Status = .ok) -> Response {
        body(value.text + "\n", contentType: jsonType, status: status)
    }

    /// A rendered answer with status 200; `cache` says where it came from.
    static func rendered(_ rendered: Rendered, cache: String? = nil) -> Response {
        var response = Response(status: .ok, headers: [.contentType: rendered.contentType, .cacheControl: "no-cache"],
                                body: ResponseBody(byteBuffer: rendered.body))
        if let disposition = rendered.disposition { response.headers[.contentDisposition] = disposition }
        if let cache { response.headers[cacheHeader] = cache }
        return response
    }

    static func body(_ text: String, contentType: String, status: HTTPResponse.Status) -> Response {
        Response(status: status, headers: [.contentType: contentType, .cacheControl: "no-cache"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// The error as the kind of page that was asked for: `{"error": …}`
    /// under /api, else an HTML page; in the reader's language either way.
    static func error(_ error: RequestError, api: Bool, ui: UILanguage) -> Response {
        api ? json(.object(["error": .string(error.message(in: ui.language))]), status: error.status)
            : html(Layout.error(error, ui: ui), status: error.status)
    }
}
