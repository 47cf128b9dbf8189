import PolicyCore
import Testing

/// How two machines' versions of one correction merge (`CorrectionRecord.merged`).
@Suite struct CorrectionRecordTests {
    static func record(updated: String, created: String = "2026-12-01T08:00:00Z", value: String? = nil, year: Int? = nil,
                       metric: String? = nil, note: String? = nil, rejected: Bool = false,
                       originalValue: String = "100") -> CorrectionRecord {
        CorrectionRecord(
            key: .init(articleDigest: "ab12", start: 10, end: 18), evidence: "不少于100家", articleTitle: "通知",
            sourceFile: "a.txt", rejected: rejected, kind: nil, metric: metric, comparator: nil, valueExact: value,
            value: value.flatMap { Double($0) }, unit: nil, year: year, note: note,
            original: OriginalGoalValues(kind: "target", metric: "企业", comparator: ">=", valueExact: originalValue, unit: "家",
                                         year: nil),
            createdAt: created, updatedAt: updated)
    }

    @Test func theLaterVersionWinsFieldByFieldAndARejectionStays() {
        let early = Self.record(updated: "2026-12-02T09:00:00Z", value: "120", year: 2027, rejected: true)
        let late = Self.record(updated: "2026-12-03T09:00:00Z", created: "2026-12-03T09:00:00Z", value: "150",
                               metric: "高新技术企业", originalValue: "999")
        let merged = early.merged(with: late)
        #expect(merged.valueExact == "150")
        #expect(merged.value == 150)
        #expect(merged.year == 2027)
        #expect(merged.metric == "高新技术企业")
        #expect(merged.rejected)
        #expect(merged.updatedAt == "2026-12-03T09:00:00Z")
        // The first creation keeps what extraction found.
        #expect(merged.createdAt == "2026-12-01T08:00:00Z")
        #expect(merged.original.valueExact == "100")
    }

    /// Two versions give one result whichever is merged into which, a
    /// version merged again changes nothing, and a copy that took the hub's
    /// version gives it back unchanged: machines that push and pull converge.
    @Test func twoVersionsMergeAlikeEitherWayAndConverge() {
        let versions = [
            Self.record(updated: "2026-12-02T09:00:00Z", value: "120"),
            Self.record(updated: "2026-12-02T09:00:00Z", value: "130", note: "same second"),
            Self.record(updated: "2026-12-04T09:00:00Z", year: 2030),
            Self.record(updated: "2026-12-01T09:00:00Z", metric: "企业数", rejected: true),
        ]
        for a in versions {
            #expect(a.merged(with: a) == a)
            for b in versions {
                let merged = a.merged(with: b)
                #expect(merged == b.merged(with: a))
                #expect(a.merged(with: merged) == merged && b.merged(with: merged) == merged)
                #expect(merged.rejected == (a.rejected || b.rejected))
            }
        }
        // The same second: decided by content, the same on every machine.
        let tie = versions[0].merged(with: versions[1])
        #expect(tie.valueExact == versions[1].merged(with: versions[0]).valueExact)
        #expect(tie.note == "same second")
    }
}
