import Foundation
import PolicyCore
import PolicyExtraction
import Testing
@testable import PolicykbServer

/// Every page, with values checked against the core's own answers.
@Suite struct PagesTests {
    let store: PolicyStore

    init() throws {
        store = try PolicyStore(path: TestDatabase.path(), access: .read)
    }

    @Test func searchPageShowsRankedHitsTotalAndFacets() async throws {
        let expected = try store.search(SearchRequest(query: try SearchQuery.parse("算力"), limit: 20))
        #expect(expected.total >= 2)
        let page = try await HTTP.get("/search?q=" + HTTP.q("算力"))
        #expect(page.status == .ok)
        #expect(page.count("<li class=\"hit\"") == expected.hits.count)
        // In rank order.
        let ids = page.text.components(separatedBy: "<li class=\"hit\" data-article=\"").dropFirst()
            .compactMap { Int64($0.prefix { $0.isNumber }) }
        #expect(ids == expected.hits.map(\.articleID))
        #expect(page.text.contains("<strong>\(expected.total)</strong> matching articles"))
        #expect(page.text.contains("<mark>算力</mark>"))
        // The query stays in the box; facets are links that keep it.
        #expect(page.text.contains("value=\"算力\""))
        #expect(page.text.contains("<aside class=\"facets\""))
        #expect(page.text.contains("href=\"/search?q=%E7%AE%97%E5%8A%9B&amp;region="))
        // Result rows name their regions, as the facets do, not by code.
        for hit in expected.hits {
            guard let code = hit.regionCode, let name = Gazetteer.seeded.regions[code]?.name else { continue }
            let row = page.text.components(separatedBy: "data-article=\"\(hit.articleID)\"").dropFirst().first?
                .components(separatedBy: "</li>").first ?? ""
            #expect(row.contains(name) && !row.contains(code), "article \(hit.articleID): \(code)")
        }
        let home = try await HTTP.get("/")
        #expect(home.status == .ok && home.text.contains("name=\"q\"") && home.count("<li class=\"hit\"") == 0)
    }

    @Test func searchPagesAndFiltersByRegionWithItsCities() async throws {
        var request = SearchRequest(query: try SearchQuery.parse("数据"), limit: 2)
        request.offset = 2
        let expected = try store.search(request)
        #expect(expected.total > 4)
        let page = try await HTTP.get("/search?q=" + HTTP.q("数据") + "&limit=2&offset=2")
        let ids = page.text.components(separatedBy: "<li class=\"hit\" data-article=\"").dropFirst()
            .compactMap { Int64($0.prefix { $0.isNumber }) }
        #expect(ids == expected.hits.map(\.articleID))
        #expect(page.text.contains("&amp;limit=2&amp;offset=4\">next"))
        #expect(page.text.contains("offset=0") == false)

        let codes = try store.regionCodes(for: "广东")
        let json = try await HTTP.get("/api/search?q=" + HTTP.q("数据") + "&region=" + HTTP.q("广东") + "&limit=100").object()
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(!results.isEmpty)
        #expect(results.allSatisfy { codes.contains($0["region_code"] as? String ?? "") })
        // 深圳 (a city of 广东) counts as 广东.
        #expect(codes.contains("440300"))
    }

    @Test func articlePageHighlightsEveryGoalsEvidence() async throws {
        let goals = try store.goals(GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases)))
        let articleID = try #require(Dictionary(grouping: goals, by: \.articleID).max { $0.value.count < $1.value.count }?.key)
        let detail = try #require(try store.article(id: articleID))
        let page = try await HTTP.get("/articles/\(articleID)")
        #expect(page.status == .ok)
        #expect(page.text.contains("<h1>\(HTML.escape(detail.article.title))</h1>"))
        for goal in detail.goals {
            // An anchor where its first span starts, then the span marked.
            #expect(page.text.contains("<span class=\"anchor\" id=\"ev-\(goal.id)\"></span>"))
            #expect(page.text.contains("<tr id=\"goal-\(goal.id)\""))
            let marks = page.text.components(separatedBy: "<mark class=\"evidence\"").dropFirst()
            // Each mark: ` tabindex="0" data-goals="ID ID">text<span class="tip"…`.
            let covering = marks.filter { mark in
                let ids = mark.split(separator: "\"")[safe: 3].map { $0.split(separator: " ").map(String.init) } ?? []
                return ids.contains(String(goal.id))
            }
            #expect(!covering.isEmpty, "goal \(goal.id) has no marked evidence")
            // The tooltip names the goal's fields.
            #expect(covering.contains { $0.contains("<b>metric</b> \(HTML.escape(goal.metric))") })
        }
        // The marked text, put together, is exactly the spans' text.
        let body = try #require(page.text.components(separatedBy: "<div class=\"body\" id=\"body\">").last?
            .components(separatedBy: "</div>").first)
        let plain = body.replacingOccurrences(of: "<span class=\"tip\"[^>]*>.*?</span></mark>", with: "",
                                              options: .regularExpression)
            .replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        #expect(plain == HTML.escape(detail.body))
        for policy in detail.policies { #expect(page.text.contains("href=\"/policies/\(policy.policyID)\"")) }
    }

    @Test func comparePageDrawsABarPerRowInTableOrder() async throws {
        let goals = GoalComparison.order(try store.goals(GoalFilter(kinds: [.target], metric: "产业规模")))
        #expect(goals.count >= 3)
        let page = try await HTTP.get("/compare?metric=" + HTTP.q("产业规模"))
        #expect(page.status == .ok)
        #expect(page.count("<rect class=\"bar") == goals.count)
        #expect(page.count("<tr class=\"row\"") == goals.count)
        let svg = try #require(page.text.components(separatedBy: "</svg>").first)
        let barOrder = svg.components(separatedBy: "class=\"goal\" data-goal=\"").dropFirst().compactMap { Int64($0.prefix { $0.isNumber }) }
        let rowOrder = page.text.components(separatedBy: "<tr class=\"row\" data-goal=\"").dropFirst().compactMap { Int64($0.prefix { $0.isNumber }) }
        #expect(barOrder == goals.map(\.id))
        #expect(rowOrder == goals.map(\.id))
        for goal in goals {
            #expect(svg.contains("href=\"/articles/\(goal.articleID)#ev-\(goal.id)\""))
            #expect(svg.contains(HTML.escape(goal.figure)))
        }
        // Values as people write them; one group per unit and year.
        #expect(svg.contains("3000亿元"))
        #expect(page.count("<text class=\"group\"") == GoalComparison.groups(goals).count)
        // Suggestions from the stored metrics, and downloads.
        #expect(page.text.contains("<datalist id=\"metrics\"><option value=\""))
        #expect(page.text.contains("href=\"/api/compare?metric=%E4%BA%A7%E4%B8%9A%E8%A7%84%E6%A8%A1&amp;format=csv\""))
        let empty = try await HTTP.get("/compare")
        #expect(empty.status == .ok && empty.count("<rect") == 0 && empty.text.contains("/compare?metric="))
    }

    @Test func policyPageListsMentionsByDateAndGoalsByYear() async throws {
        let policies = try store.policies()
        let policy = try #require(policies.max { $0.articleIDs.count < $1.articleIDs.count })
        let detail = try #require(try store.policy(id: policy.id))
        let dates = detail.mentions.compactMap(\.issueDate)
        #expect(dates == dates.sorted())
        let page = try await HTTP.get("/policies/\(policy.id)")
        #expect(page.status == .ok)
        #expect(page.text.contains("<h1>\(HTML.escape(policy.title))</h1>"))
        for mention in detail.mentions { #expect(page.text.contains("href=\"/articles/\(mention.articleID)\"")) }
        for goal in detail.goals { #expect(page.text.contains("<tr id=\"goal-\(goal.id)\"")) }
        for year in Set(detail.goals.compactMap(\.year)) { #expect(page.text.contains("id=\"year-\(year)\"")) }
        let index = try await HTTP.get("/policies")
        #expect(index.count("href=\"/policies/") == min(policies.count, 50))
    }

    @Test func goalsAndTimelinePages() async throws {
        let timeline = try store.goalTimeline()
        #expect(!timeline.isEmpty)
        let page = try await HTTP.get("/timeline")
        #expect(page.status == .ok)
        #expect(page.count("<circle class=\"dot\"") == timeline.count)
        for year in Set(timeline.map(\.year)) { #expect(page.text.contains(">\(year)</text>")) }
        // The counts are the goals' own.
        let goals = try store.goals()
        #expect(timeline.reduce(0) { $0 + $1.count } == goals.filter { $0.year != nil }.count)

        let cell = try #require(timeline.first)
        let code = try #require(cell.regionCode)
        let listed = try await HTTP.get("/goals?region=\(code)&year=\(cell.year)&limit=100")
        #expect(listed.status == .ok)
        #expect(listed.count("<tr id=\"goal-") >= cell.count)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
