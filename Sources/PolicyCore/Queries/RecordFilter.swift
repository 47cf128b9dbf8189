import Foundation
import PolicyExtraction
import SQLiteDB

/// The filters that listings share: search, goals and the per-article
/// listings take the same options and mean the same by them.
public struct RecordFilter: Sendable, Equatable {
    /// Region codes, a province's cities included (see
    /// `PolicyStore.regionCodes(for:)`).
    public var regionCodes: [String]?
    /// Section names, any of them.
    public var sections: [String]?
    /// Inclusive ISO dates on the article's date, else its issue's; an
    /// issue dated by a month, quarter or year matches when that period
    /// overlaps the range.
    public var since: String?
    public var until: String?
    /// Text of a policy's title or of a short name an article gives it, or
    /// the policy's id.
    public var policy: String?

    public init(regionCodes: [String]? = nil, sections: [String]? = nil, since: String? = nil, until: String? = nil,
                policy: String? = nil) {
        self.regionCodes = regionCodes
        self.sections = sections
        self.since = since
        self.until = until
        self.policy = policy
    }

    public var isEmpty: Bool { self == RecordFilter() }
}

/// The WHERE clause of a query, built condition by condition with every
/// value bound (never spliced into the SQL), in the order the `?`
/// placeholders appear.
struct SQLConditions {
    private(set) var clauses: [String] = []
    private(set) var values: [any DatabaseValueConvertible] = []

    var isEmpty: Bool { clauses.isEmpty }

    mutating func append(_ clause: String, _ bound: [any DatabaseValueConvertible] = []) {
        clauses.append(clause)
        values += bound
    }

    /// `" AND c1 AND c2"`, to follow conditions already written; empty when
    /// there are none.
    var andClause: String { clauses.isEmpty ? "" : " AND " + clauses.joined(separator: " AND ") }

    /// `" WHERE c1 AND c2"`, or empty.
    var whereClause: String { clauses.isEmpty ? "" : " WHERE " + clauses.joined(separator: " AND ") }
}

/// Where a listing keeps what a `RecordFilter` tests.
struct FilterColumns {
    /// How a row reaches its policy.
    enum Policy {
        /// The row has a policy id column (goals, targets, policies).
        case id(String)
        /// The row is an article: it names the policy (search, articles).
        case mentionedBy(articleID: String)
    }

    /// How a row reaches its article, for section and date conditions.
    enum Article {
        /// `a` (articles) and `i` (issues) are in the query.
        case joined
        /// The row has an article id column.
        case id(String)
        /// The row is a policy: some article that names it.
        case mentioning(policyID: String)
    }

    /// The region code column.
    var region: String
    var article: Article
    var policy: Policy

    static let search = FilterColumns(region: "a.region_code", article: .joined, policy: .mentionedBy(articleID: "a.id"))
    static let articles = search
    static let goals = FilterColumns(region: "region_code", article: .id("article_id"), policy: .id("policy_id"))
    static let targets = goals
    static let policies = FilterColumns(region: "region_code", article: .mentioning(policyID: "id"), policy: .id("id"))
}

extension SQLConditions {
    /// Policies whose id is the text, whose title contains it, or that an
    /// article calls by a short name containing it: three `?`.
    static let matchingPolicies = """
        SELECT p.id FROM policies p
        WHERE CAST(p.id AS TEXT) = ? OR instr(p.title, ?) > 0
           OR EXISTS (SELECT 1 FROM policy_mentions m WHERE m.policy_id = p.id AND instr(m.alias, ?) > 0)
        """

    /// Adds the conditions of `filter` for a query whose columns are `columns`.
    mutating func append(_ filter: RecordFilter, columns: FilterColumns) {
        if let codes = filter.regionCodes {
            append("\(columns.region) IN (SELECT value FROM json_each(?))", [JSONList.encode(codes)])
        }
        var article = SQLConditions()
        if let sections = filter.sections {
            article.append("a.section IN (SELECT value FROM json_each(?))", [JSONList.encode(sections)])
        }
        // An issue dated by its month (quarter, year) is that whole period:
        // kept when the period overlaps the range.
        if let since = filter.since {
            article.append(ArticleDateSQL.endsOnOrAfter, ArticleDateSQL.endsOnOrAfterValues(since))
        }
        if let until = filter.until {
            article.append(ArticleDateSQL.startsOnOrBefore, [until])
        }
        if !article.isEmpty {
            let matching = "SELECT a.id FROM articles a JOIN issues i ON i.id = a.issue_id\(article.whereClause)"
            switch columns.article {
            case .joined:
                clauses += article.clauses
                values += article.values
            case .id(let column):
                append("\(column) IN (\(matching))", article.values)
            case .mentioning(let policyID):
                append("\(policyID) IN (SELECT pm.policy_id FROM policy_mentions pm WHERE pm.article_id IN (\(matching)))",
                       article.values)
            }
        }
        if let policy = filter.policy {
            let text = policy.removingWhitespace
            switch columns.policy {
            case .id(let column):
                append("\(column) IN (\(Self.matchingPolicies))", [text, text, text])
            case .mentionedBy(let articleID):
                append("""
                    EXISTS (SELECT 1 FROM policy_mentions pm WHERE pm.article_id = \(articleID)
                            AND pm.policy_id IN (\(Self.matchingPolicies)))
                    """, [text, text, text])
            }
        }
    }
}

/// Lists passed to SQLite as one JSON array, for
/// `IN (SELECT value FROM json_each(?))`.
enum JSONList {
    static func encode(_ items: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: items)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static func encode(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
