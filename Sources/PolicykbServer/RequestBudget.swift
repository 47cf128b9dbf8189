import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTPTypes

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

/// Whether a connection's client is still there, set by `ConnectionWatch`
/// on the connection's event loop and read by the query threads; and
/// whether the client spoke HTTP/1.0 without keep-alive, whose connection
/// ends with the response.
final class ConnectionState: Sendable {
    private let gone = NIOLockedValueBox(false)
    private let closesAfterResponse = NIOLockedValueBox(false)

    var isGone: Bool { gone.withLockedValue { $0 } }

    func markGone() { gone.withLockedValue { $0 = true } }

    var closesAfterFirstResponse: Bool {
        get { closesAfterResponse.withLockedValue { $0 } }
        set { closesAfterResponse.withLockedValue { $0 = newValue } }
    }
}

/// Watches one connection: for its client going away (the server allows
/// half-closure, so a client that closes its end shows as `inputClosed`
/// while the channel stays active, and a reset as the channel going
/// inactive), and for HTTP/1.0, whose connection closes after the response
/// unless the request asked to keep it alive (RFC 9112, 9.3). The HTTP
/// version is gone by the time requests reach this handler, so a reader of
/// the raw bytes at the front of the pipeline notes it.
final class ConnectionWatch: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = Any
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart
    let state = ConnectionState()

    func handlerAdded(context: ChannelHandlerContext) {
        try? context.pipeline.syncOperations.addHandler(RequestLineReader(state: state), position: .first)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed { state.markGone() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        state.markGone()
        context.fireChannelInactive()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let part = unwrapOutboundIn(data)
        guard case .end = part, state.closesAfterFirstResponse else {
            context.write(data, promise: promise)
            return
        }
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(data, promise: written)
        written.futureResult.cascade(to: promise)
        written.futureResult.whenComplete { _ in context.close(promise: nil) }
    }
}

/// Reads the first request line and headers of a connection from its raw
/// bytes: HTTP/1.0 without `Connection: keep-alive` closes after its
/// response. Removes itself once it has seen them.
final class RequestLineReader: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    let state: ConnectionState
    private var head: [UInt8] = []

    init(state: ConnectionState) { self.state = state }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        head.append(contentsOf: buffer.readableBytesView.prefix(8192 - head.count))
        // The bytes go on first: a handler removed cannot pass them on.
        context.fireChannelRead(data)
        let text = String(decoding: head, as: UTF8.self)
        if let end = text.range(of: "\r\n\r\n") {
            let block = text[..<end.lowerBound]
            let requestLine = block.prefix { $0 != "\r\n" && $0 != "\n" }
            if requestLine.hasSuffix("HTTP/1.0") && !block.lowercased().contains("keep-alive") {
                state.closesAfterFirstResponse = true
            }
            context.pipeline.syncOperations.removeHandler(self, promise: nil)
        } else if head.count >= 8192 {
            // Headers this long are the HTTP parser's to refuse.
            context.pipeline.syncOperations.removeHandler(self, promise: nil)
        }
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
