public import Sync
import Synchronization

/// What a station's signed requests say of it beside their body: its own clock, from which the
/// county sees a clock gone astray, and how many of its changes wait to be pushed. A station's
/// replica says it; a benchmark's simulated station, which keeps no store, says it too.
///
/// ```swift
/// let transport = HTTPSyncTransport(enrollment: enrollment, store: enrollments, replica: replica)
/// ```
public protocol SyncingStation: Sendable {
    /// The device's own wall clock, in milliseconds.
    var deviceWallMilliseconds: Int64 { get }
    /// Own changes the county has not acknowledged.
    func pendingCount() async throws -> Int64
}

extension Replica: SyncingStation {
    public var deviceWallMilliseconds: Int64 { clock.deviceWallMilliseconds }
}

/// The bytes a station's exchanges carried on the wire (bodies, as sent: deflated), counted as
/// they happen, for the benchmark's figures of what a pull costs.
///
/// ```swift
/// let meter = ExchangeMeter()
/// let transport = HTTPSyncTransport(enrollment: enrollment, store: enrollments, replica: station, meter: meter)
/// print(meter.received)
/// ```
public final class ExchangeMeter: Sendable {
    private let bytes = Mutex((sent: 0, received: 0))

    public init() {}

    func count(sent: Int, received: Int) {
        bytes.withLock {
            $0.sent += sent
            $0.received += received
        }
    }

    /// Request bodies sent so far.
    public var sent: Int { bytes.withLock { $0.sent } }
    /// Reply bodies received so far.
    public var received: Int { bytes.withLock { $0.received } }
}
