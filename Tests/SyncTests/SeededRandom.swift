import Synchronization

/// SplitMix64: a small, fast, seedable generator, so a failing schedule replays from its seed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A generator shared with the link's fault closure, which must be `Sendable`.
final class SharedRandom: Sendable {
    private let generator: Mutex<SeededRandom>

    init(seed: UInt64) { generator = Mutex(SeededRandom(seed: seed)) }

    func int(_ range: ClosedRange<Int>) -> Int { generator.withLock { Int.random(in: range, using: &$0) } }
    func chance(_ probability: Double) -> Bool { generator.withLock { Double.random(in: 0..<1, using: &$0) < probability } }
    func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// Simulated wall time: every replica reads it (a station with its own skew); only the simulation moves it.
final class VirtualTime: Sendable {
    private let now = Mutex<Int64>(1_790_000_000_000)

    var milliseconds: Int64 { now.withLock { $0 } }
    func advance(by milliseconds: Int64) { now.withLock { $0 += milliseconds } }
}
