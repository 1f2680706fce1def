import NIOCore
@testable import SlowLink
import Testing

/// The emulator paces, delays and cuts as its profile says. Each test waits on events (bytes
/// arriving, a connection closing) and checks what crossed and what was cut; where it looks at the
/// clock, only that the link held bytes back at least as long as its settings require, which a busy
/// machine can only lengthen. How close it keeps to its settings is measured by `bench link`.
@Suite(.serialized) struct SlowLinkTests {
    @Test func bytesCrossAtTheLinksRate() async throws {
        let target = LoopbackServer()
        let link = try await SlowLink.start(
            forwardingTo: try await target.start(echo: false), profile: LinkProfile(name: "test", kilobitsPerSecond: 240, latencyMilliseconds: 0))
        let (client, _) = try await target.connect(to: link.port)
        let bytes = 45_000  // 30,000 bytes a second: 1.5 s
        let sent = NIODeadline.now()
        try await client.writeAndFlush(ByteBuffer(repeating: 7, count: bytes))
        let sink = try await target.firstPeer()
        try await sink.wait(forBytes: bytes, on: target.loop)
        #expect(sink.received == bytes)
        let least = Double(bytes - RelayConnection.slice) / link.profile.bytesPerSecond  // the first slice leaves at once
        let took = try #require(sink.lastArrival).seconds(since: sent)
        #expect(took >= least, "took \(took) s, the rate needs \(least) s")
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
        let roundTrip = try #require(peer.lastArrival).seconds(since: sent)
        #expect(roundTrip >= 1.0, "round trip \(roundTrip) s")
        #expect(link.bytesDelivered.upstream == 10)
        try await client.close()
        try await link.stop()
        try await target.stop()
    }

    @Test func aConnectionIsCutAfterItsBytes() async throws {
        let target = LoopbackServer()
        var profile = LinkProfile(name: "test", kilobitsPerSecond: 8_000, latencyMilliseconds: 0)
        profile.cutAfterBytes = 10_000...10_000
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

    /// A kept-alive connection carries one exchange after another: the cut falls in the middle of
    /// one, at a point drawn from the profile's range and the same again for the same seed.
    @Test func aKeptAliveConnectionIsCutInTheMiddleOfAnExchange() async throws {
        let target = LoopbackServer()
        var profile = LinkProfile(name: "test", kilobitsPerSecond: 8_000, latencyMilliseconds: 0, seed: 42)
        profile.cutAfterBytes = 9_000...15_000
        let budget = try #require(profile.byteBudget(ofConnection: 1))
        #expect(profile.byteBudget(ofConnection: 1) == budget)
        #expect((9_000...15_000).contains(budget))
        let link = try await SlowLink.start(forwardingTo: try await target.start(echo: true), profile: profile)
        let (client, peer) = try await target.connect(to: link.port)
        // Exchanges of 4,000 bytes each way: the first two cross whole (16,000 bytes would be past
        // the cut), then the connection is cut in the middle of one.
        var exchanges = 0
        while exchanges < 10 {
            try await client.writeAndFlush(ByteBuffer(repeating: 3, count: 4_000))
            try await peer.wait(forBytes: 4_000 * (exchanges + 1), on: target.loop)
            if peer.closedAt != nil { break }
            exchanges += 1
        }
        try await peer.waitForClose(on: target.loop)
        #expect(exchanges == budget / 8_000)
        #expect(link.bytesDelivered.upstream + link.bytesDelivered.downstream == budget)
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
        let lasted = try #require(peer.closedAt).seconds(since: opened)
        #expect(lasted >= 1.2, "lasted \(lasted) s")
        #expect(link.connections.cut == 1)
        try await link.stop()
        try await target.stop()
    }

    @Test func aFlappingLinkCutsWhenItGoesDownAndRefusesWhileDown() async throws {
        let target = LoopbackServer()
        // Down for long enough that the second connection is surely made while it is down.
        let profile = LinkProfile(
            name: "test", kilobitsPerSecond: 8_000, latencyMilliseconds: 0, flapping: .init(up: 1.0, down: 600))
        let port = try await target.start(echo: true)
        let started = NIODeadline.now()
        let link = try await SlowLink.start(forwardingTo: port, profile: profile)
        let (_, first) = try await target.connect(to: link.port)
        try await first.waitForClose(on: target.loop)
        #expect(try #require(first.closedAt).seconds(since: started) >= 1.0)
        #expect(link.connections.cut == 1)
        let (_, whileDown) = try await target.connect(to: link.port)
        try await whileDown.waitForClose(on: target.loop)
        #expect(link.connections.refused == 1)
        #expect(link.connections.cut == 1)
        // Up again (here by a new profile): bytes cross.
        link.change(to: LinkProfile(name: "up", kilobitsPerSecond: 8_000, latencyMilliseconds: 0))
        let (client, upAgain) = try await target.connect(to: link.port)
        try await client.writeAndFlush(ByteBuffer(repeating: 1, count: 10))
        try await upAgain.wait(forBytes: 10, on: target.loop)
        #expect(upAgain.received == 10)
        try await client.close()
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
        #expect(try #require(after.lastArrival).seconds(since: sent) >= 0.8)
        try await client.close()
        try await link.stop()
        try await target.stop()
    }
}
