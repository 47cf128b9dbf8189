import Foundation
import Hummingbird
import HummingbirdTesting
import PolicyCore
import PolicykbServeConfiguration
import PolicyExtraction
import SQLiteDB
import Testing
@testable import PolicykbServer

/// Bad input gets a clear refusal, untrusted text stays text, and nothing
/// but the embedded assets is served.
@Suite struct SafetyTests {
    @Test func malformedQueryIs400WithAJSONError() async throws {
        let api = try await HTTP.get("/api/search?q=" + HTTP.q("(算力"))
        #expect(api.status == .badRequest)
        let error = try #require(try api.object()["error"] as? String)
        #expect(error == "malformed query: unbalanced parenthesis")
        for query in ["数据 OR", "-安全", "NOT 数据", "()"] {
            let reply = try await HTTP.get("/api/search?q=" + HTTP.q(query))
            #expect(reply.status == .badRequest, "\(query)")
            #expect((try reply.object()["error"] as? String)?.hasPrefix("malformed query") == true, "\(query)")
        }
        // The page says the same, escaped, and keeps the form.
        let page = try await HTTP.get("/search?q=" + HTTP.q("(<b>数据"))
        #expect(page.status == .badRequest)
        #expect(page.header("Content-Type") == "text/html; charset=utf-8")
        #expect(page.text.contains("<p class=\"error\" id=\"error\">malformed query: unbalanced parenthesis")
            && !page.text.contains("<b>数据"))
        #expect(page.text.contains("value=\"(&lt;b&gt;数据\""))
        // A missing query, a bad percent escape.
        #expect(try await HTTP.get("/api/search").status == .badRequest)
        let escape = try await HTTP.get("/api/search?q=%E7%AE")
        #expect(escape.status == .badRequest)
        #expect((try escape.object()["error"] as? String)?.contains("percent-encoding") == true)
    }

    @Test func unknownIDsAre404() async throws {
        for uri in ["/api/articles/999999", "/api/articles/abc", "/api/articles/-1", "/api/policies/999999"] {
            let reply = try await HTTP.get(uri)
            #expect(reply.status == .notFound, "\(uri)")
            #expect((try reply.object()["error"] as? String)?.isEmpty == false, "\(uri)")
        }
        for uri in ["/articles/999999", "/articles/0", "/policies/999999", "/no/such/page"] {
            let reply = try await HTTP.get(uri)
            #expect(reply.status == .notFound, "\(uri)")
            #expect(reply.text.contains("<h1>Not found</h1>"), "\(uri)")
        }
        #expect(try await HTTP.get("/api/nothing").header("Content-Type") == "application/json; charset=utf-8")
    }

    @Test func hugeLimitsAndLongTextAreRefused() async throws {
        let q = "q=" + HTTP.q("算力")
        for uri in ["/api/search?\(q)&limit=1000000", "/api/search?\(q)&limit=101", "/api/search?\(q)&limit=0",
                    "/api/search?\(q)&limit=99999999999999999999999", "/api/search?\(q)&offset=10000000",
                    "/api/goals?limit=5000", "/api/policies?limit=-1", "/search?\(q)&limit=1000000"] {
            let reply = try await HTTP.get(uri)
            #expect(reply.status == .badRequest, "\(uri)")
        }
        let limit = try await HTTP.get("/api/search?\(q)&limit=1000000").object()
        #expect(limit["error"] as? String == "limit must be between 1 and \(Limits.pageSize), not 1000000")
        let long = String(repeating: "数", count: Limits.textLength + 1)
        let reply = try await HTTP.get("/api/search?q=" + HTTP.q(long))
        #expect(reply.status == .badRequest)
        #expect((try reply.object()["error"] as? String)?.contains("longer than") == true)
        let huge = try await HTTP.get("/api/search?q=" + String(repeating: "a", count: Limits.queryStringBytes + 1))
        #expect(huge.status == .badRequest)
        // The largest page allowed is served.
        #expect(try await HTTP.get("/api/search?\(q)&limit=\(Limits.pageSize)").status == .ok)
        // Other bad values.
        for uri in ["/api/goals?region=" + HTTP.q("火星"), "/api/goals?year=abc", "/api/goals?kind=wish",
                    "/api/search?\(q)&since=2025-13", "/api/search?\(q)&facets=colour", "/api/search?\(q)&sort=random",
                    "/api/search?\(q)&script=latin", "/api/compare?metric=x&format=xml"] {
            #expect(try await HTTP.get(uri).status == .badRequest, "\(uri)")
        }
    }

    @Test func pathTraversalFindsNothing() async throws {
        let style = try await HTTP.get("/assets/style.css")
        #expect(style.status == .ok)
        #expect(style.header("Content-Type") == "text/css; charset=utf-8")
        #expect(style.text == Assets.style)
        #expect(try await HTTP.get("/assets/app.js").text == Assets.script)
        for uri in ["/assets/../Package.swift", "/assets/..%2F..%2FPackage.swift", "/assets/%2e%2e/%2e%2e/etc/passwd",
                    "/assets/../../../../etc/passwd", "/../../etc/passwd", "/assets/style.css/../../Package.swift",
                    "/assets/", "/assets/Assets.swift", "/assets/.%2e/Sources/PolicykbServer/Assets.swift",
                    "/%2e%2e/%2e%2e/etc/passwd", "/assets//etc/passwd"] {
            let reply = try await HTTP.get(uri)
            #expect(reply.status == .notFound, "\(uri)")
            #expect(!reply.text.contains("root:") && !reply.text.contains("PackageDescription"), "\(uri)")
        }
    }

    @Test func scriptInAnArticleStaysText() async throws {
        let id = try TestDatabase.xssArticleID()
        let page = try await HTTP.get("/articles/\(id)")
        #expect(page.status == .ok)
        // The only script element is the embedded one.
        #expect(page.count("<script") == 1)
        #expect(page.text.contains("<script src=\"/assets/app.js"))
        #expect(page.text.contains("<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;攻击测试</h1>"))
        #expect(page.text.contains("正文&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;开始"))
        #expect(page.count("<img") == 0 && page.text.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(!page.text.contains("href=\"javascript:") && page.text.contains("javascript:alert(3)"))
        #expect(page.text.contains("&lt;b&gt;地方&lt;/b&gt;") && !page.text.contains("<b>地方"))
        #expect(page.text.contains("测试&lt;i&gt;刊&lt;/i&gt;") && page.count("<i>") == 0)
        // Its goal's evidence is highlighted beside the escaped markup.
        #expect(page.text.contains("<mark class=\"evidence\""))
        // The search page and its snippet, the title in a listing.
        let search = try await HTTP.get("/search?q=" + HTTP.q("攻击测试"))
        #expect(search.count("<li class=\"hit\"") == 1)
        #expect(search.count("<script") == 1)
        #expect(search.text.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"))
        let goals = try await HTTP.get("/goals?region=" + HTTP.q("深圳") + "&limit=100")
        #expect(goals.count("<script") == 1)
        // Its goal's target line and the digest quote the title as text too.
        let store = try PolicyStore(path: TestDatabase.path(), access: .read)
        let goal = try #require(try store.article(id: id)?.goals.first { $0.kind == .target })
        let line = try await HTTP.get("/lines/\(goal.id)")
        let digest = try await HTTP.get("/changes?since=2025-03-10&region=" + HTTP.q("深圳"))
        for reply in [line, digest] { #expect(reply.status == .ok && reply.count("<script") == 1 && reply.count("<img") == 0) }
        #expect(line.text.contains(">&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;攻击测试</a>"))
        #expect(digest.text.contains("data-goal=\"\(goal.id)\">"))
        // JSON carries the text with markup escaped.
        let json = try await HTTP.get("/api/articles/\(id)")
        #expect(!json.text.contains("<script>"))
        #expect(try json.object()["title"] as? String == TestDatabase.xssTitle)
    }

    @Test func everyResponseHasTheSecurityHeaders() async throws {
        let replies = try await HTTP.get(["/", "/search?q=" + HTTP.q("算力"), "/api/search?q=" + HTTP.q("(x"),
                                          "/nowhere", "/assets/style.css", "/api/articles/1"])
        for reply in replies {
            let policy = try #require(reply.header("Content-Security-Policy"))
            #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'")
                && policy.contains("frame-ancestors 'none'") && !policy.contains("unsafe-inline"))
            #expect(reply.header("X-Content-Type-Options") == "nosniff")
        }
        // Pages use no inline script or style that the policy would block.
        for reply in replies where reply.header("Content-Type")?.hasPrefix("text/html") == true {
            #expect(reply.count("<script>") == 0 && reply.count("<style") == 0 && reply.count(" style=\"") == 0)
            #expect(reply.count(" onclick=") == 0 && reply.count("http://") == 0 && reply.count("https://") == 0)
        }
    }

    @Test func connectionsAreReadOnly() async throws {
        let pool = try TestDatabase.pool()
        let outcome: String = try await pool.read { store in
            do {
                try store.database.execute("CREATE TABLE intruder (x)")
                return "written"
            } catch let error as SQLiteError {
                return "\(error.code)"
            }
        }
        #expect(outcome == "\(ResultCode.readOnly)")
    }

    @Test func manyConcurrentRequestsShareThePool() async throws {
        let ids = try PolicyStore(path: TestDatabase.path(), access: .read).articles().prefix(5).map(\.id)
        try #require(ids.count == 5)
        let uris = (0..<24).map { index in
            ["/api/search?q=" + HTTP.q("数据"), "/compare?metric=" + HTTP.q("企业"), "/articles/\(ids[index % 5])"][index % 3]
        }
        let app = Application(router: PolicykbServer.router(pool: try TestDatabase.pool()))
        try await app.test(.live) { client in
            try await withThrowingTaskGroup(of: Int.self) { group in
                for uri in uris {
                    group.addTask { try await client.execute(uri: uri, method: .get) { Int($0.status.code) } }
                }
                var statuses: [Int] = []
                for try await status in group { statuses.append(status) }
                #expect(statuses == Array(repeating: 200, count: uris.count))
            }
        }
    }

    @Test func onlyLoopbackGoesWithoutAWarning() {
        for host in ["127.0.0.1", "localhost", "::1", "127.0.0.2"] {
            #expect(ServerConfiguration.exposureWarning(host: host) == nil, "\(host)")
        }
        for host in ["0.0.0.0", "::", "192.168.1.5", "example.org"] {
            #expect(ServerConfiguration.exposureWarning(host: host)?.contains("no authentication") == true, "\(host)")
        }
    }
}
