/// Which columns of the command line's tables fit a terminal, and how wide
/// each is — a pure function of the widths, as `gh` and `kubectl` do it:
/// rather than squeezing every column to a few cells, the least wanted
/// columns are left out first, so that titles stay readable.
public enum ColumnFitting {
    public struct Column: Equatable, Sendable {
        /// The widest cell or header.
        public var natural: Int
        /// The narrowest it may be cut to before others are left out.
        public var minimum: Int
        /// 0 stays; higher numbers are left out first.
        public var priority: Int

        public init(natural: Int, minimum: Int, priority: Int) {
            self.natural = natural
            self.minimum = minimum
            self.priority = priority
        }
    }

    /// The columns kept (indices, in order) and their widths, with two
    /// cells between columns.
    ///
    /// With no `width` every column is kept whole. Otherwise columns are
    /// left out, highest priority number first (the rightmost of equals),
    /// until the kept ones fit at their minimums; then columns are cut
    /// toward their minimums, the least wanted first, until the line fits.
    /// If the columns that always stay are too wide even so, the widest are
    /// cut down to 3.
    public static func fit(_ columns: [Column], width: Int?, separator: Int = 2) -> (kept: [Int], widths: [Int]) {
        var kept = Array(columns.indices)
        guard let width else { return (kept, columns.map(\.natural)) }
        func total(_ widths: [Int]) -> Int { widths.reduce(separator * max(0, widths.count - 1), +) }
        func minimum(_ index: Int) -> Int { min(columns[index].natural, columns[index].minimum) }
        while total(kept.map(minimum)) > width,
              let lowest = kept.map({ columns[$0].priority }).max(), lowest > 0,
              let last = kept.last(where: { columns[$0].priority == lowest }) {
            kept.removeAll { $0 == last }
        }
        var widths = kept.map { columns[$0].natural }
        // The least wanted columns are cut first (the widest of equals).
        while total(widths) > width,
              let cut = widths.indices.filter({ widths[$0] > minimum(kept[$0]) })
                .max(by: { (columns[kept[$0]].priority, widths[$0]) < (columns[kept[$1]].priority, widths[$1]) }) {
            widths[cut] -= 1
        }
        while total(widths) > width, let widest = widths.indices.filter({ widths[$0] > 3 }).max(by: { widths[$0] < widths[$1] }) {
            widths[widest] -= 1
        }
        return (kept, widths)
    }
}
