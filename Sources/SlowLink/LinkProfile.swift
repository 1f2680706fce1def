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
    /// A connection is cut once this many bytes (both ways together) have crossed it.
    public var cutAfterBytes: Int?
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
        name: String, kilobitsPerSecond: Double, latencyMilliseconds: Double, cutAfterBytes: Int? = nil,
        cutAfterSeconds: Double? = nil, flapping: Flapping? = nil
    ) {
        self.name = name
        self.bytesPerSecond = kilobitsPerSecond * 1_000 / 8
        self.latency = latencyMilliseconds / 1_000
        self.cutAfterBytes = cutAfterBytes
        self.cutAfterSeconds = cutAfterSeconds
        self.flapping = flapping
    }

    /// GPRS: 20 kbit/s, 800 ms.
    public static let gprs = LinkProfile(name: "GPRS", kilobitsPerSecond: 20, latencyMilliseconds: 800)
    /// EDGE: 120 kbit/s, 300 ms.
    public static let edge = LinkProfile(name: "EDGE", kilobitsPerSecond: 120, latencyMilliseconds: 300)
    /// 3G: 384 kbit/s, 150 ms.
    public static let threeG = LinkProfile(name: "3G", kilobitsPerSecond: 384, latencyMilliseconds: 150)
    /// EDGE that is up 30 s and down 30 s, over and over.
    public static let flapping = LinkProfile(
        name: "flapping", kilobitsPerSecond: 120, latencyMilliseconds: 300, flapping: Flapping(up: 30, down: 30))

    public static let all = [gprs, edge, threeG, flapping]

    public var description: String {
        "\(name) (\(Int(bytesPerSecond * 8 / 1_000)) kbit/s, \(Int(latency * 1_000)) ms)"
    }
}
