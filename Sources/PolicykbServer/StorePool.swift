import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import PolicyCore
import PolicyExtraction

/// Read-only connections to the store, lent to one request at a time, and
/// the threads their queries run on.
///
/// SQLite calls block for milliseconds (a search reads FTS5's index), so
/// they must not run on NIO's event loops, which serve every connection, nor
/// on Swift's cooperative threads (two here, shared by every task): they run
/// on NIO's thread pool, whose `runIfActive` suspends the request's task
/// instead of a thread. That pool has one thread per core, which is also as
/// many queries as can make progress at once.
///
/// A `PolicyStore` is not thread-safe, so each query takes a connection of
/// its own from `idle` and puts it back afterwards: at most one connection
/// per pool thread is ever open, each opened once (opening verifies the
/// schema) and kept with its cached statements.
public final class StorePool: Sendable {
    /// One read-only connection.
    ///
    /// `@unchecked Sendable` is safe because a `Connection` is only ever
    /// used by the one closure that took it out of `idle`: `take()` removes
    /// it under the lock before use and `giveBack(_:)` returns it under the
    /// lock after the closure has finished, so no two threads hold it at
    /// once, and the lock orders one user's accesses before the next one's.
    final class Connection: @unchecked Sendable {
        let store: PolicyStore

        init(path: String) throws {
            store = try PolicyStore(path: path, access: .read)
        }
    }

    public let path: String
    private let idle: NIOLockedValueBox<[Connection]>
    private let threadPool: NIOThreadPool
    /// Connections kept open between requests.
    private let maxIdle: Int

    /// Opens the database at `path` read-only, so that a missing or
    /// unreadable file fails now rather than on the first request.
    /// - Throws: `StoreError` when the file cannot be opened or its schema
    ///   is not this binary's.
    public init(path: String, threadPool: NIOThreadPool = .singleton, maxIdle: Int = 8) throws {
        self.path = path
        self.threadPool = threadPool
        self.maxIdle = maxIdle
        idle = NIOLockedValueBox([try Connection(path: path)])
    }

    /// Runs `body` on a pool thread with a connection of its own and returns
    /// what it returns (rendered pages are made there too, off the event
    /// loops). With a `budget`, a request whose client has gone or whose
    /// time is up is not started, and its queries are interrupted when
    /// either happens while they run.
    public func read<T: Sendable>(_ body: @escaping @Sendable (PolicyStore) throws -> T) async throws -> T {
        try await read(budget: nil, body)
    }

    func read<T: Sendable>(budget: RequestBudget?, _ body: @escaping @Sendable (PolicyStore) throws -> T) async throws -> T {
        try await threadPool.runIfActive { [self] in
            if let stop = budget?.exhausted { throw stop }
            let connection = try take()
            defer { giveBack(connection) }
            guard let budget else { return try body(connection.store) }
            do {
                return try connection.store.database.interrupting(when: { budget.exhausted != nil }) {
                    try body(connection.store)
                }
            } catch {
                // An interrupted statement surfaces as whatever error its
                // caller wraps it in; the budget says why it stopped.
                if let stop = budget.exhausted { throw stop }
                throw error
            }
        }
    }

    private func take() throws -> Connection {
        if let connection = idle.withLockedValue({ $0.popLast() }) { return connection }
        return try Connection(path: path)
    }

    private func giveBack(_ connection: Connection) {
        idle.withLockedValue { connections in
            if connections.count < maxIdle { connections.append(connection) }
        }
    }
}
