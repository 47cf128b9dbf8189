/// A row copied out of a statement, readable by column name or position.
public struct Row: Sendable {
    public let columns: [String]
    public let values: [DatabaseValue]

    public init(columns: [String], values: [DatabaseValue]) {
        self.columns = columns
        self.values = values
    }

    public subscript(index: Int) -> DatabaseValue { values[index] }

    /// The value of the first column with this name; `.null` when there is none.
    public subscript(name: String) -> DatabaseValue {
        guard let index = columns.firstIndex(of: name) else { return .null }
        return values[index]
    }
}

extension Statement {
    /// Binds `values`, steps through every row and copies each out.
    public func rows(_ values: [any DatabaseValueConvertible] = []) throws(SQLiteError) -> [Row] {
        defer { reset() }
        try bind(values)
        let columns = (0..<columnCount).map(columnName)
        var rows: [Row] = []
        while try step() {
            rows.append(Row(columns: columns, values: (0..<columns.count).map(value)))
        }
        return rows
    }
}
