import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// One end of a test connection on loopback, server or client: it records when bytes arrive and
/// when the connection closes, optionally echoes, and lets a test wait for either.
final class LoopbackPeer: Sendable {
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

    var received: Int { log.withLockedValue { $0.received } }
    var firstArrival: NIODeadline? { log.withLockedValue { $0.arrivals.first?.at } }
    var lastArrival: NIODeadline? { log.withLockedValue { $0.arrivals.last?.at } }
    var closedAt: NIODeadline? { log.withLockedValue { $0.closedAt } }

    struct TimedOut: Error {}

    /// A promise that fails after ten seconds, so that no test waits for ever on a broken relay.
    static func bounded(on loop: any EventLoop) -> EventLoopPromise<Void> {
        let promise = loop.makePromise(of: Void.self)
        let timer = loop.scheduleTask(in: .seconds(10)) { promise.fail(TimedOut()) }
        promise.futureResult.whenComplete { _ in timer.cancel() }
        return promise
    }

    /// Waits until at least `bytes` have arrived or the connection closed.
    func wait(forBytes bytes: Int, on loop: any EventLoop) async throws {
        let promise = Self.bounded(on: loop)
        let done = log.withLockedValue { log in
            if log.received >= bytes || log.closedAt != nil { return true }
            log.waiters.append((bytes, promise))
            return false
        }
        if done { promise.succeed() }
        try await promise.futureResult.get()
    }

    func waitForClose(on loop: any EventLoop) async throws {
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
final class LoopbackServer: Sendable {
    let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    let peers = NIOLockedValueBox<[LoopbackPeer]>([])
    let peerWaiters = NIOLockedValueBox<[EventLoopPromise<LoopbackPeer>]>([])
    let channel: NIOLockedValueBox<(any Channel)?> = NIOLockedValueBox(nil)

    /// The first connection the server accepted, once it has.
    func firstPeer() async throws -> LoopbackPeer {
        let promise = loop.makePromise(of: LoopbackPeer.self)
        let accepted = peers.withLockedValue { peers in
            peers.first ?? { peerWaiters.withLockedValue { $0.append(promise) }; return nil }()
        }
        if let accepted { promise.succeed(accepted) }
        return try await promise.futureResult.get()
    }

    func start(echo: Bool) async throws -> Int {
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

    var loop: any EventLoop { group.next() }

    /// A client connection to a port, with the peer that records what it receives.
    func connect(to port: Int) async throws -> (any Channel, LoopbackPeer) {
        let peer = LoopbackPeer(echo: false)
        let client = try await ClientBootstrap(group: group)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(peer.handler()) }
            }
            .connect(host: "127.0.0.1", port: port).get()
        return (client, peer)
    }

    func stop() async throws {
        try? await channel.withLockedValue { $0 }?.close()
        try await group.shutdownGracefully()
    }
}

/// Seconds from one instant to a later one.
func seconds(from start: NIODeadline, to end: NIODeadline) -> Double { Double((end - start).nanoseconds) / 1e9 }
