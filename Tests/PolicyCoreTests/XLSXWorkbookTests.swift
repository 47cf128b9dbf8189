import Foundation
@testable import PolicyCore
import PolicykbTestSupport
import Testing

/// The workbook's parts, read back from the archive the way a spreadsheet
/// would: the central directory, each entry by its local header, its CRC.
@Suite struct XLSXWorkbookTests {
    /// Rows of every kind a listing writes.
    static let table = RecordTable(columns: ["id", "title", "issue_date", "value", "share", "stretch", "urls", "note"], rows: [
        [.int(7), .string("深圳市加快推进人工智能产业发展"), .string("2025-03-15"), .number("800000000000"), .double(0.25),
         .bool(true), .array([.string("https://a.example/1"), .string("https://a.example/2")]), .null],
        [.int(12), .string("=SUM(A1) <b>&\u{1}bell\u{B}</b>"), .string("2025-10"), .number("-3.5"), .double(1),
         .bool(false), .array([]), .string("深圳市加快推进人工智能产业发展")],
    ])

    static func parts(_ bytes: [UInt8]) throws -> [String: String] {
        try StoredZipReader.entries(bytes).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func crc32MatchesTheStandardCheckValue() {
        // The check value of CRC-32/ISO-HDLC for the nine digits.
        #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
        #expect(CRC32.checksum([]) == 0)
    }

    @Test func archiveHoldsEveryPartOfAWorkbook() throws {
        let parts = try Self.parts(try XLSXWorkbook(sheetName: "goals", table: Self.table).bytes())
        #expect(Set(parts.keys) == ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                    "xl/styles.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"])
        #expect(parts["xl/workbook.xml"]?.contains(#"<sheet name="goals" sheetId="1" r:id="rId1"/>"#) == true)
        for (name, xml) in parts { #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\""), "\(name)") }
    }

    @Test func numbersAreNumberCellsAndTextIsShared() throws {
        let parts = try Self.parts(try XLSXWorkbook(sheetName: "goals", table: Self.table).bytes())
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        let strings = try #require(parts["xl/sharedStrings.xml"])
        let shared = Self.sharedStrings(strings)
        // Numbers carry no type (a number), their value as written.
        #expect(sheet.contains(#"<c r="A2"><v>7</v></c>"#))
        #expect(sheet.contains(#"<c r="D2"><v>800000000000</v></c>"#))
        #expect(sheet.contains(#"<c r="D3"><v>-3.5</v></c>"#))
        #expect(sheet.contains(#"<c r="E2"><v>0.25</v></c>"#))
        #expect(sheet.contains(#"<c r="E3"><v>1</v></c>"#))
        #expect(sheet.contains(#"<c r="F2" t="b"><v>1</v></c>"#))
        #expect(sheet.contains(#"<c r="F3" t="b"><v>0</v></c>"#))
        // A whole date is a date serial in the yyyy-mm-dd style; a month is text.
        #expect(sheet.contains(#"<c r="C2" s="2"><v>45731</v></c>"#))
        #expect(Self.text(of: "C3", sheet: sheet, shared: shared) == "2025-10")
        // The header is bold text, the listing's column names.
        #expect(sheet.contains(#"<c r="A1" t="s" s="1">"#))
        #expect((0..<8).map { Self.text(of: XLSXWorkbook.columnName($0) + "1", sheet: sheet, shared: shared) }
                == Self.table.columns)
        // Text: lists joined as in CSV, no formula guard (a cell is never a
        // formula), markup escaped, control characters XML cannot hold gone.
        #expect(Self.text(of: "G2", sheet: sheet, shared: shared) == "https://a.example/1 | https://a.example/2")
        #expect(Self.text(of: "B3", sheet: sheet, shared: shared) == "=SUM(A1) <b>&bell</b>")
        #expect(strings.contains("=SUM(A1) &lt;b&gt;&amp;bell&lt;/b&gt;"))
        #expect(!sheet.contains("<f>"))
        // A repeated title is stored once; a null leaves no cell.
        #expect(strings.components(separatedBy: "深圳市加快推进人工智能产业发展").count == 2)
        #expect(Self.text(of: "H3", sheet: sheet, shared: shared) == "深圳市加快推进人工智能产业发展")
        #expect(!sheet.contains(#"r="H2""#))
        #expect(!sheet.contains(#"r="G3""#))
        #expect(strings.contains(#"count="13" uniqueCount="12""#))
    }

    @Test func headerIsFrozenAndFilteredAndWidthsFitTheirText() throws {
        let sheet = try #require(try Self.parts(try XLSXWorkbook(sheetName: "goals", table: Self.table).bytes())["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains(#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#))
        #expect(sheet.contains(#"<autoFilter ref="A1:H3"/>"#))
        let widths = Self.columnWidths(sheet)
        // Each the widest of its header (with room for the filter button)
        // and its cells, plus 2: 15 CJK characters count 30.
        #expect(widths == [6, 32, 14, 14, 9, 11, 43, 32])
    }

    @Test func columnWidthsCountCJKDoubleAndStopAtSixty() {
        #expect(XLSXWorkbook.columnWidth(header: "title", cells: [.text("人工智能")]) == 10)
        #expect(XLSXWorkbook.columnWidth(header: "title", cells: [.text("人工智能产业")]) == 14)
        #expect(XLSXWorkbook.columnWidth(header: "t", cells: [.text(String(repeating: "长", count: 100))]) == 62)
        #expect(XLSXWorkbook.columnWidth(header: "evidence", cells: [.text("两行\n文字")]) == 12)
    }

    @Test func datesAreReadAsExcelSerials() {
        #expect(XLSXWorkbook.dateSerial("1900-03-01") == 61)
        #expect(XLSXWorkbook.dateSerial("2000-01-01") == 36526)
        #expect(XLSXWorkbook.dateSerial("2024-02-29") == 45351)
        #expect(XLSXWorkbook.dateSerial("2025-02-29") == nil)
        #expect(XLSXWorkbook.dateSerial("2025-13-01") == nil)
        #expect(XLSXWorkbook.dateSerial("2025-10") == nil)
        #expect(XLSXWorkbook.dateSerial("２０２５-10-01") == nil)
    }

    @Test func columnNamesRunPastZ() {
        #expect([0, 25, 26, 27, 51, 52, 701, 702].map(XLSXWorkbook.columnName) == ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"])
    }

    @Test func cellTextKeepsExcelEscapesLiteralAndFitsACell() {
        #expect(XMLText.cellText("a_x0041_b") == "a_x005F_x0041_b")
        #expect(XMLText.cellText("a_xyz_b") == "a_xyz_b")
        let long = XMLText.cellText(String(repeating: "数", count: 40_000))
        #expect(long.utf16.count == XLSXWorkbook.maxCellLength)
        #expect(long.hasSuffix("…"))
        // Astral characters take two UTF-16 units and are not split.
        let astral = XMLText.cellText(String(repeating: "𠀀", count: 20_000))
        #expect(astral.utf16.count <= XLSXWorkbook.maxCellLength)
        #expect(astral.unicodeScalars.dropLast().allSatisfy { $0 == "𠀀" })
    }

    /// Full-width punctuation (EF BC …) passes as it is; what XML 1.0
    /// cannot hold, and match marks, are left out.
    @Test func escapingTakesOutOnlyWhatXMLCannotHold() {
        #expect(XMLText.escape("数据，要素（试行）") == "数据，要素（试行）")
        #expect(!XMLText.needsEscaping("数据，要素（试行）\t两行\n文字"))
        #expect(XMLText.escape("a\u{FFFE}b\u{FFFF}c\u{E000}d\u{E001}e\u{0}f\u{1F}g") == "abcdefg")
        #expect(XMLText.escape("\u{EFFF}\u{FFFD}") == "\u{EFFF}\u{FFFD}")
        #expect(XMLText.escape("<a & \"b\">") == "&lt;a &amp; &quot;b&quot;&gt;")
    }

    @Test func sheetNamesFollowExcelsRules() {
        #expect(XLSXWorkbook.validSheetName("search") == "search")
        #expect(XLSXWorkbook.validSheetName("a/b:c[d]?*") == "abcd")
        #expect(XLSXWorkbook.validSheetName("'quoted'") == "quoted")
        #expect(XLSXWorkbook.validSheetName(String(repeating: "x", count: 40)).count == 31)
        #expect(XLSXWorkbook.validSheetName("[]") == "Sheet1")
    }

    @Test func sameRowsMakeTheSameBytes() throws {
        let first = try XLSXWorkbook(sheetName: "goals", table: Self.table).bytes()
        #expect(try XLSXWorkbook(sheetName: "goals", table: Self.table).bytes() == first)
    }

    @Test func anEmptyListingIsAHeaderRow() throws {
        let parts = try Self.parts(try XLSXWorkbook(sheetName: "articles", columns: ["id", "title"], rows: []).bytes())
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains(#"<dimension ref="A1:B1"/>"#))
        #expect(sheet.components(separatedBy: "<row ").count == 2)
    }

    @Test func theUnzipToolReadsTheArchive() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unzip") else { return }
        let folder = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("goals.xlsx")
        try Data(try XLSXWorkbook(sheetName: "goals", table: Self.table).bytes()).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-t", file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("No errors detected"))
    }

    // MARK: Reading back

    /// The shared strings in order.
    static func sharedStrings(_ xml: String) -> [String] {
        xml.components(separatedBy: "<si><t xml:space=\"preserve\">").dropFirst().map { item in
            unescape(item.components(separatedBy: "</t></si>")[0])
        }
    }

    /// The text of a shared-string cell.
    static func text(of reference: String, sheet: String, shared: [String]) -> String? {
        guard let start = sheet.range(of: "<c r=\"\(reference)\" t=\"s\""),
              let value = sheet[start.upperBound...].range(of: "<v>"),
              let end = sheet[value.upperBound...].range(of: "</v>"),
              let index = Int(sheet[value.upperBound..<end.lowerBound]), index < shared.count else { return nil }
        return shared[index]
    }

    static func columnWidths(_ sheet: String) -> [Int] {
        sheet.components(separatedBy: "<col ").dropFirst().compactMap { column in
            column.components(separatedBy: "width=\"").dropFirst().first?.components(separatedBy: "\"").first.flatMap { Int($0) }
        }
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Reads a ZIP of stored entries by its central directory, checking each
/// entry's local header and CRC, as an unzip tool does.
enum StoredZipReader {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func entries(_ bytes: [UInt8]) throws -> [String: [UInt8]] {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22, u32(bytes.count - 22) == 0x0605_4B50 else { throw Malformed(description: "no end record") }
        let end = bytes.count - 22
        let count = u16(end + 10)
        var at = u32(end + 16)
        var entries: [String: [UInt8]] = [:]
        for _ in 0..<count {
            guard u32(at) == 0x0201_4B50 else { throw Malformed(description: "no directory record at \(at)") }
            let method = u16(at + 10), crc = u32(at + 16), size = u32(at + 20)
            let nameLength = u16(at + 28), extra = u16(at + 30), comment = u16(at + 32), offset = u32(at + 42)
            let name = String(decoding: bytes[(at + 46)..<(at + 46 + nameLength)], as: UTF8.self)
            guard method == 0, u32(offset) == 0x0403_4B50, u32(offset + 14) == crc else {
                throw Malformed(description: "\(name): bad local header")
            }
            let start = offset + 30 + u16(offset + 26) + u16(offset + 28)
            let data = Array(bytes[start..<(start + size)])
            guard Int(CRC32.checksum(data)) == crc else { throw Malformed(description: "\(name): bad CRC") }
            entries[name] = data
            at += 46 + nameLength + extra + comment
        }
        return entries
    }
}
