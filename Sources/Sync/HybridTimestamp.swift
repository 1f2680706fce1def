/// A hybrid logical clock reading (混合逻辑时钟): wall-clock milliseconds and a counter, packed in
/// one integer so that it sorts, stores and travels as a single number.
///
/// Ordering by it, never by a device's wall time, keeps causality when a kiosk's clock is years off:
/// a replica that has seen a reading always stamps later changes above it.
///
/// ```swift
/// let stamp = HybridTimestamp(wallMilliseconds: 1_795_000_000_000, counter: 3)
/// stamp < HybridTimestamp(rawValue: stamp.rawValue + 1)   // true
/// ```
public struct HybridTimestamp: RawRepresentable, Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    /// `wallMilliseconds << 16 | counter`.
    public let rawValue: Int64

    static let counterBits: Int64 = 16

    public init(rawValue: Int64) {
        self.rawValue = rawValue
    }

    public init(wallMilliseconds: Int64, counter: Int64) {
        precondition(counter >= 0 && counter < (1 << Self.counterBits), "counter out of range")
        rawValue = wallMilliseconds << Self.counterBits | counter
    }

    /// The wall-clock part, in milliseconds since 1970.
    public var wallMilliseconds: Int64 { rawValue >> Self.counterBits }
    /// The logical counter that orders readings within one millisecond.
    public var counter: Int64 { rawValue & ((1 << Self.counterBits) - 1) }

    /// The reading before any change.
    public static let zero = HybridTimestamp(rawValue: 0)

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String { "\(wallMilliseconds).\(counter)" }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
