/// Whether two articles are copies of one story, and why.
///
/// A candidate pair (one shared LSH band) is confirmed on the texts
/// themselves: the shorter's shingles must lie mostly in the longer
/// (containment), the shorter must be a fair share of the longer (a
/// round-up quoting one item whole is not a copy of it), and — the guard
/// against formulaic news, where one template serves many regions and
/// figures — every figure and every region the shorter text states must
/// appear in the longer one. A follow-up with new figures, or the same plan
/// announced by another city, therefore never joins the story.
public struct StoryMatch: Sendable, Equatable {
    /// Least share of the shorter text's shingles found in the longer.
    public static let minimumContainment = 0.6
    /// Least size of the shorter text against the longer, in shingles.
    public static let minimumLengthRatio = 0.4

    public enum Verdict: Sendable, Equatable {
        case sameStory
        case tooDifferent
        case tooShortAgainstOther
        case figuresDiffer(missing: [String])
        case regionsDiffer(missing: [String])
        case shortTextsDiffer
    }

    /// Shared shingles over the shorter text's shingles.
    public let containment: Double
    /// Shared shingles over the union.
    public let jaccard: Double
    /// The shorter text's shingles over the longer's.
    public let lengthRatio: Double
    public let verdict: Verdict

    public var isSameStory: Bool { verdict == .sameStory }

    /// Least number of the 40 MinHash bins on which a candidate must agree
    /// with the new text to be compared on the texts. The agreements of
    /// two texts of Jaccard similarity J are binomial (40, J): a copy the
    /// matcher accepts has J ≥ 0.4 in every pair of `StoryPairs` (0.47 the
    /// least; 0.2 at the limit of what containment and length allow), and
    /// fails this test with probability 3·10⁻⁵ at J = 0.4 and 0.003 at 0.3;
    /// an unrelated candidate that met the new text on one band by chance
    /// (J < 0.1, every candidate of a 20 MB generated corpus) agrees on
    /// the two bins of that band and seldom on three more.
    public static let minimumSignatureAgreement = 5

    /// Whether two signatures agree on enough bins for their texts to be
    /// worth comparing. Without a signature (a short text, an article
    /// stored without one), always.
    public static func likely(_ a: [UInt16], _ b: ArraySlice<UInt16>) -> Bool {
        guard a.count == b.count, !a.isEmpty else { return true }
        var agreeing = 0
        var j = b.startIndex
        for value in a {
            if value == b[j] { agreeing += 1 }
            j += 1
        }
        return agreeing >= minimumSignatureAgreement
    }

    /// The figures (or regions) of the shorter text that the longer lacks
    /// although it has the words beside them: there the longer says
    /// another figure or names another region. One that the longer lacks
    /// with its words (a passage the other copy cut) is no conflict.
    static func conflicts(_ items: [String: [UInt32]], _ others: [String: [UInt32]], in longer: StoryFingerprint) -> [String] {
        items.filter { item, context in others[item] == nil && context.contains(where: longer.contains(shingle:)) }
            .keys.sorted()
    }

    /// - Parameter gazetteer: the regions the guard looks for, read only
    ///   for a pair that passed every other test.
    public init(_ a: StoryFingerprint, _ b: StoryFingerprint, gazetteer: @autoclosure () -> Gazetteer = .seeded) {
        let (shorter, longer) = a.shingles.count <= b.shingles.count ? (a, b) : (b, a)
        let shared = a.sharedShingles(with: b)
        let union = a.shingles.count + b.shingles.count - shared
        containment = shorter.shingles.isEmpty ? 0 : Double(shared) / Double(shorter.shingles.count)
        jaccard = union == 0 ? 0 : Double(shared) / Double(union)
        lengthRatio = longer.shingles.isEmpty ? 0 : Double(shorter.shingles.count) / Double(longer.shingles.count)
        if shorter.length < StoryFingerprint.minimumCharacters {
            verdict = a.textHash == b.textHash && a.length == b.length ? .sameStory : .shortTextsDiffer
        } else if containment < Self.minimumContainment {
            verdict = .tooDifferent
        } else if lengthRatio < Self.minimumLengthRatio {
            verdict = .tooShortAgainstOther
        } else if case let missing = Self.conflicts(shorter.figures, longer.figures, in: longer), !missing.isEmpty {
            verdict = .figuresDiffer(missing: missing)
        } else if case let missing = Self.conflicts(shorter.regions(in: gazetteer()), longer.regions(in: gazetteer()), in: longer), !missing.isEmpty {
            verdict = .regionsDiffer(missing: missing)
        } else {
            verdict = .sameStory
        }
    }
}
