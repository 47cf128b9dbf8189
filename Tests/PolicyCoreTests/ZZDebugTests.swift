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
@Suite struct ZZDebug4 {
    @Test func contents() throws {
        let path = ProcessInfo.processInfo.environment["FILE"] ?? "/tmp/copy-41.txt"
        let text = try TextDecoder.decodeTolerantly([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))).text
        let lines = text.lines.map { $0.trimmingWhitespace() }
        let c = lines.firstIndex(where: BulletinParser.isContentsHeading)!
        let contents = BulletinParser().readContents(lines, from: c + 1)
        for e in contents.entries { print("E", e.line + 1, e.leading, e.trailing, e.adjoinsPrevious, e.section ?? "-", e.title) }
        print("END", contents.end + 1, contents.sections)
    }
}
@Suite struct ZZDebug5 {
    @Test func plan() throws {
        let path = ProcessInfo.processInfo.environment["FILE"] ?? "/tmp/copy-41.txt"
        let text = try TextDecoder.decodeTolerantly([UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))).text
        let original = text.lines.map { $0.trimmingWhitespace() }
        let c = original.firstIndex(where: BulletinParser.isContentsHeading)!
        let p = BulletinParser()
        let issue = p.readMasthead(Array(original[..<c]), body: original[c...])
        let sheet = Sheet(original, publication: issue.publication, protected: c)
        let bodyStart = sheet.origin.firstIndex(where: { $0 >= c })!
        let contents = p.readContents(sheet.lines, from: bodyStart + 1)
        for e in contents.entries { print("E", sheet.origin[e.line] + 1, e.leading, e.trailing, e.adjoinsPrevious, e.section ?? "-", e.title) }
        let plan = p.planFromContents(sheet, heading: bodyStart, organisations: p.mastheadOrganisations(Array(original[..<c])))
        for a in plan?.anchors ?? [] { print("A", sheet.origin[min(a.span.lowerBound, sheet.count - 1)] + 1, a.span, a.title) }
        print("BM", plan?.backMatter.map { sheet.origin[$0] + 1 } ?? -1, issue.publication)
    }
}
