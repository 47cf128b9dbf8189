import Foundation

/// The gold of a series of bulletin issues (`Tests/PolicyCoreTests/Fixtures/series/series.gold.json`,
/// and what `policykb-corpus --series` writes): its issues, its stories
/// (articles that are copies of one another) and its target lines with
/// their events. Plain strings, so that any test target can score against
/// it without loading the store.
public struct SeriesGold: Decodable, Sendable {
    public struct Issue: Decodable, Sendable {
        public let file: String
        public let publication: String
        public let number: Int?
        public let date: String
    }

    /// An article, by its issue's file and its title.
    public struct ArticleRef: Decodable, Sendable, Hashable {
        public let issue: String
        public let title: String

        public init(issue: String, title: String) {
            self.issue = issue
            self.title = title
        }

        /// White space aside: a title split over two lines or by a space is one title.
        public var key: String { issue + "\u{0}" + title.filter { !$0.isWhitespace } }
    }

    public struct Story: Decodable, Sendable {
        public let id: String
        public let copies: [ArticleRef]
    }

    public struct Event: Decodable, Sendable {
        public let event: String
        public let issue: String
        public let changes: [String]?
        public let outcome: String?
        /// For `superseded`: the id of the line that supersedes it.
        public let by: String?
    }

    public struct Line: Decodable, Sendable {
        public let id: String
        public let region: String
        public let kind: String
        /// The normalised metric (`MetricKey`).
        public let metric: String
        public let unit: String?
        /// The horizon year of the statement that set it.
        public let year: Int?
        public let events: [Event]

        /// What tells lines apart: region, kind, metric, unit, and the year it was set for.
        public var key: String { SeriesGold.lineKey(region: region, kind: kind, metric: metric, unit: unit, year: year) }
    }

    public let issues: [Issue]
    public let stories: [Story]
    public let lines: [Line]

    public static func load(_ url: URL) throws -> SeriesGold {
        try JSONDecoder().decode(SeriesGold.self, from: Data(contentsOf: url))
    }

    public static func lineKey(region: String?, kind: String, metric: String, unit: String?, year: Int?) -> String {
        [region ?? "-", kind, metric, unit ?? "-", year.map(String.init) ?? "-"].joined(separator: "|")
    }

    /// An event as scored: its line's key, kind, detail and issue.
    public static func eventKey(line: String, event: String, detail: String, issue: String) -> String {
        "\(line) \(event)\(detail.isEmpty ? "" : "(\(detail))")@\(issue)"
    }

    /// The gold lines' keys.
    public var lineKeys: Set<String> { Set(lines.map(\.key)) }

    /// The gold events' keys; a superseded event's detail is the key of the line superseding it.
    public var eventKeys: Set<String> {
        let keys = Dictionary(lines.map { ($0.id, $0.key) }, uniquingKeysWith: { first, _ in first })
        return Set(lines.flatMap { line in
            line.events.map { event in
                let detail = switch event.event {
                case "changed": (event.changes ?? []).sorted().joined(separator: ",")
                case "reported": event.outcome ?? ""
                case "superseded": "by " + (event.by.flatMap { keys[$0] } ?? "?")
                default: ""
                }
                return Self.eventKey(line: line.key, event: event.event, detail: detail, issue: event.issue)
            }
        })
    }

    /// The file of the issue with this publication (either script) and date, if the gold lists it.
    public func issueFile(publication: String?, date: String?) -> String? {
        issues.first { $0.publication == publication && $0.date == date }?.file
    }
}

/// Precision, recall and F1 of what was found against the gold.
public struct SeriesScore: Sendable, CustomStringConvertible {
    public let precision: Double
    public let recall: Double
    public let truePositives: Int
    public let found: Int
    public let gold: Int

    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    public var description: String {
        String(format: "P %.3f R %.3f F1 %.3f (%d of %d found, %d gold)", precision, recall, f1, truePositives, found, gold)
    }

    /// Of two sets: exact matches.
    public static func of<T: Hashable>(found: Set<T>, gold: Set<T>) -> SeriesScore {
        let hits = found.intersection(gold).count
        return SeriesScore(precision: found.isEmpty ? (gold.isEmpty ? 1 : 0) : Double(hits) / Double(found.count),
                           recall: gold.isEmpty ? 1 : Double(hits) / Double(gold.count),
                           truePositives: hits, found: found.count, gold: gold.count)
    }

    /// Of groupings (stories), by pairs: two articles in one found story
    /// are a found pair, in one gold story a gold pair. Articles the gold
    /// does not list are ignored; an article the gold lists and the
    /// grouping leaves out is a story of its own. Precision 1.0 means no
    /// two different stories were merged.
    public static func ofStories(found groups: [[SeriesGold.ArticleRef]], gold: SeriesGold) -> SeriesScore {
        let known = Set(gold.stories.flatMap { $0.copies.map(\.key) })
        func pairs(_ groups: [[String]]) -> Set<[String]> {
            Set(groups.flatMap { group -> [[String]] in
                let members = group.filter(known.contains).sorted()
                return members.indices.flatMap { i in members[(i + 1)...].map { [members[i], $0] } }
            })
        }
        return of(found: pairs(groups.map { $0.map(\.key) }), gold: pairs(gold.stories.map { $0.copies.map(\.key) }))
    }
}
