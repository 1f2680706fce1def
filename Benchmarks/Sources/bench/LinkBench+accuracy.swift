import NIOCore
import SlowLink
import Foundation

extension LinkBench {
    /// How closely the emulator keeps to its settings, each measured on loopback through a relay of
    /// its own: the rate, the latency, a cut after seconds, and a flapping link's first fall. The
    /// emulator's tests check only that it holds bytes back at least as long as it should; how much
    /// longer it takes is this machine's jitter, measured here and not asserted.
    func accuracyFigures() async throws -> [Figure] {
        let rate = try await Self.measure(LinkProfile(name: "rate", kilobitsPerSecond: 240, latencyMilliseconds: 0), echo: false) {
            client, server, _ in
            let bytes = 45_000
            let sent = NIODeadline.now()
            try await client.writeAndFlush(ByteBuffer(repeating: 7, count: bytes))
            let sink = try await server.firstPeer()
            try await sink.wait(forBytes: bytes, on: server.loop)
            return (try Self.arrival(sink.lastArrival).seconds(since: sent), Double(bytes - 1_024) / 30_000)
        }
        let latency = try await Self.measure(LinkProfile(name: "latency", kilobitsPerSecond: 10_000, latencyMilliseconds: 500), echo: true) {
            client, server, peer in
            let sent = NIODeadline.now()
            try await client.writeAndFlush(ByteBuffer(repeating: 1, count: 10))
            try await peer.wait(forBytes: 10, on: server.loop)
            return (try Self.arrival(peer.lastArrival).seconds(since: sent), 1.0)
        }
        let cut = try await Self.measure(
            LinkProfile(name: "cut", kilobitsPerSecond: 8_000, latencyMilliseconds: 0, cutAfterSeconds: 1.2), echo: false
        ) { _, server, peer in
            let opened = NIODeadline.now()
            try await peer.waitForClose(on: server.loop)
            return (try Self.arrival(peer.closedAt).seconds(since: opened), 1.2)
        }
        let flap = try await Self.measure(
            LinkProfile(name: "flap", kilobitsPerSecond: 8_000, latencyMilliseconds: 0, flapping: .init(up: 1, down: 1)), echo: false
        ) { _, server, peer in
            let opened = NIODeadline.now()
            try await peer.waitForClose(on: server.loop)
            return (try Self.arrival(peer.closedAt).seconds(since: opened), 1.0)
        }
        return [
            ("rate: 45,000 B at 240 kbit/s", rate), ("latency: a round trip at 500 ms each way", latency),
            ("a cut 1.2 s after a connection opens", cut), ("a flapping link going down after 1 s up", flap),
        ].map { name, measured in
            Figure(
                name: "slow-link emulator, \(name): seconds measured vs set",
                value: String(format: "%.3f s", measured.seconds), baseline: String(format: "set %.3f s", measured.expected),
                ratio: String(format: "%+.1f%%", (measured.seconds / measured.expected - 1) * 100), goal: "within 10%")
        }
    }

    /// One measurement through a relay of the given profile to a loopback server of its own.
    static func measure(
        _ profile: LinkProfile, echo: Bool,
        _ body: (any Channel, LoopbackServer, LoopbackPeer) async throws -> (seconds: Double, expected: Double)
    ) async throws -> (seconds: Double, expected: Double) {
        let server = LoopbackServer()
        let link = try await SlowLink.start(forwardingTo: try await server.start(echo: echo), profile: profile)
        let (client, peer) = try await server.connect(to: link.port)
        let measured = try await body(client, server, peer)
        try? await client.close()
        try await link.stop()
        try await server.stop()
        return measured
    }

    static func arrival(_ instant: NIODeadline?) throws -> NIODeadline {
        guard let instant else { throw LoopbackPeer.TimedOut() }
        return instant
    }
}
