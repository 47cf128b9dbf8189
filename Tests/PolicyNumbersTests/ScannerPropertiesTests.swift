@testable import PolicyNumbers
import Foundation
import Testing

/// Properties that hold for any text: order, no overlap, offsets that spell the surface, and a
/// bounded cost on large inputs.
@Suite("QuantityScanner properties")
struct ScannerPropertiesTests {
    /// A paragraph written for this test with exactly `quantitiesPerParagraph` quantities, and
    /// traps (dates, codes, ordinals, idioms) that must add none.
    static let paragraph = """
        2025年4月1日，某市发布第3期工作简报。到2027年，全市培育数据企业不少于120家，\
        数字经济规模达5000亿元以上、力争6000亿元，建成5G基站2.4万个，算力超过 20 EFLOPS。\
        一是完善机制，二是强化保障，推动“十四五”规划和“1+3+N”布局落地，千方百计稳增长。\
        对首次入选的平台一次性给予奖补不超过 300 万元，贷款按年化 1.5% 予以贴息，\
        服务企业 800 余家，覆盖率约九成。

        """
    static let quantitiesPerParagraph = 9
    static let filler = "数据要素市场化配置改革深入推进，公共数据资源开发利用取得积极成效，营商环境持续优化。\n"

    @Test func paragraphHasTheExpectedQuantities() {
        let found = QuantityScanner().quantities(in: Self.paragraph)
        #expect(
            found.map(\.surface) == [
                "不少于120家", "5000亿元以上", "6000亿元", "2.4万个", "超过 20 EFLOPS",
                "不超过 300 万元", "1.5%", "800 余家", "约九成",
            ])
        #expect(found.count == Self.quantitiesPerParagraph)
    }

    /// One megabyte of generated text: the count of quantities is exact, and the scan keeps
    /// positions consistent over the whole text.
    @Test func scansOneMegabyte() {
        var text = ""
        var paragraphs = 0
        while text.utf8.count < 1_000_000 {
            text += Self.paragraph
            paragraphs += 1
            for _ in 0..<5 { text += Self.filler }
        }
        let scalars = Array(text.unicodeScalars)
        let found = QuantityScanner().quantities(in: scalars)
        #expect(found.count == paragraphs * Self.quantitiesPerParagraph)
        var previousEnd = 0
        for quantity in found {
            #expect(quantity.start >= previousEnd)
            #expect(quantity.start < quantity.end)
            previousEnd = quantity.end
        }
        if let last = found.last {
            #expect(String(String.UnicodeScalarView(scalars[last.start..<last.end])) == last.surface)
        }
    }

    @Test func textWithoutNumeralsHasNoQuantities() {
        let text = String(repeating: Self.filler, count: 2000)
        #expect(QuantityScanner().quantities(in: text).isEmpty)
        #expect(QuantityScanner().quantities(in: "").isEmpty)
    }

    /// The real bulletin, when present: ordered, non-overlapping quantities whose offsets spell
    /// their surfaces, including the goals the annotation checks.
    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: ScannerPropertiesTests.corpusPath),
            "skipped: ../shared/corpus not found beside the package"))
    func bulletinInvariants() throws {
        let text = try String(contentsOfFile: Self.corpusPath, encoding: .utf8)
        let scalars = Array(text.unicodeScalars)
        let found = QuantityScanner().quantities(in: text)
        var previousEnd = 0
        for quantity in found {
            #expect(quantity.start >= previousEnd)
            #expect(String(String.UnicodeScalarView(scalars[quantity.start..<quantity.end])) == quantity.surface)
            previousEnd = quantity.end
        }
        let surfaces = Set(found.map(\.surface))
        for goal in ["不少于100项", "突破万台", "千亿级", "8000亿元以上", "1万亿元", "过百亿", "10家以上", "57%左右", "5000 余次", "100 个左右"] {
            #expect(surfaces.contains(goal), "\(goal) missing")
        }
        for trap in ["2025", "3", "8", "221", "5", "2018", "1", "20", "8810", "01"] {
            #expect(!surfaces.contains(trap), "\(trap) reported")
        }
    }

    static let corpusPath: String = {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("shared/corpus/dsjfzdt-2025-08-221.txt").path
    }()

    @Test func scannerIsSendable() async {
        let scanner = QuantityScanner()
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<4 {
                group.addTask { scanner.quantities(in: "建成100个场景，投资5亿元。").count }
            }
            var all: [Int] = []
            for await count in group { all.append(count) }
            return all
        }
        #expect(counts == [2, 2, 2, 2])
    }
}
