import Foundation
import PolicyExtraction
import PolicykbDigest
import SQLiteDB

extension PolicyStore {
    /// A row of goal_corrections, every column but its id.
    static let insertCorrection = """
        INSERT INTO goal_corrections (article_digest, start, end, evidence, article_title, source_file, rejected,
            kind, metric, comparator, value_exact, value, unit, year, note,
            original_kind, original_metric, original_comparator, original_value_exact, original_unit, original_year,
            created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """

    /// The key a correction is stored under: what its article says, not
    /// where its rows are.
    static func articleDigest(body: String) -> String {
        SHA256.hex(Array(body.utf8))
    }

    /// Corrects goal `goalID` (`policykb goals fix`): stored under its
    /// article's digest and evidence span, and applied to the goal now.
    /// Fixing a goal again changes the fields given and keeps the others.
    /// - Returns: the correction's id.
    @discardableResult
    public func fixGoal(_ goalID: Int64, with fix: GoalFix, at date: Date = Date()) throws -> Int64 {
        if fix.isEmpty { throw CorrectionError.nothingToChange }
        return try correct(goalID, at: date, rejecting: false, fix: fix)
    }

    /// Rejects goal `goalID` (`policykb goals reject`): listings leave it out
    /// unless asked, at every re-ingest too.
    @discardableResult
    public func rejectGoal(_ goalID: Int64, note: String? = nil, at date: Date = Date()) throws -> Int64 {
        try correct(goalID, at: date, rejecting: true, fix: GoalFix(note: note))
    }

    private func correct(_ goalID: Int64, at date: Date, rejecting: Bool, fix: GoalFix) throws -> Int64 {
        try database.transaction(.immediate) {
            guard let goal = try database.rows("""
                SELECT g.article_id, g.kind, g.metric, g.comparator, g.value_exact, g.unit, g.year, g.correction_id,
                       a.body, a.title, i.source_file, e.start, e.end, e.text
                FROM goals g JOIN articles a ON a.id = g.article_id JOIN issues i ON i.id = a.issue_id
                LEFT JOIN goal_evidence e ON e.goal_id = g.id AND e.position = 1
                WHERE g.id = ?
                """, [goalID]).first else { throw CorrectionError.noSuchGoal(goalID) }
            guard let start: Int = try goal.decodeIfPresent("start"), let end: Int = try goal.decodeIfPresent("end") else {
                throw CorrectionError.noEvidence(goalID)
            }
            let digest = Self.articleDigest(body: try goal.decode("body"))
            let stamp = Self.timestamp(date)
            let quantity = fix.quantity
            // The original values are those of the first correction: a goal
            // corrected twice still says what extraction found.
            let rows = try database.rows("""
                \(Self.insertCorrection)
                ON CONFLICT (article_digest, start, end) DO UPDATE SET
                    rejected = max(goal_corrections.rejected, excluded.rejected),
                    kind = coalesce(excluded.kind, goal_corrections.kind),
                    metric = coalesce(excluded.metric, goal_corrections.metric),
                    comparator = coalesce(excluded.comparator, goal_corrections.comparator),
                    value_exact = coalesce(excluded.value_exact, goal_corrections.value_exact),
                    value = coalesce(excluded.value, goal_corrections.value),
                    unit = coalesce(excluded.unit, goal_corrections.unit),
                    year = coalesce(excluded.year, goal_corrections.year),
                    note = coalesce(excluded.note, goal_corrections.note),
                    updated_at = excluded.updated_at
                RETURNING id
                """, [digest, start, end, try goal.decode("text", as: String.self), try goal.decode("title", as: String.self),
                      try goal.decode("source_file", as: String.self), rejecting, fix.kind?.rawValue, fix.metric,
                      quantity?.comparator?.rawValue, quantity.map { $0.value.description },
                      quantity.map { NSDecimalNumber(decimal: $0.value).doubleValue }, quantity?.unit, fix.year, fix.note,
                      try goal.decode("kind", as: String.self), try goal.decode("metric", as: String.self),
                      try goal.decode("comparator", as: String.self), try goal.decode("value_exact", as: String.self),
                      try goal.decodeIfPresent("unit", as: String.self), try goal.decodeIfPresent("year", as: Int.self),
                      stamp, stamp])
            guard let id: Int64 = try rows.first?.decode("id") else {
                throw SQLiteError(.internal, message: "no row returned for the correction of goal \(goalID)")
            }
            try applyCorrections(articleID: try goal.decode("article_id"), digest: digest)
            return id
        }
    }

    /// Applies every stored correction to the goals just written for these
    /// articles: each article's body is hashed only when corrections exist.
    func applyCorrections(to articles: [(article: PreparedArticle, id: Int64)]) throws {
        guard try !database.cached("SELECT 1 AS found FROM goal_corrections LIMIT 1").rows().isEmpty else { return }
        for (article, id) in articles where !article.extraction.goals.isEmpty {
            try applyCorrections(articleID: id, digest: Self.articleDigest(body: article.parsed.body))
        }
    }

    /// The corrections stored for this article's body, applied to its goals:
    /// each to the goal whose first evidence span is the correction's (the
    /// one with the original value when several share it).
    func applyCorrections(articleID: Int64, digest: String) throws {
        let corrections = try database.cached("""
            SELECT id, start, end, original_value_exact, original_metric FROM goal_corrections WHERE article_digest = ?
            """).rows([digest])
        for correction in corrections {
            let goal = try database.cached("""
                SELECT g.id FROM goals g JOIN goal_evidence e ON e.goal_id = g.id AND e.position = 1
                WHERE g.article_id = ? AND e.start = ? AND e.end = ?
                ORDER BY g.correction_id IS ? DESC, g.value_exact = ? DESC, g.metric = ? DESC, g.id LIMIT 1
                """).rows([articleID, try correction.decode("start", as: Int.self), try correction.decode("end", as: Int.self),
                           try correction.decode("id", as: Int64.self),
                           try correction.decode("original_value_exact", as: String.self),
                           try correction.decode("original_metric", as: String.self)]).first
            guard let goalID: Int64 = try goal?.decode("id") else { continue }
            try database.cached("""
                UPDATE goals SET
                    kind = coalesce(c.kind, goals.kind),
                    metric = coalesce(c.metric, goals.metric),
                    comparator = coalesce(c.comparator, goals.comparator),
                    value_exact = coalesce(c.value_exact, goals.value_exact),
                    value = coalesce(c.value, goals.value),
                    unit = coalesce(c.unit, goals.unit),
                    year = coalesce(c.year, goals.year),
                    year_source = CASE WHEN c.year IS NOT NULL AND goals.year_source = 'none' THEN 'stated'
                                       ELSE goals.year_source END,
                    correction_id = c.id,
                    metric_key = CASE WHEN c.metric IS NULL THEN goals.metric_key END
                FROM (SELECT * FROM goal_corrections WHERE id = ?) AS c
                WHERE goals.id = ?
                """).execute([try correction.decode("id", as: Int64.self), goalID])
        }
        // A corrected metric has a new key.
        if !corrections.isEmpty { try fillMissingLineKeys(articleID: articleID) }
    }

    /// Every stored correction with the goal that carries it now, newest
    /// change first.
    public func corrections() throws -> [GoalCorrection] {
        try database.rows("""
            SELECT c.*, g.id AS goal_id, g.article_id AS goal_article_id
            FROM goal_corrections c LEFT JOIN goals g ON g.correction_id = c.id
            ORDER BY c.id
            """).map(GoalCorrection.init(row:))
    }
}

extension GoalCorrection {
    init(row: Row) throws {
        id = try row.decode("id")
        goalID = try row.decodeIfPresent("goal_id")
        articleID = try row.decodeIfPresent("goal_article_id")
        articleDigest = try row.decode("article_digest")
        start = try row.decode("start")
        end = try row.decode("end")
        evidence = try row.decode("evidence")
        articleTitle = try row.decode("article_title")
        sourceFile = try row.decode("source_file")
        rejected = try row.decode("rejected")
        kind = try row.decodeIfPresent("kind")
        metric = try row.decodeIfPresent("metric")
        comparator = try row.decodeIfPresent("comparator")
        valueExact = try row.decodeIfPresent("value_exact")
        unit = try row.decodeIfPresent("unit")
        year = try row.decodeIfPresent("year")
        note = try row.decodeIfPresent("note")
        original = OriginalGoalValues(kind: try row.decode("original_kind"), metric: try row.decode("original_metric"),
                                      comparator: try row.decode("original_comparator"),
                                      valueExact: try row.decode("original_value_exact"),
                                      unit: try row.decodeIfPresent("original_unit"),
                                      year: try row.decodeIfPresent("original_year"))
        updatedAt = try row.decode("updated_at")
    }
}
