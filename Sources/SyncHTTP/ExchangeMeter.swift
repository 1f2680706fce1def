import Synchronization

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
