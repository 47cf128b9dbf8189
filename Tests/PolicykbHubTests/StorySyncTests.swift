import Foundation
import PolicyCore
import PolicykbTestSupport
import PostgresClient
import SQLiteDB
import Testing

/// Stories and line keys in the hub (Migrations/postgres/0005_stories_lines.sql):
/// copies of one story pushed from one machine or several end as one hub
/// story, named by its earliest copy; goals carry the local metric keys.
@Suite(.serialized, .enabled(if: TestHub.enabled, TestHub.reason))
struct StorySyncTests {
    /// A news item about a city plan, three copies in three periodicals a
    /// week apart, and an unrelated item beside the first.
    static let plan = [
        "近日，成都市人民政府印发《成都市新能源汽车产业高质量发展三年行动计划（2025—2027年）》，提出以整车带动零部件，打造西部新能源汽车产业高地。",
        "计划提出，到2027年，全市新能源汽车产量达到60万辆，产业规模突破3000亿元；新建公共充电桩2万个，培育年营业收入超十亿元的零部件企业15家以上。",
        "在应用推广方面，成都将推动公交、出租、环卫车辆全面电动化，新能源汽车新车销量占比提升至50%以上。",
        "计划还明确了资金、用地、人才等保障措施，对新落地的重大整车项目给予最高1亿元的一次性奖励。",
    ]

    static func line(_ title: String, _ body: String, _ publication: String, _ issue: Int, _ date: String) throws -> String {
        try JSONLinesArticle.line(title, body, publication, issue, date) + "\n"
    }

    /// a.jsonl (the first copy and another item), b.jsonl and c.jsonl (copies a week and two weeks later).
    static func periodicals(in folder: URL) throws -> (a: URL, b: URL, c: URL) {
        let a = folder.appendingPathComponent("a.jsonl"), b = folder.appendingPathComponent("b.jsonl"),
            c = folder.appendingPathComponent("c.jsonl")
        try (try line("成都出台新能源汽车产业三年行动计划", plan.joined(separator: "\n"), "产业政策周报", 11, "2025-04-07")
             + line("西安发布低空经济发展方案", "西安市发展改革委日前发布方案，提出到2026年开通低空航线30条，低空经济规模达到200亿元，建设通用机场4个。",
                    "产业政策周报", 11, "2025-04-07")).write(to: a, atomically: true, encoding: .utf8)
        try line("成都：2027年新能源汽车产量将达60万辆", plan[0...2].joined(separator: "\n"), "城市经济参考", 4, "2025-04-14")
            .write(to: b, atomically: true, encoding: .utf8)
        try line("成都新能源汽车三年行动计划印发", plan.joined(separator: "\n"), "西部产经", 9, "2025-04-21")
            .write(to: c, atomically: true, encoding: .utf8)
        return (a, b, c)
    }

    /// The hub's stories: each as its copies' publications, sorted; and the
    /// story id of the copy in `publication`.
    static func hubStories(_ url: String) throws -> [[String]] {
        let rows = try PostgresConnection(url).execute("""
            SELECT string_agg(publication, '|' ORDER BY publication COLLATE "C") FROM v_story_copies GROUP BY story_id
            """).rows
        return rows.map { ($0[0] ?? "").split(separator: "|").map(String.init) }.sorted { $0.joined() < $1.joined() }
    }

    static func storyID(_ url: String, publication: String) throws -> String? {
        try PostgresConnection(url).execute("""
            SELECT story_id FROM v_story_copies WHERE publication = $1 AND title LIKE '成都%'
            """, [publication]).scalar
    }

    static func articleID(_ url: String, publication: String) throws -> String? {
        try PostgresConnection(url).execute("""
            SELECT a.id FROM articles a JOIN issues i ON i.id = a.issue_id WHERE i.publication = $1 AND a.title LIKE '成都%'
            """, [publication]).scalar
    }

    @Test func twoPeriodicalsCarryingOneStoryAreOneHubStoryWithTheLocalKeys() throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.periodicals(in: folder)
        let db = try Programs.knowledgeBase([files.a, files.b], in: folder)
        let url = try TestHub.fresh()
        defer { TestHub.drop(url) }
        let pushed = try Programs.run(["push", url, "--db", db])
        try #require(pushed.status == 0, "\(pushed.stderr)")

        // Locally the two copies are one story: so in the hub, named by the earlier copy.
        let store = try PolicyStore(path: db, access: .read)
        let localCopies = try store.database.rows("SELECT copies FROM v_story_copies WHERE title LIKE '成都%'").map { $0["copies"].int }
        #expect(localCopies == [2, 2])
        #expect(try Self.hubStories(url) == [["产业政策周报"], ["产业政策周报", "城市经济参考"]])
        let story = try Self.storyID(url, publication: "城市经济参考")
        let earliest = try Self.articleID(url, publication: "产业政策周报")
        #expect(story != nil && story == earliest)
        let copies = try PostgresConnection(url).execute("SELECT DISTINCT copies FROM v_story_copies WHERE story_id = $1",
                                                         [story ?? ""]).rows
        #expect(copies == [["2"]])
        // The later copy names the copy it matched.
        let matched = try PostgresConnection(url).execute("""
            SELECT matched_id FROM v_story_copies WHERE publication = '城市经济参考'
            """).scalar
        #expect(matched == story)

        // Every goal carries the key the local file stores.
        let local = try store.database.rows("SELECT metric, metric_key FROM goals")
            .map { "\($0["metric"].string ?? "")→\($0["metric_key"].string ?? "NULL")" }.sorted()
        let hub = try PostgresConnection(url).execute("SELECT metric || '→' || coalesce(metric_key, 'NULL') FROM goals")
            .rows.map { $0[0] ?? "" }.sorted()
        #expect(!local.isEmpty && !local.contains { $0.hasSuffix("→NULL") })
        #expect(local == hub)
        // A line's goals from two copies count as one story.
        let line = try PostgresConnection(url).execute("""
            SELECT goals, stories FROM v_target_lines WHERE metric LIKE '%新能源汽车产量%'
            """).rows
        #expect(line == [["2", "1"]], "\(line)")

        // Pull brings neither back; the pulled file finds the same story and keys itself.
        let pulled = folder.appendingPathComponent("pulled.sqlite").path
        let pull = try Programs.run(["pull", url, "--db", pulled])
        try #require(pull.status == 0, "\(pull.stderr)")
        let copy = try PolicyStore(path: pulled, access: .read)
        #expect(try copy.database.rows("SELECT copies FROM v_story_copies WHERE title LIKE '成都%'").map { $0["copies"].int } == [2, 2])
        #expect(try copy.database.rows("SELECT metric, metric_key FROM goals")
            .map { "\($0["metric"].string ?? "")→\($0["metric_key"].string ?? "NULL")" }.sorted() == local)

        // A second push changes nothing.
        let before = try PostgresConnection(url).execute("SELECT count(*) || '/' || count(DISTINCT story_id) FROM article_stories").scalar
        #expect(try Programs.run(["push", url, "--db", db]).status == 0)
        #expect(try PostgresConnection(url).execute("SELECT count(*) || '/' || count(DISTINCT story_id) FROM article_stories").scalar
                == before)
    }

    /// Machine one holds the copies of weeks two and three, machine two
    /// those of weeks one and two: whichever pushes first, the hub ends with
    /// one story of three copies, named by week one's copy.
    @Test(arguments: [false, true])
    func machinesHoldingPartsOfAStoryConverge(reversed: Bool) throws {
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = try Self.periodicals(in: folder)
        let one = try Programs.knowledgeBase([files.b, files.c], in: folder, name: "one.sqlite")
        let two = try Programs.knowledgeBase([files.a, files.b], in: folder, name: "two.sqlite")
        let url = try TestHub.fresh()
        defer { TestHub.drop(url) }
        for db in reversed ? [two, one] : [one, two] {
            let pushed = try Programs.run(["push", url, "--db", db])
            try #require(pushed.status == 0, "\(pushed.stderr)")
        }
        #expect(try Self.hubStories(url) == [["产业政策周报"], ["产业政策周报", "城市经济参考", "西部产经"]])
        let first = try Self.articleID(url, publication: "产业政策周报")
        for publication in ["产业政策周报", "城市经济参考", "西部产经"] {
            #expect(try Self.storyID(url, publication: publication) == first, "\(publication)")
        }
        // Merged-away stories are gone.
        #expect(try PostgresConnection(url).execute("SELECT count(*) FROM stories").scalar == "2")
    }
}
