import Synchronization
import TestSupport

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
