@testable import PolicyCore
@testable import PolicyExtraction
import Testing

@Suite struct CSVFieldTests {
    @Test func quotesWhatRFC4180Requires() {
        #expect(CSVField.encode("深圳") == "深圳")
        #expect(CSVField.encode("a,b") == "\"a,b\"")
        #expect(CSVField.encode("他说\"好\"") == "\"他说\"\"好\"\"\"")
        #expect(CSVField.encode("两行\n文字") == "\"两行\n文字\"")
        #expect(CSVField.encode("两行\r\n文字") == "\"两行\r\n文字\"")
    }

    /// Text a spreadsheet would run as a formula is shown as text; numbers
    /// stay numbers.
    @Test func textThatWouldRunAsAFormulaIsGuarded() {
        #expect(CSVField.encode("=HYPERLINK(\"http://x\",\"点我\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"")
        #expect(CSVField.encode("+1") == "'+1")
        #expect(CSVField.encode("-数据") == "'-数据")
        #expect(CSVField.encode("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVField.encode("\tx") == "'\tx")
        #expect(CSVField.encode("-5", isText: false) == "-5")
        #expect(CSVField.encode("1.5e3", isText: false) == "1.5e3")
        #expect(CSVField.encode("数据-要素") == "数据-要素")
        // A comparator column (=, >=, <=, ~) reads back as written.
        for comparator in ["=", ">=", "<=", ">", "<", "~", "-"] {
            #expect(CSVField.encode(comparator) == comparator)
        }
    }
}
