import CSQLite

extension Database {
    public enum TransactionKind: String, Sendable {
        /// Takes the write lock at the first write.
        case deferred = "DEFERRED"
        /// "IMMEDIATE cause the database connection to start a new write
        /// immediately, without waiting for a write statement" — a writer
        /// that will write anyway avoids a late SQLITE_BUSY upgrade.
        case immediate = "IMMEDIATE"
        case exclusive = "EXCLUSIVE"
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back
    /// when it throws.
    public func transaction<T>(_ kind: TransactionKind = .immediate,
                               _ body: () throws -> T) throws -> T {
        try execute("BEGIN \(kind.rawValue)")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // "If certain kinds of errors occur within a transaction, the
            // transaction may or may not be rolled back automatically";
            // roll back only when one is still open.
            if isInTransaction { try? execute("ROLLBACK") }
            throw error
        }
    }

    /// Runs `body` inside a savepoint, which nests inside a transaction.
    public func savepoint<T>(_ name: String = "policykb", _ body: () throws -> T) throws -> T {
        try execute("SAVEPOINT \"\(name)\"")
        do {
            let result = try body()
            try execute("RELEASE \"\(name)\"")
            return result
        } catch {
            try? execute("ROLLBACK TO \"\(name)\"")
            try? execute("RELEASE \"\(name)\"")
            throw error
        }
    }
}
