import NIOCore
import NIOEmbedded
import NIOHTTPTypes
import Testing
@testable import PolicykbServer

/// What the handler that watches each connection sees: a client closing
/// its end or the connection dropping marks it gone; an HTTP/1.0 request
/// line without keep-alive marks it to close after its response.
@Suite struct ConnectionWatchTests {
    @Test func aClosedInputMarksTheClientGone() throws {
        let watch = ConnectionWatch()
        let channel = EmbeddedChannel(handler: watch)
        #expect(!watch.state.isGone)
        channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        #expect(watch.state.isGone)
        _ = try? channel.finish()
    }

    @Test func aDroppedConnectionMarksTheClientGone() throws {
        let watch = ConnectionWatch()
        let channel = EmbeddedChannel(handler: watch)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
        #expect(!watch.state.isGone)
        _ = try channel.finish()
        #expect(watch.state.isGone)
    }

    @Test(arguments: [
        ("GET / HTTP/1.0\r\nHost: x\r\n\r\n", true),
        ("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", false),
        ("GET / HTTP/1.1\r\nHost: x\r\n\r\n", false),
    ])
    func http10WithoutKeepAliveClosesAfterItsResponse(request: String, closes: Bool) throws {
        let watch = ConnectionWatch()
        let channel = EmbeddedChannel(handler: watch)
        // The reader goes first in the pipeline and lets the bytes through.
        try channel.writeInbound(ByteBuffer(string: request))
        #expect(watch.state.closesAfterFirstResponse == closes)
        let passed = try channel.readInbound(as: ByteBuffer.self)
        #expect(passed.map { String(buffer: $0) } == request)
        _ = try? channel.finish()
    }
}
