import Foundation
import SQLiteDB

extension GoalCorrection: OutputRecord {
    public static let columns = ["id", "status", "goal_id", "article_id", "rejected", "kind", "metric", "comparator", "value",
                                 "unit", "year", "note", "original", "evidence", "start", "end", "article_title",
                                 "source_file", "article_digest", "updated_at"]
    public var values: [RecordValue] {
        [.int(id), .string(status), RecordValue(goalID), RecordValue(articleID), .bool(rejected), RecordValue(kind),
         RecordValue(metric), RecordValue(comparator), valueExact.map { .number($0) } ?? .null, RecordValue(unit),
         RecordValue(year), RecordValue(note), original.object, .string(evidence), .int(Int64(start)), .int(Int64(end)),
         .string(articleTitle), .string(sourceFile), .string(articleDigest), .string(updatedAt)]
    }
}

extension PolicyStore {
    /// The applied corrections as gold files in the shape of
    /// `../shared/corpus/*.gold.json` (one object per source file): the
    /// goals as corrected under `goals`, the rejected ones under
    /// `not_goals`, with the issue, the articles and the policies they
    /// name. A correction no article carries now has no place to cite and
    /// is left out (`policykb corrections` lists it as unmatched).
    public func correctionsGold() throws -> RecordValue {
        let rows = try database.rows("""
            SELECT c.id AS correction_id, c.rejected, c.note, c.evidence,
                   i.source_file, i.publication, i.issue_date, i.number, i.cumulative_number,
                   a.position, a.section, a.title, a.region_code AS article_region, a.source,
                   g.kind, g.metric, g.comparator, g.value_exact, g.unit, g.stretch, g.year, g.region_code,
                   p.title AS policy_title, p.region_code AS policy_region, p.start_year, p.end_year
            FROM goal_corrections c
            JOIN goals g ON g.correction_id = c.id
            JOIN articles a ON a.id = g.article_id
            JOIN issues i ON i.id = a.issue_id
            LEFT JOIN policies p ON p.id = g.policy_id
            ORDER BY i.source_file, a.position, c.start
            """)
        var files: [(name: String, rows: [Row])] = []
        for row in rows {
            let name: String = try row.decode("source_file")
            if files.last?.name == name { files[files.count - 1].rows.append(row) } else { files.append((name, [row])) }
        }
        return .array(try files.map { try Self.goldFile(name: $0.name, rows: $0.rows) })
    }

    private static func goldFile(name: String, rows: [Row]) throws -> RecordValue {
        guard let first = rows.first else { return .null }
        var articles: [RecordValue] = [], seenArticles = Set<Int>()
        var policies: [RecordValue] = [], policyIndex: [String: Int] = [:]
        var goals: [RecordValue] = [], notGoals: [RecordValue] = []
        for row in rows {
            let position: Int = try row.decode("position")
            if seenArticles.insert(position).inserted {
                articles.append(.object([("n", .int(Int64(position))), ("section", RecordValue(try row.decodeIfPresent("section", as: String.self))),
                                         ("title", .string(try row.decode("title"))),
                                         ("region", RecordValue(try row.decodeIfPresent("article_region", as: String.self))),
                                         ("source", RecordValue(try row.decodeIfPresent("source", as: String.self)))]))
            }
            var policy: RecordValue = .null
            if let title: String = try row.decodeIfPresent("policy_title") {
                if policyIndex[title] == nil {
                    policyIndex[title] = policies.count
                    policies.append(.object([("title", .string(title)), ("alias", .null),
                                             ("region", RecordValue(try row.decodeIfPresent("policy_region", as: String.self))),
                                             ("start_year", RecordValue(try row.decodeIfPresent("start_year", as: Int.self))),
                                             ("end_year", RecordValue(try row.decodeIfPresent("end_year", as: Int.self))),
                                             ("article", .int(Int64(position)))]))
                }
                policy = .int(Int64(policyIndex[title] ?? 0))
            }
            let id = "C-\(try row.decode("correction_id", as: Int64.self))"
            let note = RecordValue(try row.decodeIfPresent("note", as: String.self))
            if try row.decode("rejected", as: Bool.self) {
                notGoals.append(.object([("id", .string(id)), ("article", .int(Int64(position))),
                                         ("text", .string(try row.decode("evidence"))), ("note", note)]))
                continue
            }
            goals.append(.object([
                ("id", .string(id)), ("article", .int(Int64(position))), ("policy", policy),
                ("region", RecordValue(try row.decodeIfPresent("region_code", as: String.self))),
                ("kind", .string(try row.decode("kind"))), ("year", RecordValue(try row.decodeIfPresent("year", as: Int.self))),
                ("metric_keywords", .array([.string(try row.decode("metric"))])),
                ("comparator", .string(try row.decode("comparator"))), ("value", .number(try row.decode("value_exact"))),
                ("unit", RecordValue(try row.decodeIfPresent("unit", as: String.self))),
                ("stretch", .bool(try row.decode("stretch"))), ("evidence", .string(try row.decode("evidence"))),
                ("note", note),
            ]))
        }
        return .object([
            ("file", .string(name)),
            ("note", .string("Analysts' corrections exported by `policykb corrections --format gold`: the goals as corrected, "
                + "and under not_goals the figures rejected as goals. Field meanings: ../spec/EXTRACTION.md.")),
            ("issue", .object([("publication", .string(try first.decode("publication"))),
                               ("date", RecordValue(try first.decodeIfPresent("issue_date", as: String.self))),
                               ("number", RecordValue(try first.decodeIfPresent("number", as: Int.self))),
                               ("cumulative_number", RecordValue(try first.decodeIfPresent("cumulative_number", as: Int.self)))])),
            ("articles", .array(articles)),
            ("policies", .array(policies)),
            ("goals", .array(goals)),
            ("not_goals", .array(notGoals)),
        ])
    }
}
