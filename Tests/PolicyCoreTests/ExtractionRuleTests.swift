import Testing
@testable import PolicyExtraction

/// Every extraction rule's examples, run by the rule's id: each positive
/// example must be decided by the rule (with the kind and year it names),
/// each negative one left alone.
@Suite struct ExtractionRuleTests {
    static let extractor: TextExtractor? = try? TextExtractor()

    @Test(arguments: ExtractionRules.catalogue.map(\.id.rawValue))
    func examplesHold(_ id: String) throws {
        let extractor = try #require(Self.extractor)
        let rule = try #require(ExtractionRules.rule(ExtractionRule.ID(rawValue: id)))
        for example in rule.examples {
            if rule.stage == .number {
                try checkScanner(example, rule: rule, extractor: extractor)
                continue
            }
            let decisions = extractor.explain(example.text, issueYear: example.issueYear)
            let decision = try #require(decisions.first { $0.quantity.surface == example.figure },
                                        "\(id): no figure \(example.figure) in \(example.text); found \(decisions.map(\.quantity.surface))")
            switch example.expect {
            case .decides(let kind, let year):
                #expect(decision.rules.contains(rule.id),
                        "\(id) did not decide \(example.figure) in \(example.text): \(decision.rules) — \(decision.summary)")
                if let kind {
                    #expect(decision.outcome == .kept(kind), "\(id): \(example.figure) in \(example.text) — \(decision.summary)")
                } else {
                    #expect(decision.outcome == .dropped, "\(id): \(example.figure) in \(example.text) — \(decision.summary)")
                }
                if let year {
                    #expect(decision.goal?.year == year, "\(id): year of \(example.figure) in \(example.text)")
                }
            case .ignores:
                #expect(!decision.rules.contains(rule.id),
                        "\(id) decided \(example.figure) in its negative example \(example.text): \(decision.summary)")
            }
        }
    }

    /// A number-stage rule acts in the scanner: its positive examples leave
    /// no quantity over the figure, its negative ones one.
    func checkScanner(_ example: ExtractionRule.Example, rule: ExtractionRule, extractor: TextExtractor) throws {
        let scalars = Array(example.text.unicodeScalars), figure = Array(example.figure.unicodeScalars)
        let start = try #require((0...(scalars.count - figure.count)).first { Array(scalars[$0..<($0 + figure.count)]) == figure })
        let covered = extractor.quantities(in: example.text).contains { $0.start <= start && start < $0.end }
        switch example.expect {
        case .decides: #expect(!covered, "\(rule.id): a quantity over \(example.figure) in \(example.text)")
        case .ignores: #expect(covered, "\(rule.id): no quantity over \(example.figure) in \(example.text)")
        }
    }

    /// A rule is finished when it has a negative example and examples in
    /// both scripts; every id the code records is in the catalogue.
    @Test func everyRuleHasBothScriptsAndANegative() {
        for rule in ExtractionRules.catalogue {
            #expect(rule.examples.contains { $0.expect == .ignores }, "\(rule.id) has no negative example")
            let traditional = rule.examples.contains { example in
                example.text.unicodeScalars.contains { ScriptFold.fold($0) != $0 }
            }
            #expect(traditional, "\(rule.id) has no example in traditional script")
            #expect(rule.examples.contains { example in !example.text.unicodeScalars.contains { ScriptFold.fold($0) != $0 } },
                    "\(rule.id) has no example in simplified script")
        }
        let ids = ExtractionRules.catalogue.map(\.id)
        #expect(Set(ids).count == ids.count, "a rule id is listed twice")
    }
}
