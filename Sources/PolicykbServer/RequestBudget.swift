import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore

/// What one request may spend: time, until its deadline, and nothing once
/// its client has gone. A query checks it before it starts (a request that
/// waited in the queue past either is dropped unrun) and while it runs
/// (SQLite's progress handler interrupts it), so that abandoned expensive
/// requests cannot hold the pool's threads while other clients wait.
struct RequestBudget: Sendable {
    /// When the request must be answered by.
    let deadline: ContinuousClock.Instant
    /// The seconds it was given, for the message when they run out.
    let seconds: Int
    /// The client's connection, or nil where there is none to watch (tests
    /// that call the router directly).
    let connection: ConnectionState?

    init(seconds: Int, connection: ConnectionState?) {
        self.seconds = seconds
        self.deadline = .now + .seconds(seconds)
        self.connection = connection
    }

    /// Why the request should stop now, or nil while it may go on.
    var exhausted: RequestError? {
        if connection?.isGone == true { return .abandoned }
        if ContinuousClock.now >= deadline { return .timedOut(seconds: seconds) }
        return nil
    }
}

/// Whether a connection's client is still there: set by `ConnectionWatch`
/// on the connection's event loop, read by the query threads.
final class ConnectionState: Sendable {
    private let gone = NIOLockedValueBox(false)

    var isGone: Bool { gone.withLockedValue { $0 } }

    func markGone() { gone.withLockedValue { $0 = true } }
}

/// Watches one connection for its client going away: the server allows
/// half-closure, so a client that closes its end shows as `inputClosed`
/// while the channel stays active, and a reset as the channel going
/// inactive.
final class ConnectionWatch: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = Any
    let state = ConnectionState()

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { state.markGone() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        state.markGone()
        context.fireChannelInactive()
    }
}

/// The request context of every route: Hummingbird's core storage, and the
/// connection, so that a route can find its `ConnectionWatch`.
public struct ServerRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let channel: any Channel

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// The state `ConnectionWatch` keeps for this connection, or nil where
    /// the pipeline has none.
    func connectionState() async -> ConnectionState? {
        try? await channel.pipeline.handler(type: ConnectionWatch.self).map { $0.state }.get()
    }
}
