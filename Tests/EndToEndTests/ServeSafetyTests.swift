import Foundation
import PolicykbTestSupport
import Testing

/// The server as hostile or old clients meet it, over real sockets:
/// HTTP/1.0 connections end with their response, methods that write are
/// 405, control characters in a query are 400, and a request that would
/// crash the process is answered while the server lives on.
@Suite struct ServeSafetyTests {
    /// Sends raw `request` bytes and reads until the server closes the
    /// connection or `seconds` pass: the answer, and whether it closed.
    /// A TCP socket connected to `port` on 127.0.0.1; the caller closes it.
    static func connected(port: Int) throws -> Int32 {
        let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw POSIXError(.EIO) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
        return socket
    }

    static func exchange(port: Int, _ request: String, seconds: Int = 5) throws -> (text: String, closed: Bool) {
        let socket = try connected(port: port)
        defer { close(socket) }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        _ = request.utf8CString.withUnsafeBufferPointer { send(socket, $0.baseAddress, $0.count - 1, 0) }
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count == 0 { return (String(decoding: received, as: UTF8.self), true) }
            if count < 0 { return (String(decoding: received, as: UTF8.self), false) }
            received += buffer[..<count]
        }
    }

    @Test func oldClientsWritesAndControlCharacters() throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", TestPaths.sampleData.path, "--db", db, "--quiet"]).status == 0)
        let server = try ServeEndToEndTests.Server(db: db, directory: directory)
        defer { _ = try? server.stop(SIGTERM) }

        // HTTP/1.0 without keep-alive: answered, then closed by the server.
        let old = try Self.exchange(port: server.port, "GET /api HTTP/1.0\r\n\r\n")
        #expect(old.text.hasPrefix("HTTP/1.1 200"))
        #expect(old.closed, "an HTTP/1.0 connection should end with its response")
        // HTTP/1.1 stays open for the next request (the read times out).
        let kept = try Self.exchange(port: server.port, "GET /api HTTP/1.1\r\nHost: x\r\n\r\n", seconds: 1)
        #expect(kept.text.hasPrefix("HTTP/1.1 200") && !kept.closed)

        // Methods that would write.
        let post = try Self.exchange(port: server.port,
                                     "POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        #expect(post.text.hasPrefix("HTTP/1.1 405"))
        #expect(post.text.lowercased().contains("allow: get, head"))

        // NUL and escape characters in a query: 400 with a reason, for
        // the API and the page alike.
        for path in ["/api/search?q=%E6%95%B0%E6%8D%AE%00", "/api/search?q=%1B%5B31m%E6%95%B0", "/search?q=%E6%95%B0%00"] {
            let reply = try Self.exchange(port: server.port, "GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            #expect(reply.text.hasPrefix("HTTP/1.1 400"), "\(path)")
            #expect(reply.text.contains("control character"), "\(path)")
        }

        // Once a crash: characters that fold longer than they are.
        let fold = try Self.exchange(port: server.port,
                                     "GET /api/search?q=%E9%9F%9A%E5%B3%A5%E8%B2%A6 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(fold.text.hasPrefix("HTTP/1.1 200"))
        // Clients that send a request and go at once leave the server
        // answering others.
        for index in 0..<20 {
            let socket = try Self.connected(port: server.port)
            let request = "GET /api/search?q=\(index)%20OR%20%E6%95%B0%20OR%20%E6%8D%AE HTTP/1.1\r\nHost: x\r\n\r\n"
            _ = request.utf8CString.withUnsafeBufferPointer { send(socket, $0.baseAddress, $0.count - 1, 0) }
            close(socket)
        }
        let after = try Self.exchange(port: server.port, "GET /api HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(after.text.hasPrefix("HTTP/1.1 200"))
        #expect(server.process.isRunning)
    }
}
