import PostgresClient

/// A table's rows for one multi-row INSERT: values as text, each cast to
/// its column's type (a multi-row VALUES list would read untyped
/// parameters as text).
struct HubRows {
    let table: String
    let columns: [(name: String, type: String)]
    var rows: [[String?]] = []
    /// Appended to the INSERT, e.g. "ON CONFLICT DO NOTHING".
    var suffix = ""

    init(_ table: String, _ columns: [(String, String)], suffix: String = "") {
        self.table = table
        self.columns = columns.map { (name: $0.0, type: $0.1) }
        self.suffix = suffix
    }

    mutating func append(_ row: [String?]) { rows.append(row) }
}

extension HubConnection {
    /// Inserts `batch` with as few statements as the protocol's 65,535
    /// parameters allow.
    func insert(_ batch: HubRows) throws(HubError) {
        guard !batch.rows.isEmpty else { return }
        let perStatement = max(1, 30_000 / batch.columns.count)
        let names = batch.columns.map { "\"\($0.name)\"" }.joined(separator: ", ")
        for start in stride(from: 0, to: batch.rows.count, by: perStatement) {
            let chunk = batch.rows[start..<min(batch.rows.count, start + perStatement)]
            var parameter = 0
            var tuples: [String] = []
            tuples.reserveCapacity(chunk.count)
            for _ in chunk {
                let values = batch.columns.map { column -> String in
                    parameter += 1
                    return "$\(parameter)::\(column.type)"
                }
                tuples.append("(" + values.joined(separator: ", ") + ")")
            }
            try run("writing \(batch.table)", "INSERT INTO \(batch.table) (\(names)) VALUES \(tuples.joined(separator: ", ")) \(batch.suffix)",
                    Array(chunk.joined()))
        }
    }
}
