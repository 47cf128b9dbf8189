import Foundation
import Testing
@testable import PolicyCore

@Suite struct ZZDebug {
    @Test func debug() throws {
        let text = try String(contentsOfFile: "/tmp/nocontents-seed.txt", encoding: .utf8)
        let lines = text.lines.map { $0.trimmingWhitespace() }
        let sheet = Sheet(lines, publication: "大数据发展动态", protected: 0)
        let p = BulletinParser()
        for h in p.scanHeadings(sheet, in: 0..<sheet.count) { print("H", h.kind, h.marked, h.afterEndMarker, sheet.origin[h.span.lowerBound] + 1, h.text) }
    }
}
