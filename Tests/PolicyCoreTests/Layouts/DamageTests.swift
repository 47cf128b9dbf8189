import Foundation
import PolicykbTestSupport
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// Bulletins damaged at random — bytes flipped, lines deleted and
/// duplicated, a title line deleted, the tail cut, invalid bytes inserted —
/// 500 copies of each annotated bulletin, with a seeded generator. No copy
/// crashes; none with readable text is refused; and in every copy, every
/// article whose title line and body were left intact is found, with its
/// body whole.
@Suite struct DamageTests {
    /// One line of a damaged copy: its bytes, and the line of the original
    /// it came from (nil for an inserted duplicate).
    struct Line {
        var origin: Int?
        var bytes: [UInt8]
    }

    struct Reference {
        var title: String
        /// Original lines (0-based) the article spans: title to the next title.
        var lines: Range<Int>
        var body: String
    }

    static var names: [String] {
        SampleBulletin.all.map(\.file) + (TestPaths.hasSharedCorpus ? ["dsjfzdt-2025-08-221.txt", "szjjzcb-2025-36.txt"] : [])
    }

    static var annotated: [(name: String, text: String)] {
        var bulletins = SampleBulletin.all.compactMap { sample in (try? sample.text()).map { (sample.file, $0) } }
        if TestPaths.hasSharedCorpus {
            for name in ["dsjfzdt-2025-08-221.txt", "szjjzcb-2025-36.txt"] {
                let url = TestPaths.sharedCorpus.appendingPathComponent(name)
                if let text = try? String(contentsOf: url, encoding: .utf8) { bulletins.append((name, TextDecoder.normalize(text))) }
            }
        }
        return bulletins
    }

    @Test(arguments: Self.names)
    func damagedCopiesLoseOnlyWhatWasDamaged(_ bulletin: String) throws {
        var totals = (copies: 0, refused: 0, checked: 0, found: 0)
        var misses: [Int] = []
        for (name, text) in Self.annotated where name == bulletin {
            let original = text.components(separatedBy: "\n")
            let issue = try BulletinParser().parse(text)
            let starts = issue.articles.compactMap { $0.line.map { $0 - 1 } }
            try #require(starts.count == issue.articles.count, "\(name)")
            let references = issue.articles.enumerated().map { index, article in
                Reference(title: article.title,
                          lines: starts[index]..<(index + 1 < starts.count ? starts[index + 1] : original.count),
                          body: article.body)
            }
            var rng = SplitMix64(seed: 2025 &+ UInt64(name.utf8.count))
            let maxEdits = max(3, text.utf8.count / 800)
            for copy in 0..<500 {
                let (bytes, touched) = Self.damage(original, titleLines: starts, edits: 1 + Int(rng.next() % UInt64(maxEdits)), rng: &rng)
                totals.copies += 1
                let file: BulletinFile
                do {
                    file = try BulletinFile.read(fileName: name, bytes: bytes)
                } catch {
                    totals.refused += 1
                    let readable = String(decoding: bytes, as: UTF8.self).contains(where: \.isHan)
                    #expect(!readable, "\(name) copy \(copy) refused: \(error)")
                    continue
                }
                for reference in references where touched.isDisjoint(with: reference.lines) {
                    totals.checked += 1
                    let key = Array(reference.title.comparisonKey)
                    let found = file.issue.articles.contains { article in
                        article.body.hasPrefix(reference.body)
                            && BulletinParser().similarity(Array(article.title.comparisonKey), key) >= 0.8
                    }
                    if found { totals.found += 1 }
                    if !found { misses.append(copy) }
                }
            }
        }
        print("damage: \(bulletin): \(totals.copies) copies, \(totals.refused) refused, \(totals.found) of \(totals.checked) intact articles found")
        #expect(totals.checked > totals.copies)
        // Every intact article, in every copy.
        #expect(totals.found == totals.checked, "\(bulletin): intact articles lost in copies \(misses)")
    }

    /// A damaged copy of `lines` and the original lines it touched.
    static func damage(_ lines: [String], titleLines: [Int], edits: Int, rng: inout SplitMix64) -> ([UInt8], Set<Int>) {
        var copy = lines.enumerated().map { Line(origin: $0.offset, bytes: Array($0.element.utf8)) }
        var touched = Set<Int>()
        func mark(_ index: Int) {
            if let origin = copy[index].origin { touched.insert(origin) } else if index > 0 { mark(index - 1) }
        }
        func randomLine() -> Int? {
            let candidates = copy.indices.filter { !copy[$0].bytes.isEmpty }
            return candidates.isEmpty ? nil : candidates[Int(rng.next() % UInt64(candidates.count))]
        }
        var truncated = false
        for _ in 0..<edits {
            switch rng.next() % 12 {
            case 0, 1, 2, 3:
                // A flipped bit.
                guard let index = randomLine() else { continue }
                let at = Int(rng.next() % UInt64(copy[index].bytes.count))
                copy[index].bytes[at] ^= UInt8(1) << UInt8(rng.next() % 8)
                mark(index)
            case 4, 5:
                // A line lost.
                guard let index = randomLine() else { continue }
                mark(index)
                copy.remove(at: index)
            case 6:
                // A line twice.
                guard let index = randomLine() else { continue }
                mark(index)
                copy.insert(Line(origin: nil, bytes: copy[index].bytes), at: index + 1)
            case 7:
                // A title line lost.
                let present = copy.indices.filter { copy[$0].origin.map(titleLines.contains) ?? false }
                guard !present.isEmpty else { continue }
                let index = present[Int(rng.next() % UInt64(present.count))]
                mark(index)
                copy.remove(at: index)
            case 8:
                // The tail cut, somewhere in the last third, once.
                guard !truncated, copy.count > 3 else { continue }
                truncated = true
                let cut = copy.count - 1 - Int(rng.next() % UInt64(copy.count / 3))
                for index in cut..<copy.count { mark(index) }
                let keep = copy[cut].bytes.isEmpty ? 0 : Int(rng.next() % UInt64(copy[cut].bytes.count))
                copy[cut].bytes = Array(copy[cut].bytes.prefix(keep))
                copy.removeSubrange((cut + 1)...)
            default:
                // A few bytes no encoding reads.
                guard let index = randomLine() else { continue }
                let at = Int(rng.next() % UInt64(copy[index].bytes.count + 1))
                let junk: [UInt8] = [[0xFF], [0xC0, 0x20], [0x80], [0xFE, 0xFF, 0x80]][Int(rng.next() % 4)]
                copy[index].bytes.insert(contentsOf: junk, at: at)
                mark(index)
            }
        }
        var bytes: [UInt8] = []
        for (index, line) in copy.enumerated() {
            if index > 0 { bytes.append(0x0A) }
            bytes += line.bytes
        }
        return (bytes, touched)
    }
}
