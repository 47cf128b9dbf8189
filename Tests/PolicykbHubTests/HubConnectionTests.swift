import Foundation
import PolicykbHub
import PolicykbHubMigrations
import PolicykbTestSupport
import PostgresClient
import Testing

@Suite struct ConnectionStringTests {
    @Test func passwordsAreNeverShown() {
        #expect(ConnectionString.redacted("postgresql://ann:s3cret@db.example.org:5432/kb") == "postgresql://ann:***@db.example.org:5432/kb")
        #expect(ConnectionString.redacted("postgresql://ann:p@ss@db/kb?sslmode=require") == "postgresql://ann:***@db/kb?sslmode=require")
        #expect(ConnectionString.redacted("postgresql://db/kb?user=ann&password=s3cret&sslmode=require")
                == "postgresql://db/kb?user=ann&password=***&sslmode=require")
        #expect(ConnectionString.redacted("host=db password='a b\\'c' user=ann") == "host=db password=*** user=ann")
        #expect(ConnectionString.redacted("postgresql://ann@db/kb") == "postgresql://ann@db/kb")
    }
}

@Suite(.serialized, .enabled(if: TestHub.enabled, TestHub.reason))
struct HubSchemaTests {
    @Test func migrationsApplyOnceWithCommentsOnEveryTableAndColumn() throws {
        let url = try TestHub.fresh()
        defer { TestHub.drop(url) }
        _ = try HubConnection(url)
        _ = try HubConnection(url)  // a second open applies nothing and accepts the checksums
        let c = try PostgresConnection(url)
        #expect(try c.execute("SELECT count(*) FROM schema_migrations").scalar == String(HubSchema.migrations.count))
        let views = try c.execute("SELECT table_name FROM information_schema.views WHERE table_schema = 'public' ORDER BY 1")
            .rows.map { $0[0] ?? "" }
        #expect(views == ["v_articles", "v_corrections", "v_goals", "v_policies", "v_story_copies", "v_target_lines", "v_targets"])
        let uncommented = try c.execute("""
            SELECT c.relname || '.' || coalesce(a.attname, '') FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind IN ('r', 'v') AND c.relname <> 'schema_migrations'
              AND (obj_description(c.oid, 'pg_class') IS NULL)
            """).rows.map { $0[0] ?? "" }
        #expect(uncommented.isEmpty, "tables or views without a comment: \(uncommented)")
        let columns = try c.execute("""
            SELECT count(*) FILTER (WHERE col_description(c.oid, a.attnum) IS NOT NULL), count(*) FROM pg_class c
            JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
            WHERE c.relkind = 'r' AND c.relname IN ('issues', 'articles', 'goals', 'regions', 'policies', 'stories', 'article_stories')
            """).rows[0]
        #expect(Int(columns[0] ?? "") ?? 0 >= (Int(columns[1] ?? "") ?? 0) * 3 / 4, "most columns explained: \(columns)")
    }

    @Test func aNewerOrChangedSchemaIsRefusedInOneLine() throws {
        let url = try TestHub.fresh()
        defer { TestHub.drop(url) }
        _ = try HubConnection(url)
        let c = try PostgresConnection(url)
        try c.execute("INSERT INTO schema_migrations (version, name, checksum) VALUES (9999, '9999_future.sql', 'x')")
        #expect(throws: HubError.schemaTooNew(hub: ConnectionString.redacted(url), hubVersion: 9999, binaryVersion: HubSchema.version)) {
            _ = try HubConnection(url)
        }
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Programs.knowledgeBase([TestPaths.sampleData.appendingPathComponent("rgzn-2025-04.txt")], in: folder)
        let push = try Programs.run(["push", url, "--db", db])
        #expect(push.status == 1)
        #expect(push.stderr.split(separator: "\n").count == 1)
        #expect(push.stderr.contains("newer than this binary's"), "\(push.stderr)")

        try c.execute("DELETE FROM schema_migrations WHERE version = 9999")
        try c.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
        #expect(throws: HubError.self) { _ = try HubConnection(url) }
    }
}

/// Needs no server: a hub that is not there.
@Suite struct UnreachableHubTests {
    @Test func anUnreachableHubIsOneLineWithoutThePassword() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try Programs.knowledgeBase([TestPaths.sampleData.appendingPathComponent("rgzn-2025-04.txt")], in: folder)
        let dead = "postgresql://ann:s3cret-pw@127.0.0.1:1/kb?connect_timeout=2"
        let push = try Programs.run(["push", dead, "--db", db])
        #expect(push.status == 1)
        #expect(push.stderr.split(separator: "\n").count == 1, "\(push.stderr)")
        #expect(push.stderr.contains("unreachable"), "\(push.stderr)")
        #expect(!push.stderr.contains("s3cret") && !push.stdout.contains("s3cret"))
        // The same from $POLICYKB_HUB.
        let fromEnvironment = try Programs.run(["pull", "--db", folder.appendingPathComponent("copy.sqlite").path],
                                               environment: ["POLICYKB_HUB": dead])
        #expect(fromEnvironment.status == 1)
        #expect(!fromEnvironment.stderr.contains("s3cret") && fromEnvironment.stderr.contains("unreachable"))
    }
}
