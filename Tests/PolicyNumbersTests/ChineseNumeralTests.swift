@testable import PolicyNumbers
import Foundation
import Testing

/// `ChineseNumeral.value(of:)` on every numeral form the project must read, and on text that
/// is not exactly one number.
@Suite("ChineseNumeral.value(of:)")
struct ChineseNumeralTests {
    /// (written numeral, expected value written as a decimal literal)
    static let numerals: [(String, String)] = [
        // Arabic, separators, full width, decimals.
        ("3000", "3000"),
        ("3,000", "3000"),
        ("3，000", "3000"),
        ("1,234,567", "1234567"),
        ("３０００", "3000"),
        ("３，０００", "3000"),
        ("1.5", "1.5"),
        ("２．５", "2.5"),
        ("0.5", "0.5"),
        ("0.0001", "0.0001"),
        ("12.550", "12.55"),
        // Chinese, simplified.
        ("〇", "0"),
        ("零", "0"),
        ("一", "1"),
        ("十", "10"),
        ("十五", "15"),
        ("二十", "20"),
        ("一百二十", "120"),
        ("一百零五", "105"),
        ("一千零一", "1001"),
        ("两千", "2000"),
        ("两百", "200"),
        ("三千五百万", "35000000"),
        ("一亿零一", "100000001"),
        ("四万五千六百二十二", "45622"),
        ("一千一百一十一万一千一百一十一亿一千一百一十一万一千一百一十一", "1111111111111111"),
        // Traditional and financial forms.
        ("兩千", "2000"),
        ("兩", "2"),
        ("萬", "10000"),
        ("五億", "500000000"),
        ("壹佰贰拾叁", "123"),
        ("肆佰陸拾", "460"),
        ("玖仟陆佰陆拾伍", "9665"),
        ("參萬肆仟伍佰陸拾柒", "34567"),
        ("廿", "20"),
        ("廿二", "22"),
        ("卅三", "33"),
        // Mixed and stacked.
        ("1万亿", "1000000000000"),
        ("8000亿", "800000000000"),
        ("5 万", "50000"),
        ("1.2万亿", "1200000000000"),
        ("1.5亿", "150000000"),
        ("3.1千万", "31000000"),
        ("3万4000", "34000"),
        ("5亿1万4千6百", "500014600"),
        ("7 万5 千4 百", "75400"),
        ("二十点一万", "201000"),
        ("四万万", "400000000"),
        ("10万万", "1000000000"),
        ("1,100.9亿", "110090000000"),
        ("两个亿", "200000000"),
        // Colloquial: a last digit after a multiplier is the next place down.
        ("一万二", "12000"),
        ("三万五", "35000"),
        ("两千四百五", "2450"),
        ("一百二", "120"),
        ("千三", "1300"),
        ("百二萬", "1200000"),
        // Bare multipliers.
        ("万", "10000"),
        ("百", "100"),
        ("千亿", "100000000000"),
        ("十亿", "1000000000"),
        // Digits read one by one.
        ("二〇二五", "2025"),
        ("二零二三", "2023"),
        ("一七二零点一", "1720.1"),
        ("幺八九", "189"),
        // Beyond 32 and 53 bits.
        ("4600000000000000", "4600000000000000"),
        ("四千五百六十九万八千三百一十一亿四千八百七十二万五千三百八十二", "4569831148725382"),
        ("12345678901234567890123", "12345678901234567890123"),
        // Chinese decimals.
        ("零点五", "0.5"),
        ("三点一四一五九二六", "3.1415926"),
        ("一点零零五六", "1.0056"),
        ("两千三点一", "2300.1"),
        ("四百亿点零五零", "40000000000.05"),
        ("1点45", "1.45"),
        // Fractions, halves, dozens, signs.
        ("二分之一", "0.5"),
        ("五分之二", "0.4"),
        ("3/5", "0.6"),
        ("三又五分之一", "3.2"),
        ("百分之五", "0.05"),
        ("千分之二", "0.002"),
        ("一半", "0.5"),
        ("半", "0.5"),
        ("半百", "50"),
        ("一打", "12"),
        ("负三十二", "-32"),
        ("負十點五", "-10.5"),
        ("-10.1万", "-101000"),
        ("负的百分之六十", "-0.6"),
        ("  三百  ", "300"),
    ]

    @Test(arguments: numerals)
    func readsNumeral(_ text: String, _ expected: String) throws {
        let value = try #require(ChineseNumeral.value(of: text), "no value for \(text)")
        #expect(value == Decimal(string: expected), "\(text)")
    }

    /// Exactness: decimals never go through binary floating point.
    @Test func decimalsAreExact() throws {
        #expect(ChineseNumeral.value(of: "0.1") == Decimal(string: "0.1"))
        #expect(ChineseNumeral.value(of: "0.3") == Decimal(string: "0.3"))
        #expect(ChineseNumeral.value(of: "零点三") == Decimal(string: "0.3"))
        let sum = try #require(ChineseNumeral.value(of: "0.1")) + #require(ChineseNumeral.value(of: "0.2"))
        #expect(sum == Decimal(string: "0.3"))
        #expect(ChineseNumeral.value(of: "47.264287亿") == Decimal(string: "4726428700"))
    }

    static let nonNumbers: [String] = [
        "", "   ", "abc", "一切", "一看", "四川", "十三五", "十四五", "三七二十一", "元整", "负", "零点点",
        "两两", "5G", "3,00", "1.2.3", "2025/3/7", "百分", "万一切", "十分重要", "半岛", "一二万",
    ]

    @Test(arguments: nonNumbers)
    func rejectsNonNumber(_ text: String) {
        #expect(ChineseNumeral.value(of: text) == nil, "\(text) is not one number")
    }
}
