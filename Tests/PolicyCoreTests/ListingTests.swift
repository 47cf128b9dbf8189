import Foundation
import PolicykbTestSupport
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// Listings with filters and pages, and one article whole, on the sample
/// bulletins.
@Suite struct ListingTests {
    static func store() throws -> PolicyStore {
        let store = try PolicyStore(path: ":memory:")
        let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.sampleData.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        let outcomes = try Ingestion(store: store).ingest(documents: try files.map { name in
            (path: "/sample/\(name)", text: try String(contentsOf: TestPaths.sampleData.appendingPathComponent(name),
                                                       encoding: .utf8))
        })
        #expect(outcomes.allSatisfy { $0.status == .ingested })
        return store
    }

    @Test func articlesFilterAndPage() throws {
        let store = try Self.store()
        let all = try store.articles()
        #expect(all.count >= 6)
        let page = try store.articles(page: Page(limit: 3, offset: 2))
        #expect(page.map(\.id) == Array(all.map(\.id)[2..<5]))
        let codes = try store.regionCodes(for: "广东")
        let guangdong = try store.articles(RecordFilter(regionCodes: codes))
        #expect(!guangdong.isEmpty && guangdong.count < all.count)
        #expect(guangdong.allSatisfy { codes.contains($0.regionCode ?? "") })
        let section = try #require(all.first?.section)
        let inSection = try store.articles(RecordFilter(sections: [section]))
        #expect(inSection.map(\.id) == all.filter { $0.section == section }.map(\.id))
        let dated = try store.articles(RecordFilter(since: "2024-01-01", until: "2024-12-31"))
        #expect(dated.allSatisfy { $0.issueDate?.hasPrefix("2024") == true })
        #expect(dated.count == all.filter { $0.issueDate?.hasPrefix("2024") == true }.count)
    }

    @Test func policiesAndTargetsFilter() throws {
        let store = try Self.store()
        let policies = try store.policies()
        let first = try #require(policies.first)
        #expect(try store.policies(RecordFilter(policy: String(first.id))).map(\.id).contains(first.id))
        let national = try store.policies(RecordFilter(regionCodes: ["CN"]))
        #expect(!national.isEmpty && national.allSatisfy { $0.regionCode == "CN" })
        let targets = try store.targets()
        let year = try #require(targets.first?.year)
        #expect(try store.targets(year: year).allSatisfy { $0.year == year })
        #expect(try store.targets(page: Page(limit: 1)).count == 1)
    }

    @Test func oneArticleWhole() throws {
        let store = try Self.store()
        #expect(try store.article(id: 999_999) == nil)
        let goals = try store.goals(GoalFilter(kinds: Set(ExtractedGoal.Kind.allCases)))
        let withGoals = try #require(goals.first?.articleID)
        let detail = try #require(try store.article(id: withGoals))
        #expect(detail.article.id == withGoals)
        #expect(detail.body.unicodeScalars.count == detail.article.bodyChars)
        #expect(detail.goals.map(\.id) == goals.filter { $0.articleID == withGoals }.map(\.id))
        // Every span quotes the body it points into.
        let scalars = Array(detail.body.unicodeScalars)
        for span in detail.goals.flatMap(\.evidence) + detail.targets.map({ EvidenceRow(articleID: withGoals, start: $0.start, end: $0.end, text: $0.text) }) {
            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.text)
        }
        for mention in detail.policies {
            let quoted = String(String.UnicodeScalarView(scalars[mention.start..<mention.end]))
            #expect(quoted.contains(mention.title.prefix(2)) || mention.alias.map { quoted.contains($0) } == true,
                    "\(quoted) for \(mention.title)")
        }
    }
}
