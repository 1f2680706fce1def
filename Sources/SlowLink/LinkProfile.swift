/// How a slow link behaves: its rate, its one-way latency, and how it fails — cut after so many
/// bytes or seconds of a connection, or flapping up and down. The profiles are the links a village
/// station lives on.
///
/// ```swift
/// let link = try await SlowLink.start(forwardingTo: countyPort, profile: .edge)
/// // the station talks to 127.0.0.1:\(link.port) as if to the county over EDGE
/// ```
public struct LinkProfile: Sendable, Equatable, CustomStringConvertible {
    public var name: String
    /// Bytes a second each way.
    public var bytesPerSecond: Double
    /// One-way delay added to every byte, in seconds.
    public var latency: Double
    /// A connection is cut once a number of bytes (both ways together) drawn from this range have
    /// crossed it: one draw a connection, seeded by ``seed``. A station keeps its connection alive
    /// from one exchange to the next, so the cut falls anywhere in an exchange — in a request, in
    /// the wait for its reply, in the reply — as when a relay drops the TCP connection.
    public var cutAfterBytes: ClosedRange<Int>?
    /// Seeds the draws of ``cutAfterBytes``, so that a run's cuts fall at the same points again.
    public var seed: UInt64 = 1
    /// A connection is cut this many seconds after it opens.
    public var cutAfterSeconds: Double?
    /// The link is up for `up` seconds, then down for `down` seconds, from when it starts: going
    /// down cuts every connection, and a connection made while down is closed at once.
    public var flapping: Flapping?

    public struct Flapping: Sendable, Equatable {
        public var up: Double
        public var down: Double

        public init(up: Double, down: Double) {
            self.up = up
            self.down = down
        }
    }

    public init(
        name: String, kilobitsPerSecond: Double, latencyMilliseconds: Double, cutAfterBytes: ClosedRange<Int>? = nil,
        cutAfterSeconds: Double? = nil, flapping: Flapping? = nil, seed: UInt64 = 1
    ) {
        self.name = name
        self.bytesPerSecond = kilobitsPerSecond * 1_000 / 8
        self.latency = latencyMilliseconds / 1_000
        self.cutAfterBytes = cutAfterBytes
        self.cutAfterSeconds = cutAfterSeconds
        self.flapping = flapping
        self.seed = seed
    }

    /// The bytes after which the connection numbered `connection` is cut, if the profile cuts by bytes.
    func byteBudget(ofConnection connection: Int) -> Int? {
        guard let range = cutAfterBytes else { return nil }
        // SplitMix64 of the seed and the connection's number: the same draw for the same connection.
        var z = seed &+ UInt64(connection) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return range.lowerBound + Int(z % UInt64(range.count))
    }

    /// A county's own network: 100 Mbit/s, no added latency (a load balancer in front of a hub).
    public static let lan = LinkProfile(name: "LAN", kilobitsPerSecond: 100_000, latencyMilliseconds: 0)

    /// GPRS: 20 kbit/s, 800 ms.
    public static let gprs = LinkProfile(name: "GPRS", kilobitsPerSecond: 20, latencyMilliseconds: 800)
    /// EDGE: 120 kbit/s, 300 ms.
    public static let edge = LinkProfile(name: "EDGE", kilobitsPerSecond: 120, latencyMilliseconds: 300)
    /// 3G: 384 kbit/s, 150 ms.
    public static let threeG = LinkProfile(name: "3G", kilobitsPerSecond: 384, latencyMilliseconds: 150)
    /// EDGE that is up 30 s and down 30 s, over and over.
    public static let flapping = LinkProfile(
        name: "flapping", kilobitsPerSecond: 120, latencyMilliseconds: 300, flapping: Flapping(up: 30, down: 30))

    /// EDGE whose every connection is cut after 48 to 160 KB, at seeded points: a relay that drops
    /// kept-alive connections in the middle of an exchange while the link itself stays up.
    public static let cutting = LinkProfile(
        name: "cutting", kilobitsPerSecond: 120, latencyMilliseconds: 300, cutAfterBytes: 48_000...160_000)

    public static let all = [gprs, edge, threeG, flapping, cutting]

    public var description: String {
        "\(name) (\(Int(bytesPerSecond * 8 / 1_000)) kbit/s, \(Int(latency * 1_000)) ms)"
    }
}
