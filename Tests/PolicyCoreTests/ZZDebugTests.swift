import Foundation
import Testing
@testable import PolicyCore

@Suite struct ZZDebug {
    @Test func debug() throws {
        let text = """
            数字经济参阅
            2025年3月3日

            本期导读

            国家数据局印发数据产业高质量发展的
            指导意见
            上海发布公共数据开放实施细则
            深圳推进数据资产入表试点

            国家数据局印发数据产业高质量发展的指导意见

            国家数据局近日印发指导意见，提出到2029年数据产业规模年均增速超过15%。
            """
        let lines = text.lines.map { $0.trimmingWhitespace() }
        let c = BulletinParser().readContents(lines, from: 4)
        for e in c.entries { print("E", e) }
        print("S", c.sections, c.end)
    }
}
