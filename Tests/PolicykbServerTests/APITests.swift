import Foundation
import PolicyCore
import PolicyExtraction
import Testing
@testable import PolicykbServer

/// The JSON API: the CLI's field names, the core's values.
@Suite struct APITests {
    let store: PolicyStore

    init() throws {
        store = try PolicyStore(path: TestDatabase.path(), access: .read)
    }

    /// The keys of `policykb goals --format json`, in order: the one shape
    /// both sides render.
    static let goalKeys = GoalRow.columns

    /// The keys of the first object in `text`, in the order written.
    static func keyOrder(_ text: String, keys: [String]) -> [String] {
        keys.compactMap { key in text.range(of: "\"\(key)\": ").map { (key, $0.lowerBound) } }
            .sorted { $0.1 < $1.1 }.map(\.0)
    }

    @Test func searchReturnsTheCLIsFields() async throws {
        let expected = try store.search(SearchRequest(query: try SearchQuery.parse("数据要素"), limit: 5))
        let reply = try await HTTP.get("/api/search?q=" + HTTP.q("数据要素") + "&limit=5&facets=region,year")
        #expect(reply.status == .ok)
        #expect(reply.header("Content-Type") == "application/json; charset=utf-8")
        let json = try reply.object()
        #expect(json["total"] as? Int == expected.total)
        #expect(json["total_exact"] as? Bool == true)
        #expect(Self.keyOrder(reply.text, keys: ["total", "total_exact", "offset", "limit", "results", "facets"])
            == ["total", "total_exact", "offset", "limit", "results", "facets"])
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.map { $0["article_id"] as? Int64 ?? Int64($0["article_id"] as? Int ?? -1) } == expected.hits.map(\.articleID))
        let keys = ["article_id", "title", "issue_date", "date_precision", "section", "region_code", "score", "snippet", "snippet_plain",
                    "story_id", "copies"]
        #expect(Set(try #require(results.first).keys) == Set(keys))
        let first = try #require(reply.text.components(separatedBy: "\"results\": [").last)
        #expect(Self.keyOrder(first, keys: keys) == keys)
        #expect((results.first?["snippet"] as? String)?.contains("[数据要素]") == true)
        let facets = try #require(json["facets"] as? [String: [[String: Any]]])
        #expect(Set(facets.keys) == ["region", "year"])
        #expect(facets["year"]?.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == expected.total)
    }

    @Test func searchSortsByDateAndLeavesFacetsOutUnlessAsked() async throws {
        let reply = try await HTTP.get("/api/search?q=" + HTTP.q("数据") + "&sort=newest&limit=50")
        let json = try reply.object()
        #expect(json["facets"] == nil)
        let dates = try #require(json["results"] as? [[String: Any]]).compactMap { $0["issue_date"] as? String }
        #expect(dates.count > 3 && dates == dates.sorted(by: >))
        var request = SearchRequest(query: try SearchQuery.parse("数据"), limit: 50)
        request.sort = .oldest
        let oldest = try store.search(request).hits.map(\.articleID)
        let page = try await HTTP.get("/search?q=" + HTTP.q("数据") + "&sort=oldest&limit=50")
        let ids = page.text.components(separatedBy: "<li class=\"hit\" data-article=\"").dropFirst()
            .compactMap { Int64($0.prefix { $0.isNumber }) }
        #expect(ids == oldest)
        #expect(page.text.contains("<option value=\"oldest\" selected>"))
    }

    @Test func articleWhole() async throws {
        let goals = try store.goals()
        let id = try #require(goals.first?.articleID)
        let detail = try #require(try store.article(id: id))
        let json = try await HTTP.get("/api/articles/\(id)").object()
        #expect(json["id"] as? Int == Int(id))
        #expect(json["title"] as? String == detail.article.title)
        #expect(json["body"] as? String == detail.body)
        #expect(json["region_code"] as? String == detail.article.regionCode)
        let jsonGoals = try #require(json["goals"] as? [[String: Any]])
        #expect(jsonGoals.count == detail.goals.count)
        #expect(Set(try #require(jsonGoals.first).keys) == Set(Self.goalKeys))
        let evidence = try #require(jsonGoals.first?["evidence"] as? [[String: Any]])
        #expect(Set(try #require(evidence.first).keys) == ["article_id", "start", "end", "text"])
        #expect((json["targets"] as? [[String: Any]])?.count == detail.targets.count)
    }

    @Test func goalsFilterAndKeepExactValues() async throws {
        let codes = try store.regionCodes(for: "深圳")
        let expected = try store.goals(GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases), records: RecordFilter(regionCodes: codes)))
        #expect(!expected.isEmpty)
        let reply = try await HTTP.get("/api/goals?kind=all&region=" + HTTP.q("深圳"))
        let rows = try reply.array()
        #expect(rows.count == min(expected.count, 100))
        #expect(rows.allSatisfy { codes.contains($0["region_code"] as? String ?? "") })
        #expect(Self.keyOrder(reply.text, keys: Self.goalKeys) == Self.goalKeys)
        // Exact decimals, written as stored: 800000000000, not 8e+11.
        for goal in expected.prefix(rows.count) {
            #expect(reply.text.contains("\"value\": \(goal.value),"))
        }
        let page = try await HTTP.get("/api/goals?kind=all&limit=2&offset=1").array()
        let all = try store.goals(GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases)))
        #expect(page.compactMap { $0["id"] as? Int }.map(Int64.init) == all.dropFirst().prefix(2).map(\.id))
    }

    @Test func compareAsJSONAndCSV() async throws {
        let goals = GoalComparison.order(try store.goals(GoalFilter(kinds: [.target], metric: "产业规模")))
        let json = try await HTTP.get("/api/compare?metric=" + HTTP.q("产业规模"))
        let rows = try json.array()
        #expect(rows.map { $0["goal_id"] as? Int ?? -1 }.map(Int64.init) == goals.map(\.id))
        #expect(rows.map { $0["readable_value"] as? String ?? "" } == goals.map(\.figure))
        #expect(Self.keyOrder(json.text, keys: ComparedGoal.columns) == ComparedGoal.columns)
        let csv = try await HTTP.get("/api/compare?metric=" + HTTP.q("产业规模") + "&format=csv")
        #expect(csv.status == .ok)
        #expect(csv.header("Content-Type") == "text/csv; charset=utf-8")
        #expect(csv.header("Content-Disposition")?.contains("compare.csv") == true)
        let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == ComparedGoal.columns.joined(separator: ","))
        #expect(lines.count == goals.count + 1)
        let regions = try await HTTP.get("/api/compare?metric=" + HTTP.q("产业规模") + "&regions=" + HTTP.q("北京,深圳")).array()
        #expect(!regions.isEmpty && regions.count < rows.count)
        #expect(regions.allSatisfy { ["110000", "440300"].contains($0["region_code"] as? String ?? "") })
        let missing = try await HTTP.get("/api/compare")
        #expect(missing.status == .badRequest)
    }

    /// `format=xlsx` downloads the workbook PolicyCore makes of the same
    /// rows, byte for byte, as a named attachment of Excel's type.
    @Test func listingsDownloadAsWorkbooks() async throws {
        let listings: [(String, String, (QueryParameters, PolicyStore) throws -> RecordTable)] = [
            ("goals", "kind=all", API.goals), ("policies", "", API.policies), ("articles", "region=" + HTTP.q("广东"), API.articles),
        ]
        for (name, query, render) in listings {
            let reply = try await HTTP.get("/api/\(name)?" + query + (query.isEmpty ? "" : "&") + "format=xlsx")
            #expect(reply.status == .ok, "\(name)")
            #expect(reply.header("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            #expect(reply.header("Content-Disposition") == "attachment; filename=\"\(name).xlsx\"")
            let expected = try render(try QueryParameters(query), store).xlsx(sheetName: name)
            #expect(!expected.isEmpty && reply.bytes == expected, "\(name)")
        }
        let compare = try await HTTP.get("/api/compare?metric=" + HTTP.q("产业规模") + "&format=xlsx")
        let goals = GoalComparison.order(try store.goals(GoalFilter(kinds: [.target], metric: "产业规模")))
        #expect(compare.bytes == (try RecordTable(goals.map(ComparedGoal.init)).xlsx(sheetName: "compare")))
        #expect(compare.header("Content-Disposition") == "attachment; filename=\"compare.xlsx\"")
        let refused = try await HTTP.get("/api/goals?format=xls")
        #expect(refused.status == .badRequest)
        #expect(refused.text.contains("format must be json, csv, xlsx"))
    }

    @Test func policiesAndTimeline() async throws {
        let policies = try store.policies()
        let listed = try await HTTP.get("/api/policies").array()
        #expect(listed.count == min(policies.count, 100))
        #expect(Set(try #require(listed.first).keys) == ["id", "title", "alias", "region_code", "region_name", "start_year",
                                                        "end_year", "effective_from", "effective_until", "article_ids"])
        let policy = try #require(policies.first)
        let whole = try await HTTP.get("/api/policies/\(policy.id)").object()
        #expect(whole["title"] as? String == policy.title)
        #expect((whole["mentions"] as? [[String: Any]])?.count == Set(policy.articleIDs).count)
        let timeline = try await HTTP.get("/api/timeline?kind=all").array()
        let expected = try store.goalTimeline(GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases)))
        #expect(timeline.map { $0["count"] as? Int ?? -1 } == expected.map(\.count))
        #expect(timeline.map { $0["year"] as? Int ?? -1 } == expected.map(\.year))
    }

    /// Every listing downloads as CSV too, in the rows' one shape, and the
    /// table pages link to it.
    @Test func listingsDownloadAsCSVAndPagesLinkToIt() async throws {
        for (path, columns) in [("/api/goals?kind=all", GoalRow.columns), ("/api/policies", PolicyRow.columns),
                                ("/api/articles", ArticleRow.columns)] {
            let reply = try await HTTP.get(path + (path.contains("?") ? "&" : "?") + "format=csv")
            #expect(reply.status == .ok, "\(path)")
            #expect(reply.header("Content-Type")?.hasPrefix("text/csv") == true, "\(path)")
            let lines = reply.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == JSONOnlyColumns.flat(columns).joined(separator: ","), "\(path)")
            #expect(lines.count > 1, "\(path)")
        }
        #expect(try await HTTP.get("/api/goals?format=xml").status == .badRequest)
        // A search's page of hits too, and the search page links it.
        let hits = try await HTTP.get("/api/search?q=%E6%95%B0%E6%8D%AE&limit=3&format=csv")
        #expect(hits.status == .ok && hits.header("Content-Type")?.hasPrefix("text/csv") == true)
        #expect(hits.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 4)
        #expect(try await HTTP.get("/search?q=%E6%95%B0%E6%8D%AE").text.contains("format=csv"))
        for (page, csv) in [("/goals", "/api/goals?format=csv"), ("/policies", "/api/policies?format=csv")] {
            let reply = try await HTTP.get(page)
            #expect(reply.text.contains("href=\"\(csv)\""), "\(page)")
            // The same rows as a workbook, linked beside them.
            let xlsx = csv.replacingOccurrences(of: "format=csv", with: "format=xlsx")
            #expect(reply.text.contains("href=\"\(xlsx)\""), "\(page)")
            let workbook = try await HTTP.get(xlsx)
            #expect(workbook.status == .ok && workbook.bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "\(page)")
        }
    }

    /// The web's date filters take an issue dated by its month as the whole
    /// month (the sample October monthly, 2025年10月号), and its rows print
    /// the month, JSON with the precision beside it; the pages too.
    @Test func monthDatedIssuesFilterAndPrintAsTheirMonth() async throws {
        let october = try store.articles().filter { $0.datePrecision == .month && $0.issueDate == "2025-10-01" }
        #expect(!october.isEmpty)
        for query in ["since=2025-10-15", "until=2025-10-01", "since=2025-10-31&until=2025-10-31"] {
            let rows = try await HTTP.get("/api/articles?limit=100&" + query).array()
            let ids = Set(rows.compactMap { $0["id"] as? Int }.map(Int64.init))
            #expect(Set(october.map(\.id)).isSubset(of: ids), "\(query)")
        }
        let after = try await HTTP.get("/api/articles?limit=100&since=2025-11-01").array()
        #expect(!after.contains { ($0["id"] as? Int).map(Int64.init).map(Set(october.map(\.id)).contains) == true })
        let json = try await HTTP.get("/api/articles?limit=100&since=2025-10-15")
        let row = try #require(try json.array().first { ($0["id"] as? Int).map(Int64.init) == october[0].id })
        #expect(row["issue_date"] as? String == "2025-10" && row["date_precision"] as? String == "month")
        let csv = try await HTTP.get("/api/articles?limit=100&since=2025-10-15&format=csv")
        #expect(csv.text.contains(",2025-10,") && !csv.text.contains("date_precision"))
        let page = try await HTTP.get("/articles/\(october[0].id)")
        #expect(page.text.contains(">2025-10<"))
    }

    /// Every name a reader uses for a region filters the API as its
    /// simplified name does: traditional forms of Taiwan, Macao, Hong Kong
    /// and a province included (issue 22 item 5).
    @Test func traditionalRegionNamesFilterTheAPI() async throws {
        for (traditional, simplified) in [("臺灣", "台湾"), ("臺北市", "台北市"), ("澳門", "澳门"), ("香港特別行政區", "香港特别行政区"),
                                          ("廣東", "广东")] {
            let reply = try await HTTP.get("/api/goals?kind=all&limit=100&region=" + HTTP.q(traditional))
            #expect(reply.status == .ok, "\(traditional): \(reply.text)")
            let same = try await HTTP.get("/api/goals?kind=all&limit=100&region=" + HTTP.q(simplified))
            #expect(try reply.array().compactMap { $0["id"] as? Int } == same.array().compactMap { $0["id"] as? Int }, "\(traditional)")
        }
    }

    /// The timeline page links its counts as CSV, a workbook and JSON, as
    /// the goals page does: every region's, in the rows' one shape.
    @Test func timelineDownloads() async throws {
        let counts = try store.goalTimeline(GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases)))
        #expect(!counts.isEmpty)
        let page = try await HTTP.get("/timeline?kind=all")
        for link in ["/api/timeline?kind=all&amp;format=csv", "/api/timeline?kind=all&amp;format=xlsx", "/api/timeline?kind=all\""] {
            #expect(page.text.contains("href=\"\(link)"), "\(link)")
        }
        let csv = try await HTTP.get("/api/timeline?kind=all&format=csv")
        #expect(csv.status == .ok && csv.header("Content-Type")?.hasPrefix("text/csv") == true)
        #expect(csv.header("Content-Disposition") == "attachment; filename=\"timeline.csv\"")
        let lines = csv.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.first == "region_code,region_name,year,count")
        #expect(lines.dropFirst().map { $0.split(separator: ",").last.map(String.init) ?? "" } == counts.map { String($0.count) })
        let workbook = try await HTTP.get("/api/timeline?kind=all&format=xlsx")
        #expect(workbook.header("Content-Disposition") == "attachment; filename=\"timeline.xlsx\"")
        #expect(workbook.bytes == (try RecordTable(counts).xlsx(sheetName: "timeline")))
        // JSON as before the downloads: the same array of counts.
        let json = try await HTTP.get("/api/timeline?kind=all").array()
        #expect(json.map { $0["count"] as? Int ?? -1 } == counts.map(\.count))
    }

    /// `/api/changes` is `policykb changes --format json`; `/api/lines/{id}` one line with its events.
    @Test func changesAndLines() async throws {
        let expected = try store.lineChanges(since: "2024-01-01")
        #expect(!expected.isEmpty)
        let changes = try await HTTP.get("/api/changes?since=2024").array()
        #expect(changes.compactMap { $0["goal_id"] as? Int }.map(Int64.init) == expected.map(\.event.goal.id))
        #expect(changes.compactMap { ($0["line"] as? [String: Any])?["id"] as? Int }.map(Int64.init) == expected.map(\.line.id))
        #expect(try await HTTP.get("/api/changes").status == .badRequest)
        #expect(try await HTTP.get("/api/changes?since=2024-13").status == .badRequest)
        let line = try #require(expected.first?.line)
        let object = try await HTTP.get("/api/lines/\(line.id)").object()
        #expect(object["id"] as? Int == Int(line.id))
        #expect((object["events"] as? [[String: Any]])?.count == line.events.count)
        #expect(try await HTTP.get("/api/lines/999999999").status == .notFound)
    }
}
