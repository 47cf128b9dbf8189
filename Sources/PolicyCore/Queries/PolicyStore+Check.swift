import PolicykbMigrations
import PolicyExtraction
import SQLiteDB

/// One check of `policykb check`.
public struct CheckResult: Sendable, Equatable {
    public let name: String
    public let passed: Bool
    public let detail: String
}

extension PolicyStore {
    /// Checks the file, the full-text index, the schema, foreign keys and the
    /// offsets of quoted spans.
    public func check() -> [CheckResult] {
        var results: [CheckResult] = []
        func run(_ name: String, _ body: () throws -> String?) {
            do {
                let problem = try body()
                results.append(CheckResult(name: name, passed: problem == nil, detail: problem ?? "ok"))
            } catch let error as SQLiteError {
                results.append(CheckResult(name: name, passed: false, detail: error.message))
            } catch {
                results.append(CheckResult(name: name, passed: false, detail: "\(error)"))
            }
        }
        run("sqlite integrity") {
            // "If the integrity_check pragma finds problems, strings are
            // returned (as multiple rows with a single column per row) which
            // describe the problems."
            let rows = try database.rows("PRAGMA integrity_check").map { try $0.decode("integrity_check", as: String.self) }
            return rows == ["ok"] ? nil : rows.prefix(5).joined(separator: "; ")
        }
        run("full-text index") {
            // "This command is used to verify that the full-text index is
            // internally consistent, and, optionally, that it is consistent
            // with any external content table." The rank argument 1 asks for
            // the comparison with the content table. It is an INSERT, so a
            // file this process cannot write is checked in a copy in memory.
            var checked = database
            if database.isReadOnly {
                checked = try Database(path: ":memory:")
                try database.copy(into: checked)
            }
            try checked.execute("INSERT INTO article_search(article_search, rank) VALUES ('integrity-check', 1)")
            return nil
        }
        run("schema migrations") {
            let migrator = try Migrator(PolicykbSchema.migrations)
            try migrator.verifyApplied(database)
            let version = try database.userVersion()
            return version == migrator.latestVersion ? nil
                : "schema version \(version), this binary's is \(migrator.latestVersion)"
        }
        run("foreign keys") {
            let rows = try database.rows("PRAGMA foreign_key_check")
            guard let first = rows.first else { return nil }
            return "\(rows.count) rows refer to missing rows, first in table \(try first.decode("table", as: String.self))"
        }
        run("quoted spans") {
            let counts = try database.rows("""
                SELECT (SELECT count(*) FROM goal_evidence e JOIN articles a ON a.id = e.article_id
                        WHERE substr(a.body, e.start + 1, e.end - e.start) IS NOT e.text) AS goals,
                       (SELECT count(*) FROM targets t JOIN articles a ON a.id = t.article_id
                        WHERE substr(a.body, t.start + 1, t.end - t.start) IS NOT t.text) AS targets
                """)
            let goals: Int = try counts.first?.decode("goals") ?? 0
            let targets: Int = try counts.first?.decode("targets") ?? 0
            return goals + targets == 0 ? nil : "\(goals) goal spans and \(targets) target spans do not match their article"
        }
        // Files stored with warnings pass (they were read), but are listed:
        // they may hold fewer articles, or damaged text.
        do {
            for row in try database.rows("""
                SELECT i.source_path, count(*) AS n, (SELECT message FROM issue_warnings f WHERE f.issue_id = i.id ORDER BY position LIMIT 1) AS first
                FROM issues i JOIN issue_warnings w ON w.issue_id = i.id GROUP BY i.id ORDER BY i.source_path
                """) {
                let count = row["n"].int ?? 0
                results.append(CheckResult(name: "ingested with warnings", passed: true,
                    detail: "\(row["source_path"].string ?? "?"): \(count) warning\(count == 1 ? "" : "s"), first: \(row["first"].string ?? "")"))
            }
        } catch {
            results.append(CheckResult(name: "ingested with warnings", passed: false, detail: "\(error)"))
        }
        return results
    }
}
