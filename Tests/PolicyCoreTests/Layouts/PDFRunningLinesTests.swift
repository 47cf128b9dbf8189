import Testing
@testable import PolicyExtraction

/// Running headers and footers of a PDF's text layer, by where they stand
/// on the page: lines among the first or last of most pages, numbers aside.
@Suite struct PDFRunningLinesTests {
    static func page(_ number: Int, of count: Int, _ lines: [String]) -> String {
        (["11/3/25, 9:0\(number) AM", "产业观察", ""] + lines + ["", "file:///tmp/policykb-test-0A1B2C3D-4E5F-6071-8293-A4B5C6D7E8F9/bulletin-printed-by-chromium.html", "", "\(number)/\(count)"])
            .joined(separator: "\n")
    }

    @Test func runningLinesGoAndTheMastheadUnderTheHeaderStays() {
        let text = [
            Self.page(1, of: 3, ["产业观察", "2025年第4期", "", "某市发布数据条例", "某市近日发布数据条例，自明年起施行。", "（来源：某市政府）"]),
            Self.page(2, of: 3, ["某县召开推进会", "会议要求加快推进数字化转型，"]),
            Self.page(3, of: 3, ["确保年内完成。", "（来源：某市政府）"]),
        ].joined(separator: "\u{0C}") + "\u{0C}"
        let lines = PDFText.withoutRunningLines(text).split(separator: "\n").map(String.init)
        #expect(lines == ["产业观察", "2025年第4期", "某市发布数据条例", "某市近日发布数据条例，自明年起施行。", "（来源：某市政府）",
                          "某县召开推进会", "会议要求加快推进数字化转型，", "确保年内完成。", "（来源：某市政府）"])
    }

    /// A title at the foot of one page and a short line at the top of one
    /// other are no running lines: they are not on most pages.
    @Test func linesOnOnePageStay() {
        let text = ["— 1 —\n刊名\n正文一。\n标题甲", "— 2 —\n刊名\n正文二。\n标题乙", "— 3 —\n刊名\n正文三。"].joined(separator: "\u{0C}")
        let lines = PDFText.withoutRunningLines(text).split(separator: "\n").map(String.init)
        #expect(lines == ["正文一。", "标题甲", "正文二。", "标题乙", "正文三。"])
    }
}
