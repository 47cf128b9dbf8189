import Foundation
import NIOConcurrencyHelpers
import PolicyCore
import PolicyExtraction
import Testing
@testable import PolicykbServer

/// A request's queries stop when its client has gone or its time is up,
/// and a request that waited past either is not started at all.
@Suite(.timeLimit(.minutes(1)))
struct RequestBudgetTests {
    /// A query that never ends on its own: only an interrupt stops it.
    static let endless = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"

    @Test func anAbandonedRequestIsNotStarted() async throws {
        let pool = try TestDatabase.pool()
        let gone = ConnectionState()
        gone.markGone()
        let started = NIOLockedValueBox(false)
        await #expect(throws: RequestError.abandoned) {
            try await pool.read(budget: RequestBudget(seconds: 10, connection: gone)) { _ in
                started.withLockedValue { $0 = true }
            }
        }
        #expect(!started.withLockedValue { $0 })
    }

    @Test func aRunningQueryStopsWhenItsClientGoes() async throws {
        let pool = try TestDatabase.pool()
        let connection = ConnectionState()
        let started = NIOLockedValueBox(false)
        let watcher = Task {
            while !started.withLockedValue({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
            connection.markGone()
        }
        await #expect(throws: RequestError.abandoned) {
            try await pool.read(budget: RequestBudget(seconds: 600, connection: connection)) { store in
                started.withLockedValue { $0 = true }
                return try store.database.scalar(Self.endless).int ?? 0
            }
        }
        try await watcher.value
        // The connection goes back to the pool in working order.
        #expect(try await pool.read { try $0.database.scalar("SELECT 40 + 2").int } == 42)
    }

    @Test func aRunningQueryStopsAtItsDeadline() async throws {
        let pool = try TestDatabase.pool()
        await #expect(throws: RequestError.timedOut(seconds: 1)) {
            try await pool.read(budget: RequestBudget(seconds: 1, connection: nil)) { store in
                try store.database.scalar(Self.endless).int ?? 0
            }
        }
    }

    /// The server's answer says what happened, with 503.
    @Test func aTimedOutRequestIsAnswered503() {
        let error = RequestError.timedOut(seconds: 10)
        #expect(error.status == .serviceUnavailable)
        #expect(error.message.contains("10 s"))
    }
}
