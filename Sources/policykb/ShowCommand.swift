import ArgumentParser
import Foundation
import PolicyCore
import PolicyExtraction

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print one article whole: where it comes from, its body with every goal's evidence marked, its policies, targets and goals.",
        discussion: """
            Evidence is in colour on a terminal and between [ and ] elsewhere (or with NO_COLOR set). \
            With --format json, one object with the article's fields, body, policies, targets and goals. \
            When the same news appeared elsewhere (another periodical, a later issue, a web page), its story \
            and every appearance are listed (the article shown marked *); JSON has story_id and appearances.

            Examples:
              policykb show 12
              policykb search 算力券 --limit 1 && policykb show 7 --format json
            """)

    @OptionGroup var options: StoreOptions

    @Argument(help: "The article's id, as search and articles print it.")
    var id: Int64

    func validate() throws {
        try options.format.refuseWorkbook(in: "show")
        if options.format == .csv { throw ValidationError("show prints table or json; for CSV use articles, goals or targets") }
        if id < 1 { throw ValidationError("an article id is 1 or more") }
    }

    func run() throws {
        let store = try PolicyStore(path: options.databasePath, access: .read)
        guard let detail = try store.article(id: id) else {
            throw CommandFailure.input("no article \(id) in \(options.databasePath)")
        }
        switch options.format {
        case .json: Console.out(OutputRenderer.json(Self.object(detail)) + "\n")
        case .table, .csv, .xlsx: Console.out(Self.text(detail, color: Console.useColor))
        }
    }

    static func text(_ detail: ArticleDetail, color: Bool) -> String {
        let article = detail.article
        var out = article.title + "\n"
        let issue = ["《\(article.publication)》", article.issueDateText, article.issueNumber.map { "第\($0)期" },
                     article.cumulativeNumber.map { "总第\($0)期" }].compactMap { $0 }.joined(separator: " ")
        let place = [article.section, article.regionName.map { "\($0) (\(article.regionCode ?? ""))" } ?? article.regionCode,
                     article.source.map { "来源：\($0)" }].compactMap { $0 }
        out += ([issue] + place).joined(separator: " · ") + "\n"
        out += "article \(article.id), from \(detail.sourceFile)\n"
        if detail.appearances.count > 1, let story = detail.appearances.first?.storyID {
            out += "story \(story), \(detail.appearances.count) copies:\n"
            for copy in detail.appearances {
                let issue = ["《\(copy.publication)》", copy.issueDate, copy.issueNumber.map { "第\($0)期" }]
                    .compactMap { $0 }.joined(separator: " ")
                out += "  \(copy.articleID == article.id ? "*" : " ") \(copy.articleID)  \(issue)  \(copy.title)\n"
            }
        }
        for url in article.urls { out += url + "\n" }
        out += "\n"
        let (open, close) = color ? ("\u{1B}[1;33m", "\u{1B}[0m") : ("[", "]")
        out += MatchMark.render(detail.markedBody, open: open, close: close) + "\n"
        if !detail.policies.isEmpty {
            out += "\nPolicies\n"
            for policy in detail.policies {
                let period = policy.startYear.map { "\($0)–\(policy.endYear.map(String.init) ?? "")" }
                out += "  \(policy.policyID)  《\(policy.title)》" + (policy.alias.map { " (简称《\($0)》)" } ?? "")
                    + (period.map { " \($0)" } ?? "") + "\n"
            }
        }
        if !detail.targets.isEmpty {
            out += "\nTargets\n"
            for target in detail.targets { out += "  \(target.year)  \(target.text)\n" }
        }
        if !detail.goals.isEmpty {
            out += "\nGoals\n"
            var table = OutputTable(columns: ["id", "kind", "year", "metric", "figure", "stretch", "policy_title"],
                                    maxWidths: ["metric": 24, "policy_title": 24])
            for goal in detail.goals {
                table.append([.int(goal.id), .string(goal.kind.rawValue), OutputValue(goal.year), .string(goal.metric),
                              .string(goal.figure), .bool(goal.stretch), OutputValue(goal.policyTitle)])
            }
            out += OutputRenderer.text(table, width: Console.width)
        }
        return out
    }

    static func object(_ detail: ArticleDetail) -> OutputValue { detail.object }
}
