import Foundation
import SQLiteDB

extension PolicyStore {
    public func policies() throws -> [PolicyRow] {
        try database.prepare("""
            SELECT id, title, alias, region_code, region_name, start_year, end_year, effective_from, effective_until,
                   article_ids
            FROM v_policies ORDER BY id
            """).rows().map { row in
            PolicyRow(id: row["id"].int64 ?? 0, title: row["title"].string ?? "", alias: row["alias"].string,
                      regionCode: row["region_code"].string, regionName: row["region_name"].string,
                      startYear: row["start_year"].int, endYear: row["end_year"].int,
                      effectiveFrom: row["effective_from"].string, effectiveUntil: row["effective_until"].string,
                      articleIDs: Self.decodeIDs(row["article_ids"].string))
        }
    }

    public func targets() throws -> [TargetRow] {
        try database.prepare("""
            SELECT id, article_id, policy_id, policy_title, region_code, region_name, year, year_source, text, start,
                   end, goal_ids
            FROM v_targets ORDER BY id
            """).rows().map { row in
            TargetRow(id: row["id"].int64 ?? 0, articleID: row["article_id"].int64 ?? 0, policyID: row["policy_id"].int64,
                      policyTitle: row["policy_title"].string, regionCode: row["region_code"].string,
                      regionName: row["region_name"].string, year: row["year"].int ?? 0,
                      yearSource: row["year_source"].string ?? "none", text: row["text"].string ?? "",
                      start: row["start"].int ?? 0, end: row["end"].int ?? 0,
                      goalIDs: Self.decodeIDs(row["goal_ids"].string))
        }
    }

    /// Goals matching `filter`, in article order.
    public func goals(_ filter: GoalFilter = GoalFilter()) throws -> [GoalRow] {
        var conditions: [String] = []
        var values: [any DatabaseValueConvertible] = []
        let kinds = ExtractedGoal.Kind.allCases.filter { filter.kinds.contains($0) }
        conditions.append("kind IN (" + kinds.map { _ in "?" }.joined(separator: ", ") + ")")
        values += kinds.map(\.rawValue)
        if let codes = filter.regionCodes {
            conditions.append("region_code IN (SELECT value FROM json_each(?))")
            values.append(Self.encodeList(codes))
        }
        if let year = filter.year {
            conditions.append("year = ?")
            values.append(year)
        }
        if let metric = filter.metric {
            // White space inside a metric (占 GDP 比重) does not matter.
            conditions.append("instr(replace(metric, ' ', ''), replace(?, ' ', '')) > 0")
            values.append(metric)
        }
        if let policy = filter.policy {
            conditions.append("""
                policy_id IN (SELECT p.id FROM v_policies p
                              WHERE CAST(p.id AS TEXT) = ?1 OR instr(p.title, ?1) > 0 OR instr(p.alias, ?1) > 0)
                """.replacingOccurrences(of: "?1", with: "?\(values.count + 1)"))
            values.append(policy.removingWhitespace)
        }
        let sql = """
            SELECT id, kind, article_id, article_title, issue_date, policy_id, policy_title, region_code, region_name,
                   year, year_source, metric, comparator, value_exact, unit, stretch, target_id, evidence
            FROM v_goals WHERE \(conditions.joined(separator: " AND ")) ORDER BY article_id, id
            """
        return try database.prepare(sql).rows(values).map(Self.goalRow)
    }

    static func goalRow(_ row: Row) -> GoalRow {
        GoalRow(id: row["id"].int64 ?? 0, kind: row["kind"].string ?? "", articleID: row["article_id"].int64 ?? 0,
                articleTitle: row["article_title"].string ?? "", issueDate: row["issue_date"].string,
                policyID: row["policy_id"].int64, policyTitle: row["policy_title"].string,
                regionCode: row["region_code"].string, regionName: row["region_name"].string, year: row["year"].int,
                yearSource: row["year_source"].string ?? "none", metric: row["metric"].string ?? "",
                comparator: row["comparator"].string ?? "=", value: Decimal(string: row["value_exact"].string ?? "0") ?? 0,
                unit: row["unit"].string, stretch: row["stretch"].bool ?? false, targetID: row["target_id"].int64,
                evidence: decodeEvidence(row["evidence"].string))
    }

    /// Region codes a user's word names: a code, a name, a short name or an
    /// abbreviation; a province brings its prefecture-level cities.
    public func regionCodes(for input: String) throws -> [String] {
        let text = input.trimmingCharacters(in: " ")
        let direct = try database.rows("SELECT code FROM regions WHERE code = ? OR name = ?", [text.uppercased(), text])
        var code = direct.first?["code"].string
        if code == nil {
            code = try database.rows("""
                SELECT code FROM region_names WHERE name = ? ORDER BY priority DESC, code LIMIT 1
                """, [text]).first?["code"].string
        }
        guard let code else { throw PolicyError("unknown region「\(input)」: give a code (440300), a name (深圳市) or a short name (深圳)") }
        let children = try database.rows("SELECT code FROM regions WHERE parent_code = ? AND level = 'prefecture' ORDER BY code",
                                          [code]).compactMap { $0["code"].string }
        return [code] + children
    }

    static func decodeIDs(_ json: String?) -> [Int64] {
        guard let data = json?.data(using: .utf8),
              let list = try? JSONSerialization.jsonObject(with: data) as? [NSNumber] else { return [] }
        return list.map(\.int64Value)
    }

    static func decodeEvidence(_ json: String?) -> [EvidenceRow] {
        guard let data = json?.data(using: .utf8),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return list.map { item in
            EvidenceRow(articleID: (item["article_id"] as? NSNumber)?.int64Value ?? 0,
                        start: (item["start"] as? NSNumber)?.intValue ?? 0, end: (item["end"] as? NSNumber)?.intValue ?? 0,
                        text: item["text"] as? String ?? "")
        }
    }

    /// Row ids as a JSON array, for `IN (SELECT value FROM json_each(?))`.
    static func encodeIDs(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }

    static func encodeList(_ items: [String]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: items)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
