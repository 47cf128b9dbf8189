import Foundation
import Testing

/// The tokenizer as an SQLite extension: loaded into Python's sqlite3 and
/// the stock sqlite3 shell, MATCH works and writes keep the index whole.
@Suite struct ExtensionTests {
    static var library: URL {
        CLI.binary.deletingLastPathComponent().appendingPathComponent("libPolicykbFTS5.so")
    }

    /// A database holding the small bulletin, made by policykb.
    static func database(in dir: URL) throws -> String {
        let bulletin = dir.appendingPathComponent("b.txt")
        try IngestEndToEndTests.smallBulletin.write(to: bulletin, atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", bulletin.path, "--db", db]).status == 0)
        return db
    }

    /// Loads the extension the way the README says: load_extension() where
    /// Python allows it, else sqlite3_auto_extension() through ctypes.
    static let pythonPrelude = """
        import ctypes, sqlite3, sys
        library, database = sys.argv[1], sys.argv[2]
        def connect(path):
            conn = sqlite3.connect(path)
            if hasattr(conn, "enable_load_extension"):
                conn.enable_load_extension(True)
                conn.load_extension(library)
            return conn
        if not hasattr(sqlite3.Connection, "enable_load_extension"):
            # This Python was built without extension loading: register the
            # entry point for every connection it opens from now on.
            extension = ctypes.CDLL(library)
            libsqlite = ctypes.CDLL("libsqlite3.so.0")
            libsqlite.sqlite3_auto_extension(ctypes.cast(extension.sqlite3_policykbfts_init, ctypes.c_void_p))

        """

    @Test(.enabled(if: CLI.hasPython, "needs python3"))
    func pythonMatchesAndItsWritesKeepTheIndexWhole() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.database(in: dir)
        let script = Self.pythonPrelude + """
            conn = connect(database)
            rows = conn.execute("SELECT a.title FROM article_search s JOIN articles a ON a.id = s.rowid WHERE article_search MATCH ? ORDER BY rank", ('"算力券"',)).fetchall()
            print("match:", [r[0] for r in rows])
            single = conn.execute("SELECT count(*) FROM article_search WHERE article_search MATCH ?", ('"券" *',)).fetchone()[0]
            print("single:", single)
            with conn:
                conn.execute("INSERT INTO articles (issue_id, position, title, body) VALUES (1, 99, '上海发布低空经济方案', '上海市提出发展低空经济。')")
            print("after insert:", conn.execute("SELECT count(*) FROM article_search WHERE article_search MATCH '\\"低空经济\\"'").fetchone()[0])
            with conn:
                conn.execute("DELETE FROM articles WHERE position = 99")
            print("after delete:", conn.execute("SELECT count(*) FROM article_search WHERE article_search MATCH '\\"低空经济\\"'").fetchone()[0])
            conn.execute("INSERT INTO article_search(article_search, rank) VALUES ('integrity-check', 1)")
            print("integrity: ok")
            """
        let python = try #require(CLI.which("python3"))
        let run = try CLI.run(["-c", script, Self.library.path, db], executable: python)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("match: ['杭州发布算力券实施细则']"))
        #expect(run.stdout.contains("single: 1"))
        #expect(run.stdout.contains("after insert: 1"))
        #expect(run.stdout.contains("after delete: 0"))
        #expect(run.stdout.contains("integrity: ok"))
        #expect(try CLI.run(["check", "--db", db]).status == 0)
    }

    @Test(.enabled(if: CLI.hasPython, "needs python3"))
    func aToolWithoutTheExtensionCannotWriteArticles() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.database(in: dir)
        let script = """
            import sqlite3, sys
            conn = sqlite3.connect(sys.argv[1])
            print("read:", conn.execute("SELECT count(*) FROM articles").fetchone()[0])
            try:
                with conn:
                    conn.execute("INSERT INTO articles (issue_id, position, title, body) VALUES (1, 99, 't', 'b')")
                print("write: accepted")
            except sqlite3.Error as error:
                print("write: refused:", error)
            print("after:", conn.execute("SELECT count(*) FROM articles").fetchone()[0])
            """
        let python = try #require(CLI.which("python3"))
        let run = try CLI.run(["-c", script, db], executable: python)
        #expect(run.stdout.contains("read: 2"))
        #expect(run.stdout.contains("write: refused: no such tokenizer: policykb"), "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("after: 2"))
        #expect(try CLI.run(["check", "--db", db]).status == 0)
    }

    @Test(.enabled(if: CLI.hasSqliteShell, "needs the sqlite3 shell"))
    func theShellLoadsItAndMatches() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.database(in: dir)
        let sqlite = try #require(CLI.which("sqlite3"))
        let path = Self.library.deletingPathExtension().path
        let run = try CLI.run([db, "-cmd", ".load \(path)",
                               "SELECT a.title FROM article_search s JOIN articles a ON a.id = s.rowid WHERE article_search MATCH '\"数据要素\"'"],
                              executable: sqlite)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "国家数据局召开数据要素座谈会\n")
    }
}
