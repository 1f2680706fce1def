public import Sync

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
