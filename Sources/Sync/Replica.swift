public import Foundation
public import StoreInterface
import Synchronization

/// One replica's sync engine: captures its own changes, applies others', and answers or makes the
/// exchanges that carry them. It knows the domains only as the ``SyncCollection``s they register.
///
/// The county is the hub; stations are spokes that never talk to each other.
///
/// ```swift
/// let county = try Replica(store: countyStore, role: .county, collections: Prices.collections)
/// let station = try Replica(store: stationStore, role: .station(village: "441422107201"),
///                           collections: Prices.collections)
/// try await station.writing { transaction in
///     try station.write(transaction, to: "prices.observation", id: UUID().uuidString, fields: [...])
/// }
/// ```
public final class Replica: Sendable {
    /// Which side of the hub a replica is.
    public enum Role: Sendable, Hashable {
        case county
        case station(village: String)
    }

    public let store: any TransactionStore
    public let role: Role
    /// This replica's origin id: its store's replica id.
    public let origin: String
    public let clock: HybridClock
    /// The county signs county-owned changes with it; a station verifies them. `nil` before enrollment.
    public let signature: ChangeSignature?
    /// At a station, the county's origin as its enrollment pinned it: the only origin whose
    /// county-owned records it accepts, whatever a reply says.
    public let countyOrigin: String?
    let collections: [String: SyncCollection]
    /// The last sequence this replica captured in the writer's current transaction; forgotten when
    /// it ends (``nextSequence(_:)``).
    let capturedSequence = Mutex<Int64?>(nil)

    /// - Parameter wallTime: the device's clock in milliseconds; a simulation passes a skewed one.
    public init(
        store: some TransactionStore, role: Role, collections: [SyncCollection], signature: ChangeSignature? = nil,
        countyOrigin: String? = nil, origin: String? = nil,
        wallTime: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
    ) throws {
        self.store = store
        self.role = role
        self.signature = signature
        self.countyOrigin = countyOrigin
        self.origin = origin ?? store.replicaID
        var byName: [String: SyncCollection] = [:]
        for collection in collections + ConflictLog.collections {
            precondition(byName[collection.name] == nil, "collection \(collection.name) registered twice")
            byName[collection.name] = collection
        }
        self.collections = byName
        let (last, offset, hasScopeIndex) = try store.readingNow { transaction in
            let log = try transaction.changeLog
            return (try log.lastTimestamp(), try log.state("clock_offset").flatMap { Int64($0) } ?? 0, try log.keepsScopeIndex())
        }
        // The log's scope index serves the county's pulls. A station never serves one, and would
        // pay for the index on every change it captures. Written once, when the store disagrees.
        if hasScopeIndex != (role == .county) {
            try store.writingNow { transaction in try transaction.changeLog.setScopeIndex(role == .county) }
        }
        self.clock = HybridClock(
            last: HybridTimestamp(rawValue: last), offsetMilliseconds: offset, wallTime: wallTime)
    }

    /// The village a station serves, or `nil` at the county.
    public var village: String? {
        if case .station(let village) = role { return village }
        return nil
    }

    // MARK: Small stored facts

    /// The highest of this station's own sequences the county has acknowledged.
    static func acknowledged(_ log: any ChangeLogTransaction) throws -> Int64 {
        try log.state("acknowledged").flatMap { Int64($0) } ?? 0
    }

    /// The highest gap-free sequence applied from an origin (for this replica: captured).
    /// Its own sequence is the last in its log, which it never prunes: capture then writes no
    /// received mark, one statement fewer on every local write.
    func received(from origin: String, _ log: any ChangeLogTransaction) throws -> Int64 {
        origin == self.origin ? try log.lastLogged(from: origin)?.sequence ?? 0 : try log.received(from: origin) ?? 0
    }

    /// The sequence for a change captured now, in the writer's transaction: one more than the last
    /// in the store, read at the transaction's first capture and counted in memory until it ends.
    /// Never kept from one transaction to the next: another process on the store (a command run
    /// beside the program) may have captured in between, and its last sequence would be taken again.
    func nextSequence(_ log: any ChangeLogTransaction) throws -> Int64 {
        let next: Int64
        if let last = capturedSequence.withLock({ $0 }) {
            next = last + 1
        } else {
            let last = try log.lastLogged(from: origin)
            // Another process's clock may have run ahead of this one's: stamps stay in sequence order.
            // Not one the county refused as too far ahead, which this clock was set back from.
            if let last, case let stamp = HybridTimestamp(rawValue: last.timestamp), !clock.isTooFarAhead(stamp) {
                clock.observe(stamp)
            }
            next = (last?.sequence ?? 0) + 1
            log.whenTransactionEnds { self.capturedSequence.withLock { $0 = nil } }
        }
        capturedSequence.withLock { $0 = next }
        return next
    }
}
