@testable import PolicyNumbers
import Foundation
import Testing

/// Rule `number.numeral-inside-word`: a figure in 角 or 分 of a 元 written
/// in Chinese numerals alone is part of a word (长三角, 金三角, 三角形) unless
/// 钱 or its hundredths follow; in Arabic digits, or after its 元, it is money.
@Suite struct NumeralInsideWordTests {
    let scanner = QuantityScanner()

    static let words: [ScanCase] = [
        scan("推动低空经济与长三角一体化发展。"),
        scan("推動低空經濟與長三角一體化發展。"),
        scan("长三角、珠三角和成渝地区协同发力。"),
        scan("建成金三角物流枢纽。"),
        scan("该项目十分重要。"),
    ]

    static let money: [ScanCase] = [
        scan("每度电降价5角。", q("5角", "0.5", "元")),
        scan("票价为三角钱。", q("三角钱", "0.3", "元")),
        scan("每件收费两角五分。", q("两角五分", "0.25", "元")),
        scan("每件收費兩角五分。", q("兩角五分", "0.25", "元")),
        scan("单价五元三角。", q("五元三角", "5.3", "元")),
    ]

    @Test(arguments: words) func wordsHoldNoQuantity(_ c: ScanCase) { check(c, scanner: scanner) }
    @Test(arguments: money) func moneyStaysMoney(_ c: ScanCase) { check(c, scanner: scanner) }
}

/// Figures beyond Decimal's range (found by fuzzing: Fuzz/regressions/quantities)
/// are no quantities, rather than quantities of NaN.
@Suite struct OverflowingFiguresTests {
    @Test(arguments: [
        "达到" + String(repeating: "1", count: 160) + "家。",
        "增加一" + String(repeating: "亿", count: 40) + "元。",
        "增加一" + String(repeating: "億", count: 40) + "元。",
    ])
    func figuresBeyondDecimalsRangeAreNoQuantities(text: String) {
        let found = QuantityScanner().quantities(in: text)
        #expect(found.allSatisfy { !$0.value.isNaN }, "\(found.map(\.surface))")
    }

    @Test func theFuzzersRegressionInputsGiveOnlyNumbers() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fuzz/regressions/quantities")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { !$0.hasSuffix(".md") } ?? []
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            let text = String(decoding: data, as: UTF8.self)
            let found = QuantityScanner().quantities(in: text)
            #expect(found.allSatisfy { !$0.value.isNaN }, "\(name): \(found.map(\.surface))")
        }
    }
}
