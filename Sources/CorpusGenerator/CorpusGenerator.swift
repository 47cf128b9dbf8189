import CScriptFold
import Foundation

/// One generated bulletin file.
public struct GeneratedBulletin: Sendable {
    public let fileName: String
    public let text: String
    /// The whole titles, in order, as the contents list them.
    public let titles: [String]
}

/// Makes bulletins in the layout of PDF-extracted policy news (masthead,
/// contents by section, articles, back matter) with varied regions,
/// sections, policies, figures and wording, and the layout noise real files
/// have: titles split by a space or over two lines, paragraphs broken at a
/// page end, page numbers, QR-code footers, link lines with and without
/// angle brackets, sources in either bracket width. Bulletin `i` of a seed
/// is always the same text.
public struct CorpusGenerator: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// Bulletin number `index` (0-based).
    /// - Complexity: O(size of the bulletin).
    public func bulletin(_ index: Int) -> GeneratedBulletin {
        var rng = SeededGenerator(seed: seed &* 0x100_0000_01B3 &+ UInt64(index) &* 0x9E37_79B9)
        var writer = BulletinWriter(rng: rng, index: index)
        let result = writer.write()
        rng = writer.rng
        return result
    }

    /// A JSON Lines file of `count` articles, for the scraper input format.
    public func jsonLines(_ index: Int, count: Int) -> String {
        var rng = SeededGenerator(seed: seed ^ 0x5A5A_5A5A &+ UInt64(index))
        var lines: [String] = []
        for n in 0..<count {
            var writer = BulletinWriter(rng: rng, index: index)
            let article = writer.article(position: n + 1)
            rng = writer.rng
            let date = String(format: "%04d-%02d-%02d", 2020 + rng.below(6), 1 + rng.below(12), 1 + rng.below(28))
            var fields: [String: String] = ["title": article.title, "body": article.paragraphs.joined(separator: "\n\n"),
                                             "date": date, "section": rng.pick(Vocabulary.sections), "source": article.source]
            if let url = article.url { fields["url"] = url }
            let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
            lines.append(String(decoding: data, as: UTF8.self))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// An article before layout: title, paragraphs, source, link.
struct GeneratedArticle {
    var title: String
    var paragraphs: [String]
    var source: String
    var url: String?
}

struct BulletinWriter {
    var rng: SeededGenerator
    let index: Int
    /// What the article being written is about: most of its prose returns
    /// to these, as a real article keeps to its subject.
    var topics: [String] = []

    init(rng: SeededGenerator, index: Int) {
        self.rng = rng
        self.index = index
    }

    mutating func write() -> GeneratedBulletin {
        let publication = rng.pick(Vocabulary.publications)
        let editor = rng.pick(Vocabulary.editors)
        let year = 2019 + rng.below(8), month = 1 + rng.below(12), day = 1 + rng.below(28)
        let number = 1 + rng.below(48), cumulative = 100 + index
        let dateLine = rng.chance(50)
            ? "\(year)年\(month)月\(day)日 第\(number)期 总第\(cumulative)期"
            : "\(year) 年 \(month) 月 \(day) 日  第 \(number) 期  总第 \(cumulative) 期"

        // Sections and their articles; titles unique within the issue.
        let sectionCount = 2 + rng.below(3)
        var sectionNames: [String] = []
        while sectionNames.count < sectionCount {
            let name = rng.pick(Vocabulary.sections)
            if !sectionNames.contains(name) { sectionNames.append(name) }
        }
        var articles: [(section: String, article: GeneratedArticle)] = []
        var seenTitles = Set<String>()
        for section in sectionNames {
            for _ in 0..<(2 + rng.below(4)) {
                var article = self.article(position: articles.count + 1)
                while seenTitles.contains(article.title) { article.title += "（续）" }
                seenTitles.insert(article.title)
                articles.append((section, article))
            }
        }

        var lines: [String] = [" ", publication, "", "以战略视角解读数字发展", "", dateLine, "",
                               articles[0].article.title, "", "", publication, "", dateLine, "",
                               "主 编 \(editor)", "", "声明：本刊为内部交流资料，仅供参考。", "", "本期要目", ""]
        let dotted = rng.chance(30)
        var page = 1
        for section in sectionNames {
            lines.append(section)
            lines.append("")
            for (number, item) in articles.enumerated() where item.section == section {
                if dotted {
                    lines.append("\(number + 1)、\(item.article.title) …… \(page)")
                } else {
                    lines.append("- \(String(format: "%02d", page)) \(item.article.title)")
                }
                page += 1 + rng.below(2)
            }
            lines.append("")
        }
        // Interviews and speeches: the source under the title, then the
        // speaker's name and post on a line of its own, which the contents
        // do not list. Drawn from a generator of their own, so that the rest
        // of a seed's text stays as it was.
        var speakers = SeededGenerator(seed: UInt64(index) &* 0xD1B5_4A32_D192_ED03 &+ 0x5EED)
        for (_, article) in articles {
            lines.append(contentsOf: layoutTitle(article.title))
            lines.append("")
            if speakers.chance(12) {
                let name = speakers.pick(Vocabulary.surnames) + speakers.pick(Vocabulary.givenNames)
                let post = speakers.pick(Vocabulary.nationalBodies) + speakers.pick(Vocabulary.posts)
                lines.append(contentsOf: ["来源：\(article.source)", "",
                                          speakers.chance(50) ? "\(name) \(post)" : "\(name)（\(post)）", ""])
            }
            for (n, paragraph) in article.paragraphs.enumerated() {
                var text = paragraph
                let last = n == article.paragraphs.count - 1
                if last && rng.chance(70) {
                    text += rng.chance(50) ? "（来源：\(article.source)）" : "(来源:\(article.source))"
                }
                lines.append(contentsOf: pageBreak(text))
                lines.append("")
                if last && !text.contains("来源") {
                    lines.append(rng.chance(50) ? "（来源：\(article.source)）" : "(来源:\(article.source))")
                    lines.append("")
                }
            }
            if let url = article.url {
                lines.append(contentsOf: ["", "", "扫描二维码可阅读或下载全文", ""])
                switch rng.below(3) {
                case 0: lines.append("原文链接：\(url)")
                case 1: lines.append("原文链接：<\(url)>")
                default: lines.append("原文链接: <\(url)>")
                }
                lines.append("")
            }
        }
        lines.append(contentsOf: [editor, "", "\(editor)是从事数字经济与数据治理研究的非营利机构，长期跟踪各地数字政策。", ""])
        let name = String(format: "bulletin-%06d.txt", index)
        return GeneratedBulletin(fileName: name, text: lines.joined(separator: "\n"), titles: articles.map(\.article.title))
    }

    /// A title as the text shows it: whole, split by a space, or over two lines.
    mutating func layoutTitle(_ title: String) -> [String] {
        let chars = Array(title)
        guard chars.count > 12 else { return [title] }
        let cut = 6 + rng.below(chars.count - 10)
        switch rng.below(10) {
        case 0..<3: return [String(chars[..<cut]) + " " + String(chars[cut...])]
        case 3..<5: return [String(chars[..<cut]), String(chars[cut...])]
        default: return [title]
        }
    }

    /// A paragraph, sometimes broken at a page end mid-word, with the page
    /// number between the halves.
    mutating func pageBreak(_ paragraph: String) -> [String] {
        let chars = Array(paragraph)
        guard chars.count > 80, rng.chance(20) else { return [paragraph] }
        var cut = 40 + rng.below(chars.count - 60)
        // Break between two CJK characters, as a page end does.
        while cut < chars.count - 1, !(chars[cut - 1].isCJK && chars[cut].isCJK) { cut += 1 }
        guard cut < chars.count - 1 else { return [paragraph] }
        var lines = [String(chars[..<cut]), ""]
        if rng.chance(50) { lines += ["- \(2 + rng.below(30)) -", ""] }
        lines.append(String(chars[cut...]))
        return lines
    }

    // MARK: Articles

    mutating func article(position: Int) -> GeneratedArticle {
        topics = [rng.pick(Vocabulary.topics), rng.pick(Vocabulary.topics)]
        switch rng.below(10) {
        case 0..<5: return regionalPolicy()
        case 5..<7: return nationalPolicy()
        case 7: return international()
        default: return event()
        }
    }

    mutating func policyTitle(issuer: String) -> (title: String, start: Int, end: Int) {
        let topic = topics.first ?? rng.pick(Vocabulary.topics)
        let start = 2023 + rng.below(4)
        let end = start + 1 + rng.below(3)
        let title = "\(issuer)\(rng.pick(Vocabulary.policyVerbs))\(topic)\(rng.pick(Vocabulary.policyTypes))（\(start)—\(end)年）"
        return (title, start, end)
    }

    mutating func regionalPolicy() -> GeneratedArticle {
        let region = rng.pick(Vocabulary.regions)
        let office = region.full + rng.pick(region.province ? Vocabulary.provincialOffices : Vocabulary.cityOffices)
        let policy = policyTitle(issuer: region.full)
        let verb = rng.pick(Vocabulary.publishVerbs)
        let topic = topics.first ?? rng.pick(Vocabulary.topics)
        let title = "\(region.short)\(verb)\(shortTitle(policy.title, issuer: region.full))"
        let alias = rng.pick(["行动计划", "实施方案", "若干措施", "方案", "措施"])
        var paragraphs = ["近日，\(office)\(verb)《\(policy.title)》（以下简称《\(alias)》），提出\(prose(3))，推动\(topic)高质量发展。"]
        paragraphs.append("《\(alias)》提出，到\(policy.end)年，\(goalSentence(region: region.short))")
        for _ in 0..<(2 + rng.below(5)) { paragraphs.append(proseParagraph()) }
        if rng.chance(60) { paragraphs.append(incentiveParagraph(alias: alias)) }
        paragraphs.append("\(rng.pick(Vocabulary.connectors))，\(region.full)将\(prose(4))，为\(topic)发展提供有力支撑。")
        return GeneratedArticle(title: title, paragraphs: paragraphs, source: office, url: url(rng.chance(70)))
    }

    mutating func nationalPolicy() -> GeneratedArticle {
        let body = rng.pick(Vocabulary.nationalBodies)
        let policy = policyTitle(issuer: "")
        let verb = rng.pick(Vocabulary.publishVerbs)
        let count = 2 + rng.below(15)
        let title = "\(body)等\(count)部门联合\(verb)\(shortTitle(policy.title, issuer: ""))"
        var paragraphs = ["\(body)会同有关部门联合\(verb)《\(policy.title)》（以下简称《行动计划》），部署了\(3 + rng.below(8))项重点任务。"]
        paragraphs.append("《行动计划》明确，到\(policy.end)年底，\(goalSentence(region: "全国"))")
        for _ in 0..<(2 + rng.below(4)) { paragraphs.append(proseParagraph()) }
        paragraphs.append("\(rng.pick(Vocabulary.subjects))要\(prose(3))。\(rng.pick(Vocabulary.connectors))，\(prose(3))。")
        return GeneratedArticle(title: title, paragraphs: paragraphs, source: rng.pick([body, "中国政府网", "新华网"]),
                                url: url(rng.chance(80)))
    }

    mutating func international() -> GeneratedArticle {
        let country = rng.pick(Vocabulary.countries)
        let body = country + rng.pick(Vocabulary.foreignBodies)
        let topic = topics.first ?? rng.pick(Vocabulary.topics)
        let title = "\(body)发布\(topic)\(rng.pick(["监管指南", "治理框架", "咨询回应", "战略报告", "行动计划"]))"
        var paragraphs = [
            "近日，\(body)发布关于\(topic)的文件，强调\(prose(2))，并为企业提供明确指引。",
            "文件指出，\(rng.pick(Vocabulary.subjects))应当\(prose(3))。\(rng.pick(Vocabulary.connectors))，\(prose(2))。",
        ]
        for _ in 0..<(2 + rng.below(3)) { paragraphs.append(proseParagraph()) }
        paragraphs.append("分析认为，该文件将对\(topic)领域的国际规则产生影响，值得持续关注。")
        return GeneratedArticle(title: title, paragraphs: paragraphs, source: rng.pick(Vocabulary.mediaSources),
                                url: url(rng.chance(60)))
    }

    mutating func event() -> GeneratedArticle {
        let region = rng.pick(Vocabulary.regions)
        let topic = topics.first ?? rng.pick(Vocabulary.topics)
        let title = "\(region.short)召开\(topic)\(rng.pick(["座谈会", "推进会", "发布会", "工作会议", "专题培训"]))"
        let month = 1 + rng.below(12), day = 1 + rng.below(28)
        var paragraphs = [
            "\(month)月\(day)日，\(region.full)召开\(topic)相关会议，听取\(rng.pick(Vocabulary.subjects))意见建议。",
            "会议指出，要\(prose(4))。平台上线以来，已累计提供服务\(1000 + rng.below(9000))余次。",
        ]
        for _ in 0..<(2 + rng.below(3)) { paragraphs.append(proseParagraph()) }
        paragraphs.append("\(rng.pick(Vocabulary.connectors))，\(region.short)将\(prose(3))，加快\(topic)发展步伐。")
        return GeneratedArticle(title: title, paragraphs: paragraphs, source: rng.pick(Vocabulary.mediaSources), url: url(rng.chance(20)))
    }

    func shortTitle(_ title: String, issuer: String) -> String {
        var text = String(title.dropFirst(issuer.count))
        if let open = text.firstIndex(of: "（") { text = String(text[..<open]) }
        return text
    }

    /// Several clauses of goals: counts, money and shares, sometimes with a
    /// stretch figure, a qualifier or a horizon of their own.
    mutating func goalSentence(region: String) -> String {
        var clauses: [String] = ["\(topic())\(rng.pick(Vocabulary.qualities))"]
        for _ in 0..<(2 + rng.below(4)) {
            switch rng.below(6) {
            case 0, 1, 2:
                let metric = rng.pick(Vocabulary.countMetrics)
                let value = rng.pick(metric.values)
                switch rng.below(4) {
                case 0: clauses.append("培育\(metric.metric)不少于\(value)\(metric.unit)")
                case 1: clauses.append("打造\(value)\(metric.unit)以上\(metric.metric)")
                case 2: clauses.append("\(metric.metric)超过\(value)\(metric.unit)")
                default: clauses.append("累计培育\(metric.metric) \(value) \(metric.unit)")
                }
            case 3:
                let amount = [50, 100, 300, 500, 800, 1000, 3000, 8000][rng.below(8)]
                let metric = rng.pick(Vocabulary.moneyMetrics)
                clauses.append(rng.chance(30)
                    ? "\(region)\(metric)达\(amount)亿元以上、力争\(amount * 2)亿元"
                    : "\(metric)突破\(amount)亿元")
            case 4:
                let share = 10 + rng.below(60)
                clauses.append("\(rng.pick(Vocabulary.shareMetrics))\(rng.chance(50) ? "达到" : "") \(share)%\(rng.chance(50) ? "左右" : "以上")")
            default:
                clauses.append("\(rng.pick(Vocabulary.actions))\(rng.pick(Vocabulary.objects))")
            }
        }
        return clauses.joined(separator: "，") + "。"
    }

    mutating func incentiveParagraph(alias: String) -> String {
        let cap = [5, 10, 20, 50, 100, 200, 300, 500][rng.below(8)]
        switch rng.below(3) {
        case 0:
            return "《\(alias)》明确，对符合条件的项目给予\(rng.pick(Vocabulary.incentiveNames))，\(rng.pick(Vocabulary.recipients))不超过\(cap)万元。"
        case 1:
            let share = [20, 30, 50][rng.below(3)]
            return "支持企业开展\(rng.pick(Vocabulary.objects))建设，按其投资额的\(share)%给予补贴，\(rng.pick(Vocabulary.recipients))最高不超过\(cap)万元。"
        default:
            return "发放\(rng.pick(Vocabulary.voucherNames))，企业可申领不超过\(cap)万元的\(rng.pick(Vocabulary.voucherNames))，用于\(prose(1))。"
        }
    }

    /// `count` clauses of ordinary policy prose.
    /// A topic of the article, now and then another one.
    mutating func topic() -> String {
        rng.chance(85) && !topics.isEmpty ? rng.pick(topics) : rng.pick(Vocabulary.topics)
    }

    mutating func prose(_ count: Int) -> String {
        (0..<count).map { _ in
            switch rng.below(6) {
            case 0: "\(rng.pick(Vocabulary.actions))\(topic())\(rng.pick(Vocabulary.objects))"
            case 1: "\(rng.pick(Vocabulary.actions))\(rng.pick(Vocabulary.objects))"
            case 2: "推动\(topic())与\(rng.pick(Vocabulary.phrases))深度融合"
            case 3: "\(rng.pick(Vocabulary.verbs))\(rng.pick(Vocabulary.phrases))"
            case 4: "围绕\(rng.pick(Vocabulary.phrases))\(rng.pick(Vocabulary.verbs))\(rng.pick(Vocabulary.phrases))"
            default: "\(rng.pick(Vocabulary.phrases))\(rng.pick(Vocabulary.outcomes))"
            }
        }.joined(separator: "，")
    }

    /// A paragraph of several sentences of prose.
    mutating func proseParagraph() -> String {
        let opener = rng.pick(["在\(rng.pick(Vocabulary.phrases))方面，", "\(rng.pick(Vocabulary.connectors))，", "",
                               "\(rng.pick(Vocabulary.subjects))要", "据介绍，"])
        return opener + (0..<(3 + rng.below(3))).map { _ in prose(2 + rng.below(3)) }.joined(separator: "。") + "。"
    }

    mutating func url(_ present: Bool) -> String? {
        guard present else { return nil }
        let host = rng.pick(["www.gov.example.cn", "data.example.gov.cn", "mp.weixin.example.com", "news.example.cn"])
        return "https://\(host)/\(2019 + rng.below(8))/\(String(rng.next() % 100_000_000, radix: 16)).html"
    }
}

extension Character {
    /// A CJK ideograph, by the project's one classifier.
    var isCJK: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        return policykb_is_han(scalar.value) != 0
    }
}
