import Foundation
import SQLiteDB

extension PolicyStore {
    /// Every stored correction as the hub exchanges it, in key order.
    public func correctionRecords() throws -> [CorrectionRecord] {
        try database.rows("SELECT * FROM goal_corrections ORDER BY article_digest, start, end").map(CorrectionRecord.init(row:))
    }

    /// Merges corrections from the hub into this file (`CorrectionRecord.merged`)
    /// and applies each changed one to the goals it names, in one
    /// transaction: a reader sees the goals before or after, never half.
    /// New rows are added in the order of their creation, as the machine
    /// that made them numbered them.
    /// - Returns: how many stored corrections were added or changed.
    @discardableResult
    public func mergeCorrections(_ incoming: [CorrectionRecord]) throws -> Int {
        guard !incoming.isEmpty else { return 0 }
        return try database.transaction(.immediate) {
            var stored: [CorrectionRecord.Key: CorrectionRecord] = [:]
            for record in try correctionRecords() { stored[record.key] = record }
            var changed: [CorrectionRecord] = []
            for record in incoming.sorted(by: { ($0.createdAt, $0.key) < ($1.createdAt, $1.key) }) {
                let merged = stored[record.key].map { $0.merged(with: record) } ?? record
                guard merged != stored[record.key] else { continue }
                try database.cached("""
                    \(Self.insertCorrection)
                    ON CONFLICT (article_digest, start, end) DO UPDATE SET
                        evidence = excluded.evidence, article_title = excluded.article_title,
                        source_file = excluded.source_file, rejected = excluded.rejected, kind = excluded.kind,
                        metric = excluded.metric, comparator = excluded.comparator, value_exact = excluded.value_exact,
                        value = excluded.value, unit = excluded.unit, year = excluded.year, note = excluded.note,
                        original_kind = excluded.original_kind, original_metric = excluded.original_metric,
                        original_comparator = excluded.original_comparator,
                        original_value_exact = excluded.original_value_exact, original_unit = excluded.original_unit,
                        original_year = excluded.original_year, created_at = excluded.created_at,
                        updated_at = excluded.updated_at
                    """).execute([merged.key.articleDigest, merged.key.start, merged.key.end, merged.evidence,
                                  merged.articleTitle, merged.sourceFile, merged.rejected, merged.kind, merged.metric,
                                  merged.comparator, merged.valueExact, merged.value, merged.unit, merged.year, merged.note,
                                  merged.original.kind, merged.original.metric, merged.original.comparator,
                                  merged.original.valueExact, merged.original.unit, merged.original.year, merged.createdAt,
                                  merged.updatedAt])
                stored[record.key] = merged
                changed.append(merged)
            }
            try reapply(changed)
            return changed.count
        }
    }

    /// Applies changed corrections to the goals already stored: the articles
    /// whose first evidence spans they quote are hashed, and those with the
    /// correction's body digest take it.
    private func reapply(_ changed: [CorrectionRecord]) throws {
        var digests: [Int64: String] = [:]
        var done = Set<Int64>()
        for record in changed {
            let candidates = try database.cached("""
                SELECT DISTINCT e.article_id FROM goal_evidence e
                WHERE e.position = 1 AND e.start = ? AND e.end = ? AND e.text = ?
                """).rows([record.key.start, record.key.end, record.evidence])
            for row in candidates {
                let articleID: Int64 = try row.decode("article_id")
                if digests[articleID] == nil {
                    let body: String = try database.cached("SELECT body FROM articles WHERE id = ?").rows([articleID])
                        .first?.decode("body") ?? ""
                    digests[articleID] = Self.articleDigest(body: body)
                }
                guard digests[articleID] == record.key.articleDigest, done.insert(articleID).inserted else { continue }
                try applyCorrections(articleID: articleID, digest: record.key.articleDigest)
            }
        }
    }
}

extension CorrectionRecord {
    init(row: Row) throws {
        self.init(key: Key(articleDigest: try row.decode("article_digest"), start: try row.decode("start"), end: try row.decode("end")),
                  evidence: try row.decode("evidence"), articleTitle: try row.decode("article_title"),
                  sourceFile: try row.decode("source_file"), rejected: try row.decode("rejected"),
                  kind: try row.decodeIfPresent("kind"), metric: try row.decodeIfPresent("metric"),
                  comparator: try row.decodeIfPresent("comparator"), valueExact: try row.decodeIfPresent("value_exact"),
                  value: try row.decodeIfPresent("value"), unit: try row.decodeIfPresent("unit"),
                  year: try row.decodeIfPresent("year"), note: try row.decodeIfPresent("note"),
                  original: OriginalGoalValues(kind: try row.decode("original_kind"), metric: try row.decode("original_metric"),
                                               comparator: try row.decode("original_comparator"),
                                               valueExact: try row.decode("original_value_exact"),
                                               unit: try row.decodeIfPresent("original_unit"),
                                               year: try row.decodeIfPresent("original_year")),
                  createdAt: try row.decode("created_at"), updatedAt: try row.decode("updated_at"))
    }
}
