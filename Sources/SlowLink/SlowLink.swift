import NIOConcurrencyHelpers
import NIOCore
import NIOPosix

/// A slow-link emulator (慢速链路模拟): a TCP relay on loopback that forwards every connection to a
/// target through a link of the given ``LinkProfile`` — paced to its rate, delayed by its latency,
/// and cut as it says. Tests and the benchmark put it between a station and the county.
///
/// ```swift
/// let link = try await SlowLink.start(forwardingTo: 8090, profile: .gprs)
/// defer { Task { try await link.stop() } }
/// let (up, down) = link.bytesDelivered   // what crossed the link each way
/// ```
public final class SlowLink: Sendable {
    /// The port on 127.0.0.1 to connect to instead of the target's.
    public let port: Int
    let group: MultiThreadedEventLoopGroup
    let server: any Channel
    let counters: NIOLockedValueBox<Counters>

    struct Counters {
        var upstream = 0
        var downstream = 0
        var connections = 0
        var cuts = 0
        var refused = 0
        var profile: LinkProfile
        /// When the profile took effect: a flapping link's phases count from it.
        var since: NIODeadline
        /// How to close each live connection, by number.
        var live: [Int: @Sendable () -> Void] = [:]
        var nextConnection = 0
    }

    init(port: Int, group: MultiThreadedEventLoopGroup, server: any Channel, counters: NIOLockedValueBox<Counters>) {
        self.port = port
        self.group = group
        self.server = server
        self.counters = counters
    }

    /// The profile connections are made under now.
    public var profile: LinkProfile { counters.withLockedValue { $0.profile } }

    /// Changes the link, as when a station moves from a wired line to 2G: every connection open
    /// now is cut, and new ones follow the new profile (a flapping one from this moment).
    public func change(to profile: LinkProfile) {
        let closers = counters.withLockedValue { counters in
            counters.profile = profile
            counters.since = .now()
            defer { counters.live = [:] }
            return Array(counters.live.values)
        }
        closers.forEach { $0() }
    }

    /// Starts a relay on an ephemeral port of 127.0.0.1 to `host:port`.
    public static func start(forwardingTo targetPort: Int, host: String = "127.0.0.1", profile: LinkProfile) async throws -> SlowLink {
        try await start(balancingAcross: [targetPort], host: host, profile: profile)
    }

    /// Starts a relay that sends each connection to the next of several ports in turn, as a load
    /// balancer without affinity spreads a station's requests over a hub's processes.
    public static func start(balancingAcross targetPorts: [Int], host: String = "127.0.0.1", profile: LinkProfile) async throws -> SlowLink {
        precondition(!targetPorts.isEmpty, "a relay needs a target")
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let counters = NIOLockedValueBox(Counters(profile: profile, since: .now()))
        let turns = NIOLockedValueBox(0)
        let server = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { inbound in
                let port = turns.withLockedValue { turn in
                    defer { turn += 1 }
                    return targetPorts[turn % targetPorts.count]
                }
                return RelayConnection.open(inbound: inbound, target: (host, port), counters: counters)
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return SlowLink(port: server.localAddress?.port ?? 0, group: group, server: server, counters: counters)
    }

    /// Closes the relay and every connection through it.
    public func stop() async throws {
        try? await server.close()
        try await group.shutdownGracefully()
    }

    /// Bytes delivered so far: to the target (`upstream`) and back (`downstream`).
    public var bytesDelivered: (upstream: Int, downstream: Int) {
        counters.withLockedValue { ($0.upstream, $0.downstream) }
    }

    /// Connections accepted; those the profile cut (by bytes, by time or by going down); and those
    /// closed at once because the link was down.
    public var connections: (accepted: Int, cut: Int, refused: Int) {
        counters.withLockedValue { ($0.connections, $0.cuts, $0.refused) }
    }
}
