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

    /// The extension folds scripts as the CLI does: MATCH from the sqlite3
    /// shell finds what `policykb search` finds, for traditional and
    /// simplified queries alike.
    @Test(.enabled(if: CLI.hasSqliteShell, "needs the sqlite3 shell"))
    func theExtensionAgreesWithTheCLIAcrossScripts() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.database(in: dir)
        let jsonl = dir.appendingPathComponent("t.jsonl")
        try #"{"title": "香港發布數據要素行動計劃", "body": "推進數據要素市場化，設立算力券。"}"#.write(to: jsonl, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["ingest", jsonl.path, "--db", db]).status == 0)
        let sqlite = try #require(CLI.which("sqlite3"))
        let path = Self.library.deletingPathExtension().path
        for query in ["数据要素", "數據要素", "算力券", "算力劵", "市场化", "香港发布"] {
            let shell = try CLI.run([db, "-cmd", ".load \(path)",
                                     "SELECT rowid FROM article_search WHERE article_search MATCH '\"\(query)\"' ORDER BY rowid"],
                                    executable: sqlite)
            #expect(shell.status == 0, "\(shell.stderr)")
            let fromShell = shell.stdout.split(separator: "\n").compactMap { Int($0) }
            let fromCLI = try CLI.searchRows(try CLI.run(["search", query, "--db", db, "--format", "json", "--limit", "0"]).stdout)
                .compactMap { $0["article_id"] as? Int }.sorted()
            #expect(fromShell == fromCLI, "\(query)")
        }
        let folded = try CLI.run([db, "-cmd", ".load \(path)", "SELECT policykb_fold('數據 要素 ＡＩ')"], executable: sqlite)
        #expect(folded.stdout == "数据要素ai\n")
    }

    /// Datasette and sqlite-utils find the full-text table of articles, as
    /// their detect_fts() does (sqlite-utils from PyPI, in a venv of the
    /// test's own).
    @Test(.enabled(if: CLI.hasPython, "needs python3"))
    func sqliteUtilsDetectsTheFullTextTable() throws {
        let venv = try Self.pythonVenv(with: "sqlite-utils")
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = try Self.database(in: dir)
        let script = """
            import sqlite_utils, sys
            db = sqlite_utils.Database(sys.argv[1])
            print("fts:", db["articles"].detect_fts())
            """
        let run = try CLI.run(["-c", script, db], executable: venv.appendingPathComponent("bin/python"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("fts: article_search"), "\(run.stdout)")
    }

    /// A virtual environment under .build with `package` installed from
    /// PyPI, made once and reused.
    static func pythonVenv(with package: String) throws -> URL {
        let venv = CLI.packageRoot.appendingPathComponent(".build/test-venv")
        let python = venv.appendingPathComponent("bin/python")
        if !FileManager.default.isExecutableFile(atPath: python.path) {
            let system = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")
                ? URL(fileURLWithPath: "/usr/bin/python3") : try #require(CLI.which("python3"))
            let made = try CLI.run(["-m", "venv", venv.path], executable: system)
            try #require(made.status == 0, "python3 -m venv: \(made.stderr)")
        }
        let check = try CLI.run(["-c", "import \(package.replacingOccurrences(of: "-", with: "_"))"], executable: python)
        if check.status != 0 {
            let install = try CLI.run(["-m", "pip", "install", "--quiet", package], executable: python)
            try #require(install.status == 0, "pip install \(package): \(install.stderr)")
        }
        return venv
    }
}

