import PolicyNumbers
import Foundation
import PolicyExtraction
import SQLiteDB

extension ExtractedGoal.Kind: DatabaseValueDecodable {}
extension PolicyNumbers.Comparator: DatabaseValueDecodable {}
extension YearSource: DatabaseValueDecodable {}

extension PolicyStore {
    /// Policies matching `filter` (region: the policy's; sections and dates:
    /// of an article that names it), in the order first seen.
    public func policies(_ filter: RecordFilter = RecordFilter(), page: Page = .all) throws -> [PolicyRow] {
        var conditions = SQLConditions()
        conditions.append(filter, columns: .policies)
        return try database.prepare("""
            SELECT id, title, alias, region_code, region_name, start_year, end_year, effective_from, effective_until,
                   article_ids
            FROM v_policies\(conditions.whereClause) ORDER BY id\(page.clause)
            """).rows(conditions.values + page.values).map(PolicyRow.init(row:))
    }

    /// Targets matching `filter`, for horizon `year` when given, in article order.
    public func targets(_ filter: RecordFilter = RecordFilter(), year: Int? = nil, page: Page = .all) throws -> [TargetRow] {
        var conditions = SQLConditions()
        if let year { conditions.append("year = ?", [year]) }
        conditions.append(filter, columns: .targets)
        return try database.prepare("""
            SELECT id, article_id, policy_id, policy_title, region_code, region_name, year, year_source, text, start,
                   end, goal_ids
            FROM v_targets\(conditions.whereClause) ORDER BY article_id, id\(page.clause)
            """).rows(conditions.values + page.values).map(TargetRow.init(row:))
    }

    /// Goals matching `filter`, in article order; a goal found in several
    /// copies of a story once, unless `filter.allCopies`.
    public func goals(_ filter: GoalFilter = GoalFilter(), page: Page = .all) throws -> [GoalRow] {
        var conditions = filter.conditions
        if !filter.allCopies {
            let firstCopy = Self.firstCopyCondition(conditions)
            conditions.append(firstCopy.sql, firstCopy.values)
        }
        let sql = """
            SELECT id, kind, article_id, article_title, issue_date, policy_id, policy_title, region_code, region_name,
                   year, year_source, metric, comparator, value_exact, unit, stretch, target_id, evidence,
                   correction_id, rejected, correction_note, original, publication, issue_number
            FROM v_goals\(conditions.whereClause) ORDER BY article_id, id\(page.clause)
            """
        let goals = try database.prepare(sql).rows(conditions.values + page.values).map(GoalRow.init(row:))
        return filter.allCopies ? goals : try withCopies(goals)
    }

    /// Region codes a user's word names: a code, a name, a short name or an
    /// abbreviation; a province brings its prefecture-level cities.
    public func regionCodes(for input: String) throws -> [String] {
        let typed = input.trimmingCharacters(in: " ")
        // A name in traditional script (臺北市, 澳門, 香港特別行政區) is looked up
        // as typed, then folded to simplified, as search folds scripts.
        var code: String?
        for text in [typed, ScriptFold.fold(typed)] where code == nil {
            let direct = try database.rows("SELECT code FROM regions WHERE code = ? OR name = ?", [text.uppercased(), text])
            code = try direct.first?.decode("code")
            if code == nil {
                code = try database.rows("""
                    SELECT code FROM region_names WHERE name = ? ORDER BY priority DESC, code LIMIT 1
                    """, [text]).first?.decode("code")
            }
        }
        guard let code else { throw StoreError.unknownRegion(input) }
        let children = try database.rows("SELECT code FROM regions WHERE parent_code = ? AND level = 'prefecture' ORDER BY code",
                                          [code]).map { try $0.decode("code", as: String.self) }
        return [code] + children
    }
}

extension PolicyRow {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), title: try row.decode("title"), alias: try row.decodeIfPresent("alias"),
                  regionCode: try row.decodeIfPresent("region_code"), regionName: try row.decodeIfPresent("region_name"),
                  startYear: try row.decodeIfPresent("start_year"), endYear: try row.decodeIfPresent("end_year"),
                  effectiveFrom: try row.decodeIfPresent("effective_from"),
                  effectiveUntil: try row.decodeIfPresent("effective_until"),
                  articleIDs: try row.decodeJSON("article_ids"))
    }
}

extension TargetRow {
    init(row: Row) throws {
        self.init(id: try row.decode("id"), articleID: try row.decode("article_id"),
                  policyID: try row.decodeIfPresent("policy_id"), policyTitle: try row.decodeIfPresent("policy_title"),
                  regionCode: try row.decodeIfPresent("region_code"), regionName: try row.decodeIfPresent("region_name"),
                  year: try row.decode("year"), yearSource: try row.decode("year_source"), text: try row.decode("text"),
                  start: try row.decode("start"), end: try row.decode("end"), goalIDs: try row.decodeJSON("goal_ids"))
    }
}

extension GoalRow {
    init(row: Row) throws {
        let exact: String = try row.decode("value_exact")
        guard let value = Decimal(string: exact) else {
            throw RowDecodingError(column: "value_exact", problem: .typeMismatch(.text(exact), expected: "decimal number"))
        }
        self.init(id: try row.decode("id"), kind: try row.decode("kind"), articleID: try row.decode("article_id"),
                  articleTitle: try row.decode("article_title"), issueDate: try row.decodeIfPresent("issue_date"),
                  policyID: try row.decodeIfPresent("policy_id"), policyTitle: try row.decodeIfPresent("policy_title"),
                  regionCode: try row.decodeIfPresent("region_code"), regionName: try row.decodeIfPresent("region_name"),
                  year: try row.decodeIfPresent("year"), yearSource: try row.decode("year_source"),
                  metric: try row.decode("metric"), comparator: try row.decode("comparator"), value: value,
                  unit: try row.decodeIfPresent("unit"), stretch: try row.decode("stretch"),
                  targetID: try row.decodeIfPresent("target_id"),
                  // Target lines read goals without evidence ('[]'): a JSON decoder per row would cost more than the rest.
                  evidence: try row.decode("evidence", as: String.self) == "[]" ? [] : try row.decodeJSON("evidence"),
                  correction: try GoalCorrectionMark(row: row), publication: try row.decodeIfPresent("publication"),
                  issueNumber: try row.decodeIfPresent("issue_number"))
    }
}

extension Row {
    /// A column holding JSON (`json_group_array` in the views), decoded.
    func decodeJSON<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        let text: String = try decode(column)
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw RowDecodingError(column: column, problem: .typeMismatch(.text(text), expected: "JSON \(T.self)"))
        }
    }
}
