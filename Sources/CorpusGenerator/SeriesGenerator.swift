import CScriptFold
import Foundation

/// A generated series of bulletin issues with known answers: two weekly
/// periodicals (one in traditional script) in which `lineCount` targets are
/// set, copied by the other periodical, raised, firmed up from 力争, moved to
/// a later year, superseded by a newer policy, or met or missed by a later
/// statistic — six kinds, one per line in turn. Its gold (`goldJSON`, the
/// format of Tests/PolicyCoreTests/Fixtures/series/series.gold.json) lists
/// every story (an article and its copies) and every line with its events.
///
/// Lines are told apart by city and metric: the metrics are words the
/// ordinary generated bulletins never use, so a series mixed into a large
/// corpus keeps its known lines.
public struct SeriesGenerator: Sendable {
    public let seed: UInt64
    public let lineCount: Int

    /// Cities and their GB/T 2260 codes, times metrics: the most lines a series can have.
    public static var maximumLines: Int { cities.count * metrics.count }

    public init(seed: UInt64, lineCount: Int) {
        self.seed = seed
        self.lineCount = min(lineCount, Self.maximumLines)
    }

    static let cities: [(short: String, full: String, code: String)] = [
        ("杭州", "杭州市", "330100"), ("成都", "成都市", "510100"), ("武汉", "武汉市", "420100"), ("南京", "南京市", "320100"),
        ("苏州", "苏州市", "320500"), ("宁波", "宁波市", "330200"), ("合肥", "合肥市", "340100"), ("长沙", "长沙市", "430100"),
        ("郑州", "郑州市", "410100"), ("西安", "西安市", "610100"), ("青岛", "青岛市", "370200"), ("济南", "济南市", "370100"),
        ("厦门", "厦门市", "350200"), ("福州", "福州市", "350100"), ("昆明", "昆明市", "530100"), ("贵阳", "贵阳市", "520100"),
        ("南宁", "南宁市", "450100"), ("沈阳", "沈阳市", "210100"), ("大连", "大连市", "210200"), ("石家庄", "石家庄市", "130100"),
        ("太原", "太原市", "140100"), ("南昌", "南昌市", "360100"), ("无锡", "无锡市", "320200"), ("东莞", "东莞市", "441900"),
    ]

    /// A metric, how its figures are written (magnitude and unit), the unit
    /// the store keeps, and the theme its policies are named after.
    static let metrics: [(metric: String, magnitude: String, unit: String, storedUnit: String, theme: String)] = [
        ("5G基站数量", "万", "个", "个", "5G网络建设"), ("公共充电桩数量", "万", "个", "个", "充电基础设施建设"),
        ("标识解析二级节点数量", "", "个", "个", "工业互联网标识解析体系建设"), ("智慧社区数量", "", "个", "个", "智慧社区建设"),
        ("人工智能领军企业", "", "家", "家", "人工智能产业发展"), ("数据商数量", "", "家", "家", "数据要素市场培育"),
        ("数据交易额", "亿", "元", "元", "数据交易场所建设"), ("低空经济产业规模", "亿", "元", "元", "低空经济发展"),
        ("跨境电商进出口额", "亿", "元", "元", "跨境电子商务发展"), ("算力中心数量", "", "个", "个", "算力基础设施建设"),
        ("集成电路产业产值", "亿", "元", "元", "集成电路产业发展"), ("智慧停车泊位数量", "万", "个", "个", "智慧停车建设"),
    ]

    static let periodicals: [(name: String, prefix: String, traditional: Bool)] = [
        ("区域数字经济观察", "qysj", false), ("數字政策簡報", "szzc", true),
    ]

    /// The Monday of the series' first week.
    static let firstWeek = DateComponents(calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC"),
                                          year: 2025, month: 1, day: 6).date ?? Date(timeIntervalSince1970: 1_736_121_600)

    /// An article placed in a periodical's week, with the story it belongs
    /// to and the line events it carries.
    struct Placed {
        let week: Int
        let periodical: Int
        let title: String
        let paragraphs: [String]
        let story: String
        let events: [(line: String, event: [String: Any])]
    }

    public func generate() -> (bulletins: [GeneratedBulletin], goldJSON: String) {
        var placed: [Placed] = []
        var lines: [[String: Any]] = []
        for index in 0..<lineCount {
            let (articles, made) = self.line(index)
            placed += articles
            lines += made
        }
        // Each periodical publishes in its own weeks (even weeks, odd weeks);
        // an article goes to the first issue of its periodical on or after its week.
        var issues: [String: (periodical: Int, week: Int, articles: [Placed])] = [:]
        for article in placed {
            let week = article.week % 2 == article.periodical ? article.week : article.week + 1
            issues["\(article.periodical)/\(week)", default: (article.periodical, week, [])].articles.append(article)
        }
        var bulletins: [GeneratedBulletin] = []
        var goldIssues: [[String: Any]] = []
        var files: [String: String] = [:]
        var numbers: [String: Int] = [:]
        for issue in issues.values.sorted(by: { ($0.week, $0.periodical) < ($1.week, $1.periodical) }) {
            let date = Self.date(week: issue.week)
            let year = Int(date.prefix(4)) ?? 2025
            let periodical = Self.periodicals[issue.periodical]
            let number = (numbers["\(issue.periodical)/\(year)"] ?? 0) + 1
            numbers["\(issue.periodical)/\(year)"] = number
            let file = String(format: "series-%@-%04d-%02d.txt", periodical.prefix, year, number)
            for article in issue.articles { files["\(article.periodical)/\(article.week)/\(article.title)"] = file }
            let parts = date.split(separator: "-").compactMap { Int($0) }
            var text = "《\(periodical.name)》\n\(year)年第\(number)期\n\(parts[0])年\(parts[1])月\(parts[2])日\n"
            for article in issue.articles {
                text += "\n【\(article.title)】\n" + article.paragraphs.joined(separator: "\n") + "\n"
            }
            if periodical.traditional { text = Self.traditional(text) }
            bulletins.append(GeneratedBulletin(fileName: file, text: text,
                                               titles: issue.articles.map { periodical.traditional ? Self.traditional($0.title) : $0.title }))
            goldIssues.append(["file": file, "publication": periodical.traditional ? Self.traditional(periodical.name) : periodical.name,
                               "number": number, "date": date])
        }
        func reference(_ article: Placed) -> [String: Any] {
            ["issue": files["\(article.periodical)/\(article.week)/\(article.title)"] ?? "?",
             "title": Self.periodicals[article.periodical].traditional ? Self.traditional(article.title) : article.title]
        }
        var stories: [String: [[String: Any]]] = [:]
        var order: [String] = []
        for article in placed {
            if stories[article.story] == nil { order.append(article.story) }
            stories[article.story, default: []].append(reference(article))
        }
        // Events in each line, with the issue file of their article.
        var events: [String: [[String: Any]]] = [:]
        for article in placed {
            for (line, event) in article.events {
                var event = event
                event["issue"] = reference(article)["issue"]
                events[line, default: []].append(event)
            }
        }
        let goldLines = lines.map { line -> [String: Any] in
            var line = line
            line["events"] = events[line["id"] as? String ?? ""] ?? []
            return line
        }
        let gold: [String: Any] = [
            "description": "policykb-corpus --series \(lineCount) --seed \(seed): generated issues with known stories, lines and events",
            "issues": goldIssues,
            "stories": order.map { ["id": $0, "copies": stories[$0] ?? []] },
            "lines": goldLines,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: gold, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return (bulletins, String(decoding: data, as: UTF8.self) + "\n")
    }

    /// The articles of line `index` and the gold line(s) they make.
    func line(_ index: Int) -> ([Placed], [[String: Any]]) {
        let rng = SeededGenerator(seed: seed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(index) &* 0x100_0000_01B3)
        var prose = BulletinWriter(rng: rng, index: index)
        let city = Self.cities[index % Self.cities.count]
        let metric = Self.metrics[(index / Self.cities.count) % Self.metrics.count]
        let kind = index % 6
        let first = index % 2, other = 1 - index % 2
        let start = (index * 7) % 40
        let base = 20 * (1 + index % 5)
        let year = kind == 5 ? 2025 : 2026 + index % 3
        let policy = "\(city.full)\(metric.theme)行动方案（\(min(2025, year - 1))—\(year)年）"
        let id = "line-\(index)"
        func figure(_ value: Int) -> String { "\(value)\(metric.magnitude)\(metric.unit)" }
        func target(_ value: Int, by year: Int, stretch: Bool = false) -> String {
            "到\(year)年，\(stretch ? "力争" : "")全市\(metric.metric)达到\(figure(value))。"
        }
        func paragraphs(_ count: Int) -> [String] {
            (0..<count).map { _ in prose.proseParagraph() }
        }
        func event(_ kind: String, _ extra: [String: Any] = [:]) -> [String: Any] {
            extra.merging(["event": kind]) { first, _ in first }
        }
        let goldLine: [String: Any] = ["id": id, "region": city.code, "kind": "target", "metric": metric.metric,
                                       "unit": metric.storedUnit, "year": year]
        let setTitle = "\(city.short)印发\(metric.theme)行动方案"
        let setBody = ["近日，\(city.full)人民政府办公厅印发《\(policy)》（以下简称《方案》），部署了一批重点任务。",
                       "《方案》提出，" + target(base, by: year, stretch: kind == 2)] + paragraphs(2)
        let set = Placed(week: start, periodical: first, title: setTitle, paragraphs: setBody, story: "\(id)-set",
                         events: [(id, event("set"))])
        switch kind {
        case 0:
            // The other periodical's copy: its headline changed, its lead trimmed, its last paragraph cut.
            var copy = setBody
            copy[0] = String(copy[0].dropFirst(3))
            copy.removeLast()
            return ([set, Placed(week: start + 1, periodical: other, title: "\(city.short)\(metric.theme)行动方案明确发展目标",
                                 paragraphs: copy, story: "\(id)-set", events: [(id, event("restated"))])], [goldLine])
        case 1:
            let raisedBody = ["\(city.full)人民政府办公厅修订《\(policy)》，提出" + target(base * 5 / 4, by: year)] + paragraphs(2)
            let raised = Placed(week: start + 3, periodical: other, title: "\(city.short)上调\(metric.theme)目标",
                                paragraphs: raisedBody, story: "\(id)-raised", events: [(id, event("changed", ["changes": ["raised"]]))])
            // Republished a week later with a new headline and a paragraph added.
            let copy = Placed(week: start + 4, periodical: first, title: "\(city.short)\(metric.metric)目标提高至\(figure(base * 5 / 4))",
                              paragraphs: raisedBody + ["业内人士认为，目标上调体现了\(city.short)加快发展的决心。"],
                              story: "\(id)-raised", events: [(id, event("restated"))])
            return ([set, raised, copy], [goldLine])
        case 2:
            let firmed = Placed(week: start + 2, periodical: other, title: "\(city.short)明确\(metric.theme)目标",
                                paragraphs: ["\(city.full)有关部门解读《\(policy)》时明确，" + target(base, by: year)] + paragraphs(1),
                                story: "\(id)-firmed", events: [(id, event("changed", ["changes": ["firmed_up"]]))])
            return ([set, firmed], [goldLine])
        case 3:
            let moved = Placed(week: start + 3, periodical: other, title: "\(city.short)调整\(metric.theme)节奏",
                               paragraphs: ["\(city.full)有关部门表示，《\(policy)》提出的目标有所调整，" + target(base, by: year + 1)]
                                   + paragraphs(1),
                               story: "\(id)-moved", events: [(id, event("changed", ["changes": ["moved_later"]]))])
            return ([set, moved], [goldLine])
        case 4:
            let newID = "\(id)-plan", newYear = year + 4
            let plan = "\(city.full)\(metric.theme)发展规划（\(year)—\(newYear)年）"
            let newer = Placed(week: start + 5, periodical: other, title: "\(city.short)出台\(metric.theme)中长期规划",
                               paragraphs: ["近日，\(city.full)发展和改革委员会发布《\(plan)》，提出" + target(base * 2, by: newYear)]
                                   + paragraphs(2),
                               story: "\(id)-plan",
                               events: [(id, event("superseded", ["by": newID])), (newID, event("set"))])
            var newLine = goldLine
            newLine["id"] = newID
            newLine["year"] = newYear
            return ([set, newer], [goldLine, newLine])
        default:
            let met = index % 12 == 5
            let value = met ? base * 11 / 10 : base * 4 / 5
            let report = Placed(week: 54 + index % 8, periodical: other, title: "\(city.short)\(metric.theme)取得新进展",
                                paragraphs: ["据统计，截至2025年底，\(city.short)全市\(metric.metric)已达到\(figure(value))。"] + paragraphs(1),
                                story: "\(id)-report", events: [(id, event("reported", ["outcome": met ? "met" : "behind"]))])
            return ([set, report], [goldLine])
        }
    }

    /// The ISO date of a week's Monday.
    static func date(week: Int) -> String {
        let date = firstWeek.addingTimeInterval(Double(week) * 7 * 86_400)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 2025, parts.month ?? 1, parts.day ?? 1)
    }

    /// Simplified → traditional, one code point to one: the inverse of the
    /// project's fold table (the first traditional form of each simplified
    /// one). Where that picks a rare form the text folds back all the same.
    static func traditional(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(toTraditional[scalar.value].flatMap(Unicode.Scalar.init) ?? scalar)
        }
        return String(out)
    }

    static let toTraditional: [UInt32: UInt32] = {
        var map: [UInt32: UInt32] = [:]
        for index in 0..<policykb_script_fold_count() {
            var traditional: UInt32 = 0, simplified: UInt32 = 0
            policykb_script_fold_pair(index, &traditional, &simplified)
            if map[simplified] == nil { map[simplified] = traditional }
        }
        // The table maps rare forms too (齣 → 出, 傢 → 家): where the first
        // one is not what a traditional text writes, the usual form, or the
        // character itself where both scripts write it alike.
        for (simplified, traditional) in zip(Array(usualSimplified.unicodeScalars), Array(usualTraditional.unicodeScalars)) {
            map[simplified.value] = traditional.value
        }
        return map
    }()
    static let usualSimplified = "出合系台术家面局斗制巨才克松谷干里只于向后范表志采签药升伙征历致折冲云准汇尽获几钟复占并布回游适余苏团据网发叶划千峰教协"
    static let usualTraditional = "出合系臺術家面局斗制巨才克松谷幹裡只於向後範表志採簽藥升夥徵歷致折衝雲準匯盡獲幾鐘複佔並布回遊適餘蘇團據網發葉劃千峰教協"
}
