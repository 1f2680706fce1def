import NIOCore
import SlowLink
import Testing

/// The emulator keeps to its settings within 10%: rate, latency, cuts after bytes and seconds,
/// and flapping. Durations are a second or more, so that the machine's jitter stays small beside them.
@Suite(.serialized, .timeLimit(.minutes(1))) struct SlowLinkTests {
    func within10Percent(_ measured: Double, _ expected: Double) -> Bool {
        abs(measured - expected) <= expected * 0.10
    }

    @Test func bytesCrossAtTheLinksRate() async throws {
        let target = LoopbackServer()
        let link = try await SlowLink.start(
            forwardingTo: try await target.start(echo: false), profile: LinkProfile(name: "test", kilobitsPerSecond: 240, latencyMilliseconds: 0))
        let (client, _) = try await target.connect(to: link.port)
        let bytes = 45_000  // 30,000 bytes a second: 1.5 s
        try await client.writeAndFlush(ByteBuffer(repeating: 7, count: bytes))
        let sink = try await target.firstPeer()
        try await sink.wait(forBytes: bytes, on: target.loop)
        #expect(sink.received == bytes)
        let elapsed = seconds(from: try #require(sink.firstArrival), to: try #require(sink.lastArrival))
        let expected = Double(bytes - 1_024) / link.profile.bytesPerSecond  // the first slice is the clock's start
        #expect(within10Percent(elapsed, expected), "took \(elapsed) s, expected \(expected) s")
        #expect(link.bytesDelivered.upstream == bytes)
        try await client.close()
        try await link.stop()
        try await target.stop()
    }

    @Test func aRoundTripTakesTwiceTheLatency() async throws {
        let target = LoopbackServer()
        let link = try await SlowLink.start(
            forwardingTo: try await target.start(echo: true), profile: LinkProfile(name: "test", kilobitsPerSecond: 10_000, latencyMilliseconds: 500))
        let (client, peer) = try await target.connect(to: link.port)
        let sent = NIODeadline.now()
        try await client.writeAndFlush(ByteBuffer(repeating: 1, count: 10))
        try await peer.wait(forBytes: 10, on: target.loop)
        let roundTrip = seconds(from: sent, to: try #require(peer.lastArrival))
        #expect(within10Percent(roundTrip, 1.0), "round trip \(roundTrip) s")
        try await client.close()
        try await link.stop()
        try await target.stop()
    }

    @Test func aConnectionIsCutAfterItsBytes() async throws {
        let target = LoopbackServer()
        var profile = LinkProfile(name: "test", kilobitsPerSecond: 8_000, latencyMilliseconds: 0)
        profile.cutAfterBytes = 10_000
        let link = try await SlowLink.start(forwardingTo: try await target.start(echo: false), profile: profile)
        let (client, peer) = try await target.connect(to: link.port)
        try await client.writeAndFlush(ByteBuffer(repeating: 2, count: 50_000))
        try await peer.waitForClose(on: target.loop)
        let sink = try await target.firstPeer()
        try await sink.waitForClose(on: target.loop)
        #expect(sink.received == 10_000)
        #expect(link.connections.cut == 1)
        try await link.stop()
        try await target.stop()
    }

    @Test func aConnectionIsCutAfterItsSeconds() async throws {
        let target = LoopbackServer()
        var profile = LinkProfile(name: "test", kilobitsPerSecond: 8_000, latencyMilliseconds: 0)
        profile.cutAfterSeconds = 1.2
        let link = try await SlowLink.start(forwardingTo: try await target.start(echo: false), profile: profile)
        let opened = NIODeadline.now()
        let (_, peer) = try await target.connect(to: link.port)
        try await peer.waitForClose(on: target.loop)
        let lasted = seconds(from: opened, to: try #require(peer.closedAt))
        #expect(within10Percent(lasted, 1.2), "lasted \(lasted) s")
        try await link.stop()
        try await target.stop()
    }

    @Test func aFlappingLinkCutsWhenItGoesDownAndRefusesWhileDown() async throws {
        let target = LoopbackServer()
        let profile = LinkProfile(
            name: "test", kilobitsPerSecond: 8_000, latencyMilliseconds: 0, flapping: .init(up: 1.0, down: 1.0))
        let port = try await target.start(echo: false)
        let started = NIODeadline.now()
        let link = try await SlowLink.start(forwardingTo: port, profile: profile)
        let (_, first) = try await target.connect(to: link.port)
        try await first.waitForClose(on: target.loop)
        #expect(within10Percent(seconds(from: started, to: try #require(first.closedAt)), 1.0))
        let (_, whileDown) = try await target.connect(to: link.port)
        try await whileDown.waitForClose(on: target.loop)
        #expect(seconds(from: started, to: try #require(whileDown.closedAt)) < 1.5)  // closed at once, not when the link comes back
        let (upAgainClient, upAgain) = try await target.connect(to: link.port)
        _ = upAgainClient
        try await upAgain.waitForClose(on: target.loop)
        // the first was cut as the link went down; the second, made while down, was refused
        #expect(link.connections.cut == 1)
        #expect(link.connections.refused >= 1)
        try await link.stop()
        try await target.stop()
    }

    @Test func changingTheProfileCutsOpenConnectionsAndSlowsNewOnes() async throws {
        let target = LoopbackServer()
        let link = try await SlowLink.start(
            forwardingTo: try await target.start(echo: true), profile: LinkProfile(name: "fast", kilobitsPerSecond: 100_000, latencyMilliseconds: 0))
        let (early, before) = try await target.connect(to: link.port)
        try await early.writeAndFlush(ByteBuffer(repeating: 1, count: 10))
        try await before.wait(forBytes: 10, on: target.loop)  // through the relay: the connection is open
        link.change(to: LinkProfile(name: "slow", kilobitsPerSecond: 10_000, latencyMilliseconds: 400))
        try await before.waitForClose(on: target.loop)
        let (client, after) = try await target.connect(to: link.port)
        let sent = NIODeadline.now()
        try await client.writeAndFlush(ByteBuffer(repeating: 1, count: 10))
        try await after.wait(forBytes: 10, on: target.loop)
        #expect(within10Percent(seconds(from: sent, to: try #require(after.lastArrival)), 0.8))
        try await client.close()
        try await link.stop()
        try await target.stop()
    }
}
