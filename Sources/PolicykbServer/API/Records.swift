import PolicyCore
import PolicyExtraction

/// Rows as the JSON API returns them. The keys are the CLI's JSON keys
/// (`policykb search|articles|policies|targets|goals|compare --format
/// json`), in the same order, so that a script moves between the two
/// without renaming anything.
enum Records {
    static func searchHit(_ hit: SearchHit) -> JSON {
        .object([
            "article_id": .int(hit.articleID), "title": .string(hit.title), "issue_date": JSON(hit.issueDate),
            "section": JSON(hit.section), "region_code": JSON(hit.regionCode),
            "score": .double((hit.score * 1_000_000).rounded() / 1_000_000),
            "snippet": .string(hit.markedSnippet), "snippet_plain": .string(hit.plainSnippet),
        ])
    }

    static func facets(_ facets: [(facet: SearchRequest.Facet, counts: [FacetCount])]) -> JSON {
        .object(facets.map { facet, counts in
            JSON.Field(key: facet.rawValue, value: .array(counts.map { count in
                .object(["value": JSON(count.value), "label": JSON(count.label), "count": .int(Int64(count.count))])
            }))
        })
    }

    static func articleFields(_ article: ArticleRow) -> [JSON.Field] {
        fields([
            "id": .int(article.id), "issue_date": JSON(article.issueDate), "issue_number": JSON(article.issueNumber),
            "cumulative_number": JSON(article.cumulativeNumber), "section": JSON(article.section),
            "position": .int(Int64(article.position)), "title": .string(article.title),
            "region_code": JSON(article.regionCode), "region_name": JSON(article.regionName),
            "source": JSON(article.source), "urls": .array(article.urls.map { .string($0) }),
            "body_chars": .int(Int64(article.bodyChars)),
        ])
    }

    /// One article whole, as `policykb show --format json` writes it: its
    /// listing fields, then its source file, body (also with the evidence
    /// marked `[…]`) and what was extracted from it, each list in the CLI's
    /// row shape.
    static func article(_ detail: ArticleDetail) -> JSON {
        .object(articleFields(detail.article) + fields([
            "source_file": .string(detail.sourceFile),
            "body": .string(detail.body),
            "body_marked": .string(MatchMark.render(detail.markedBody, open: "[", close: "]")),
            "policies": .array(detail.policies.map { mention in
                .object(["policy_id": .int(mention.policyID), "title": .string(mention.title), "alias": JSON(mention.alias),
                         "start_year": JSON(mention.startYear), "end_year": JSON(mention.endYear),
                         "start": .int(Int64(mention.start)), "end": .int(Int64(mention.end))])
            }),
            "targets": .array(detail.targets.map(target)),
            "goals": .array(detail.goals.map(goal)),
        ]))
    }

    static func policy(_ policy: PolicyRow) -> JSON {
        .object(policyFields(policy))
    }

    static func policyFields(_ policy: PolicyRow) -> [JSON.Field] {
        fields([
            "id": .int(policy.id), "title": .string(policy.title), "alias": JSON(policy.alias),
            "region_code": JSON(policy.regionCode), "region_name": JSON(policy.regionName),
            "start_year": JSON(policy.startYear), "end_year": JSON(policy.endYear),
            "effective_from": JSON(policy.effectiveFrom), "effective_until": JSON(policy.effectiveUntil),
            "article_ids": .array(policy.articleIDs.map { .int($0) }),
        ])
    }

    /// One policy whole: its listing fields, the articles naming it in date
    /// order, its targets and its goals.
    static func policy(_ detail: PolicyDetail) -> JSON {
        .object(policyFields(detail.policy) + fields([
            "mentions": .array(detail.mentions.map { mention in
                .object(["article_id": .int(mention.articleID), "article_title": .string(mention.articleTitle),
                         "issue_date": JSON(mention.issueDate), "publication": .string(mention.publication),
                         "issue_number": JSON(mention.issueNumber), "alias": JSON(mention.alias)])
            }),
            "targets": .array(detail.targets.map(target)),
            "goals": .array(detail.goals.map(goal)),
        ]))
    }

    static func target(_ target: TargetRow) -> JSON {
        .object([
            "id": .int(target.id), "article_id": .int(target.articleID), "policy_id": JSON(target.policyID),
            "policy_title": JSON(target.policyTitle), "region_code": JSON(target.regionCode),
            "year": .int(Int64(target.year)),
            "year_source": .string(target.yearSource.rawValue), "text": .string(target.text),
            "start": .int(Int64(target.start)), "end": .int(Int64(target.end)),
            "goal_ids": .array(target.goalIDs.map { .int($0) }),
        ])
    }

    static func goal(_ goal: GoalRow) -> JSON {
        .object([
            "id": .int(goal.id), "kind": .string(goal.kind.rawValue), "article_id": .int(goal.articleID),
            "article_title": .string(goal.articleTitle), "policy_id": JSON(goal.policyID),
            "policy_title": JSON(goal.policyTitle), "region_code": JSON(goal.regionCode),
            "region_name": JSON(goal.regionName), "year": JSON(goal.year), "metric": .string(goal.metric),
            "comparator": .string(goal.comparator.rawValue), "value": .number("\(goal.value)"), "unit": JSON(goal.unit),
            "stretch": .bool(goal.stretch), "evidence": .array(goal.evidence.map(evidence)),
        ])
    }

    static func evidence(_ span: EvidenceRow) -> JSON {
        .object(["article_id": .int(span.articleID), "start": .int(Int64(span.start)), "end": .int(Int64(span.end)),
                 "text": .string(span.text)])
    }

    /// The columns of `policykb compare`, in its order.
    static let compareColumns = ["unit", "year", "region_code", "region_name", "metric", "comparator", "value",
                                 "readable_value", "stretch", "policy_title", "goal_id", "evidence"]

    /// A compared goal as `policykb compare --format json` writes it.
    static func compared(_ goal: GoalRow) -> JSON {
        .object(zip(compareColumns, comparedValues(goal)).map { JSON.Field(key: $0, value: $1) })
    }

    static func comparedValues(_ goal: GoalRow) -> [JSON] {
        [JSON(goal.unit), JSON(goal.year), JSON(goal.regionCode), JSON(goal.regionName), .string(goal.metric),
         .string(goal.comparator.rawValue), .number("\(goal.value)"), .string(goal.figure), .bool(goal.stretch),
         JSON(goal.policyTitle), .int(goal.id), .string(goal.evidence.first?.text ?? "")]
    }

    private static func fields(_ pairs: KeyValuePairs<String, JSON>) -> [JSON.Field] {
        pairs.map { JSON.Field(key: $0.key, value: $0.value) }
    }
}
