import CSQLite
import Foundation
import Testing
@testable import SQLiteDB

@Suite struct DatabaseTests {
    @Test func bindsAndReadsEveryStorageClass() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n)")
        try db.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)",
                       [Int64(1) << 40, 0.5, "数据要素", [UInt8]([0, 1, 255]), Optional<String>.none])
        let statement = try db.prepare("SELECT i, r, s, b, n, typeof(n) FROM t")
        #expect(try statement.step())
        #expect(statement.int64(0) == 1 << 40)
        #expect(statement.double(1) == 0.5)
        #expect(statement.text(2) == "数据要素")
        #expect(statement.value(3) == .blob([0, 1, 255]))
        #expect(statement.isNull(4))
        #expect(statement.optionalText(4) == nil)
        #expect(statement.text(5) == "null")
        #expect(try statement.step() == false)
    }

    @Test func emptyStringIsNotNull() throws {
        let db = try Database(path: ":memory:")
        #expect(try db.scalar("SELECT typeof(?)", [""]) == .text("text"))
        #expect(try db.scalar("SELECT length(?)", [""]) == .integer(0))
    }

    @Test func namedParameters() throws {
        let db = try Database(path: ":memory:")
        let statement = try db.prepare("SELECT :a || :b")
        try statement.bind([":a": "北", ":b": "京"])
        #expect(try statement.step())
        #expect(statement.text(0) == "北京")
        #expect(throws: SQLiteError.self) { try statement.bind([":missing": 1]) }
    }

    @Test func wrongParameterCountIsAnError() throws {
        let db = try Database(path: ":memory:")
        let error = #expect(throws: SQLiteError.self) { try db.scalar("SELECT ?, ?", [1]) }
        #expect(error?.primaryCode == SQLITE_RANGE)
    }

    @Test func errorsCarryExtendedCodeMessageAndSQL() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
        try db.execute("INSERT INTO t (name) VALUES (?)", ["深圳"])
        let error = #expect(throws: SQLiteError.self) {
            try db.execute("INSERT INTO t (name) VALUES (?)", ["深圳"])
        }
        #expect(error?.extendedCode == 2067) // SQLITE_CONSTRAINT_UNIQUE
        #expect(error?.primaryCode == SQLITE_CONSTRAINT)
        #expect(error?.message.contains("UNIQUE constraint failed: t.name") == true)
        #expect(error?.sql == "INSERT INTO t (name) VALUES (?)")

        let syntax = #expect(throws: SQLiteError.self) { try db.prepare("SELEC 1") }
        #expect(syntax?.primaryCode == SQLITE_ERROR)
        #expect(syntax?.sql == "SELEC 1")
        #expect(syntax?.description.contains("syntax error") == true)
    }

    @Test func transactionCommitsOrRollsBack() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        try db.transaction { try db.execute("INSERT INTO t VALUES (1)") }
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try db.transaction {
                try db.execute("INSERT INTO t VALUES (2)")
                throw Boom()
            }
        }
        #expect(try db.scalar("SELECT group_concat(x) FROM t") == .text("1"))
        #expect(!db.isInTransaction)
    }

    @Test func savepointRollsBackOnlyItsPart() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (x)")
        struct Boom: Error {}
        try db.transaction {
            try db.execute("INSERT INTO t VALUES (1)")
            try? db.savepoint {
                try db.execute("INSERT INTO t VALUES (2)")
                throw Boom()
            }
        }
        #expect(try db.scalar("SELECT group_concat(x) FROM t") == .text("1"))
    }

    @Test func userVersionRoundTrips() throws {
        let db = try Database(path: ":memory:")
        #expect(try db.userVersion() == 0)
        try db.setUserVersion(7)
        #expect(try db.userVersion() == 7)
    }

    @Test func openingAMissingFileReadOnlyFails() {
        let error = #expect(throws: SQLiteError.self) {
            try Database(path: "/nonexistent/dir/x.sqlite", mode: .readOnly)
        }
        #expect(error?.primaryCode == SQLITE_CANTOPEN)
        #expect(error?.message.contains("/nonexistent/dir/x.sqlite") == true)
    }

    @Test func cachedStatementsAreReused() throws {
        let db = try Database(path: ":memory:")
        let a = try db.cached("SELECT 1")
        let b = try db.cached("SELECT 1")
        #expect(a === b)
    }
}

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func millionAsInPieces() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(hasher.finalizeHex() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func incrementalEqualsWhole() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = SHA256()
        for size in [1, 63, 64, 65, 200, 607] {
            let start = [1, 63, 64, 65, 200, 607].prefix(while: { $0 != size }).reduce(0, +)
            hasher.update(bytes[start..<min(bytes.count, start + size)])
        }
        #expect(hasher.finalizeHex() == SHA256.hex(bytes))
    }
}
