import PolicyExtraction

// Each row's one shape: its columns in order and its values, rendered by
// the command line (table, JSON, CSV) and by the server's API alike.

extension ArticleRow: OutputRecord {
    public static let columns = ["id", "issue_date", "date_precision", "issue_number", "cumulative_number", "section", "position", "title",
                                 "region_code", "region_name", "source", "urls", "body_chars"]
    public var values: [RecordValue] {
        [.int(id), issueDateLabel, .string(datePrecision.rawValue), RecordValue(issueNumber), RecordValue(cumulativeNumber), RecordValue(section),
         .int(Int64(position)), .string(title), RecordValue(regionCode), RecordValue(regionName), RecordValue(source),
         .array(urls.map { .string($0) }), .int(Int64(bodyChars))]
    }
}

extension PolicyRow: OutputRecord {
    public static let columns = ["id", "title", "alias", "region_code", "region_name", "start_year", "end_year",
                                 "effective_from", "effective_until", "article_ids"]
    public var values: [RecordValue] {
        [.int(id), .string(title), RecordValue(alias), RecordValue(regionCode), RecordValue(regionName),
         RecordValue(startYear), RecordValue(endYear), RecordValue(effectiveFrom), RecordValue(effectiveUntil),
         .array(articleIDs.map { .int($0) })]
    }
}

extension TargetRow: OutputRecord {
    public static let columns = ["id", "article_id", "policy_id", "policy_title", "region_code", "year", "year_source",
                                 "text", "start", "end", "goal_ids"]
    public var values: [RecordValue] {
        [.int(id), .int(articleID), RecordValue(policyID), RecordValue(policyTitle), RecordValue(regionCode),
         .int(Int64(year)), .string(yearSource.rawValue), .string(text), .int(Int64(start)), .int(Int64(end)),
         .array(goalIDs.map { .int($0) })]
    }
}

extension EvidenceRow: OutputRecord {
    public static let columns = ["article_id", "start", "end", "text"]
    public var values: [RecordValue] { [.int(articleID), .int(Int64(start)), .int(Int64(end)), .string(text)] }
}

extension GoalRow: OutputRecord {
    public static let columns = ["id", "kind", "article_id", "article_title", "policy_id", "policy_title", "region_code",
                                 "region_name", "year", "metric", "comparator", "value", "unit", "stretch", "evidence",
                                 "corrected", "rejected", "correction_note", "original", "copies", "article_ids"]
    public var values: [RecordValue] {
        [.int(id), .string(kind.rawValue), .int(articleID), .string(articleTitle), RecordValue(policyID),
         RecordValue(policyTitle), RecordValue(regionCode), RecordValue(regionName), RecordValue(year), .string(metric),
         .string(comparator.rawValue), .number("\(value)"), RecordValue(unit), .bool(stretch),
         .array(allEvidence.map(\.object))] + correctionValues + copyValues
    }

    /// Its evidence, then that of the same goal in each other copy of its story.
    var allEvidence: [EvidenceRow] { evidence + copies.flatMap(\.evidence) }

    /// `copies` (how many articles state it) and `article_ids` (which).
    var copyValues: [RecordValue] { [.int(Int64(1 + copies.count)), .array(articleIDs.map { .int($0) })] }

    /// `corrected`, `rejected`, `correction_note` and `original` (what
    /// extraction found, null for a goal as extracted).
    var correctionValues: [RecordValue] {
        [.bool(correction != nil), .bool(correction?.rejected ?? false), RecordValue(correction?.note),
         correction?.original.object ?? .null]
    }
}

/// A goal as `compare` shows it: grouped by unit and year, its readable
/// figure, and its first evidence.
public struct ComparedGoal: OutputRecord, Sendable {
    public let goal: GoalRow
    public init(_ goal: GoalRow) { self.goal = goal }

    public static let columns = ["unit", "year", "region_code", "region_name", "metric", "comparator", "value",
                                 "readable_value", "stretch", "policy_title", "goal_id", "evidence",
                                 "corrected", "rejected", "correction_note", "original", "copies", "article_ids"]
    public var values: [RecordValue] {
        [RecordValue(goal.unit), RecordValue(goal.year), RecordValue(goal.regionCode), RecordValue(goal.regionName),
         .string(goal.metric), .string(goal.comparator.rawValue), .number("\(goal.value)"), .string(goal.figure),
         .bool(goal.stretch), RecordValue(goal.policyTitle), .int(goal.id), .string(goal.evidence.first?.text ?? "")]
            + goal.correctionValues + goal.copyValues
    }
}

extension SearchHit: OutputRecord {
    public static let columns = ["article_id", "title", "issue_date", "date_precision", "section", "region_code", "score", "snippet",
                                 "snippet_plain", "story_id", "copies"]
    public var values: [RecordValue] {
        [.int(articleID), .string(title), issueDateLabel, .string(datePrecision.rawValue), RecordValue(section), RecordValue(regionCode),
         .double((score * 1_000_000).rounded() / 1_000_000), .string(markedSnippet), .string(plainSnippet),
         RecordValue(storyID), .int(Int64(copies))]
    }
}

extension TimelineCount: OutputRecord {
    public static let columns = ["region_code", "region_name", "year", "count"]
    public var values: [RecordValue] {
        [RecordValue(regionCode), RecordValue(regionName), .int(Int64(year)), .int(Int64(count))]
    }
}

extension PolicyMention: OutputRecord {
    public static let columns = ["policy_id", "title", "alias", "start_year", "end_year", "start", "end"]
    public var values: [RecordValue] {
        [.int(policyID), .string(title), RecordValue(alias), RecordValue(startYear), RecordValue(endYear),
         .int(Int64(start)), .int(Int64(end))]
    }
}

extension PolicyArticleMention: OutputRecord {
    public static let columns = ["article_id", "article_title", "issue_date", "date_precision", "publication", "issue_number", "alias"]
    public var values: [RecordValue] {
        [.int(articleID), .string(articleTitle), issueDateLabel, .string(datePrecision.rawValue), .string(publication), RecordValue(issueNumber),
         RecordValue(alias)]
    }
}

extension ArticleDetail {
    /// The article whole, as `show --format json` and `/api/articles/ID`
    /// write it: its listing fields, its source file, its body (also with
    /// the evidence marked `[…]`) and what was extracted from it.
    public var object: RecordValue {
        guard case .object(let fields) = article.object else { return article.object }
        return .object(fields + [
            .init(key: "source_file", value: .string(sourceFile)),
            .init(key: "body", value: .string(body)),
            .init(key: "body_marked", value: .string(MatchMark.render(markedBody, open: "[", close: "]"))),
            .init(key: "policies", value: .array(policies.map(\.object))),
            .init(key: "targets", value: .array(targets.map(\.object))),
            .init(key: "goals", value: .array(goals.map(\.object))),
            .init(key: "story_id", value: RecordValue(appearances.first?.storyID)),
            .init(key: "appearances", value: .array(appearances.map(\.object))),
        ])
    }
}

extension PolicyDetail {
    /// The policy whole: its listing fields, the articles naming it in date
    /// order, its targets and its goals.
    public var object: RecordValue {
        guard case .object(let fields) = policy.object else { return policy.object }
        return .object(fields + [
            .init(key: "mentions", value: .array(mentions.map(\.object))),
            .init(key: "targets", value: .array(targets.map(\.object))),
            .init(key: "goals", value: .array(goals.map(\.object))),
        ])
    }
}

extension FacetCount {
    /// Facet counts by facet, as `search --facets` writes them.
    public static func object(_ facets: [(facet: SearchRequest.Facet, counts: [FacetCount])]) -> RecordValue {
        .object(facets.map { facet, counts in
            RecordValue.Field(key: facet.rawValue, value: .array(counts.map { count in
                .object(["value": RecordValue(count.value), "label": RecordValue(count.label), "count": .int(Int64(count.count))])
            }))
        })
    }
}
