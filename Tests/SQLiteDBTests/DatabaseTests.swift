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
        #expect(error?.code == .range)
    }

    @Test func errorsCarryExtendedCodeMessageAndSQL() throws {
        let db = try Database(path: ":memory:")
        try db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
        try db.execute("INSERT INTO t (name) VALUES (?)", ["深圳"])
        let error = #expect(throws: SQLiteError.self) {
            try db.execute("INSERT INTO t (name) VALUES (?)", ["深圳"])
        }
        #expect(error?.extendedCode == .constraintUnique)
        #expect(error?.extendedCode.rawValue == 2067)
        #expect(error?.code == .constraint)
        // A primary code matches its extended codes in a pattern; an
        // extended code only itself.
        switch error?.extendedCode {
        case .constraint?: break
        default: Issue.record("SQLITE_CONSTRAINT_UNIQUE must match .constraint")
        }
        #expect(!(ResultCode.constraintForeignKey ~= ResultCode.constraintUnique))
        #expect(ResultCode.constraint ~= ResultCode.constraintForeignKey)
        #expect(error?.message.contains("UNIQUE constraint failed: t.name") == true)
        #expect(error?.sql == "INSERT INTO t (name) VALUES (?)")

        let syntax = #expect(throws: SQLiteError.self) { try db.prepare("SELEC 1") }
        #expect(syntax?.code == .error)
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
        #expect(error?.code == .cannotOpen)
        #expect(error?.message.contains("/nonexistent/dir/x.sqlite") == true)
    }

    @Test func cachedStatementsAreReused() throws {
        let db = try Database(path: ":memory:")
        let a = try db.cached("SELECT 1")
        let b = try db.cached("SELECT 1")
        #expect(a === b)
    }
}
