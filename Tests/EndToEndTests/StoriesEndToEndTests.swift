import Foundation
import PolicykbTestSupport
import Testing

/// Two periodicals carry one story, through the built `policykb`: search
/// shows it once with its copies, `--all-copies` both, `show` lists the
/// appearances, `goals` gives the shared goal once citing both copies.
@Suite struct StoriesEndToEndTests {
    static let plan = [
        "近日，深圳市人民政府办公厅印发《深圳市推动数字经济高质量发展行动方案（2025—2027年）》，提出以数据要素市场化配置改革为牵引，加快建设全球数字先锋城市。",
        "方案明确，到2027年，全市数字经济核心产业增加值突破1.2万亿元，占地区生产总值比重达到33%左右；培育营业收入超百亿元的数字经济龙头企业20家以上。",
        "在基础设施方面，深圳将新建5G基站1.5万个，建成智能算力规模超过8万PFLOPS的城市算力网，推动数据中心上架率提升至75%以上。",
        "方案还从资金、人才、用地等方面提出保障措施，对新认定的市级数字化转型示范企业给予最高500万元的一次性奖励。",
    ]

    @Test func twoPeriodicalsOneStory() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try JSONLinesArticle.line("深圳出台数字经济高质量发展行动方案", Self.plan.joined(separator: "\n"), "数字政策动态", 3, "2025-03-10")
        let other = try JSONLinesArticle.line("杭州发布数据要素市场建设方案", "杭州市数据资源管理局日前发布方案，提出到2026年培育数据商100家，数据交易额突破50亿元，建设数据要素产业园3个。", "数字政策动态", 3, "2025-03-10")
        // The copy: its own headline, the lead cut to its first clause, the last paragraph cut.
        let copy = try JSONLinesArticle.line("深圳：2027年数字经济核心产业增加值将破1.2万亿元",
                                 (["深圳市人民政府办公厅近日印发《深圳市推动数字经济高质量发展行动方案（2025—2027年）》。"]
                                  + Self.plan[1...2]).joined(separator: "\n"), "大数据参考", 5, "2025-03-17")
        try (first + "\n" + other + "\n").write(to: dir.appendingPathComponent("a.jsonl"), atomically: true, encoding: .utf8)
        try (copy + "\n").write(to: dir.appendingPathComponent("b.jsonl"), atomically: true, encoding: .utf8)
        let db = dir.appendingPathComponent("kb.sqlite").path
        #expect(try CLI.run(["ingest", dir.path, "--db", db, "--quiet"]).status == 0)

        let once = try CLI.searchObject(try CLI.run(["search", "数字经济", "--db", db, "--format", "json"]).stdout)
        let rows = try #require(once["results"] as? [[String: Any]])
        #expect(once["total"] as? Int == 1 && rows.count == 1)
        #expect(rows.first?["copies"] as? Int == 2)
        let every = try CLI.searchRows(try CLI.run(["search", "数字经济", "--db", db, "--format", "json", "--all-copies"]).stdout)
        #expect(every.count == 2 && Set(every.compactMap { $0["story_id"] as? Int }).count == 1)
        let table = try CLI.run(["search", "数字经济", "--db", db])
        #expect(table.stdout.contains("1 of 1 matching articles; each story once"))

        let id = try #require(rows.first?["article_id"] as? Int)
        let shown = try CLI.run(["show", "\(id)", "--db", db])
        #expect(shown.stdout.contains("2 copies:"))
        #expect(shown.stdout.contains("《大数据参考》 2025-03-17 第5期"))

        let goals = try CLI.json(try CLI.run(["goals", "--db", db, "--region", "深圳", "--format", "json"]).stdout)
        let shared = goals.filter { ($0["metric"] as? String)?.contains("核心产业增加值") == true }
        #expect(shared.count == 1)
        #expect((shared.first?["article_ids"] as? [Int])?.count == 2)
        #expect((shared.first?["evidence"] as? [[String: Any]])?.compactMap { $0["article_id"] as? Int }.count == 2)
        let all = try CLI.json(try CLI.run(["goals", "--db", db, "--region", "深圳", "--format", "json", "--all-copies"]).stdout)
        #expect(all.filter { ($0["metric"] as? String)?.contains("核心产业增加值") == true }.count == 2)
        let compared = try CLI.json(try CLI.run(["compare", "--metric", "核心产业增加值", "--db", db, "--format", "json"]).stdout)
        #expect(compared.count == 1 && compared.first?["copies"] as? Int == 2)
    }
}
