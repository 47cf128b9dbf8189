import Foundation
import Testing

/// What the issue asks of extraction on every annotated bulletin in
/// ../shared/corpus, measured by `Scripts/score-bulletins.py` (the shared
/// scorer for targets and incentives, the same pairing for statistics), and
/// the hygiene every metric is held to.
@Suite struct ExtractionQualityTests {
    static let scripts = CLI.packageRoot.appendingPathComponent("Scripts")

    /// One report per annotated bulletin.
    static func reports() throws -> [[String: Any]] {
        let python = try #require(CLI.which("python3"))
        let run = try CLI.run([scripts.appendingPathComponent("score-bulletins.py").path, "--json", "--bin", CLI.binary.path,
                               "--corpus", CLI.sharedCorpus.path], executable: python)
        #expect(run.status == 0, "\(run.stderr)")
        let value = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8))
        return try #require(value as? [[String: Any]])
    }

    @Test(.enabled(if: CLI.hasSharedCorpus && CLI.hasPython, "needs ../shared and python3"))
    func everyAnnotatedBulletinMeetsTheBar() throws {
        let reports = try Self.reports()
        #expect(reports.count >= 2, "one report per annotated bulletin")
        for report in reports {
            let name = report["bulletin"] as? String ?? "?"
            let goals = try #require(report["goals"] as? [String: Any])
            let target = try #require(goals["target"] as? [String: Any])
            let incentive = try #require(goals["incentive"] as? [String: Any])
            #expect((target["f1"] as? Double ?? 0) >= 0.95, "\(name) target \(target)")
            #expect((incentive["f1"] as? Double ?? 0) >= 0.95, "\(name) incentive \(incentive)")
            #expect((goals["fields_all_right"] as? Double ?? 0) >= 0.95, "\(name) fields \(goals["wrong_fields"] ?? "")")
            let policies = try #require(report["policies"] as? [String: Any])
            #expect(policies["found"] as? Int == policies["gold"] as? Int, "\(name) policies \(policies)")
            #expect(policies["period_ok"] as? Int == policies["gold"] as? Int, "\(name) periods \(policies)")
            let statistics = try #require(report["statistics"] as? [String: Any])
            if (statistics["gold"] as? Int ?? 0) > 0 {
                #expect((statistics["f1"] as? Double ?? 0) >= 0.85, "\(name) statistics \(statistics)")
            }
            if name.hasPrefix("dsjfzdt") {
                // The seed stays whole.
                #expect(target["f1"] as? Double == 1.0 && incentive["f1"] as? Double == 1.0)
                #expect(goals["fields_all_right"] as? Double == 1.0)
            }
        }
    }

    /// Every goal of both annotated bulletins and SampleData.
    static func allGoals(in dir: URL) throws -> [[String: Any]] {
        let db = dir.appendingPathComponent("kb.sqlite").path
        var inputs = [CLI.realBulletin.path, CLI.packageRoot.appendingPathComponent("SampleData").path]
        let python = try #require(CLI.which("python3"))
        for name in try FileManager.default.contentsOfDirectory(atPath: CLI.sharedCorpus.path) where name.hasSuffix(".gold.json") {
            let text = CLI.sharedCorpus.appendingPathComponent(name.replacingOccurrences(of: ".gold.json", with: ".txt"))
            guard text.path != CLI.realBulletin.path else { continue }
            let split = try CLI.run([scripts.appendingPathComponent("bulletin-to-jsonl.py").path, text.path,
                                     CLI.sharedCorpus.appendingPathComponent(name).path], executable: python)
            #expect(split.status == 0, "\(split.stderr)")
            let jsonl = dir.appendingPathComponent(name.replacingOccurrences(of: ".gold.json", with: ".jsonl"))
            try split.stdout.write(to: jsonl, atomically: true, encoding: .utf8)
            inputs.append(jsonl.path)
        }
        let ingest = try CLI.run(["ingest", "--db", db, "--quiet"] + inputs)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        return try CLI.json(try CLI.run(["goals", "--db", db, "--kind", "all", "--format", "json"]).stdout)
    }

    @Test(.enabled(if: CLI.hasSharedCorpus && CLI.hasPython, "needs ../shared and python3"))
    func everyMetricIsAName() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let goals = try Self.allGoals(in: dir)
        #expect(goals.count > 150)
        let punctuation = CharacterSet.punctuationCharacters.union(.symbols).union(.whitespaces)
        let forbidden = ["不少于", "不低于", "不超过", "不高于", "超过", "以内", "左右", "至少", "突破", "达到", "力争", "争取",
                         "力求", "努力"]
        var incentives = 0, named = 0
        for goal in goals {
            let metric = try #require(goal["metric"] as? String)
            #expect(!metric.isEmpty)
            #expect(metric.unicodeScalars.first.map { !punctuation.contains($0) } ?? false, "starts with punctuation: \(metric)")
            #expect(metric.unicodeScalars.last.map { !punctuation.contains($0) } ?? false, "ends with punctuation: \(metric)")
            #expect(metric.range(of: #"到\s*20\d\d\s*年"#, options: .regularExpression) == nil, "holds a horizon: \(metric)")
            #expect(!forbidden.contains { metric.contains($0) }, "holds a comparator or stretch word: \(metric)")
            // 以上 and 以下 only inside a fixed term (规模以上工业, 大型及以上,
            // 二级以上企业: a level and those above it).
            let loose = metric.replacingOccurrences(of: "规模以上", with: "").replacingOccurrences(of: "及以上", with: "")
                .replacingOccurrences(of: "级以上", with: "")
            #expect(!loose.contains("以上") && !loose.contains("以下"), "holds 以上/以下: \(metric)")
            #expect(metric.count <= 24, "longer than 24: \(metric)")
            if goal["kind"] as? String == "incentive" {
                incentives += 1
                // A pool a policy sets up is granted too (§8: 设立…基金, 安排…资金).
                let grants = ["补贴", "补助", "奖励", "奖补", "资助", "贴息", "券", "配套", "支持", "扶持", "基金", "资金", "预算"]
                #expect(grants.contains { metric.contains($0) }, "an incentive names no grant: \(metric)")
                // What it is granted for or per: more than the grant word alone.
                if let grant = grants.first(where: { metric.contains($0) }), metric.count > grant.count + 1 { named += 1 }
            }
        }
        #expect(incentives >= 30)
        #expect(Double(named) / Double(max(incentives, 1)) >= 0.9, "\(named) of \(incentives) incentives name what they are for")
    }

    @Test func explainSaysWhyEachNumberIsOrIsNotAGoal() throws {
        let dir = try CLI.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("s.txt")
        try """
            《某市数字经济行动方案》提出，到2027年，培育营业收入超5亿元的核心企业不少于40家。截至2024年底，全市已建成基站1.2万个。对新认定的示范工厂，给予最高80万元的一次性奖励。
            """.write(to: file, atomically: true, encoding: .utf8)
        let run = try CLI.run(["extract", "--explain", file.path, "--issue-year", "2025", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try CLI.json(run.stdout)
        let decisions = rows.compactMap { $0["decision"] as? String }
        #expect(rows.map { $0["surface"] as? String } == ["超5亿元", "不少于40家", "1.2万个", "最高80万元"])
        #expect(decisions[0].hasPrefix("dropped: qualifies 核心企业"))
        #expect(decisions[1].hasPrefix("kept: target"))
        #expect(decisions[1].contains("horizon 到2027年 (15–21)"))
        #expect(decisions[1].contains("metric 营业收入超5亿元的核心企业 (24–37)"))
        #expect(decisions[2].hasPrefix("statistic: cue"))
        #expect(decisions[2].contains("截至") || decisions[2].contains("已"))
        #expect(decisions[3].hasPrefix("kept: incentive"))
        #expect(decisions[3].contains("metric 示范工厂一次性奖励"))
        let both = try CLI.run(["extract", "--explain", "--quantities", file.path])
        #expect(both.status != 0)
    }
}
