import PolicyCore
import PolicyExtraction

/// The search page: the query box with its filters, ranked results with
/// highlighted snippets, the total, paging, and facet counts as links.
enum SearchPage {
    static func render(_ form: SearchForm, store: PolicyStore) throws -> String {
        var body = formHTML(form)
        guard let query = form.query else {
            body += """
                <section class="help">
                <h2>Query language</h2>
                <table>
                <tr><th>query</th><th>finds</th></tr>
                <tr><td><code>算力 深圳</code></td><td>articles with both</td></tr>
                <tr><td><code>"数据 要素"</code></td><td>the phrase</td></tr>
                <tr><td><code>算力 OR 智算</code></td><td>either</td></tr>
                <tr><td><code>数据 -安全</code></td><td>the first without the second</td></tr>
                <tr><td><code>(北京 OR 上海) 具身</code></td><td>grouping</td></tr>
                <tr><td><code>title:算力</code></td><td>in titles only</td></tr>
                </table>
                <p>Every term matches exactly what it says: a single character such as <code>券</code> finds every
                article containing it.</p>
                </section>
                """
            return Layout.page(title: "Search", section: .search, body: body)
        }
        let results: SearchResults
        do {
            results = try form.results(query, in: store, facets: [.region, .section, .year])
        } catch let error as RequestError {
            // The form stays, with the query as typed, so it can be fixed.
            let page = body + "<p class=\"error\" id=\"error\">\(HTML.escape(error.message))</p>"
            throw RenderedError(status: error.status, html: Layout.page(title: query, section: .search, body: page))
        }
        let first = form.offset + 1, last = form.offset + results.hits.count
        // "at least" when the total is a lower bound (see SearchResults.totalIsExact).
        let total = results.totalIsExact ? "\(results.total)" : "\(results.total)+"
        body += "<div class=\"layout\"><section aria-label=\"results\">"
        body += "<p class=\"summary\" id=\"total\">"
            + (results.hits.isEmpty
                ? "\(total) matching articles"
                : "\(first)–\(last) of <strong>\(total)</strong> matching articles")
            + "</p>"
        body += "<ol class=\"hits\" start=\"\(first)\">"
        for hit in results.hits {
            let region = hit.regionCode.map { Display.region(name: nil, code: $0) }
            let meta = [hit.issueDate, hit.section, region].compactMap { $0 }.map(HTML.escape).joined(separator: " · ")
            body += """
                <li class="hit" data-article="\(hit.articleID)">
                <a class="title" href="/articles/\(hit.articleID)">\(HTML.escape(hit.title))</a>
                <div class="meta">\(meta)</div>
                <p class="snippet">\(HTML.marked(hit.snippet))</p>
                </li>
                """
        }
        body += "</ol>"
        body += pager(form, total: results.total)
        body += "</section>"
        body += facetsHTML(form, results.facets)
        body += "</div>"
        return Layout.page(title: query, section: .search, body: body)
    }

    static func formHTML(_ form: SearchForm) -> String {
        """
        <h1>Search</h1>
        <form class="filters" method="get" action="/search" role="search">
        <input type="search" name="q" aria-label="query" maxlength="\(Limits.textLength)" value="\(HTML.escape(form.query ?? ""))" placeholder="算力 深圳, &quot;数据 要素&quot;, title:行动计划" autofocus>
        <button type="submit">Search</button>
        \(HTML.input("region", label: "region", value: form.records.region, placeholder: "广东", size: 8))
        \(HTML.input("section", label: "section", value: form.records.section, size: 8))
        \(HTML.input("since", label: "since", value: form.records.since, placeholder: "2024", size: 10))
        \(HTML.input("until", label: "until", value: form.records.until, placeholder: "2025-06", size: 10))
        \(HTML.input("policy", label: "policy", value: form.records.policy, size: 12))
        \(HTML.input("goal_year", label: "goal year", value: form.goalYear.map(String.init), placeholder: "2027", size: 5))
        <label><input type="checkbox" name="has_goals" value="1"\(form.hasGoals ? " checked" : "")> with goals</label>
        <label for="f-sort">order</label> <select name="sort" id="f-sort">\(sortOptions(form.sort))</select>
        <label><input type="checkbox" name="script" value="exact"\(form.exactScript ? " checked" : "")> only the script typed</label>
        </form>
        """
    }

    static func sortOptions(_ selected: SearchRequest.Sort) -> String {
        [(SearchRequest.Sort.relevance, "best first"), (.newest, "newest first"), (.oldest, "oldest first")].map { sort, label in
            "<option value=\"\(sort.rawValue)\"\(sort == selected ? " selected" : "")>\(label)</option>"
        }.joined()
    }

    static func pager(_ form: SearchForm, total: Int) -> String {
        var links: [String] = []
        if form.offset > 0 {
            links.append("<a rel=\"prev\" href=\"\(HTML.escape(form.url(offset: max(0, form.offset - form.limit))))\">← previous</a>")
        }
        let next = form.offset + form.limit
        if next < total, next <= Limits.offset {
            links.append("<a rel=\"next\" href=\"\(HTML.escape(form.url(offset: next)))\">next →</a>")
        }
        return links.isEmpty ? "" : "<nav class=\"pages\">\(links.joined(separator: " "))</nav>"
    }

    /// Counts over the whole matching set; each value narrows the search.
    static func facetsHTML(_ form: SearchForm, _ facets: [(facet: SearchRequest.Facet, counts: [FacetCount])]) -> String {
        var out = "<aside class=\"facets\" aria-label=\"facets\">"
        for (facet, counts) in facets where !counts.isEmpty {
            out += "<h3>\(facet.rawValue)</h3><ul>"
            for count in counts.prefix(15) {
                guard let value = count.value else { continue }
                let changes: [(String, String?)] = switch facet {
                case .region: [("region", value)]
                case .section: [("section", value)]
                case .year: [("since", value), ("until", value)]
                }
                let url = form.url(offset: 0, changing: changes)
                out += "<li><a href=\"\(HTML.escape(url))\">\(HTML.escape(count.label ?? value))</a>"
                    + " <span class=\"count\">\(count.count)</span></li>"
            }
            out += "</ul>"
        }
        return out + "</aside>"
    }
}
