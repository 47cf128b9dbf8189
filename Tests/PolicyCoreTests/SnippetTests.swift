import Testing
@testable import PolicyCore
@testable import PolicyExtraction

@Suite struct SnippetTests {
    let o = String(MatchMark.open), c = String(MatchMark.close)

    @Test func keepsMatchesWholeAndMarksThem() throws {
        let text = String(repeating: "甲", count: 100) + "\(o)算力\(c)" + String(repeating: "乙", count: 100)
        let window = try #require(Snippet.window(text, length: 20))
        #expect(window.contains("\(o)算力\(c)"))
        #expect(window.hasPrefix("…") && window.hasSuffix("…"))
        #expect(window.unicodeScalars.filter { $0.value < 0xE000 || $0.value > 0xE001 }.count <= 24)
    }

    @Test func prefersTheWindowWithTheMostMatches() throws {
        let text = "\(o)数据\(c)" + String(repeating: "丙", count: 80) + "\(o)数据\(c)丁\(o)数据\(c)丁\(o)数据\(c)" + String(repeating: "戊", count: 80)
        let window = try #require(Snippet.window(text, length: 30))
        #expect(window.components(separatedBy: "\(o)数据\(c)").count - 1 == 3)
    }

    @Test func neverEndsInsideAMatch() throws {
        let text = String(repeating: "甲", count: 9) + "\(o)人工智能终端\(c)" + String(repeating: "乙", count: 50)
        let window = try #require(Snippet.window(text, length: 12))
        #expect(window.contains("\(o)人工智能终端\(c)"))
    }

    @Test func startsAtASentenceCloseBy() throws {
        let text = "前文很长很长。新的一句提到\(o)券\(c)的用途。"
        #expect(Snippet.window(text, length: 30) == "…新的一句提到\(o)券\(c)的用途。")
    }

    @Test func paragraphBreaksBecomeSpacesAndUnmarkedTextGivesNil() {
        #expect(Snippet.window("第一段。\n\n第二段\(o)算力\(c)。", length: 40) == "第一段。 第二段\(o)算力\(c)。")
        #expect(Snippet.window("没有匹配", length: 40) == nil)
    }
}
