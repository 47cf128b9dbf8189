import Foundation
import PolicyCore
import PostgresClient

/// Corrections in the hub (Migrations/postgres/0004_corrections_search.sql):
/// read for pull and push, written by push, merged as `CorrectionRecord.merged`
/// says wherever two versions meet.
extension HubConnection {
    static let correctionColumns = """
        article_digest, start, "end", evidence, article_title, source_file, rejected, kind, metric, comparator, value_exact,
        value, unit, year, note, original_kind, original_metric, original_comparator, original_value_exact, original_unit,
        original_year, created_at, updated_at
        """

    /// Every correction the hub holds (`forUpdate`: locked until the
    /// transaction ends, so that a concurrent pusher merges after us).
    func corrections(forUpdate: Bool = false) throws(HubError) -> [CorrectionRecord.Key: CorrectionRecord] {
        let rows = try run("reading corrections", "SELECT \(Self.correctionColumns) FROM goal_corrections ORDER BY id"
                           + (forUpdate ? " FOR UPDATE" : "")).rows
        var records: [CorrectionRecord.Key: CorrectionRecord] = [:]
        for row in rows {
            let record = try Self.correction(row)
            records[record.key] = record
        }
        return records
    }

    static func correction(_ row: [String?]) throws(HubError) -> CorrectionRecord {
        func int(_ text: String?) -> Int? { text.flatMap { Int($0) } }
        guard let digest = row[0], let start = int(row[1]), let end = int(row[2]), let kind = row[15], let metric = row[16],
              let comparator = row[17], let value = row[18], let created = row[21], let updated = row[22] else {
            throw HubError.local("a correction in the hub lacks its key or original values")
        }
        return CorrectionRecord(
            key: .init(articleDigest: digest, start: start, end: end), evidence: row[3] ?? "", articleTitle: row[4] ?? "",
            sourceFile: row[5] ?? "", rejected: row[6] == "1", kind: row[7], metric: row[8], comparator: row[9],
            valueExact: row[10], value: row[11].flatMap { Double($0) }, unit: row[12], year: int(row[13]), note: row[14],
            original: OriginalGoalValues(kind: kind, metric: metric, comparator: comparator, valueExact: value, unit: row[19],
                                         year: int(row[20])),
            createdAt: created, updatedAt: updated)
    }

    /// Writes `records` (already merged with what the hub holds) as the hub's rows.
    func write(_ records: [CorrectionRecord], pusher: String) throws(HubError) {
        var rows = HubRows("goal_corrections", [
            ("id", "bigint"), ("article_digest", "text"), ("start", "integer"), ("end", "integer"), ("evidence", "text"),
            ("article_title", "text"), ("source_file", "text"), ("rejected", "integer"), ("kind", "text"), ("metric", "text"),
            ("comparator", "text"), ("value_exact", "text"), ("value", "double precision"), ("unit", "text"),
            ("year", "integer"), ("note", "text"), ("original_kind", "text"), ("original_metric", "text"),
            ("original_comparator", "text"), ("original_value_exact", "text"), ("original_unit", "text"),
            ("original_year", "integer"), ("created_at", "text"), ("updated_at", "text"), ("pushed_by", "text"),
        ], suffix: """
            ON CONFLICT (id) DO UPDATE SET
                evidence = excluded.evidence, article_title = excluded.article_title, source_file = excluded.source_file,
                rejected = excluded.rejected, kind = excluded.kind, metric = excluded.metric,
                comparator = excluded.comparator, value_exact = excluded.value_exact, value = excluded.value,
                unit = excluded.unit, year = excluded.year, note = excluded.note, original_kind = excluded.original_kind,
                original_metric = excluded.original_metric, original_comparator = excluded.original_comparator,
                original_value_exact = excluded.original_value_exact, original_unit = excluded.original_unit,
                original_year = excluded.original_year, created_at = excluded.created_at,
                updated_at = excluded.updated_at, pushed_at = now(), pushed_by = excluded.pushed_by
            """)
        for record in records {
            let key = record.key
            rows.append([String(HubIdentity.correction(key)), key.articleDigest, String(key.start), String(key.end),
                         record.evidence, record.articleTitle, record.sourceFile, record.rejected ? "1" : "0", record.kind,
                         record.metric, record.comparator, record.valueExact, record.value.map { "\($0)" }, record.unit,
                         record.year.map(String.init), record.note, record.original.kind, record.original.metric,
                         record.original.comparator, record.original.valueExact, record.original.unit,
                         record.original.year.map(String.init), record.createdAt, record.updatedAt, pusher])
        }
        try insert(rows)
    }
}

extension HubPush {
    /// Sends the local corrections the hub lacks or holds in another
    /// version, merged with the hub's, in one transaction that locks the
    /// hub's corrections (they are few: an analyst's work, not extraction's).
    /// A correction already there as merged is not written again, so a
    /// second push sends nothing; a killed one sent nothing, and the next
    /// sends it all.
    /// - Returns: how many corrections were added or changed in the hub.
    func pushCorrections() throws -> Int {
        let local = try store.correctionRecords()
        guard !local.isEmpty else { return 0 }
        for attempt in 1...5 {
            do {
                return try inTransaction("pushing corrections") { () throws -> Int in
                    // One pusher of corrections at a time: a new row has no
                    // row lock to wait on.
                    try hub.run("locking corrections", "SELECT pg_advisory_xact_lock(\(Self.correctionLock))")
                    let held = try hub.corrections(forUpdate: true)
                    let changed = local.compactMap { record -> CorrectionRecord? in
                        let merged = held[record.key].map { $0.merged(with: record) } ?? record
                        return merged == held[record.key] ? nil : merged
                    }
                    try hub.write(changed, pusher: pusher)
                    return changed.count
                }
            } catch let error as HubError where attempt < 5 && error.isTransient {
                continue
            }
        }
        return 0
    }
}
