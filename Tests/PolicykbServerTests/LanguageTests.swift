import Foundation
import HTTPTypes
import PolicyCore
import PolicyExtraction
import PolicykbTestSupport
import Testing
@testable import PolicykbServer

/// The UI in the reader's language: the two message tables, the choice of
/// language, and every page and API error in Chinese when it is chosen.
@Suite struct LanguageTests {
    let store: PolicyStore

    init() throws {
        store = try PolicyStore(path: TestDatabase.path(), access: .read)
    }

    // MARK: The tables

    @Test func bothTablesHoldEveryMessageWithTheSameArguments() throws {
        let ids = Set(MessageID.allCases)
        for table in [MessageTable.chinese, MessageTable.english] {
            #expect(Set(table.texts.keys) == ids, "missing: \(ids.subtracting(table.texts.keys).map(\.rawValue))")
            #expect(table.texts.values.allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
        }
        let argument = try NSRegularExpression(pattern: "\\{[0-9]\\}")
        func arguments(_ text: String) -> Set<String> {
            Set(argument.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
                Range($0.range, in: text).map { String(text[$0]) }
            })
        }
        for id in MessageID.allCases {
            #expect(arguments(MessageTable.chinese.text(id)) == arguments(MessageTable.english.text(id)), "\(id)")
        }
        // The Chinese table is Chinese: every text with words has CJK in it.
        for (id, text) in MessageTable.chinese.texts where text.contains(where: \.isLetter) && id != .pageTitle {
            #expect(text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(id): \(text)")
        }
        #expect(Message(.outOfRange, "limit", "1", "100", "500").text(in: .zh) == "limit 须在 1 与 100 之间，而不是 500")
        #expect(Message(.malformedQuery, reason: Message(.queryUnbalanced)).text(in: .en) == "malformed query: unbalanced parenthesis")
    }

    // MARK: Choosing the language

    @Test(arguments: [
        (nil, Language.en), ("", .en), ("zh", .zh), ("zh-CN", .zh), ("zh-TW", .zh), ("zh-HK,en;q=0.5", .zh),
        ("ZH-hant-TW", .zh), ("en-US,en;q=0.9,zh-CN;q=0.8", .en), ("en;q=0.3, zh-CN;q=0.7", .zh),
        ("fr-FR, zh;q=0.4", .zh), ("fr-FR, de;q=0.8", .en), ("zh;q=0, en;q=0.1", .en), ("zh-CN;q=0.5, en", .en),
        ("*", .en), ("en;q=0.8, zh;q=0.8", .en), ("zh;q=0.8, en;q=0.8", .zh), ("zh;q=abc, en;q=0.1", .en),
    ] as [(String?, Language)])
    func acceptLanguageChoosesChineseWhenPreferred(header: String?, expected: Language) {
        #expect(Language.preferred(acceptLanguage: header) == expected, "\(header ?? "nil")")
    }

    @Test func browserQueryAndLinksDecideTheLanguage() async throws {
        let chinese = try await HTTP.get("/goals", headers: HTTP.chinese)
        #expect(chinese.text.contains("<html lang=\"zh-CN\">") && chinese.text.contains("<h1>目标</h1>"))
        #expect(chinese.header("Content-Language") == "zh-CN" && chinese.header("Vary") == "Accept-Language")
        // Chosen by the browser: links stay plain.
        #expect(!internalLinks(chinese.text).contains { $0.contains("lang=") })

        let english = try await HTTP.get("/goals")
        #expect(english.text.contains("<html lang=\"en\">") && english.text.contains("<h1>Goals</h1>"))

        // ?lang= decides over the browser, and every link and form keeps it.
        let chosen = try await HTTP.get("/goals?lang=en&year=2027", headers: HTTP.chinese)
        #expect(chosen.text.contains("<html lang=\"en\">") && chosen.text.contains("<h1>Goals</h1>"))
        let links = internalLinks(chosen.text)
        #expect(links.count > 10)
        #expect(links.allSatisfy { $0.contains("lang=en") }, "\(links.filter { !$0.contains("lang=en") })")
        #expect(chosen.count("<input type=\"hidden\" name=\"lang\" value=\"en\">") == 1)
        // The switcher: this page in the other language, its filters kept.
        #expect(chosen.text.contains("href=\"/goals?year=2027&amp;lang=zh\""))
        #expect(chosen.text.contains("<strong lang=\"en\" aria-current=\"true\">English</strong>"))

        // The same URL in two languages: two answers, not one cached.
        let replies = try await HTTP.get(["/policies", "/policies"], headers: HTTP.chinese)
        let other = try await HTTP.get("/policies")
        #expect(replies.allSatisfy { $0.text.contains("<h1>政策</h1>") } && other.text.contains("<h1>Policies</h1>"))

        let bad = try await HTTP.get("/goals?lang=fr", headers: HTTP.chinese)
        #expect(bad.status == .badRequest && bad.text.contains("lang 须为 zh 或 en，而不是「fr」"))
    }

    @Test func apiErrorsFollowTheSameChoice() async throws {
        let cases: [(String, HTTPFields, String)] = [
            ("/api/search", HTTP.chinese, "缺少 q：请给出查询"),
            ("/api/search?lang=en", HTTP.chinese, "q is required: the query"),
            ("/api/search?q=" + HTTP.q("(算力"), HTTP.chinese, "查询有误：括号不配对"),
            ("/api/goals?region=" + HTTP.q("火星"), HTTP.chinese, "未知地区「火星」"),
            ("/api/goals?limit=abc", HTTP.chinese, "limit 须为整数，而不是「abc」"),
            ("/api/articles?since=" + HTTP.q("去年"), HTTP.chinese, "since：「去年」不是日期"),
            ("/api/articles/999999", HTTP.chinese, "没有编号为 999999 的文章"),
            ("/api/goals?limit=abc", [:], "limit must be a whole number, not「abc」"),
        ]
        for (uri, headers, expected) in cases {
            let reply = try await HTTP.get(uri, headers: headers)
            #expect((400..<500).contains(reply.status.code), "\(uri)")
            let message = try reply.object()["error"] as? String ?? ""
            #expect(message.contains(expected), "\(uri): \(message)")
        }
    }

    // MARK: Every page in Chinese

    /// Pages of every kind, results and empty states and errors.
    func pages() throws -> [String] {
        let goal = try #require(try store.goals(GoalFilter(kinds: [.target])).first)
        let policy = try #require(try store.policies().first)
        return [
            "/", "/search?q=" + HTTP.q("算力"), "/search?q=" + HTTP.q("算力") + "&limit=1&offset=1",
            "/search?q=" + HTTP.q("没有这样的词语组合"), "/search?q=" + HTTP.q("(算力"),
            "/articles/\(goal.articleID)", "/policies/\(policy.id)", "/policies", "/policies?policy=" + HTTP.q("不存在的政策"),
            "/goals", "/goals?limit=2&offset=2", "/goals?metric=" + HTTP.q("不存在的指标"), "/compare",
            "/compare?metric=" + HTTP.q("产业"), "/compare?metric=" + HTTP.q("不存在的指标"), "/timeline",
            "/timeline?metric=" + HTTP.q("不存在的指标"), "/articles/999999", "/12345", "/goals?year=1.5",
            "/changes", "/changes?since=2024", "/changes?since=2024&event=behind", "/changes?since=2099",
            "/lines/\(goal.id)", "/lines/999999999",
        ]
    }

    @Test func chineseHasNoEnglishLabelLeft() async throws {
        // Words the data itself holds (links, 5G, IPv6 …) and names of
        // things that have no other name.
        // Parameter names (year) are the URL's, named in errors as typed.
        var allowed: Set<String> = ["policykb", "JSON", "CSV", "XLSX", "api", "OR", "title", "English", "GET", "HEAD", "year"]
        for name in try FileManager.default.contentsOfDirectory(atPath: TestPaths.sampleData.path) where name.hasSuffix(".txt") {
            allowed.formUnion(Self.words(try String(contentsOf: TestPaths.sampleData.appendingPathComponent(name), encoding: .utf8)))
        }
        allowed.formUnion(Self.words(TestDatabase.xssTitle + TestDatabase.xssBody))
        let uris = try pages()
        let replies = try await HTTP.get(uris, headers: HTTP.chinese)
        for (uri, reply) in zip(uris, replies) {
            #expect(reply.text.contains("<html lang=\"zh-CN\">"), "\(uri)")
            let shown = Self.shownText(reply.text)
            let english = Self.words(shown).subtracting(allowed)
            #expect(english.isEmpty, "\(uri): \(english.sorted())")
            // Nor any English phrase of the table, even one made of allowed
            // words (single words are the check above's).
            for (id, text) in MessageTable.english.texts where MessageTable.chinese.texts[id] != text {
                for piece in text.components(separatedBy: CharacterSet(charactersIn: "{}0123456789")) where piece.count >= 6 && piece.trimmingCharacters(in: .whitespaces).contains(" ") {
                    #expect(!shown.contains(piece), "\(uri): \(id) 「\(piece)」")
                }
            }
        }
        // The same pages in English have no Chinese label: the frame's texts.
        let english = try await HTTP.get(uris, headers: [.acceptLanguage: "en-GB"])
        #expect(english.allSatisfy { $0.text.contains("<html lang=\"en\">") && !$0.text.contains(">搜索</a>") })
    }

    @Test func everyBoxHasItsLabelBesideItAndHintsAreExamples() async throws {
        for language in [Language.zh, .en] {
            let replies = try await HTTP.get(["/", "/goals", "/compare", "/timeline", "/policies", "/changes"],
                                            headers: [.acceptLanguage: language.tag])
            for reply in replies {
                let fields = reply.text.components(separatedBy: "<span class=\"field\">").dropFirst()
                    .map { $0.components(separatedBy: "</span>")[0] }
                #expect(!fields.isEmpty)
                for field in fields {
                    // A box and its label in one field: <label for="f-until">截止日期</label> <input … id="f-until">
                    if let id = field.firstMatch(of: /id="(f-[a-z_]+)"/)?.1 {
                        #expect(field.contains("<label for=\"\(id)\">"), "\(field)")
                    } else {
                        #expect(field.hasPrefix("<label><input type=\"checkbox\""), "\(field)")
                    }
                }
                let example = language == .zh ? "例如 " : "e.g. "
                let hints = reply.text.matches(of: /placeholder="([^"]*)"/).map { String($0.1) }
                #expect(!hints.isEmpty && hints.allSatisfy { $0.hasPrefix(example) }, "\(hints)")
            }
        }
        let home = try await HTTP.get("/", headers: HTTP.chinese)
        #expect(home.text.contains("<span class=\"field\"><label for=\"f-until\">截止日期</label> <input type=\"text\" name=\"until\" id=\"f-until\""))
    }

    // MARK: Rows and downloads

    @Test func rowsNameRegionsAndTablePagesLinkCSV() async throws {
        let goals = try store.goals(GoalFilter(kinds: [.target, .incentive]), page: Page(limit: Limits.defaultPageSize, offset: 0))
        let page = try await HTTP.get("/goals", headers: HTTP.chinese)
        for goal in goals {
            guard let code = goal.regionCode, let name = Gazetteer.seeded.regions[code]?.name else { continue }
            let row = page.text.components(separatedBy: "<tr id=\"goal-\(goal.id)\"").dropFirst().first?
                .components(separatedBy: "</tr>").first ?? ""
            #expect(row.contains(">\(name)</td>") && !row.contains(code), "goal \(goal.id)")
        }
        let policy = try #require(try store.goals(GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases))).compactMap(\.policyID).first)
        for uri in ["/goals", "/policies", "/compare?metric=" + HTTP.q("产业"), "/policies/\(policy)"] {
            let reply = try await HTTP.get(uri, headers: HTTP.chinese)
            let csv = try #require(reply.text.firstMatch(of: /<p class="downloads">下载： <a href="([^"]+)" download="[^"]+">CSV<\/a>/)?.1,
                                   "\(uri)")
            let download = try await HTTP.get(String(csv).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(download.status == .ok && download.header("Content-Type")?.hasPrefix("text/csv") == true, "\(uri)")
            #expect(download.text.components(separatedBy: .newlines).filter { !$0.isEmpty }.count >= 2, "\(uri): rows, not only a header")
        }
    }

    @Test func traditionalRegionNamesFilterPages() async throws {
        let simplified = try await HTTP.get("/goals?kind=all&region=" + HTTP.q("广东"), headers: HTTP.chinese)
        let traditional = try await HTTP.get("/goals?kind=all&region=" + HTTP.q("廣東"), headers: HTTP.chinese)
        #expect(traditional.status == .ok)
        #expect(simplified.count("<tr id=\"goal-") > 0 && traditional.count("<tr id=\"goal-") == simplified.count("<tr id=\"goal-"))
    }

    // MARK: The timeline's scale

    @Test func timelineSpacesYearsByTimeAndShowsGaps() async throws {
        #expect(TimelineChart.axis([2030, 2025, 2027]) == Array(2025...2030))
        #expect(TimelineChart.axis([]) == [])
        let counts = try store.goalTimeline(GoalFilter(kinds: [.target, .incentive]))
        let years = Set(counts.map(\.year))
        let (first, last) = (try #require(years.min()), try #require(years.max()))
        let page = try await HTTP.get("/timeline", headers: HTTP.chinese)
        let svg = page.text.components(separatedBy: "<svg class=\"chart timeline\"").dropFirst().first ?? ""
        // A column for every year of the span, those without goals marked.
        #expect(svg.count(of: "<line class=\"axis") == last - first + 1)
        #expect(svg.count(of: "<line class=\"axis gap\"") == (last - first + 1) - years.count)
        // Circles sit at distances proportional to their years.
        let circles = svg.matches(of: /data-year="([0-9]+)"><title>[^<]*<\/title><circle class="dot" cx="([0-9]+)"/)
            .compactMap { match in Int(match.1).flatMap { year in Int(match.2).map { (year, $0) } } }
        #expect(!circles.isEmpty)
        let byYear = Dictionary(circles, uniquingKeysWith: { a, _ in a })
        let origin = try #require(byYear[first])
        let step = try #require(byYear.first { $0.key != first }.map { ($0.value - origin) / ($0.key - first) })
        #expect(step > 0)
        for (year, x) in byYear { #expect(x == origin + (year - first) * step, "\(year)") }
    }

    // MARK: Helpers

    /// The hrefs of a page that lead to its other pages (not the API, the
    /// assets, a fragment, or the language switcher).
    func internalLinks(_ html: String) -> [String] {
        html.matches(of: /<a href="(\/[^"]*)"(?! lang=)/).map { String($0.1) }
            .filter { !$0.hasPrefix("/api") && !$0.hasPrefix("/assets") }
    }

    /// What a reader sees or hears: text between tags (no script, style or
    /// datalist values), and placeholders, labels, titles and alt texts.
    static func shownText(_ html: String) -> String {
        var text = html.replacing(/<script[^>]*>.*?<\/script>/.dotMatchesNewlines(), with: "")
            .replacing(/<style[^>]*>.*?<\/style>/.dotMatchesNewlines(), with: "")
            .replacing(/<datalist[^>]*>.*?<\/datalist>/.dotMatchesNewlines(), with: "")
        let attributes = text.matches(of: /(?:placeholder|aria-label|title|alt)="([^"]*)"/).map { String($0.1) }
        text = text.replacing(/<[^>]*>/, with: " ")
        return (text + " " + attributes.joined(separator: " "))
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&#39;", with: "'")
    }

    /// Runs of two or more Latin letters.
    static func words(_ text: String) -> Set<String> {
        Set(text.matches(of: /[A-Za-z]{2,}/).map { String($0.0) })
    }
}

extension String {
    func count(of needle: String) -> Int { components(separatedBy: needle).count - 1 }
}
