import Foundation
import PolicykbTestSupport
import Testing
@testable import PolicyCore

@Suite struct ZZDebug {
    @Test func debug() throws {
        let want = ProcessInfo.processInfo.environment["DUMP"] ?? "szjjzcb-2025-36.txt:38"
        let parts = want.split(separator: ":")
        let name = String(parts[0])
        let copies = Set(parts[1].split(separator: ",").compactMap { Int($0) })
        for (n, text) in DamageTests.annotated where n == name {
            let original = text.components(separatedBy: "\n")
            let issue = try BulletinParser().parse(text)
            let starts = issue.articles.compactMap { $0.line.map { $0 - 1 } }
            var rng = SplitMix64(seed: 2025 &+ UInt64(name.utf8.count))
            let maxEdits = max(3, text.utf8.count / 800)
            for copy in 0..<500 {
                let (bytes, touched) = DamageTests.damage(original, titleLines: starts, edits: 1 + Int(rng.next() % UInt64(maxEdits)), rng: &rng)
                if copies.contains(copy) {
                    try Data(bytes).write(to: URL(fileURLWithPath: "/tmp/copy-\(copy).txt"))
                    print("TOUCHED", copy, touched.sorted().map { $0 + 1 })
                }
            }
        }
    }
}
