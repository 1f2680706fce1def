import Foundation
import Logging
import ServiceLifecycle
import Storage
import Sync
import Synchronization

/// A station's connection to its county: its replica once enrolled, one sync round on demand, and
/// a background loop that retries with exponential backoff and jitter.
///
/// The loop runs on a timer, never waiting for a local write: a station that has nothing to push
/// still learns what the county published.
///
/// ```swift
/// let link = StationLink(store: store, collections: VillagesCollections.all)
/// let report = try await link.syncOnce()
/// ```
public final class StationLink: Sendable {
    let store: Store
    let collections: [SyncCollection]
    private let cached = Mutex<(Replica, StationEnrollment)?>(nil)

    public init(store: Store, collections: [SyncCollection]) {
        self.store = store
        self.collections = collections
    }

    /// The station's replica, or `nil` before enrollment.
    public func replica() async throws -> Replica? {
        try await enrolled()?.0
    }

    func enrolled() async throws -> (Replica, StationEnrollment)? {
        if let cached = cached.withLock({ $0 }) { return cached }
        guard let enrollment = try await StationEnrollment.load(from: store) else { return nil }
        let replica = try Replica(
            store: store, role: .station(village: enrollment.village), collections: collections,
            signature: enrollment.countyKey)
        return cached.withLock { cached in
            if let cached { return cached }
            cached = (replica, enrollment)
            return cached
        }
    }

    /// Runs one round: push everything pending, pull everything new.
    public func syncOnce(batchSize: Int = 200) async throws -> SyncRound.Report {
        guard let (replica, enrollment) = try await enrolled() else { throw StationLinkError.notEnrolled }
        let transport = HTTPSyncTransport(enrollment: enrollment, store: store, replica: replica)
        return try await SyncRound(station: replica, transport: transport, batchSize: batchSize).run()
    }
}

/// Why a station cannot sync yet.
public enum StationLinkError: Error, Sendable, CustomStringConvertible {
    case notEnrolled

    public var description: String {
        "this station is not enrolled; run: kiosk enroll --server URL --code CODE"
    }
}
