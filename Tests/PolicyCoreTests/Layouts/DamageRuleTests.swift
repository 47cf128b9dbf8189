import Foundation
import Testing
@testable import PolicyCore
@testable import PolicyExtraction

/// The rules that keep a damaged bulletin's intact articles, each on a
/// bulletin written for it.
@Suite struct DamageRuleTests {
    /// A small bulletin in the contents layout; `contents` and `body` may be
    /// damaged by the test.
    static func bulletin(masthead: [String] = ["城市数据周刊", "", "2025年6月9日　第23期"],
                         contents: [String], body: [String]) -> String {
        (masthead + ["", "本期要目", ""] + contents + [""] + body).joined(separator: "\n")
    }

    static let firstBody = [
        "杭州发布公共数据开放管理办法",
        "",
        "杭州市人民政府近日印发公共数据开放管理办法，明确到2026年，全市开放数据集超过3000个，并建立开放目录动态更新机制。",
        "",
        "来源：杭州市人民政府",
        "",
    ]
    static let secondBody = [
        "宁波启动数据要素市场建设三年行动",
        "",
        "宁波市数据局近日发布三年行动方案，提出培育数据服务企业100家以上，建设行业数据空间5个，推动数据产品登记交易。",
        "",
        "来源：宁波市数据局",
    ]

    @Test func utf8WhoseFirstBytesReadAsAUTF16MarkStaysUTF8() throws {
        let text = "数字经济周报\n\n杭州发布公共数据开放管理办法，到2026年开放数据集超过3000个。"
        let bytes: [UInt8] = [0xFE, 0xFF] + Array(text.utf8)
        let decoded = try TextDecoder.decodeTolerantly(bytes)
        #expect(decoded.encoding == .utf8)
        #expect(decoded.replacements == 2)
        #expect(decoded.text.hasSuffix("开放数据集超过3000个。"))
        // A real UTF-16 file with its mark is still read as UTF-16.
        var utf16: [UInt8] = [0xFE, 0xFF]
        for unit in text.utf16 { utf16 += [UInt8(unit >> 8), UInt8(unit & 0xFF)] }
        #expect(try TextDecoder.decodeTolerantly(utf16).encoding == .utf16BE)
        #expect(try TextDecoder.decodeTolerantly(utf16).text == text)
    }

    @Test func aLinePrintedTwiceInTheMastheadIsNotTheName() throws {
        let text = Self.bulletin(masthead: ["城市数据周刊", "", "2025年6月9日　第23期", "", "地方动态", "地方动态"],
                                 contents: ["1. 杭州发布公共数据开放管理办法", "2. 宁波启动数据要素市场建设三年行动"],
                                 body: Self.firstBody + Self.secondBody)
        let issue = try BulletinParser().parse(text)
        #expect(issue.publication == "城市数据周刊")
        #expect(issue.articles.map(\.title) == ["杭州发布公共数据开放管理办法", "宁波启动数据要素市场建设三年行动"])
    }

    @Test func aDamagedDotInALeaderStillEndsTheTitle() throws {
        let entry = BulletinParser.contentsEntry("2、宁波启动数据要素市场建设三年行动 …‶… 5")
        #expect(entry?.title == "宁波启动数据要素市场建设三年行动")
        #expect(entry?.page == 5)
        // A title holding an ellipsis of its own keeps it.
        #expect(BulletinParser.contentsEntry("3、数据要素……的价值")?.title == "数据要素……的价值")
    }

    @Test func aRunningHeaderWithADamagedNameIsStillAHeader() throws {
        // 周刊 printed as 周刑 in one header, inside the first article.
        var body = Self.firstBody
        body.insert(contentsOf: ["— 2 —", "", "城市数据周刑　2025年6月9日", ""], at: 3)
        let text = Self.bulletin(contents: ["1. 杭州发布公共数据开放管理办法", "2. 宁波启动数据要素市场建设三年行动"],
                                 body: body + Self.secondBody)
        let issue = try BulletinParser().parse(text)
        #expect(issue.articles.count == 2)
        #expect(!issue.articles[0].body.contains("周刑"))
        #expect(issue.articles[0].body.contains("开放目录动态更新机制"))
    }

    @Test func aWrappedEntryWhoseTitleLineIsDamagedIsOneArticle() throws {
        // The contents entry wraps; the title line in the text lost a character.
        var first = Self.firstBody
        first[0] = "杭州发布公共数据开放管理\u{FFFD}法实施细则"
        let text = Self.bulletin(contents: ["1. 杭州发布公共数据开放管理办法", "   实施细则 …… 2", "2. 宁波启动数据要素市场建设三年行动 …… 3"],
                                 body: first + Self.secondBody)
        let issue = try BulletinParser().parse(text)
        #expect(issue.articles.count == 2)
        #expect(issue.articles.map(\.title).allSatisfy { !$0.isEmpty && $0 != "实施细则" })
        #expect(issue.articles[1].title == "宁波启动数据要素市场建设三年行动")
    }

    @Test func anUnlistedArticleKeepsTheSubtitleThatRestatesIt() throws {
        // The second article's contents line is lost; under its heading a
        // line repeats most of it, as a declaration's own title.
        let second = [
            "三市关于共建长三角公共数据互认机制的联合倡议",
            "",
            "2025年6月5日，三市数据主管部门共同发布联合倡议，推动公共数据标准互认。",
            "",
            "关于共建长三角公共数据互认机制的联合倡议",
            "",
            "倡议提出，到2027年，互认数据目录超过500项，共建数据共享平台1个。",
            "",
            "来源：上海市数据局",
        ]
        let text = Self.bulletin(contents: ["1. 杭州发布公共数据开放管理办法"], body: Self.firstBody + second)
        let issue = try BulletinParser().parse(text)
        #expect(issue.articles.map(\.title) == ["杭州发布公共数据开放管理办法", "三市关于共建长三角公共数据互认机制的联合倡议"])
        #expect(issue.articles.last?.body.contains("互认数据目录超过500项") == true)
    }
}
