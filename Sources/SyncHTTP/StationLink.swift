import Foundation
import Logging
import ServiceLifecycle
public import Storage
public import Sync
import Synchronization

/// A station's connection to its county: its replica once enrolled, one sync round on demand, and
/// a background loop that retries with exponential backoff and jitter.
///
/// The loop runs on a timer, never waiting for a local write: a station that has nothing to push
/// still learns what the county published. Rounds never overlap, whoever starts them (``RoundLock``).
///
/// ```swift
/// let link = StationLink(store: store, enrollments: SQLiteEnrollmentStore(store), collections: VillagesCollections.all)
/// let report = try await link.syncOnce()
/// ```
public final class StationLink: Sendable {
    let store: Store
    let enrollments: any EnrollmentStore
    let collections: [SyncCollection]
    /// What the station tells the county of its own data with every pull, by the domains that keep it.
    let reporters: [@Sendable (Replica) async throws -> [String: String]]
    private let cached = Mutex<(Replica, StationEnrollment)?>(nil)
    let roundLock: RoundLock
    /// The batch size in force: it doubles after a round that completes and halves after one the
    /// link cuts, so a good line moves large batches and a bad one loses little per cut.
    private let batchSize = Mutex(BatchSize())

    struct BatchSize {
        static let range = 10...1_000
        var current = 100

        mutating func adapt(succeeded: Bool) {
            current = succeeded ? min(current * 2, Self.range.upperBound) : max(current / 2, Self.range.lowerBound)
        }
    }

    public init(
        store: Store, enrollments: any EnrollmentStore, collections: [SyncCollection],
        reporters: [@Sendable (Replica) async throws -> [String: String]] = []
    ) {
        self.store = store
        self.enrollments = enrollments
        self.collections = collections
        self.reporters = reporters
        self.roundLock = RoundLock(beside: store.path)
    }

    /// The station's replica, or `nil` before enrollment.
    public func replica() async throws -> Replica? {
        try await enrolled()?.0
    }

    func enrolled() async throws -> (Replica, StationEnrollment)? {
        if let cached = cached.withLock({ $0 }) { return cached }
        guard let enrollment = try await StationEnrollment.load(from: enrollments) else { return nil }
        let replica = try Replica(
            store: store, role: .station(village: enrollment.village), collections: collections,
            signature: enrollment.countyKey, countyOrigin: enrollment.countyOrigin, origin: enrollment.origin)
        return cached.withLock { cached in
            if let cached { return cached }
            cached = (replica, enrollment)
            return cached
        }
    }

    /// Runs one round: push everything pending, pull everything new, in batches of the given size
    /// or, by default, of the size the link has shown it carries. A round already running, in this
    /// process or another, is waited for first, and `whileWaiting` told so.
    public func syncOnce(batchSize requested: Int? = nil, whileWaiting: @Sendable () -> Void = {}) async throws
        -> SyncRound.Report
    {
        guard let (replica, enrollment) = try await enrolled() else { throw StationLinkError.notEnrolled }
        let transport = HTTPSyncTransport(enrollment: enrollment, store: enrollments, replica: replica)
        return try await roundLock.holding(whileWaiting: whileWaiting) {
            let size = requested ?? batchSize.withLock { $0.current }
            do {
                let round = SyncRound(station: replica, transport: transport, batchSize: size) { [reporters] in
                    var reports: [String: String] = [:]
                    for reporter in reporters { reports.merge(try await reporter(replica)) { $1 } }
                    return reports
                }
                let report = try await round.run()
                batchSize.withLock { $0.adapt(succeeded: true) }
                return report
            } catch {
                batchSize.withLock { $0.adapt(succeeded: false) }
                throw error
            }
        }
    }
}

extension StationLink {
    /// Runs `body` with the station's replica and enrollment once no round runs, in this process
    /// or another: a bundle carried on a USB stick is imported or exported as a round would be,
    /// never beside one.
    public func holdingRound<Answer: Sendable>(
        whileWaiting: @Sendable () -> Void = {}, _ body: (Replica, StationEnrollment) async throws -> Answer
    ) async throws -> Answer {
        guard let (replica, enrollment) = try await enrolled() else { throw StationLinkError.notEnrolled }
        return try await roundLock.holding(whileWaiting: whileWaiting) { try await body(replica, enrollment) }
    }
}

/// Why a station cannot sync yet.
public enum StationLinkError: Error, Sendable, CustomStringConvertible {
    case notEnrolled

    public var description: String {
        "this station is not enrolled; run: kiosk enroll --server URL --code CODE"
    }
}
