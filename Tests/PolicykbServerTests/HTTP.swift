import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import PolicyCore
import PolicyExtraction
@testable import PolicykbServer

/// Requests against the server's router, in process.
enum HTTP {
    struct Reply {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let text: String
        /// The body as sent (a workbook is not text).
        var bytes: [UInt8] = []

        /// The body parsed as JSON.
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) }

        func object() throws -> [String: Any] {
            guard let object = try json() as? [String: Any] else { throw FixtureError("not a JSON object: \(text.prefix(200))") }
            return object
        }

        func array() throws -> [[String: Any]] {
            guard let array = try json() as? [[String: Any]] else { throw FixtureError("not a JSON array: \(text.prefix(200))") }
            return array
        }

        func header(_ name: String) -> String? {
            HTTPField.Name(name).flatMap { headers[$0] }
        }

        /// How many times `needle` occurs in the body.
        func count(_ needle: String) -> Int { text.components(separatedBy: needle).count - 1 }
    }

    /// GETs each URI from one application over the shared test database
    /// (or the one at `database`).
    static func get(_ uris: [String], headers: HTTPFields = [:], database: String? = nil) async throws -> [Reply] {
        let pool = try database.map { try StorePool(path: $0) } ?? TestDatabase.pool()
        let app = Application(router: PolicykbServer.router(pool: pool))
        return try await app.test(.router) { client in
            var replies: [Reply] = []
            for uri in uris {
                replies.append(try await client.execute(uri: uri, method: .get, headers: headers) { response in
                    Reply(status: response.status, headers: response.headers, text: String(buffer: response.body),
                          bytes: Array(buffer: response.body))
                })
            }
            return replies
        }
    }

    static func get(_ uri: String, headers: HTTPFields = [:], database: String? = nil) async throws -> Reply {
        guard let reply = try await get([uri], headers: headers, database: database).first else { throw FixtureError("no reply") }
        return reply
    }

    /// A request from a browser set to Chinese.
    static let chinese: HTTPFields = [.acceptLanguage: "zh-CN,zh;q=0.9,en;q=0.8"]

    /// `text` percent-encoded for a query string.
    static func q(_ text: String) -> String { QueryParameters.escape(text) }
}
