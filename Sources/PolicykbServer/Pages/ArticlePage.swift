import PolicyCore
import PolicyExtraction

/// One article: its facts, the policies it names, its body with every
/// goal's evidence highlighted (hover or focus shows the goal), its targets,
/// a table of its goals, and its source links.
enum ArticlePage {
    static func render(_ detail: ArticleDetail) -> String {
        let article = detail.article
        var facts: [(String, String)] = [
            ("publication", HTML.escape(article.publication)
                + (article.issueNumber.map { " 第\($0)期" } ?? "")
                + (article.cumulativeNumber.map { " 总第\($0)期" } ?? "")),
            ("date", HTML.escape(article.issueDate ?? "—")),
            ("section", HTML.escape(article.section ?? "—")),
            ("region", HTML.escape(Display.region(name: article.regionName, code: article.regionCode))),
        ]
        if let source = article.source { facts.append(("source", HTML.escape(source))) }
        if !article.urls.isEmpty {
            facts.append(("links", article.urls.map(HTML.externalLink).joined(separator: "<br>")))
        }
        var body = "<h1>\(HTML.escape(article.title))</h1>"
        body += "<dl class=\"facts\">" + facts.map { "<dt>\($0)</dt><dd>\($1)</dd>" }.joined() + "</dl>"
        if !detail.policies.isEmpty {
            var seen = Set<Int64>()
            let items = detail.policies.filter { seen.insert($0.policyID).inserted }.map { mention in
                "<li><a href=\"/policies/\(mention.policyID)\">\(HTML.escape(mention.title))</a>"
                    + (mention.alias.map { " (简称《\(HTML.escape($0))》)" } ?? "") + "</li>"
            }
            body += "<h2>Policies</h2><ul class=\"policies\">\(items.joined())</ul>"
        }
        let evidenceCount = detail.goals.reduce(0) { $0 + $1.evidence.filter { $0.articleID == article.id }.count }
        body += "<h2>Text</h2><p class=\"meta\">\(detail.goals.count) goals, \(evidenceCount) evidence spans highlighted; "
            + "point at or focus one to see its goal.</p>"
        body += "<div class=\"body\" id=\"body\">\(highlightedBody(detail))</div>"
        if !detail.targets.isEmpty {
            body += "<h2>Targets</h2>" + targetsTable(detail.targets)
        }
        body += "<h2>Goals</h2>" + (detail.goals.isEmpty ? "<p class=\"meta\">No goals.</p>" : GoalsTable.html(detail.goals, inArticle: article.id))
        body += "<p class=\"downloads\"><a href=\"/api/articles/\(article.id)\">JSON</a></p>"
        return Layout.page(title: article.title, section: nil, body: body)
    }

    /// The body escaped, with each stretch of text that some goal quotes in
    /// a `<mark class="evidence">` naming those goals, and an anchor
    /// `#ev-GOAL` where a goal's first span starts (the compare chart's bars
    /// link there). Spans may overlap: the body is cut at every span's start
    /// and end, and each piece is marked with the goals covering it.
    /// Offsets are code points, as stored.
    static func highlightedBody(_ detail: ArticleDetail) -> String {
        let scalars = Array(detail.body.unicodeScalars)
        struct Span { let start: Int, end: Int, goal: GoalRow }
        var spans: [Span] = []
        var anchors: [Int: [Int64]] = [:]
        for goal in detail.goals {
            var first = true
            for evidence in goal.evidence where evidence.articleID == detail.article.id {
                let start = max(0, min(evidence.start, scalars.count)), end = max(start, min(evidence.end, scalars.count))
                guard start < end else { continue }
                spans.append(Span(start: start, end: end, goal: goal))
                if first { anchors[start, default: []].append(goal.id) }
                first = false
            }
        }
        var cuts = Set([0, scalars.count])
        for span in spans { cuts.insert(span.start); cuts.insert(span.end) }
        let points = cuts.sorted()
        var out = ""
        for (from, to) in zip(points, points.dropFirst()) {
            for id in anchors[from] ?? [] { out += "<span class=\"anchor\" id=\"ev-\(id)\"></span>" }
            let text = HTML.escape(String(String.UnicodeScalarView(scalars[from..<to])))
            let covering = spans.filter { $0.start <= from && $0.end >= to }.map(\.goal)
            guard !covering.isEmpty else {
                out += text
                continue
            }
            var unique: [GoalRow] = []
            for goal in covering where !unique.contains(where: { $0.id == goal.id }) { unique.append(goal) }
            let ids = unique.map { String($0.id) }.joined(separator: " ")
            let tip = unique.map { goal in
                Display.goalFields(goal).map { "<b>\($0)</b> \(HTML.escape($1))" }.joined(separator: "<br>")
            }.joined(separator: "<hr>")
            out += "<mark class=\"evidence\" tabindex=\"0\" data-goals=\"\(ids)\">\(text)"
                + "<span class=\"tip\" role=\"tooltip\">\(tip)</span></mark>"
        }
        return out
    }

    static func targetsTable(_ targets: [TargetRow]) -> String {
        var out = "<table class=\"targets\"><tr><th>year</th><th>from</th><th>target</th><th>policy</th><th>goals</th></tr>"
        for target in targets {
            let policy = target.policyID.map { "<a href=\"/policies/\($0)\">\(HTML.escape(target.policyTitle ?? "#\($0)"))</a>" } ?? "—"
            let goals = target.goalIDs.map { "<a href=\"#goal-\($0)\">\($0)</a>" }.joined(separator: " ")
            out += "<tr id=\"target-\(target.id)\"><td class=\"num\">\(target.year)</td><td>\(target.yearSource.rawValue)</td>"
                + "<td>\(HTML.escape(target.text))</td><td>\(policy)</td><td>\(goals)</td></tr>"
        }
        return out + "</table>"
    }
}

/// A table of goals, on the article, policy and goals pages.
enum GoalsTable {
    /// Inside an article, evidence links jump within the page; elsewhere
    /// they open the article at the goal's first span.
    static func html(_ goals: [GoalRow], inArticle article: Int64? = nil, showArticle: Bool = false) -> String {
        var out = "<table class=\"goals\"><tr><th>id</th><th>kind</th>"
            + (showArticle ? "<th>region</th>" : "")
            + "<th>metric</th><th>comparator</th><th>value</th><th>exact</th><th>unit</th><th>year</th><th>evidence</th></tr>"
        for goal in goals {
            let link = goal.articleID == article ? "#ev-\(goal.id)" : "/articles/\(goal.articleID)#ev-\(goal.id)"
            let quote = goal.evidence.first?.text ?? ""
            out += "<tr id=\"goal-\(goal.id)\" data-goal=\"\(goal.id)\"><td class=\"num\">\(goal.id)</td>"
                + "<td>\(goal.kind.rawValue)\(goal.stretch ? " (力争)" : "")</td>"
                + (showArticle ? "<td>\(HTML.escape(Display.region(name: goal.regionName, code: goal.regionCode)))</td>" : "")
                + "<td>\(HTML.escape(goal.metric))</td><td>\(HTML.escape(goal.comparator.rawValue))</td>"
                + "<td class=\"num\">\(HTML.escape(goal.readableValue))</td><td class=\"num\">\(goal.value)</td>"
                + "<td>\(HTML.escape(goal.unit ?? "—"))</td><td class=\"num\">\(goal.year.map(String.init) ?? "—")</td>"
                + "<td><a href=\"\(link)\">\(HTML.escape(quote))</a></td></tr>"
        }
        return out + "</table>"
    }
}
