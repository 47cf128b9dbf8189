import CSQLite

extension Database {
    /// Runs `body`, stopping any statement it steps once `shouldStop`
    /// answers true: SQLite calls it every `instructions` virtual-machine
    /// instructions ("If the progress callback returns non-zero, the
    /// operation is interrupted"), and the interrupted statement fails with
    /// `SQLITE_INTERRUPT`. A server uses it to give up a query whose client
    /// has gone or whose time is up.
    ///
    /// `shouldStop` runs on the calling thread, inside SQLite, and must be
    /// cheap: a clock read or a flag.
    public func interrupting<T>(when shouldStop: @escaping () -> Bool, every instructions: Int32 = 4_000,
                                _ body: () throws -> T) rethrows -> T {
        let box = Unmanaged.passRetained(StopCondition(shouldStop))
        sqlite3_progress_handler(handle, instructions, { context in
            guard let context else { return 0 }
            return Unmanaged<StopCondition>.fromOpaque(context).takeUnretainedValue().check() ? 1 : 0
        }, box.toOpaque())
        defer {
            sqlite3_progress_handler(handle, 0, nil, nil)
            box.release()
        }
        return try body()
    }
}

/// The closure a progress handler calls, boxed for its C context pointer.
private final class StopCondition {
    let check: () -> Bool
    init(_ check: @escaping () -> Bool) { self.check = check }
}
