import PolicyCore
import PolicyExtraction

/// The search page: the query box with its filters, ranked results with
/// highlighted snippets, the total, paging, and facet counts as links.
enum SearchPage {
    static func render(_ form: SearchForm, store: PolicyStore, ui: UILanguage) throws -> String {
        var body = formHTML(form, ui: ui)
        guard let query = form.query else {
            let examples: [(String, MessageID)] = [
                ("算力 深圳", .findsBoth), ("\"数据 要素\"", .findsPhrase), ("算力 OR 智算", .findsEither),
                ("数据 -安全", .findsWithout), ("(北京 OR 上海) 具身", .findsGrouping), ("title:算力", .findsInTitles),
            ]
            body += "<section class=\"help\"><h2>\(ui.html(.queryLanguage))</h2><table>"
                + "<tr><th>\(ui.html(.queryColumn))</th><th>\(ui.html(.findsColumn))</th></tr>"
                + examples.map { "<tr><td><code>\(HTML.escape($0))</code></td><td>\(ui.html($1))</td></tr>" }.joined()
                + "</table><p>\(ui.markup(.queryHelp, "<code>券</code>"))</p></section>"
            return Layout.page(title: ui.text(.navSearch), section: .search, body: body, ui: ui)
        }
        let results: SearchResults
        do {
            results = try form.results(query, in: store, facets: [.region, .section, .year])
        } catch let error as RequestError {
            // The form stays, with the query as typed, so it can be fixed.
            let page = body + "<p class=\"error\" id=\"error\">\(HTML.escape(error.message(in: ui.language)))</p>"
            throw RenderedError(status: error.status, html: Layout.page(title: query, section: .search, body: page, ui: ui))
        }
        let first = form.offset + 1, last = form.offset + results.hits.count
        // "at least" when the total is a lower bound (see SearchResults.totalIsExact).
        let total = results.totalIsExact ? "\(results.total)" : "\(results.total)+"
        body += "<div class=\"layout\"><section aria-label=\"\(ui.html(.searchResults))\">"
        body += "<p class=\"summary\" id=\"total\">"
            + (results.hits.isEmpty
                ? ui.html(.matchingArticles, total)
                : ui.markup(.matchingRange, "\(first)", "\(last)", "<strong>\(total)</strong>"))
            + "</p>"
        if results.hits.isEmpty { body += "<p class=\"empty\">\(ui.html(.noArticlesMatch))</p>" }
        body += "<ol class=\"hits\" start=\"\(first)\">"
        for hit in results.hits {
            let region = hit.regionCode.map { Display.region(name: nil, code: $0) }
            // A story of several copies shows once; its article page lists them.
            let copies = hit.copies > 1 ? ui.text(.storyCopies, "\(hit.copies)") : nil
            let meta = [hit.issueDateText, hit.section, region, copies].compactMap { $0 }.map(HTML.escape).joined(separator: " · ")
            body += """
                <li class="hit" data-article="\(hit.articleID)" data-copies="\(hit.copies)">
                <a class="title" href="\(ui.href("/articles/\(hit.articleID)"))">\(HTML.escape(hit.title))</a>
                <div class="meta">\(meta)</div>
                <p class="snippet">\(HTML.marked(hit.snippet))</p>
                </li>
                """
        }
        body += "</ol>"
        if !results.hits.isEmpty {
            body += HTML.downloads(csv: form.url(path: "/api/search", changing: [("format", "csv")]),
                                   json: form.url(path: "/api/search"), file: "search.csv", ui: ui)
        }
        body += pager(form, total: results.total, ui: ui)
        body += "</section>"
        body += facetsHTML(form, results.facets, ui: ui)
        body += "</div>"
        return Layout.page(title: query, section: .search, body: body, ui: ui)
    }

    static func formHTML(_ form: SearchForm, ui: UILanguage) -> String {
        """
        <h1>\(ui.html(.navSearch))</h1>
        <form class="filters" method="get" action="/search" role="search">\(ui.formField)
        <input type="search" name="q" aria-label="\(ui.html(.labelQuery))" maxlength="\(Limits.textLength)" value="\(HTML.escape(form.query ?? ""))" placeholder="\(ui.html(.hintQuery))" autofocus>
        <button type="submit">\(ui.html(.buttonSearch))</button>
        <div class="more">
        \(HTML.input("region", label: ui.text(.labelRegion), value: form.records.region, placeholder: ui.text(.hintRegion), size: 8))
        \(HTML.input("section", label: ui.text(.labelSection), value: form.records.section, placeholder: ui.text(.hintSection), size: 9))
        \(HTML.input("since", label: ui.text(.labelSince), value: form.records.since, placeholder: ui.text(.hintSince), size: 10))
        \(HTML.input("until", label: ui.text(.labelUntil), value: form.records.until, placeholder: ui.text(.hintUntil), size: 10))
        \(HTML.input("policy", label: ui.text(.labelPolicy), value: form.records.policy, placeholder: ui.text(.hintPolicy), size: 12))
        \(HTML.input("goal_year", label: ui.text(.labelGoalYear), value: form.goalYear.map(String.init), placeholder: ui.text(.hintYear), size: 8))
        \(HTML.checkbox("has_goals", value: "1", label: ui.text(.labelWithGoals), checked: form.hasGoals))
        \(HTML.select("sort", label: ui.text(.labelOrder), options: sortOptions(ui), selected: form.sort.rawValue))
        \(HTML.checkbox("script", value: "exact", label: ui.text(.labelExactScript), checked: form.exactScript))
        \(HTML.checkbox("all_copies", value: "1", label: ui.text(.labelAllCopies), checked: form.allCopies))
        </div>
        </form>
        """
    }

    static func sortOptions(_ ui: UILanguage) -> [(String, String)] {
        [(SearchRequest.Sort.relevance, MessageID.sortRelevance), (.newest, .sortNewest), (.oldest, .sortOldest)].map { sort, label in
            (sort.rawValue, ui.text(label))
        }
    }

    static func pager(_ form: SearchForm, total: Int, ui: UILanguage) -> String {
        var links: [String] = []
        if form.offset > 0 {
            links.append("<a rel=\"prev\" href=\"\(ui.href(form.url(offset: max(0, form.offset - form.limit))))\">\(ui.html(.previousPage))</a>")
        }
        let next = form.offset + form.limit
        if next < total, next <= Limits.offset {
            links.append("<a rel=\"next\" href=\"\(ui.href(form.url(offset: next)))\">\(ui.html(.nextPage))</a>")
        }
        return links.isEmpty ? "" : "<nav class=\"pages\">\(links.joined(separator: " "))</nav>"
    }

    /// Counts over the whole matching set; each value narrows the search.
    static func facetsHTML(_ form: SearchForm, _ facets: [(facet: SearchRequest.Facet, counts: [FacetCount])], ui: UILanguage) -> String {
        var out = "<aside class=\"facets\" aria-label=\"\(ui.html(.facets))\">"
        for (facet, counts) in facets where !counts.isEmpty {
            let heading: MessageID = switch facet {
            case .region: .labelRegion
            case .section: .labelSection
            case .year: .facetYear
            }
            out += "<h3>\(ui.html(heading))</h3><ul>"
            for count in counts.prefix(15) {
                guard let value = count.value else { continue }
                let changes: [(String, String?)] = switch facet {
                case .region: [("region", value)]
                case .section: [("section", value)]
                case .year: [("since", value), ("until", value)]
                }
                let url = form.url(offset: 0, changing: changes)
                out += "<li><a href=\"\(ui.href(url))\">\(HTML.escape(count.label ?? value))</a>"
                    + " <span class=\"count\">\(count.count)</span></li>"
            }
            out += "</ul>"
        }
        return out + "</aside>"
    }
}
