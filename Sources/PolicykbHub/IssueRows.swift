import Foundation
import PolicyCore
import PolicykbDigest
import SQLiteDB

/// One local issue and everything stored from it, as hub rows: local ids
/// replaced by the hub's digests (`HubIdentity`).
struct IssueRows {
    let sha256: String
    let replaceKey: String
    let sourceFile: String
    /// When the pushing machine ingested the file (ISO 8601, sortable).
    let ingestedAt: String
    var issue = HubRows("issues", [("id", "bigint"), ("sha256", "text"), ("replace_key", "text"), ("publication", "text"),
                                   ("issue_date", "text"), ("date_precision", "text"), ("number", "integer"), ("cumulative_number", "integer"),
                                   ("source_file", "text"), ("source_path", "text"), ("bytes", "bigint"), ("format", "text"),
                                   ("encoding", "text"), ("ingested_at", "text"), ("pushed_by", "text"),
                                   ("article_count", "integer"), ("token_count", "bigint")])
    var articles = HubRows("articles", [("id", "bigint"), ("issue_id", "bigint"), ("position", "integer"), ("section", "text"),
                                        ("page", "integer"), ("published_on", "text"), ("region_code", "text"),
                                        ("source", "text"), ("sort_date", "text"), ("title", "text"), ("body", "text"),
                                        ("search_title", "text"), ("search_body", "text"), ("title_tokens", "integer"),
                                        ("body_tokens", "integer"), ("search_terms", "tsvector"), ("body_sha256", "text")])
    var links = HubRows("article_links", [("article_id", "bigint"), ("position", "integer"), ("url", "text")])
    var warnings = HubRows("issue_warnings", [("issue_id", "bigint"), ("position", "integer"), ("kind", "text"),
                                              ("message", "text")])
    /// Upserted in key order, completing what was unknown (as locally).
    var policies = HubRows("policies", [("id", "bigint"), ("title", "text"), ("title_key", "text"), ("region_code", "text"),
                                        ("start_year", "integer"), ("end_year", "integer"), ("effective_from", "text"),
                                        ("effective_until", "text")],
                           suffix: """
                               ON CONFLICT (id) DO UPDATE SET
                                   region_code = coalesce(policies.region_code, excluded.region_code),
                                   start_year = coalesce(policies.start_year, excluded.start_year),
                                   end_year = coalesce(policies.end_year, excluded.end_year),
                                   effective_from = coalesce(policies.effective_from, excluded.effective_from),
                                   effective_until = coalesce(policies.effective_until, excluded.effective_until)
                               """)
    var mentions = HubRows("policy_mentions", [("policy_id", "bigint"), ("article_id", "bigint"), ("alias", "text"),
                                               ("start", "integer"), ("end", "integer")])
    var targets = HubRows("targets", [("id", "bigint"), ("article_id", "bigint"), ("policy_id", "bigint"),
                                      ("region_code", "text"), ("year", "integer"), ("year_source", "text"), ("text", "text"),
                                      ("start", "integer"), ("end", "integer")])
    var goals = HubRows("goals", [("id", "bigint"), ("article_id", "bigint"), ("policy_id", "bigint"), ("target_id", "bigint"),
                                  ("kind", "text"), ("metric", "text"), ("comparator", "text"), ("value_exact", "text"),
                                  ("value", "double precision"), ("unit", "text"), ("stretch", "integer"), ("year", "integer"),
                                  ("year_source", "text"), ("region_code", "text"), ("ordinal", "integer"), ("metric_key", "text")])
    var evidence = HubRows("goal_evidence", [("goal_id", "bigint"), ("position", "integer"), ("article_id", "bigint"),
                                             ("start", "integer"), ("end", "integer"), ("text", "text")])

    /// A story is written by the first issue that names it; joining stories
    /// is HubPush's (`policykb_join_stories`).
    var stories = HubRows("stories", [("id", "bigint"), ("first_date", "text")], suffix: "ON CONFLICT DO NOTHING")
    var articleStories = HubRows("article_stories", [("article_id", "bigint"), ("story_id", "bigint"), ("matched_id", "bigint"),
                                                     ("containment", "double precision")])

    var rowCount: Int {
        [issue, articles, links, warnings, policies, mentions, targets, goals, evidence, stories, articleStories].reduce(0) { $0 + $1.rows.count }
    }

    init(store: PolicyStore, issueID: Int64, pusher: String, localStories: LocalStories) throws {
        let database = store.database
        guard let row = try database.rows("""
            SELECT sha256, publication, issue_date, date_precision, number, cumulative_number, source_file, source_path, bytes, format,
                   encoding, ingested_at FROM issues WHERE id = ?
            """, [issueID]).first else {
            throw HubError.local("\(store.path): issue \(issueID) vanished while pushing")
        }
        sha256 = try row.decode("sha256")
        sourceFile = try row.decode("source_file")
        ingestedAt = try row.decode("ingested_at")
        replaceKey = HubIdentity.replaceKey(publication: try row.decode("publication"), date: try row.decodeIfPresent("issue_date"),
                                            sourceFile: sourceFile)
        let hubIssue = String(HubIdentity.issue(sha256: sha256))

        var articleIDs: [Int64: String] = [:]
        var tokens = 0
        for article in try database.rows("""
            SELECT id, position, section, page, published_on, region_code, source, sort_date, title, body
            FROM articles WHERE issue_id = ? ORDER BY position
            """, [issueID]) {
            let position: Int = try article.decode("position")
            let id = String(HubIdentity.article(issue: sha256, position: position))
            articleIDs[try article.decode("id")] = id
            let title: String = try article.decode("title"), body: String = try article.decode("body")
            let search = SearchColumns(title: title, body: body)
            articles.append([id, hubIssue, String(position), article["section"].text, article["page"].text,
                             article["published_on"].text, article["region_code"].text, article["source"].text,
                             article["sort_date"].text, title, body, search.title, search.body, String(search.titleTokens),
                             String(search.bodyTokens), search.terms, SHA256.hex(Array(body.utf8))])
            tokens += search.titleTokens + search.bodyTokens
        }
        // With its articles' count and tokens: BM25's collection statistics
        // are sums over issues (Migrations/postgres/0004_corrections_search.sql).
        issue.append([hubIssue, sha256, replaceKey, row["publication"].text, row["issue_date"].text, row["date_precision"].text,
                      row["number"].text,
                      row["cumulative_number"].text, sourceFile, row["source_path"].text, row["bytes"].text,
                      row["format"].text, row["encoding"].text, row["ingested_at"].text, pusher,
                      String(articles.rows.count), String(tokens)])
        func hubArticle(_ value: DatabaseValue) throws -> String {
            guard let local = value.int64, let id = articleIDs[local] else {
                throw HubError.local("\(store.path): a row of issue \(issueID) names an article outside it")
            }
            return id
        }
        let inIssue = "article_id IN (SELECT id FROM articles WHERE issue_id = ?)"
        for link in try database.rows("SELECT article_id, position, url FROM article_links WHERE \(inIssue) ORDER BY article_id, position",
                                      [issueID]) {
            links.append([try hubArticle(link["article_id"]), link["position"].text, link["url"].text])
        }
        for warning in try database.rows("SELECT position, kind, message FROM issue_warnings WHERE issue_id = ? ORDER BY position",
                                         [issueID]) {
            warnings.append([hubIssue, warning["position"].text, warning["kind"].text, warning["message"].text])
        }

        var storyIDs = Set<Int64>()
        for row in try database.rows("""
            SELECT st.article_id, st.story_id, st.matched_id, st.containment, a.sort_date FROM article_stories st
            JOIN articles a ON a.id = st.article_id WHERE a.issue_id = ? ORDER BY a.position
            """, [issueID]) {
            let article = try hubArticle(row["article_id"])
            // A story of one copy here is that copy's own.
            let root = try row["story_id"].int64.flatMap { localStories.stories[$0]?.root }
                ?? (id: Int64(article) ?? 0, date: try row.decodeIfPresent("sort_date") ?? "")
            if storyIDs.insert(root.id).inserted { stories.append([String(root.id), root.date]) }
            articleStories.append([article, String(root.id),
                                   row["matched_id"].int64.flatMap { localStories.hubArticle[$0] }.map { String($0) },
                                   row["containment"].text])
        }

        var policyIDs: [Int64: String] = [:]
        for policy in try database.rows("""
            SELECT id, title, title_key, region_code, start_year, end_year, effective_from, effective_until FROM policies
            WHERE id IN (SELECT policy_id FROM policy_mentions WHERE \(inIssue)
                         UNION SELECT policy_id FROM goals WHERE \(inIssue) AND policy_id IS NOT NULL
                         UNION SELECT policy_id FROM targets WHERE \(inIssue) AND policy_id IS NOT NULL)
            ORDER BY title_key
            """, [issueID, issueID, issueID]) {
            let key: String = try policy.decode("title_key")
            let id = String(HubIdentity.policy(titleKey: key))
            policyIDs[try policy.decode("id")] = id
            policies.append([id, policy["title"].text, key, policy["region_code"].text, policy["start_year"].text,
                             policy["end_year"].text, policy["effective_from"].text, policy["effective_until"].text])
        }
        func hubPolicy(_ value: DatabaseValue) -> String? { value.int64.flatMap { policyIDs[$0] } }
        for mention in try database.rows("SELECT policy_id, article_id, alias, start, end FROM policy_mentions WHERE \(inIssue)",
                                         [issueID]) {
            mentions.append([hubPolicy(mention["policy_id"]), try hubArticle(mention["article_id"]), mention["alias"].text,
                             mention["start"].text, mention["end"].text])
        }
        var targetIDs: [Int64: String] = [:]
        for (index, target) in try database.rows("""
            SELECT id, article_id, policy_id, region_code, year, year_source, text, start, end FROM targets
            WHERE \(inIssue) ORDER BY id
            """, [issueID]).enumerated() {
            let id = String(HubIdentity.target(issue: sha256, index: index))
            targetIDs[try target.decode("id")] = id
            targets.append([id, try hubArticle(target["article_id"]), hubPolicy(target["policy_id"]), target["region_code"].text,
                            target["year"].text, target["year_source"].text, target["text"].text, target["start"].text,
                            target["end"].text])
        }
        var goalIDs: [Int64: String] = [:]
        // The stored key, as lines read it; made here for a goal whose
        // metric a correction changed (the hub row holds extraction's
        // metric) or a file whose keys no writer has filled yet.
        // A corrected goal goes as extraction found it (the correction's
        // original values): the hub applies corrections itself
        // (goal_corrections, v_goals), and so does a pulled copy.
        for (index, goal) in try database.rows("""
            SELECT g.id, g.article_id, g.policy_id, g.target_id, g.stretch, g.region_code, r.name AS region_name,
                   CASE WHEN c.metric IS NULL THEN g.metric_key END AS metric_key,
                   coalesce(c.original_kind, g.kind) AS kind, coalesce(c.original_metric, g.metric) AS metric,
                   coalesce(c.original_comparator, g.comparator) AS comparator,
                   coalesce(c.original_value_exact, g.value_exact) AS value_exact,
                   CASE WHEN c.id IS NULL THEN g.value ELSE CAST(c.original_value_exact AS REAL) END AS value,
                   CASE WHEN c.id IS NULL THEN g.unit ELSE c.original_unit END AS unit,
                   CASE WHEN c.id IS NULL THEN g.year ELSE c.original_year END AS year,
                   CASE WHEN c.year IS NOT NULL AND c.original_year IS NULL AND g.year_source = 'stated' THEN 'none'
                        ELSE g.year_source END AS year_source
            FROM goals g LEFT JOIN goal_corrections c ON c.id = g.correction_id LEFT JOIN regions r ON r.code = g.region_code
            WHERE g.\(inIssue) ORDER BY g.id
            """, [issueID]).enumerated() {
            let id = String(HubIdentity.goal(issue: sha256, index: index))
            goalIDs[try goal.decode("id")] = id
            goals.append([id, try hubArticle(goal["article_id"]), hubPolicy(goal["policy_id"]),
                          goal["target_id"].int64.flatMap { targetIDs[$0] }, goal["kind"].text, goal["metric"].text,
                          goal["comparator"].text, goal["value_exact"].text, goal["value"].text, goal["unit"].text,
                          goal["stretch"].text, goal["year"].text, goal["year_source"].text, goal["region_code"].text,
                          String(index), goal["metric_key"].string
                              ?? MetricKey.key(goal["metric"].text ?? "", regionName: goal["region_name"].string)])
        }
        for span in try database.rows("""
            SELECT goal_id, position, article_id, start, end, text FROM goal_evidence
            WHERE goal_id IN (SELECT id FROM goals WHERE \(inIssue)) ORDER BY goal_id, position
            """, [issueID]) {
            guard let goal = span["goal_id"].int64.flatMap({ goalIDs[$0] }) else { continue }
            evidence.append([goal, span["position"].text, try hubArticle(span["article_id"]), span["start"].text,
                             span["end"].text, span["text"].text])
        }
    }
}
