import Foundation
import Testing
@testable import PolicyExtraction

/// Story matching on the pairs of `StoryPairs`: every copy joins its
/// original, no hard negative does.
@Suite struct StoryMatchTests {
    static func fingerprint(_ text: String) -> StoryFingerprint {
        StoryFingerprint(text: text)
    }

    @Test func everyCopyMatchesAndNoNegativeDoes() {
        var truePositives = 0, falsePositives = 0, falseNegatives = 0
        for pair in StoryPairs.pairs {
            let match = StoryMatch(Self.fingerprint(pair.a), Self.fingerprint(pair.b), gazetteer: TestGazetteer.shared)
            #expect(match.isSameStory == pair.sameStory,
                    "\(pair.name): \(match.verdict), containment \(match.containment), ratio \(match.lengthRatio)")
            switch (match.isSameStory, pair.sameStory) {
            case (true, true): truePositives += 1
            case (true, false): falsePositives += 1
            case (false, true): falseNegatives += 1
            case (false, false): break
            }
        }
        #expect(falsePositives == 0)
        #expect(truePositives + falseNegatives >= 30)
        #expect(Double(truePositives) / Double(truePositives + falseNegatives) >= 0.95)
    }

    /// Every copy shares an LSH band with its original, so ingest finds it
    /// as a candidate.
    @Test func everyCopyIsACandidate() {
        for pair in StoryPairs.pairs where pair.sameStory {
            let a = Self.fingerprint(pair.a), b = Self.fingerprint(pair.b)
            #expect(!Set(a.bandKeys).isDisjoint(with: b.bandKeys), "\(pair.name): jaccard \(StoryMatch(a, b).jaccard)")
        }
    }

    /// Every copy's signature agrees with its original's on enough bins to
    /// be compared; the unrelated pairs' do not.
    @Test func signaturesLetEveryCopyThrough() {
        for pair in StoryPairs.pairs {
            let a = Self.fingerprint(pair.a), b = Self.fingerprint(pair.b)
            #expect(a.signature == StorySketch(text: pair.a).signature)
            let match = StoryMatch(a, b)
            if pair.sameStory { #expect(StoryMatch.likely(a.signature, b.signature[...]), "\(pair.name): jaccard \(match.jaccard)") }
            if match.jaccard < 0.05 { #expect(!StoryMatch.likely(a.signature, b.signature[...]), "\(pair.name)") }
        }
    }

    /// The thresholds sit inside the gap between copies and negatives that
    /// pass the guards' other checks: the least containment of a copy is
    /// above `minimumContainment`, the largest of an unrelated text below.
    @Test func thresholdsSitInTheGap() {
        var copies: [Double] = [], unrelated: [Double] = []
        for pair in StoryPairs.pairs {
            let match = StoryMatch(Self.fingerprint(pair.a), Self.fingerprint(pair.b), gazetteer: TestGazetteer.shared)
            if pair.sameStory { copies.append(match.containment) }
            else if match.verdict == .tooDifferent { unrelated.append(match.containment) }
        }
        let leastCopy = copies.min() ?? 0, mostUnrelated = unrelated.max() ?? 1
        if ProcessInfo.processInfo.environment["POLICYKB_STORY_SWEEP"] != nil {
            print("least containment of a copy \(leastCopy), most of an unrelated pair \(mostUnrelated)")
            for pair in StoryPairs.pairs {
                let match = StoryMatch(Self.fingerprint(pair.a), Self.fingerprint(pair.b), gazetteer: TestGazetteer.shared)
                print(String(format: "%@\t%.3f\t%.3f\t%.3f\t%@", pair.name, match.containment, match.jaccard, match.lengthRatio,
                             "\(match.verdict)"))
            }
        }
        #expect(leastCopy > StoryMatch.minimumContainment)
        #expect(mostUnrelated < StoryMatch.minimumContainment)
    }

    @Test func fingerprintsAreDeterministicAndFoldScripts() {
        let simplified = Self.fingerprint(StoryPairs.dataBureau.body)
        let traditional = Self.fingerprint(StoryPairs.dataBureauTraditional.body)
        #expect(simplified.bandKeys == Self.fingerprint(StoryPairs.dataBureau.body).bandKeys)
        #expect(simplified.bandKeys.count == StoryFingerprint.bands)
        #expect(StoryText("數據，１２００．５億；1,200.5 ABC").scalars == StoryText("数据1200.5亿1200.5abc").scalars)
        #expect(StoryText("规模达1,200.5亿元，增长3.").figures.map(\.text) == ["1200.5", "3"])
        // The fold of both scripts makes the two copies' shingles nearly one set.
        #expect(StoryMatch(simplified, traditional).jaccard > 0.9)
    }

    /// The radix sort of shingle hashes orders as the standard sort does,
    /// duplicates and values differing only in their high bytes included.
    @Test func shingleHashesSortAsTheStandardSort() {
        var state: UInt64 = 7
        var values: [UInt32] = (0..<3_000).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt32(truncatingIfNeeded: state >> 29)
        }
        values += values.prefix(100) + [0, .max, 1 << 31, 1 << 22, 1 << 11, 2047]
        #expect(StoryFingerprint.sorted(values) == values.sorted())
        #expect(StoryFingerprint.sorted(Array(values.prefix(10))) == Array(values.prefix(10)).sorted())
        // A candidate's regions are computed only when asked, and are the text's.
        #expect(Self.fingerprint("杭州发布算力券，支持企业上云用数赋智。").regions(in: TestGazetteer.shared).isEmpty == false)
    }

    /// The sketch ingest makes on its worker threads gives the keys of the
    /// full fingerprint, and both give the keys of the shingles' 64-bit
    /// hashes taken one by one (as files written before the sketch stored
    /// them), so stored bands keep meeting new ones.
    @Test func sketchesGiveTheFingerprintsBandKeys() {
        // Characters of every UTF-8 length: the sketch decodes the bytes itself.
        let mixed = "𠮷野家在Café開設第２家门店，𠀋年营收增長１２．５%，São Paulo分店同步开业，投资3000万元。"
        let texts = StoryPairs.pairs.flatMap { [$0.a, $0.b] } + ["深圳发布算力券。", "", "，。", mixed, mixed + mixed]
        for text in texts {
            let sketch = StorySketch(text: text), fingerprint = Self.fingerprint(text)
            #expect(sketch.bandKeys == fingerprint.bandKeys, "\(text.prefix(20))")
            #expect(sketch.textHash == fingerprint.textHash && sketch.length == fingerprint.length)
            let scalars = StoryText(text).scalars
            guard scalars.count >= StoryFingerprint.minimumCharacters else { continue }
            var minima = [UInt64](repeating: .max, count: StoryFingerprint.bands * StoryFingerprint.rowsPerBand)
            for start in 0...(scalars.count - StoryFingerprint.shingleLength) {
                let hash = StoryFingerprint.shingle(scalars, at: start)
                let bin = Int(((hash >> 32) &* UInt64(minima.count)) >> 32)
                minima[bin] = min(minima[bin], hash & 0xFFFF_FFFF)
            }
            #expect(StoryFingerprint.bandKeys(densified: StoryFingerprint.densified(minima)) == sketch.bandKeys)
        }
        // Figures are spelled from their places: full-width points and
        // thousands commas, and a point no digit follows.
        #expect(StoryText("增至１２，０００．５個、2.5%和7.").figures.map(\.text) == ["12000.5", "2.5", "7"])
    }

    @Test func shortTextsMatchOnlyWhenIdentical() {
        let a = Self.fingerprint("深圳发布算力券。"), b = Self.fingerprint("深圳發佈算力券")
        #expect(a.bandKeys.count == 1 && a.bandKeys == b.bandKeys)
        #expect(StoryMatch(a, b).isSameStory)
        #expect(!StoryMatch(a, Self.fingerprint("杭州发布算力券。")).isSameStory)
    }
}
