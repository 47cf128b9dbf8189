import PolicyCore
import PolicyExtraction

/// One article: its facts, the policies it names, its body with every
/// goal's evidence highlighted (hover or focus shows the goal), its targets,
/// a table of its goals, and its source links.
enum ArticlePage {
    static func render(_ detail: ArticleDetail, ui: UILanguage) -> String {
        let article = detail.article
        var facts: [(MessageID, String)] = [
            (.factPublication, HTML.escape(article.publication
                + (article.issueNumber.map { ui.text(.issueNumber, String($0)) } ?? "")
                + (article.cumulativeNumber.map { ui.text(.cumulativeNumber, String($0)) } ?? ""))),
            (.columnDate, HTML.escape(article.issueDateText ?? "—")),
            (.factSection, HTML.escape(article.section ?? "—")),
            (.columnRegion, HTML.escape(Display.region(name: article.regionName, code: article.regionCode))),
        ]
        if let source = article.source { facts.append((.factSource, HTML.escape(source))) }
        if !article.urls.isEmpty {
            facts.append((.factLinks, article.urls.map(HTML.externalLink).joined(separator: "<br>")))
        }
        var body = "<h1>\(HTML.escape(article.title))</h1>"
        body += "<dl class=\"facts\">" + facts.map { "<dt>\(ui.html($0))</dt><dd>\($1)</dd>" }.joined() + "</dl>"
        if !detail.policies.isEmpty {
            var seen = Set<Int64>()
            let items = detail.policies.filter { seen.insert($0.policyID).inserted }.map { mention in
                "<li><a href=\"\(ui.href("/policies/\(mention.policyID)"))\">\(HTML.escape(mention.title))</a>"
                    + (mention.alias.map { ui.html(.shortName, $0) } ?? "") + "</li>"
            }
            body += "<h2>\(ui.html(.headingPolicies))</h2><ul class=\"policies\">\(items.joined())</ul>"
        }
        let evidenceCount = detail.goals.reduce(0) { $0 + $1.evidence.filter { $0.articleID == article.id }.count }
        body += "<h2>\(ui.html(.headingText))</h2><p class=\"meta\">\(ui.html(.evidenceSummary, String(detail.goals.count), String(evidenceCount)))</p>"
        body += "<div class=\"body\" id=\"body\">\(highlightedBody(detail, ui: ui))</div>"
        if !detail.targets.isEmpty {
            body += "<h2>\(ui.html(.headingTargets))</h2>" + targetsTable(detail.targets, ui: ui)
        }
        body += "<h2>\(ui.html(.headingGoals))</h2>"
            + (detail.goals.isEmpty ? "<p class=\"meta\">\(ui.html(.noGoals))</p>" : GoalsTable.html(detail.goals, ui: ui, inArticle: article.id, lineLinks: true))
        if detail.appearances.count > 1 {
            // The same news elsewhere: every copy of the story, oldest first.
            let items = detail.appearances.map { copy in
                let issue = [copy.publication + (copy.issueNumber.map { ui.text(.issueNumber, String($0)) } ?? ""),
                             copy.issueDate].compactMap { $0 }.joined(separator: " · ")
                let title = copy.articleID == article.id ? "<strong>\(HTML.escape(copy.title))</strong>"
                    : "<a href=\"\(ui.href("/articles/\(copy.articleID)"))\">\(HTML.escape(copy.title))</a>"
                return "<li data-article=\"\(copy.articleID)\">\(title) <span class=\"meta\">\(HTML.escape(issue))</span></li>"
            }
            body += "<h2>\(ui.html(.headingAppearances))</h2><ul class=\"appearances\" data-story=\"\(detail.appearances[0].storyID)\">"
                + items.joined() + "</ul>"
        }
        body += "<p class=\"downloads\"><a href=\"/api/articles/\(article.id)\">JSON</a></p>"
        return Layout.page(title: article.title, section: nil, body: body, ui: ui)
    }

    /// The body escaped, with each stretch of text that some goal quotes in
    /// a `<mark class="evidence">` naming those goals, and an anchor
    /// `#ev-GOAL` where a goal's first span starts (the compare chart's bars
    /// link there). Spans may overlap: the body is cut at every span's start
    /// and end, and each piece is marked with the goals covering it.
    /// Offsets are code points, as stored.
    static func highlightedBody(_ detail: ArticleDetail, ui: UILanguage) -> String {
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
                Display.goalFields(goal, ui: ui).map { "<b>\($0)</b> \(HTML.escape($1))" }.joined(separator: "<br>")
            }.joined(separator: "<hr>")
            out += "<mark class=\"evidence\" tabindex=\"0\" data-goals=\"\(ids)\">\(text)"
                + "<span class=\"tip\" role=\"tooltip\">\(tip)</span></mark>"
        }
        return out
    }

    static func targetsTable(_ targets: [TargetRow], ui: UILanguage) -> String {
        var out = "<table class=\"targets\"><tr>" + GoalsTable.headings([.columnYear, .columnFrom, .columnTarget, .columnPolicy, .columnGoals], ui: ui) + "</tr>"
        for target in targets {
            let policy = target.policyID.map { "<a href=\"\(ui.href("/policies/\($0)"))\">\(HTML.escape(target.policyTitle ?? "#\($0)"))</a>" } ?? "—"
            let goals = target.goalIDs.map { "<a href=\"#goal-\($0)\">\($0)</a>" }.joined(separator: " ")
            let source: MessageID = switch target.yearSource {
            case .stated: .yearSourceStated
            case .relative: .yearSourceRelative
            case .policyPeriod: .yearSourcePolicyPeriod
            case .none: .yearSourceNone
            }
            out += "<tr id=\"target-\(target.id)\"><td class=\"num\">\(target.year)</td><td>\(ui.html(source))</td>"
                + "<td>\(HTML.escape(target.text))</td><td>\(policy)</td><td>\(goals)</td></tr>"
        }
        return out + "</table>"
    }

    /// A table's `<th>` cells.
    static func headings(_ columns: [MessageID], ui: UILanguage) -> String {
        columns.map { "<th>\(ui.html($0))</th>" }.joined()
    }
}

/// A table of goals, on the article, policy and goals pages.
enum GoalsTable {
    /// Inside an article, evidence links jump within the page; elsewhere
    /// they open the article at the goal's first span. With `lineLinks`,
    /// each target and incentive links to its target line.
    static func html(_ goals: [GoalRow], ui: UILanguage, inArticle article: Int64? = nil, showArticle: Bool = false,
                     lineLinks: Bool = false) -> String {
        let columns: [MessageID] = [.columnID, .columnKind] + (showArticle ? [.columnRegion] : [])
            + [.columnMetric, .columnComparator, .columnValue, .columnExact, .columnUnit, .columnYear, .columnEvidence]
            + (lineLinks ? [.columnLine] : [])
        var out = "<table class=\"goals\"><tr>" + headings(columns, ui: ui) + "</tr>"
        for goal in goals {
            let link = goal.articleID == article ? "#ev-\(goal.id)" : ui.href("/articles/\(goal.articleID)#ev-\(goal.id)")
            let quote = goal.evidence.first?.text ?? ""
            out += "<tr id=\"goal-\(goal.id)\" data-goal=\"\(goal.id)\"><td class=\"num\">\(goal.id)</td>"
                + "<td class=\"short\">\(HTML.escape(Display.kind(goal, ui: ui)))</td>"
                + (showArticle ? "<td class=\"short\">\(HTML.escape(Display.region(name: goal.regionName, code: goal.regionCode)))</td>" : "")
                + "<td>\(HTML.escape(goal.metric))</td><td>\(HTML.escape(goal.comparator.rawValue))</td>"
                + "<td class=\"num\">\(HTML.escape(goal.readableValue))</td><td class=\"num\">\(goal.value)</td>"
                + "<td>\(HTML.escape(goal.unit ?? "—"))</td><td class=\"num\">\(goal.year.map(String.init) ?? "—")</td>"
                + "<td><a href=\"\(link)\">\(HTML.escape(quote))</a></td>"
                + (lineLinks ? "<td>\(lineLink(goal, ui: ui))</td>" : "") + "</tr>"
        }
        return out + "</table>"
    }

    /// A link to the target line a target or incentive belongs to (every
    /// one belongs to one: it sets a line or joins one), reached by the
    /// goal's id; nothing for a statistic or a rejected goal, which state
    /// no target.
    static func lineLink(_ goal: GoalRow, ui: UILanguage) -> String {
        guard goal.kind != .statistic, goal.correction?.rejected != true else { return "" }
        return "<a class=\"line\" href=\"\(ui.href("/lines/\(goal.id)"))\">\(ui.html(.lineLinkText))</a>"
    }

    /// A table's `<th>` cells.
    static func headings(_ columns: [MessageID], ui: UILanguage) -> String {
        columns.map { "<th>\(ui.html($0))</th>" }.joined()
    }
}
