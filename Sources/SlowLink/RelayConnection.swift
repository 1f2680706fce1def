import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// One connection through a ``SlowLink``: the client's channel and the target's, on one event loop,
/// with a pacer each way. Every byte leaves when the link is free to send it (rate) and arrives a
/// latency later; the connection is cut when the profile says.
final class RelayConnection {
    enum Direction { case upstream, downstream }

    let inbound: any Channel
    let outbound: any Channel
    let profile: LinkProfile
    let counters: NIOLockedValueBox<SlowLink.Counters>
    var linkFree: [Direction: NIODeadline] = [:]
    var budget: Int?
    var closed = false
    let number: Int
    /// Slices of at most this many bytes are paced one by one, as packets would be.
    static let slice = 1_024

    init(
        inbound: any Channel, outbound: any Channel, profile: LinkProfile, number: Int,
        counters: NIOLockedValueBox<SlowLink.Counters>
    ) {
        self.inbound = inbound
        self.outbound = outbound
        self.profile = profile
        self.counters = counters
        self.number = number
        self.budget = profile.byteBudget(ofConnection: number)
    }

    static func open(inbound: any Channel, target: (String, Int), counters: NIOLockedValueBox<SlowLink.Counters>) -> EventLoopFuture<Void> {
        let loop = inbound.eventLoop
        let (profile, started, number) = counters.withLockedValue { counters in
            counters.connections += 1
            counters.nextConnection += 1
            return (counters.profile, counters.since, counters.nextConnection)
        }
        let untilDown = Self.secondsUntilDown(profile, started: started)
        if untilDown == 0 {  // the link is down: nothing gets through
            counters.withLockedValue { $0.refused += 1 }
            return inbound.close()
        }
        // Everything of a connection runs on the client channel's event loop, so none of it is shared.
        return ClientBootstrap(group: loop).connect(host: target.0, port: target.1).assumeIsolated().flatMapThrowing { outbound in
            let connection = RelayConnection(
                inbound: inbound, outbound: outbound, profile: profile, number: number, counters: counters)
            let bound = NIOLoopBound(connection, eventLoop: loop)
            let changed = counters.withLockedValue { counters in
                counters.live[number] = { loop.execute { bound.value.close(cut: false) } }
                return counters.since != started  // the profile changed while this one was connecting
            }
            if changed { connection.close(cut: false) }
            if let seconds = [untilDown, profile.cutAfterSeconds].compactMap({ $0 }).min() {
                loop.assumeIsolated().scheduleTask(in: .nanoseconds(Int64(seconds * 1e9))) { connection.close(cut: true) }
            }
            try inbound.pipeline.syncOperations.addHandler(Forwarder(connection, .upstream))
            try outbound.pipeline.syncOperations.addHandler(Forwarder(connection, .downstream))
        }.nonisolated().flatMapError { _ in inbound.close() }
    }

    /// Seconds until a flapping link next goes down, 0 when it is down now, or nil if it never does.
    static func secondsUntilDown(_ profile: LinkProfile, started: NIODeadline) -> Double? {
        guard let flapping = profile.flapping else { return nil }
        let elapsed = Double((NIODeadline.now() - started).nanoseconds) / 1e9
        let phase = elapsed.truncatingRemainder(dividingBy: flapping.up + flapping.down)
        return phase < flapping.up ? flapping.up - phase : 0
    }

    /// Paces bytes read from one side to the other.
    func forward(_ buffer: inout ByteBuffer, _ direction: Direction) {
        let target = direction == .upstream ? outbound : inbound
        let isolated = target.eventLoop.assumeIsolated()
        var lastArrival: NIODeadline?
        while buffer.readableBytes > 0, !closed, budget.map({ $0 > 0 }) ?? true {
            let size = min(buffer.readableBytes, Self.slice, budget ?? .max)
            let slice = buffer.readSlice(length: size)!
            let start = max(NIODeadline.now(), linkFree[direction] ?? .distantPast)
            let free = start + .nanoseconds(Int64(Double(size) / profile.bytesPerSecond * 1e9))
            linkFree[direction] = free
            let arrival = free + .nanoseconds(Int64(profile.latency * 1e9))
            lastArrival = arrival
            budget = budget.map { $0 - size }
            isolated.scheduleTask(deadline: arrival) { [counters] in
                target.writeAndFlush(slice, promise: nil)
                counters.withLockedValue {
                    if direction == .upstream { $0.upstream += size } else { $0.downstream += size }
                }
            }
        }
        // The read that spends the budget cuts the connection once its last byte has arrived; what
        // is read after that is dropped, as a cut link would.
        if let lastArrival, budget.map({ $0 <= 0 }) == true {
            isolated.scheduleTask(deadline: lastArrival + .microseconds(1)) { self.close(cut: true) }
        }
    }

    func close(cut: Bool) {
        guard !closed else { return }
        closed = true
        counters.withLockedValue {
            if cut { $0.cuts += 1 }
            $0.live[number] = nil
        }
        inbound.close(promise: nil)
        outbound.close(promise: nil)
    }

    /// Hands what one side reads to the connection, and closes both sides when either closes.
    final class Forwarder: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let connection: RelayConnection
        let direction: Direction

        init(_ connection: RelayConnection, _ direction: Direction) {
            self.connection = connection
            self.direction = direction
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            var buffer = unwrapInboundIn(data)
            connection.forward(&buffer, direction)
        }

        func channelInactive(context: ChannelHandlerContext) {
            // What is still paced is delivered before the other side closes.
            let drained = [connection.linkFree[.upstream], connection.linkFree[.downstream]].compactMap { $0 }.max() ?? .now()
            context.eventLoop.assumeIsolated().scheduleTask(deadline: drained + .nanoseconds(Int64(connection.profile.latency * 1e9))) {
                self.connection.close(cut: false)
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            connection.close(cut: false)
        }
    }
}
