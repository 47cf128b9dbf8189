/// A table in an article body (EXTRACTION.md §8, tables): rows of cells
/// split by `|` or tabs — as a page's `<table>` reaches the body
/// (`HTMLText` writes its cells with ` | `), as Markdown writes one, or
/// flattened one cell per line (`2027年 |`) as copied from a PDF.
///
/// A pure function of the folded body: it finds where each cell is, and
/// which cells are the header's (`指标 | 单位 | 2022年 | 2027年目标`).
struct TextTable: Equatable {
    struct Cell: Equatable {
        /// Where the cell's text is in the body, its edges' spaces trimmed.
        var range: Range<Int>
        var isEmpty: Bool { range.isEmpty }
    }

    /// The body span the table covers, from its first line to its last.
    var range: Range<Int>
    /// Rows as the text gives them; a flattened table is one row of every cell.
    var rows: [[Cell]]
    /// Whether the rows are the table's own (each line a row) or one stream of cells.
    var hasRows: Bool

    /// Every table of `body`: three or more lines in a row that hold a cell
    /// separator.
    static func tables(in body: BodyText) -> [TextTable] {
        var tables: [TextTable] = []
        var run: [Range<Int>] = []
        func close() {
            if run.count >= ExtractionWords.tableMinLines, let table = TextTable(lines: run, body: body) {
                tables.append(table)
            }
            run = []
        }
        for paragraph in body.paragraphs {
            if paragraph.contains(where: { ExtractionWords.cellSeparators.contains(body.scalars[$0]) }) {
                run.append(paragraph)
            } else {
                close()
            }
        }
        close()
        return tables
    }

    init?(lines: [Range<Int>], body: BodyText) {
        let split = lines.map { Self.cells(of: $0, body: body) }
        // A line of one cell is a flattened table's: read the cells as one stream.
        let multiCell = split.filter { $0.count >= 2 }.count
        hasRows = multiCell * 2 > split.count
        rows = hasRows ? split : [split.flatMap { $0 }]
        guard let first = lines.first, let last = lines.last else { return nil }
        range = first.lowerBound..<last.upperBound
    }

    /// The cells of one line: split by `|` or tabs, a closing separator
    /// ending the last cell, not opening an empty one.
    static func cells(of line: Range<Int>, body: BodyText) -> [Cell] {
        var cells: [Cell] = []
        var start = line.lowerBound
        var k = line.lowerBound
        // A leading separator (| a | b |, as Markdown writes) opens no cell.
        while k < line.upperBound, body.scalars[k] == " " { k += 1 }
        if k < line.upperBound, ExtractionWords.cellSeparators.contains(body.scalars[k]) { start = k + 1; k += 1 }
        var sawSeparator = false
        while k < line.upperBound {
            if ExtractionWords.cellSeparators.contains(body.scalars[k]) {
                cells.append(Cell(range: trimmed(start..<k, body: body)))
                start = k + 1
                sawSeparator = true
            }
            k += 1
        }
        let rest = trimmed(start..<line.upperBound, body: body)
        if !rest.isEmpty || !sawSeparator { cells.append(Cell(range: rest)) }
        return cells
    }

    static func trimmed(_ range: Range<Int>, body: BodyText) -> Range<Int> {
        var low = range.lowerBound, high = range.upperBound
        while low < high, body.scalars[low].properties.isWhitespace { low += 1 }
        while high > low, body.scalars[high - 1].properties.isWhitespace { high -= 1 }
        return low..<high
    }
}
