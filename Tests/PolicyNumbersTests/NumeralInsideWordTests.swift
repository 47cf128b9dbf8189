@testable import PolicyNumbers
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
