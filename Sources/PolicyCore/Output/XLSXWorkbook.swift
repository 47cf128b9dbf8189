/// An Excel workbook (.xlsx, Office Open XML) of one sheet: rows with
/// named columns, as `policykb … --format xlsx --output FILE` and the
/// server's `format=xlsx` downloads write them, from the rows' one shape
/// (`RecordTable`).
///
/// The header row is bold, frozen and filtered; numbers are number cells,
/// `true`/`false` boolean cells, a whole date (`2025-03-15`) a date cell
/// shown as yyyy-mm-dd; every other value is text (lists joined with ` | `,
/// a quoted span as its text, as in CSV). Column widths fit their content,
/// CJK characters counting two. No cell is ever a formula, so text from
/// outside cannot run (CSV needs a guard for that; a workbook does not).
public struct XLSXWorkbook: Sendable {
    /// The MIME type of an .xlsx file.
    public static let contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    /// Rows a sheet holds, the header included.
    public static let maxRows = 1_048_576
    /// Characters (UTF-16 units) a cell holds.
    public static let maxCellLength = 32_767
    /// A column is never wider than this many characters.
    static let maxColumnWidth = 60

    public let sheetName: String
    public let columns: [String]
    public let rows: [[RecordValue]]

    public init(sheetName: String, columns: [String], rows: [[RecordValue]]) {
        self.sheetName = Self.validSheetName(sheetName)
        (self.columns, self.rows) = JSONOnlyColumns.flat(columns: columns, rows: rows)
    }

    public init(sheetName: String, table: RecordTable) {
        self.init(sheetName: sheetName, columns: table.columns, rows: table.rows)
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case tooManyRows(Int)

        public var description: String {
            switch self {
            case .tooManyRows(let count):
                "\(count) rows are more than a worksheet holds (1,048,575 below its header); write --format csv, or fewer rows with --limit"
            }
        }
    }

    /// The .xlsx file.
    public func bytes() throws -> [UInt8] {
        guard rows.count < Self.maxRows else { throw Failure.tooManyRows(rows.count) }
        var strings = SharedStrings()
        let sheet = sheetXML(strings: &strings)
        return try StoredZip.archive([
            .init(name: "[Content_Types].xml", bytes: Array(Self.contentTypes.utf8)),
            .init(name: "_rels/.rels", bytes: Array(Self.packageRelationships.utf8)),
            .init(name: "xl/workbook.xml", bytes: Array(workbookXML.utf8)),
            .init(name: "xl/_rels/workbook.xml.rels", bytes: Array(Self.workbookRelationships.utf8)),
            .init(name: "xl/styles.xml", bytes: Array(Self.styles.utf8)),
            .init(name: "xl/sharedStrings.xml", bytes: Array(strings.xml.utf8)),
            .init(name: "xl/worksheets/sheet1.xml", bytes: Array(sheet.utf8)),
        ])
    }

    // MARK: Cells

    /// A value as a cell of the sheet.
    enum Cell: Equatable {
        case empty
        /// A number in decimal, written as it is.
        case number(String)
        case bool(Bool)
        /// Days since 1899-12-30, Excel's date serial.
        case date(serial: Int)
        case text(String)

        init(_ value: RecordValue) {
            switch value {
            case .null: self = .empty
            case .bool(let flag): self = .bool(flag)
            case .int(let number): self = .number(String(number))
            case .double(let number):
                guard number.isFinite else { self = .empty; return }
                self = .number(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number))
            case .number(let literal):
                // Decimal's text is plain digits; anything else stays text.
                self = Double(literal) != nil && literal.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-") })
                    ? .number(literal) : .text(literal)
            case .string(let text) where text.isEmpty:
                self = .empty
            case .string(let text):
                if let serial = XLSXWorkbook.dateSerial(text) { self = .date(serial: serial) } else { self = .text(text) }
            case .array, .object:
                let text = CSVTable.flat(value)
                self = text.isEmpty ? .empty : .text(text)
            }
        }

        /// The characters the cell shows, for its column's width.
        var shownWidth: Int {
            switch self {
            case .empty: 0
            case .number(let literal): literal.count
            case .bool: 5
            case .date: 10
            case .text(let text):
                text.utf8.contains(UInt8(ascii: "\n"))
                    ? text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0 : DisplayWidth.of(text)
            }
        }
    }

    /// Excel's serial of a whole date written `YYYY-MM-DD` (from 1900-03-01,
    /// where Excel's count is right), else nil.
    static func dateSerial(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              (1..<13).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        let serial = daysFromCivil(year: year, month: month, day: day) - daysFromCivil(year: 1899, month: 12, day: 30)
        return serial >= 61 && year <= 9999 ? serial : nil
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
    /// days_from_civil).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `A`, `B` … `Z`, `AA` … for a column index from 0.
    static func columnName(_ index: Int) -> String {
        var index = index + 1, name = ""
        while index > 0 {
            let digit = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + digit))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// A column's width in characters: its widest cell or header, with room
    /// for the filter button, within 6…60.
    static func columnWidth(header: String, cells: [Cell]) -> Int {
        let widest = cells.reduce(DisplayWidth.of(header) + 2) { max($0, $1.shownWidth) }
        return min(max(widest, 4), maxColumnWidth) + 2
    }

    // MARK: Parts

    func sheetXML(strings: inout SharedStrings) -> String {
        let cells = rows.map { $0.map(Cell.init) }
        let lastColumn = Self.columnName(max(columns.count, 1) - 1)
        let range = "A1:\(lastColumn)\(rows.count + 1)"
        var xml = Self.declaration
        xml += #"<worksheet xmlns="\#(Self.mainNamespace)" xmlns:r="\#(Self.relationshipNamespace)">"#
        xml += #"<dimension ref="\#(range)"/>"#
        // The header stays in view while the rows scroll.
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
        xml += #"<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>"#
        xml += #"<sheetFormatPr defaultRowHeight="15"/>"#
        if !columns.isEmpty {
            xml += "<cols>"
            for (index, column) in columns.enumerated() {
                let width = Self.columnWidth(header: column, cells: cells.map { index < $0.count ? $0[index] : .empty })
                xml += #"<col min="\#(index + 1)" max="\#(index + 1)" width="\#(width)" customWidth="1"/>"#
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        xml += #"<row r="1">"#
        for (index, column) in columns.enumerated() {
            xml += #"<c r="\#(Self.columnName(index))1" t="s" s="\#(Style.header)"><v>\#(strings.index(of: column))</v></c>"#
        }
        xml += "</row>"
        let names = columns.indices.map(Self.columnName)
        for (rowIndex, row) in cells.enumerated() {
            let number = rowIndex + 2
            xml += #"<row r="\#(number)">"#
            for (index, cell) in row.enumerated() where index < names.count {
                let reference = names[index] + String(number)
                switch cell {
                case .empty: continue
                case .number(let literal): xml += #"<c r="\#(reference)"><v>\#(literal)</v></c>"#
                case .bool(let flag): xml += #"<c r="\#(reference)" t="b"><v>\#(flag ? 1 : 0)</v></c>"#
                case .date(let serial): xml += #"<c r="\#(reference)" s="\#(Style.date)"><v>\#(serial)</v></c>"#
                case .text(let text): xml += #"<c r="\#(reference)" t="s"><v>\#(strings.index(of: text))</v></c>"#
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !columns.isEmpty { xml += #"<autoFilter ref="\#(range)"/>"# }
        xml += "</worksheet>"
        return xml
    }

    var workbookXML: String {
        let name = XMLText.escape(sheetName)
        let range = "$A$1:$\(Self.columnName(max(columns.count, 1) - 1))$\(rows.count + 1)"
        return Self.declaration
            + #"<workbook xmlns="\#(Self.mainNamespace)" xmlns:r="\#(Self.relationshipNamespace)">"#
            + #"<sheets><sheet name="\#(name)" sheetId="1" r:id="rId1"/></sheets>"#
            + (columns.isEmpty ? "" : #"<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'\#(name.replacingOccurrences(of: "'", with: "''"))'!\#(range)</definedName></definedNames>"#)
            + "</workbook>"
    }

    /// Excel's rules for a sheet name: 1–31 characters, none of `[]:*?/\`,
    /// not starting or ending with `'`.
    static func validSheetName(_ name: String) -> String {
        var cleaned = String(String.UnicodeScalarView(name.unicodeScalars.filter {
            !"[]:*?/\\".unicodeScalars.contains($0) && $0.value >= 0x20
        }))
        while cleaned.hasPrefix("'") { cleaned.removeFirst() }
        while cleaned.hasSuffix("'") { cleaned.removeLast() }
        cleaned = String(cleaned.prefix(31))
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }

    /// Indices into the cellXfs of `styles`.
    enum Style {
        static let header = 1
        static let date = 2
    }

    static let declaration = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes = declaration + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
        </Types>
        """

    static let packageRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static let workbookRelationships = declaration + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
        <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
        </Relationships>
        """

    /// Style 0 plain, 1 bold (the header), 2 a date as yyyy-mm-dd.
    static let styles = declaration + """
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
        <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
        <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """
}

/// The workbook's table of text: each distinct string once, cells refer to
/// it by index (what Excel itself writes; repeated regions and sections
/// are stored once).
struct SharedStrings {
    private var indices: [String: Int] = [:]
    private var items: [String] = []
    private var references = 0

    mutating func index(of text: String) -> Int {
        references += 1
        if let index = indices[text] { return index }
        indices[text] = items.count
        items.append(text)
        return items.count - 1
    }

    var xml: String {
        var xml = XLSXWorkbook.declaration
        xml += #"<sst xmlns="\#(XLSXWorkbook.mainNamespace)" count="\#(references)" uniqueCount="\#(items.count)">"#
        for item in items {
            xml += #"<si><t xml:space="preserve">"# + XMLText.escape(XMLText.cellText(item)) + "</t></si>"
        }
        return xml + "</sst>"
    }
}

/// Text as XML 1.0 character data.
enum XMLText {
    /// `&`, `<`, `>` and `"` escaped; the characters XML 1.0 cannot hold
    /// (controls other than tab, line feed and carriage return; U+FFFE,
    /// U+FFFF) and match marks left out.
    static func escape(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF || MatchMark.isMark(scalar):
                continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// Whether `escape` changes `text`: most titles and evidence hold no
    /// markup, no control character and no match mark, and are written as
    /// they are after one pass over their bytes.
    static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() {
                switch byte {
                case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""): return true
                case 0x09, 0x0A, 0x0D: continue
                case ..<0x20: return true
                // U+E000 and U+E001 (match marks): EE 80 80/81.
                case 0xEE where index + 2 < bytes.count && bytes[index + 1] == 0x80 && bytes[index + 2] <= 0x81: return true
                // U+FFFE and U+FFFF: EF BF BE/BF.
                case 0xEF where index + 2 < bytes.count && bytes[index + 1] == 0xBF && bytes[index + 2] >= 0xBE: return true
                default: continue
                }
            }
            return false
        }
    }

    /// Text as a cell holds it: at most 32,767 UTF-16 units (Excel's
    /// limit, cut with `…`), and a literal `_xHHHH_` kept literal — Excel
    /// reads that pattern as an escaped character unless its `_` is
    /// itself escaped as `_x005F_`.
    static func cellText(_ text: String) -> String {
        var text = text
        // UTF-8 is never shorter than UTF-16, and its count costs nothing.
        if text.utf8.count > XLSXWorkbook.maxCellLength, text.utf16.count > XLSXWorkbook.maxCellLength {
            var kept = String.UnicodeScalarView(), units = 0
            for scalar in text.unicodeScalars {
                units += scalar.utf16.count
                if units > XLSXWorkbook.maxCellLength - 1 { break }
                kept.append(scalar)
            }
            text = String(kept) + "…"
        }
        guard text.utf8.contains(UInt8(ascii: "_")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if scalar == "_", index + 6 < scalars.count, scalars[index + 1] == "x" || scalars[index + 1] == "X",
               scalars[index + 2...index + 5].allSatisfy({ $0.properties.isASCIIHexDigit }), scalars[index + 6] == "_" {
                out.append(contentsOf: "_x005F_".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
