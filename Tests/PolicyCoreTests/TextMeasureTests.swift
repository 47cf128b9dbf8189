import Foundation
@testable import PolicyCore
@testable import PolicyExtraction
import Testing

/// The parser's cheap forms of text measures agree with the plain ones.
@Suite struct TextMeasureTests {
    static let samples: [String] = [
        "", "a", "数据", "（一）总体要求", "到2027年，培育核心企业不少于50家。",
        "ＡＢＣ：１２３（测试）～ＸＹＺ", "第５期　２０２５年９月", "①加快建设 ㈠ Ⅱ ﬁ ㎡ 㐀",
        "e\u{301}cole — “引号” 「括号」 ‘单’", String(repeating: "长", count: 41), String(repeating: "x", count: 160),
        String(repeating: "𠀀", count: 10), "𠀀𠀀𠀀a数", "  空格\t\u{3000}全角空格 ",
    ]

    @Test func atMostScalarsAgreesWithTheCount() {
        for sample in Self.samples {
            for limit in [0, 1, 2, 3, 4, 5, 8, 10, 12, 16, 20, 24, 30, 40, 41, 48, 160] {
                #expect(sample.hasAtMostScalars(limit) == (sample.unicodeScalars.count <= limit), "\(sample) \(limit)")
                let substring = sample.dropFirst(sample.isEmpty ? 0 : 1)
                #expect(substring.hasAtMostScalars(limit) == (substring.unicodeScalars.count <= limit), "\(substring) \(limit)")
            }
        }
    }

    /// Full-width ASCII folded in place gives the key NFKC gives.
    @Test func comparisonKeyFoldsFullWidthAsNFKCDoes() {
        for sample in Self.samples {
            let viaNFKC = sample.precomposedStringWithCompatibilityMapping
            #expect(sample.comparisonKey == viaNFKC.comparisonKey, "\(sample)")
        }
        #expect("ＡＢＣ：１２３（测试）".comparisonKey == "ABC:123(测试)")
        #expect("（一）总体要求".comparisonKey == "(一)总体要求")
    }

    @Test func listNumbersHeadingsAndPageNumbersReadByScalars() {
        for line in ["1. 加快建设", "（1）推进", "(a) text", "一、总体要求", "①加快", "十二、保障", "（十）其他", "A.项目"] {
            #expect(BodyLine.startsWithListNumber(line[...]), "\(line)")
        }
        for line in ["2025.3 月", "1.5倍", "（一二三四）", "（1", "ABCD、", "数据", "", "1234. 年", "（）空", "(1-2) 混"] {
            #expect(!BodyLine.startsWithListNumber(line[...]), "\(line)")
        }
        for line in ["《数据条例》", "一、总体要求", "（三）保障措施", "第二部分 主要任务", "第三章 附则", "1. 加快建设", "(二)"] {
            #expect(BodyLine.isHeading(line[...]), "\(line)")
        }
        for line in ["1. 加快建设。", "一、" + String(repeating: "长", count: 30), "二是加快", "（1）推进工作，到2027年培育企业50家，建成平台10个", ""] {
            #expect(!BodyLine.isHeading(line[...]), "\(line)")
        }
        for line in ["— 5 —", "- 12 -", "第5页", "Page 12", "page 3 of 9", "5/16", "·5·", "第 5 页 共 16 页", "〔7〕"] {
            #expect(Sheet.isPageNumber(line[...]), "\(line)")
        }
        for line in ["2025年", "123456789", "第5期", "页", "Pager 5", "1 2 3", "数据 5"] {
            #expect(!Sheet.isPageNumber(line[...]), "\(line)")
        }
        #expect(Sheet.strippingIssueMarks("大数据发展动态2025年第36期", name: "大数据发展动态") == "")
        #expect(Sheet.strippingIssueMarks("《大数据发展动态》政策解读", name: "大数据发展动态") == "政策解读")
        #expect("a数据b数据c".removingOccurrences(of: "数据") == "abc")
        #expect("数据".removingOccurrences(of: "") == "数据")
        #expect("原文链接：https://example.org/a?b=1"[...].byteRange(of: "https://").map { "原文链接：https://example.org/a?b=1"[$0] } == "https://")
        #expect(BodyLine.linkURL("原文链接：https://example.org/a?b=1"[...]) == "https://example.org/a?b=1")
        #expect(BodyLine.linkURL("见 http://example.org 的说明"[...]) == nil)
        #expect(BodyLine.linkURL("<http://example.org/x>"[...]) == "http://example.org/x")
    }
}

/// Sentences and clauses found by binary search over the ends found once
/// agree with a walk from the offset, as the rules first read them.
@Suite struct BodyTextBoundaryTests {
    static func walkBack(_ body: BodyText, _ offset: Int, ends: (Int) -> Bool) -> Int {
        var i = min(offset, body.count)
        while i > 0 && !ends(i - 1) { i -= 1 }
        return i
    }

    @Test func boundariesAgreeWithAWalk() {
        let pieces = ["到2027年", "，", "培育企业50家", "。", "\n", "\n\n", "3,000台", "10:30", "力争", "；", "!", "?", "短行",
                      "(来源：测试)", "数據中心", "：", "，", " ", "一、总体要求", "x"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let body = BodyText(text)
            for offset in -2...(body.count + 2) {
                #expect(body.sentenceStart(before: offset) == Self.walkBack(body, offset) { body.endsSentence(at: $0) }, "\(text) \(offset)")
                #expect(body.clauseStart(before: offset) == Self.walkBack(body, offset) { body.endsClause(at: $0) }, "\(text) \(offset)")
                var i = max(0, offset)
                while i < body.count && !body.endsClause(at: i) { i += 1 }
                #expect(body.clauseEnd(after: offset) == i, "\(text) \(offset)")
                var j = max(0, offset), sentenceEnd = body.count
                while j < body.count {
                    if body.endsSentence(at: j) { sentenceEnd = body.scalars[j] == "\n" ? j : j + 1; break }
                    j += 1
                }
                #expect(body.sentenceEnd(after: offset) == sentenceEnd, "\(text) \(offset)")
            }
        }
    }
}
