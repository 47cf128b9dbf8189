import Foundation
import SQLiteDB

/// Search that shows each story once (`SearchRequest.allCopies` false): the
/// best-placed copy stands for its story, with the story's number of
/// copies; the total and the facets count stories.
///
/// Copies are rare beside all articles, so the search runs as before over
/// articles and is then corrected by the few matches that belong to a story
/// of several copies: the page is read that many rows further and the later
/// copies dropped, the total and each facet value lose one for every extra
/// copy they counted. A file without copies pays one look-up in an empty
/// index.
extension PolicyStore {
    /// Articles matching the request, one per story unless
    /// `request.allCopies`, ranked as `searchArticles` ranks them.
    /// - Throws: `SearchError.syntax` for an expression FTS5 rejects.
    public func search(_ request: SearchRequest) throws -> SearchResults {
        let shared: [Int64: Int64]
        do {
            // An exact-script search keeps the copies in the script typed,
            // checked in Swift after SQL: the copies SQL finds would be the
            // wrong ones to count, so every copy it keeps is listed.
            shared = try request.allCopies || request.exactScript ? [:] : matchedCopies(request)
        } catch let error as SQLiteError where error.extendedCode == .error {
            throw SearchError.syntax(Self.fts5Reason(error.message))
        }
        guard !shared.isEmpty else { return try withStories(searchArticles(request)) }
        var wider = request
        wider.offset = 0
        wider.limit = request.limit.map { request.offset + $0 + shared.count }
        let results = try searchArticles(wider)
        var seen = Set<Int64>()
        let hits = try withStories(results.hits).filter { hit in
            guard let story = hit.storyID, shared[hit.articleID] != nil else { return true }
            return seen.insert(story).inserted
        }
        let storiesMatched = Set(shared.values).count
        let extraCopies = shared.count - storiesMatched
        let total = results.totalIsExact ? results.total - extraCopies : results.total
        var facets = results.facets
        if !facets.isEmpty {
            let values = try facetValues(of: Array(shared.keys), facets: facets.map(\.facet))
            facets = facets.map { facet, counts in
                // For each value, the extra copies of a story counted under it.
                var extra: [String?: Int] = [:]
                var storiesUnder: [String?: Set<Int64>] = [:]
                for (article, story) in shared {
                    let value = values[article]?[facet] ?? nil
                    if !storiesUnder[value, default: []].insert(story).inserted { extra[value, default: 0] += 1 }
                }
                let corrected = counts.map { FacetCount(value: $0.value, label: $0.label, count: $0.count - (extra[$0.value] ?? 0)) }
                let order = facet == .year ? corrected : corrected.sorted {
                    $0.count != $1.count ? $0.count > $1.count : ($0.value ?? "") < ($1.value ?? "")
                }
                return (facet, order)
            }
        }
        return SearchResults(total: total, totalIsExact: results.totalIsExact,
                             hits: Array(hits.dropFirst(request.offset).prefix(request.limit ?? Int.max)), facets: facets)
    }

    /// The matching articles that belong to a story of several copies,
    /// with their story: read from the small set of such articles, each
    /// checked against the query and the filters.
    func matchedCopies(_ request: SearchRequest) throws -> [Int64: Int64] {
        let copies = try database.cached("""
            SELECT st.article_id, st.story_id FROM stories s JOIN article_stories st ON st.story_id = s.id WHERE s.copies > 1
            """).rows()
        guard !copies.isEmpty else { return [:] }
        var storyOf: [Int64: Int64] = [:]
        for row in copies { storyOf[try row.decode("article_id")] = try row.decode("story_id") }
        let (matches, values, _) = searchMatches(request)
        var matched: [Int64: Int64] = [:]
        let rows = try database.prepare("SELECT a.id \(matches) AND a.id IN (SELECT value FROM json_each(?))")
            .rows(values + [JSONList.encode(Array(storyOf.keys).sorted())])
        for row in rows {
            let id: Int64 = try row.decode("id")
            matched[id] = storyOf[id]
        }
        // Stories of which only one copy matches need nothing.
        var perStory: [Int64: Int] = [:]
        for story in matched.values { perStory[story, default: 0] += 1 }
        return matched.filter { perStory[$0.value, default: 0] > 1 }
    }

    /// The facet values of a few articles.
    func facetValues(of articles: [Int64], facets: [SearchRequest.Facet]) throws -> [Int64: [SearchRequest.Facet: String?]] {
        var values: [Int64: [SearchRequest.Facet: String?]] = [:]
        for row in try database.prepare("""
            SELECT a.id, a.region_code, a.section, substr(coalesce(a.published_on, i.issue_date), 1, 4) AS year
            FROM articles a JOIN issues i ON i.id = a.issue_id WHERE a.id IN (SELECT value FROM json_each(?))
            """).rows([JSONList.encode(articles)]) {
            let id: Int64 = try row.decode("id")
            let region: String? = try row.decodeIfPresent("region_code")
            let section: String? = try row.decodeIfPresent("section")
            let year: String? = try row.decodeIfPresent("year")
            values[id] = [.region: region, .section: section, .year: year]
        }
        return values
    }

    /// Hits with their story and its number of copies.
    func withStories(_ results: SearchResults) throws -> SearchResults {
        SearchResults(total: results.total, totalIsExact: results.totalIsExact, hits: try withStories(results.hits),
                      facets: results.facets)
    }

    func withStories(_ hits: [SearchHit]) throws -> [SearchHit] {
        guard !hits.isEmpty else { return hits }
        var stories: [Int64: (story: Int64, copies: Int)] = [:]
        for row in try database.cached("""
            SELECT st.article_id, st.story_id, s.copies FROM article_stories st JOIN stories s ON s.id = st.story_id
            WHERE st.article_id IN (SELECT value FROM json_each(?))
            """).rows([JSONList.encode(hits.map(\.articleID))]) {
            stories[try row.decode("article_id")] = (try row.decode("story_id"), try row.decode("copies"))
        }
        return hits.map { hit in
            var hit = hit
            if let story = stories[hit.articleID] {
                hit.storyID = story.story
                hit.copies = story.copies
            }
            return hit
        }
    }
}
