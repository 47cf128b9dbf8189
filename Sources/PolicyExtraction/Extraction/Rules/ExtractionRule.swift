/// A rule of goal extraction as a unit, after Duckling's rules: a name, the
/// stage it belongs to, the word tables it reads, and examples of its own —
/// sentences it must decide and sentences it must leave alone, in both
/// scripts. `ExtractionRuleTests` runs every example by the rule's id, and
/// `policykb extract --explain --format json` names the rules that decided
/// each quantity, so a wrong row says which rule to fix.
///
/// The rule's production is the function that fires it; the id it records
/// ties the two together (`QuantityDecision.rules`).
public struct ExtractionRule: Sendable {
    /// A rule's id: `stage.name` (`kind.goal-list`, `role.qualifier`).
    public struct ID: RawRepresentable, Hashable, Sendable, Comparable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }
        public static func < (a: ID, b: ID) -> Bool { a.rawValue < b.rawValue }
    }

    public enum Stage: String, Sendable, CaseIterable {
        /// Numbers inside names and fixed expressions (长三角).
        case number
        /// The document as context: lead-ins, headings, lists.
        case context
        /// The part a figure plays in its sentence.
        case role
        /// Target, incentive or statistic.
        case kind
        /// The year a goal is for.
        case year
        /// Whom a goal is of: its subject and region.
        case subject
        /// What a goal counts.
        case metric
    }

    public let id: ID
    public let stage: Stage
    /// What it decides, in a sentence.
    public let summary: String
    /// The `ExtractionWords` tables it reads.
    public let words: [String]
    public let examples: [Example]

    /// A sentence and what the rule does with one figure of it.
    public struct Example: Sendable {
        public enum Expectation: Sendable, Equatable {
            /// The rule decides the figure, which becomes this kind (nil:
            /// the figure is dropped), for this year when one is given.
            case decides(ExtractedGoal.Kind?, year: Int? = nil)
            /// The rule leaves the figure alone (a negative example).
            case ignores

            /// `target 2027`, `dropped`, `ignores`.
            public var description: String {
                switch self {
                case .decides(let kind, let year): return (kind?.rawValue ?? "dropped") + (year.map { " \($0)" } ?? "")
                case .ignores: return "ignores"
                }
            }
        }
        public let text: String
        /// The figure's surface as the scanner reads it (`5%左右`, `100家`).
        public let figure: String
        public let expect: Expectation
        public let issueYear: Int?

        public init(_ text: String, figure: String, _ expect: Expectation, issueYear: Int? = 2026) {
            self.text = text
            self.figure = figure
            self.expect = expect
            self.issueYear = issueYear
        }
    }
}

extension ExtractionRule.ID {
    // Stage: context (DocumentContext).
    static let contextHeading = Self(rawValue: "context.heading")
    static let contextColonList = Self(rawValue: "context.colon-list")
    static let contextGoesOn = Self(rawValue: "context.goes-on")
    static let contextResults = Self(rawValue: "context.results")
    static let contextPlanReport = Self(rawValue: "context.plan-report")
    static let contextTable = Self(rawValue: "context.table")

    // Stage: role (GoalExtractor+Role).
    static let numberInTitle = Self(rawValue: "number.in-title")
    static let roleBare = Self(rawValue: "role.bare")
    static let roleQualifier = Self(rawValue: "role.qualifier")
    static let roleCondition = Self(rawValue: "role.condition")
    static let roleApplicantTerm = Self(rawValue: "role.applicant-term")
    static let roleRateStep = Self(rawValue: "role.rate-step")
    static let roleDuration = Self(rawValue: "role.duration")
    static let roleTextCount = Self(rawValue: "role.text-count")
    static let roleArticle = Self(rawValue: "role.article")

    // Stage: kind (GoalExtractor+Kind, ClauseScopes).
    static let kindGoalList = Self(rawValue: "kind.goal-list")
    static let kindResults = Self(rawValue: "kind.results")
    static let kindPlanReport = Self(rawValue: "kind.plan-report")
    static let kindExpectedEffect = Self(rawValue: "kind.expected-effect")
    static let kindResultEffect = Self(rawValue: "kind.result-effect")
    static let kindChangeBase = Self(rawValue: "kind.change-base")
    static let kindReportCue = Self(rawValue: "kind.report-cue")
    static let kindNewsReportsFacts = Self(rawValue: "kind.news-reports-facts")
    static let kindPastAspect = Self(rawValue: "kind.past-aspect")
    static let kindYearOnYear = Self(rawValue: "kind.year-on-year")
    static let kindAnnualChange = Self(rawValue: "kind.annual-change")
    static let kindStateVerb = Self(rawValue: "kind.state-verb")
    static let kindSentenceReport = Self(rawValue: "kind.sentence-report")
    static let kindPastYearOpening = Self(rawValue: "kind.past-year-opening")
    static let kindPastYearNews = Self(rawValue: "kind.past-year-news")
    static let kindPastYearVerb = Self(rawValue: "kind.past-year-verb")
    static let kindGoesOnReport = Self(rawValue: "kind.goes-on-report")
    static let kindGrant = Self(rawValue: "kind.grant")
    static let kindFundSetUp = Self(rawValue: "kind.fund-set-up")
    static let kindPayment = Self(rawValue: "kind.payment")
    static let kindTaxRelief = Self(rawValue: "kind.tax-relief")
    static let kindHorizon = Self(rawValue: "kind.horizon")
    static let kindDefaultTarget = Self(rawValue: "kind.default-target")
    static let kindTableLaterYear = Self(rawValue: "kind.table-later-year")
    static let kindTableBaseYear = Self(rawValue: "kind.table-base-year")

    // Stage: year.
    static let yearHorizon = Self(rawValue: "year.horizon")
    static let yearGoalList = Self(rawValue: "year.goal-list")
    static let yearPolicyPeriod = Self(rawValue: "year.policy-period")
    static let yearOfReport = Self(rawValue: "year.of-report")

    // Stage: metric (GoalExtractor+Metric).
    static let metricNamedBefore = Self(rawValue: "metric.named-before")
    static let metricNamedAfter = Self(rawValue: "metric.named-after")
    static let metricLevelAfterChange = Self(rawValue: "metric.level-after-change")
    static let metricRespective = Self(rawValue: "metric.respective")
    static let metricPartOf = Self(rawValue: "metric.part-of")
    static let metricCarried = Self(rawValue: "metric.carried")
    static let metricGrantNamed = Self(rawValue: "metric.grant-named")
    static let metricChangeOf = Self(rawValue: "metric.change-of")

    // Stage: subject.
    static let subjectSharedFigure = Self(rawValue: "subject.shared-figure")

    // Stage: number.
    static let numberNumeralInsideWord = Self(rawValue: "number.numeral-inside-word")
}
