/// Columns that JSON writes and flat renderings (CSV, workbooks, terminal
/// tables) leave out: `date_precision` says how to read the date beside it,
/// which a flat rendering already writes as its period (`2025-10`,
/// `2025-Q3`, `2025`). Leaving it out keeps CSV columns where scripts
/// (`cut -d, -f…`) expect them.
public enum JSONOnlyColumns {
    public static let names: Set<String> = ["date_precision"]

    /// The columns a flat rendering keeps, in order.
    public static func flat(_ columns: [String]) -> [String] { columns.filter { !names.contains($0) } }

    /// `columns` and `rows` without the JSON-only columns.
    public static func flat<Value>(columns: [String], rows: [[Value]]) -> (columns: [String], rows: [[Value]]) {
        let kept = columns.indices.filter { !names.contains(columns[$0]) }
        guard kept.count < columns.count else { return (columns, rows) }
        return (kept.map { columns[$0] }, rows.map { row in kept.compactMap { $0 < row.count ? row[$0] : nil } })
    }
}
