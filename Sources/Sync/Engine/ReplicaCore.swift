import Foundation
import StoreInterface
import Synchronization

/// What every part of a replica's engine shares: who the replica is (its role, its origin, its
/// clock, its key), the collections it knows, and the numbering of the changes it makes.
///
/// The parts each do one job over it: ``ChangeCapture`` records the replica's own writes, the
/// county's ``HubReceiver`` and ``HubServer`` take stations' pushes and answer their pulls, a
/// station's ``StationPusher`` and ``StationPuller`` make those exchanges; all of them take a
/// change into the store the same way (``take(_:into:author:row:_:)``).
///
/// ```swift
/// let core = ReplicaCore(store: store, role: .county, origin: store.replicaID, clock: clock,
///                        collections: byName, signature: nil, countyOrigin: nil)
/// let capture = ChangeCapture(core: core)
/// ```
final class ReplicaCore: Sendable {
    let store: any TransactionStore
    let role: Replica.Role
    /// This replica's origin id: its store's replica id.
    let origin: String
    let clock: HybridClock
    /// The county signs county-owned changes with it; a station verifies them. `nil` before enrollment.
    let signature: ChangeSignature?
    /// At a station, the county's origin as its enrollment pinned it.
    let countyOrigin: String?
    let collections: [String: SyncCollection]
    /// The collections' names in the order the domains registered them, the order records must
    /// arrive in (a bulletin's rows name varieties and markets): a snapshot's order.
    let order: [String]
    /// The last sequence this replica captured in the writer's current transaction; forgotten when
    /// it ends (``nextSequence(_:)``).
    private let capturedSequence = Mutex<Int64?>(nil)

    init(
        store: any TransactionStore, role: Replica.Role, origin: String, clock: HybridClock,
        collections: [String: SyncCollection], signature: ChangeSignature?, countyOrigin: String?, order: [String] = []
    ) {
        self.order = order.isEmpty ? collections.keys.sorted() : order
        self.store = store
        self.role = role
        self.origin = origin
        self.clock = clock
        self.collections = collections
        self.signature = signature
        self.countyOrigin = countyOrigin
    }

    /// The village a station serves, or `nil` at the county.
    var village: String? {
        if case .station(let village) = role { return village }
        return nil
    }

    /// Who this replica's own changes are made by.
    var ownAuthor: ChangeAuthor {
        switch role {
        case .county: .county
        case .station(let village): .station(village: village)
        }
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

    /// The records this replica changed that the county has not yet acknowledged: a record taken
    /// whole from the hub (a mend, a snapshot) leaves them, their changes on the way to it.
    func unacknowledgedRecords(_ log: any ChangeLogTransaction) throws -> Set<RecordKey> {
        var records = Set<RecordKey>()
        try log.changes(from: origin, after: try Self.acknowledged(log), limit: Int.max) { change in
            records.insert(RecordKey(collection: change.collection, id: change.recordID))
        }
        return records
    }

    /// The village a stored record names as its owner, or `nil` if the record is not held.
    func storedOwner(of collection: SyncCollection, recordID: String, _ log: any ChangeLogTransaction) throws -> String? {
        guard let column = collection.scope.ownerColumn else { return nil }
        guard case .text(let owner) = try log.recordValue(column, in: collection, id: recordID) else { return nil }
        return owner
    }

    /// Whether a change belongs to the urgent lane: a county record whose collection's urgent
    /// field is set.
    func isUrgent(_ change: Change) -> Bool {
        guard let field = collections[change.collection]?.urgentField, case .integer(let value) = change.fields[field] else {
            return false
        }
        return value != 0
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
