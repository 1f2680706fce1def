import NIOConcurrencyHelpers
public import NIOCore
import NIOPosix

/// One end of a probe connection on loopback, server or client: it records when bytes arrive and
/// when the connection closes, optionally echoes, and lets a caller wait for either. The emulator's
/// tests and the benchmark's accuracy figures measure a ``SlowLink`` with it.
///
/// ```swift
/// let (client, peer) = try await server.connect(to: link.port)
/// try await client.writeAndFlush(ByteBuffer(repeating: 1, count: 10))
/// try await peer.wait(forBytes: 10, on: server.loop)
/// ```
public final class LoopbackPeer: Sendable {
    struct Log {
        var arrivals: [(at: NIODeadline, bytes: Int)] = []
        var closedAt: NIODeadline?
        var waiters: [(bytes: Int, promise: EventLoopPromise<Void>)] = []
        var closeWaiters: [EventLoopPromise<Void>] = []
        var received: Int { arrivals.reduce(0) { $0 + $1.bytes } }
    }

    let log = NIOLockedValueBox(Log())
    let echo: Bool

    init(echo: Bool) { self.echo = echo }

    public var received: Int { log.withLockedValue { $0.received } }
    public var firstArrival: NIODeadline? { log.withLockedValue { $0.arrivals.first?.at } }
    public var lastArrival: NIODeadline? { log.withLockedValue { $0.arrivals.last?.at } }
    public var closedAt: NIODeadline? { log.withLockedValue { $0.closedAt } }

    /// A wait passed its outer bound: the relay is broken, not slow.
    public struct TimedOut: Error {
        public init() {}
    }

    /// A promise that fails after a minute, so that nothing waits for ever on a broken relay.
    static func bounded(on loop: any EventLoop) -> EventLoopPromise<Void> {
        let promise = loop.makePromise(of: Void.self)
        let timer = loop.scheduleTask(in: .seconds(60)) { promise.fail(TimedOut()) }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        return promise
    }

    /// Waits until at least `bytes` have arrived or the connection closed.
    public func wait(forBytes bytes: Int, on loop: any EventLoop) async throws {
        let promise = Self.bounded(on: loop)
        let done = log.withLockedValue { log in
            if log.received >= bytes || log.closedAt != nil { return true }
            log.waiters.append((bytes, promise))
            return false
        }
        if done { promise.succeed() }
        try await promise.futureResult.get()
    }

    /// Waits until the connection has closed.
    public func waitForClose(on loop: any EventLoop) async throws {
        let promise = Self.bounded(on: loop)
        let done = log.withLockedValue { log in
            if log.closedAt != nil { return true }
            log.closeWaiters.append(promise)
            return false
        }
        if done { promise.succeed() }
        try await promise.futureResult.get()
    }

    func handler() -> Handler { Handler(self) }

    final class Handler: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let peer: LoopbackPeer

        init(_ peer: LoopbackPeer) { self.peer = peer }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let buffer = unwrapInboundIn(data)
            let ready = peer.log.withLockedValue { log in
                log.arrivals.append((.now(), buffer.readableBytes))
                let total = log.received
                let ready = log.waiters.filter { $0.bytes <= total }.map(\.promise)
                log.waiters.removeAll { $0.bytes <= total }
                return ready
            }
            if peer.echo { context.writeAndFlush(wrapOutboundOut(buffer), promise: nil) }
            ready.forEach { $0.succeed() }
        }

        func channelInactive(context: ChannelHandlerContext) {
            let waiting = peer.log.withLockedValue { log in
                log.closedAt = .now()
                defer { log.waiters = []; log.closeWaiters = [] }
                return log.waiters.map(\.promise) + log.closeWaiters
            }
            waiting.forEach { $0.succeed() }
        }
    }
}

/// A loopback server whose every connection is a ``LoopbackPeer``, and a client to reach it.
///
/// ```swift
/// let server = LoopbackServer()
/// let link = try await SlowLink.start(forwardingTo: try await server.start(echo: true), profile: .edge)
/// ```
public final class LoopbackServer: Sendable {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let peers = NIOLockedValueBox<[LoopbackPeer]>([])
    let peerWaiters = NIOLockedValueBox<[EventLoopPromise<LoopbackPeer>]>([])
    let channel: NIOLockedValueBox<(any Channel)?> = NIOLockedValueBox(nil)

    public init() {}

    /// The first connection the server accepted, once it has.
    public func firstPeer() async throws -> LoopbackPeer {
        let promise = loop.makePromise(of: LoopbackPeer.self)
        let accepted = peers.withLockedValue { peers in
            peers.first ?? { peerWaiters.withLockedValue { $0.append(promise) }; return nil }()
        }
        if let accepted { promise.succeed(accepted) }
        return try await promise.futureResult.get()
    }

    /// Listens on an ephemeral port of 127.0.0.1 and answers it; each connection echoes if `echo`.
    public func start(echo: Bool) async throws -> Int {
        let server = try await ServerBootstrap(group: group)
            .childChannelInitializer { [peers, peerWaiters] child in
                let peer = LoopbackPeer(echo: echo)
                let waiting = peers.withLockedValue { peers in
                    peers.append(peer)
                    return peerWaiters.withLockedValue { waiters in defer { waiters = [] }; return waiters }
                }
                waiting.forEach { $0.succeed(peer) }
                return child.eventLoop.makeCompletedFuture { try child.pipeline.syncOperations.addHandler(peer.handler()) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        channel.withLockedValue { $0 = server }
        return server.localAddress!.port!
    }

    public var loop: any EventLoop { group.next() }

    /// A client connection to a port, with the peer that records what it receives.
    public func connect(to port: Int) async throws -> (any Channel, LoopbackPeer) {
        let peer = LoopbackPeer(echo: false)
        let client = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(peer.handler()) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return (client, peer)
    }

    public func stop() async throws {
        try? await channel.withLockedValue { $0 }?.close()
        try await group.shutdownGracefully()
    }
}

extension NIODeadline {
    /// Seconds from an earlier instant to this one.
    public func seconds(since start: NIODeadline) -> Double { Double((self - start).nanoseconds) / 1e9 }
}
