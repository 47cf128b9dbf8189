import Foundation
import PolicykbTestSupport
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// Damaged input gets an error or a result, never a crash: bulletins cut,
/// shuffled and sprinkled with stray bytes, and arbitrary text through the
/// extractor.
@Suite struct RobustnessTests {
    @Test func damagedBulletinsNeverCrashTheParser() throws {
        let store = try PolicyStore(path: ":memory:")
        let preparer = IssuePreparer(gazetteer: try store.gazetteer())
        var base = [try TestPaths.fixture("variant-bulletin.txt")]
        if TestPaths.hasSharedCorpus { base.append(try String(contentsOf: TestPaths.realBulletin, encoding: .utf8)) }
        var rng = SplitMix64(seed: 99)
        var parsed = 0, refused = 0
        for round in 0..<300 {
            var lines = base[round % base.count].components(separatedBy: "\n")
            switch rng.next() % 5 {
            case 0: lines = Array(lines.prefix(Int(rng.next() % UInt64(lines.count + 1))))
            case 1: if lines.count > 2 { lines.remove(at: Int(rng.next() % UInt64(lines.count))) }
            case 2: lines.shuffle(using: &rng)
            case 3:
                let index = Int(rng.next() % UInt64(lines.count))
                lines[index] = String(lines[index].shuffled(using: &rng))
            default:
                let index = Int(rng.next() % UInt64(lines.count))
                lines.insert(["本期要目", "- 01", "《", "（来源：", "原文链接：<http", "到2027年，", "不少于", "万亿元以上"]
                    .randomElement(using: &rng) ?? "", at: index)
            }
            var bytes = Array(lines.joined(separator: "\n").utf8)
            if rng.next() % 4 == 0, !bytes.isEmpty {
                bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next())
            }
            do {
                let prepared = try preparer.prepare(SourceFile(path: "/fuzz/\(round).txt"), bytes: bytes)
                parsed += 1
                // Whatever is found quotes its article exactly.
                for article in prepared.articles {
                    let scalars = Array(article.parsed.body.unicodeScalars)
                    for goal in article.extraction.goals {
                        for span in goal.evidence {
                            #expect(span.start >= 0 && span.end <= scalars.count && span.start <= span.end)
                            #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.text)
                        }
                    }
                }
            } catch {
                refused += 1
            }
        }
        // Only bytes that are not text are refused now: damage gives warnings.
        #expect(parsed > 250)
        #expect(parsed + refused == 300)
    }

    @Test func arbitraryTextThroughTheExtractor() throws {
        let extractor = try TextExtractor()
        var rng = SplitMix64(seed: 7)
        let alphabet = Array("到2027年，培育核心企业不少于50家万亿元以上力争百余项、。《》（以下简称《方案》）%％个百分点约近超过突破级十二三两〇零 \n5GL3—L5“1+3+N”截至已累计")
        for _ in 0..<500 {
            let length = Int(rng.next() % 80)
            let text = String((0..<length).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] })
            let result = extractor.extract(text, issueYear: 2025)
            let scalars = Array(text.unicodeScalars)
            for goal in result.goals {
                for span in goal.evidence {
                    #expect(String(String.UnicodeScalarView(scalars[span.start..<span.end])) == span.text, "\(text)")
                }
            }
            for target in result.targets {
                #expect(String(String.UnicodeScalarView(scalars[target.start..<target.end])) == target.text, "\(text)")
            }
        }
    }
}
