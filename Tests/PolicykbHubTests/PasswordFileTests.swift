import Foundation
import PolicykbTestSupport
import Testing

/// A password from a password file (`~/.pgpass`, or the file `PGPASSFILE`
/// names), as libpq reads it: the hub's URL carries none, the server asks,
/// the file's password is sent, and no message shows it. The server is a
/// stand-in that speaks the first messages of PostgreSQL's protocol: it asks
/// for a cleartext password, keeps what it gets and refuses it.
@Suite struct PasswordFileTests {
    /// One connection's worth of the protocol on a loopback port.
    final class PasswordCatcher: @unchecked Sendable {
        // @unchecked: `received` is written by the accepting thread before
        // `done` is signalled and read only after waiting on it.
        let port: UInt16
        private let listener: Int32
        private(set) var received: String?
        private let done = DispatchSemaphore(value: 0)

        init() throws {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
                    bind(fd, pointer, length) == 0 && listen(fd, 1) == 0 && getsockname(fd, pointer, &length) == 0
                }
            }
            listener = fd
            port = UInt16(bigEndian: address.sin_port)
            try #require(bound, "cannot listen on a loopback port")
            Thread.detachNewThread { [self] in serve() }
        }

        /// Waits for the client's password (nil when none came in time).
        func password() -> String? {
            _ = done.wait(timeout: .now() + 30)
            close(listener)
            return received
        }

        private func serve() {
            defer { done.signal() }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            defer { close(client) }
            func read(_ count: Int) -> [UInt8]? {
                var bytes = [UInt8](repeating: 0, count: count)
                var got = 0
                while got < count {
                    let n = bytes.withUnsafeMutableBytes { recv(client, $0.baseAddress! + got, count - got, 0) }
                    if n <= 0 { return nil }
                    got += n
                }
                return bytes
            }
            func int32(_ bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 << 8 | Int($1) } }
            func send(_ bytes: [UInt8]) { _ = bytes.withUnsafeBytes { Foundation.send(client, $0.baseAddress, $0.count, 0) } }
            func be(_ value: Int) -> [UInt8] { (0..<4).map { UInt8((value >> (24 - 8 * $0)) & 0xFF) } }
            // The startup message (length, protocol 3.0, parameters).
            guard let header = read(4), let _ = read(int32(header[...]) - 4) else { return }
            // AuthenticationCleartextPassword.
            send([UInt8(ascii: "R")] + be(8) + be(3))
            // PasswordMessage: 'p', length, the password and a NUL.
            guard let type = read(1), type == [UInt8(ascii: "p")], let size = read(4),
                  let body = read(int32(size[...]) - 4) else { return }
            received = String(decoding: body.prefix { $0 != 0 }, as: UTF8.self)
            // ErrorResponse, as a server that refuses the password sends it.
            var fields: [UInt8] = []
            for (code, text) in [("S", "FATAL"), ("V", "FATAL"), ("C", "28P01"), ("M", "password authentication failed for user \"ann\"")] {
                fields += [UInt8(ascii: Unicode.Scalar(code)!)] + Array(text.utf8) + [0]
            }
            fields.append(0)
            send([UInt8(ascii: "E")] + be(fields.count + 4) + fields)
        }
    }

    @Test func thePasswordComesFromThePasswordFileAndIsNeverPrinted() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Programs.knowledgeBase([TestPaths.sampleData.appendingPathComponent("rgzn-2025-04.txt")], in: folder)
        let catcher = try PasswordCatcher()
        let secret = "pgpass-s3cret-\(catcher.port)"
        let passfile = folder.appendingPathComponent("pgpass")
        // host:port:database:user:password; libpq ignores a file others can read.
        try Data("127.0.0.1:\(catcher.port):kb:ann:\(secret)\n".utf8).write(to: passfile)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: passfile.path)

        let url = "postgresql://ann@127.0.0.1:\(catcher.port)/kb?sslmode=disable&gssencmode=disable&connect_timeout=10"
        let push = try Programs.run(["push", url, "--db", db], environment: ["PGPASSFILE": passfile.path])
        #expect(catcher.password() == secret, "the server did not get the file's password")
        #expect(push.status == 1)
        #expect(push.stderr.split(separator: "\n").count == 1, "\(push.stderr)")
        #expect(push.stderr.contains("password authentication failed"), "\(push.stderr)")
        #expect(!push.stderr.contains(secret) && !push.stdout.contains(secret))
    }
}
