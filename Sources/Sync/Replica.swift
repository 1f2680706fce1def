public import Foundation
public import GRDB
public import Storage
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
/// try await station.store.pool.write { db in
///     try station.write(db, to: "prices.observation", id: UUID().uuidString, fields: [...])
/// }
/// ```
public final class Replica: Sendable {
    /// Which side of the hub a replica is.
    public enum Role: Sendable, Hashable {
        case county
        case station(village: String)
    }

    public let store: Store
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
    let insertStatements = Mutex<[InsertShape: String]>([:])
    /// The last sequence this replica captured in the writer's current transaction; forgotten when
    /// it ends (``nextSequence(_:)``).
    let capturedSequence = Mutex<Int64?>(nil)

    /// - Parameter wallTime: the device's clock in milliseconds; a simulation passes a skewed one.
    public init(
        store: Store, role: Role, collections: [SyncCollection], signature: ChangeSignature? = nil,
        countyOrigin: String? = nil, origin: String? = nil,
        wallTime: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
    ) throws {
        self.store = store
        self.role = role
        self.signature = signature
        self.countyOrigin = countyOrigin
        self.origin = origin ?? store.info.replicaID
        var byName: [String: SyncCollection] = [:]
        for collection in collections + ConflictLog.collections {
            precondition(byName[collection.name] == nil, "collection \(collection.name) registered twice")
            byName[collection.name] = collection
        }
        self.collections = byName
        let (last, offset, hasScopeIndex) = try store.pool.read { db in
            (
                try Int64.fetchOne(db, sql: "SELECT MAX(timestamp) FROM sync_change") ?? 0,
                try Self.state(db, "clock_offset").flatMap { Int64($0) } ?? 0,
                try db.indexes(on: "sync_change").contains { $0.name == "sync_change_scope" }
            )
        }
        // The log's scope index serves the county's pulls. A station never serves one, and would
        // pay for the index on every change it captures. Written once, when the store disagrees.
        if hasScopeIndex != (role == .county) {
            try store.pool.write { db in
                try db.execute(
                    sql: role == .county
                        ? "CREATE INDEX IF NOT EXISTS sync_change_scope ON sync_change(scope, position)"
                        : "DROP INDEX IF EXISTS sync_change_scope")
            }
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

    static func state(_ db: Database, _ key: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM sync_state WHERE key = ?", arguments: [key])
    }

    /// The highest of this station's own sequences the county has acknowledged.
    static func acknowledged(_ db: Database) throws -> Int64 {
        try state(db, "acknowledged").flatMap { Int64($0) } ?? 0
    }

    static func setState(_ db: Database, _ key: String, _ value: String) throws {
        try db.execute(
            sql: "INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            arguments: [key, value])
    }

    /// The highest gap-free sequence applied from an origin (for this replica: captured).
    /// Its own sequence is the last in its log, which it never prunes: capture then writes no
    /// received mark, one statement fewer on every local write.
    func received(from origin: String, _ db: Database) throws -> Int64 {
        let sql =
            origin == self.origin
            ? "SELECT IFNULL(MAX(sequence), 0) FROM sync_change WHERE origin = ?"
            : "SELECT sequence FROM sync_received WHERE origin = ?"
        return try Int64.fetchOne(db.cachedStatement(sql: sql), arguments: [origin]) ?? 0
    }

    /// The sequence for a change captured now, in the writer's transaction: one more than the last
    /// in the store, read at the transaction's first capture and counted in memory until it ends.
    /// Never kept from one transaction to the next: another process on the store (a command run
    /// beside the program) may have captured in between, and its last sequence would be taken again.
    func nextSequence(_ db: Database) throws -> Int64 {
        let next: Int64
        if let last = capturedSequence.withLock({ $0 }) {
            next = last + 1
        } else {
            let last = try Row.fetchOne(
                db.cachedStatement(
                    sql: "SELECT sequence, timestamp FROM sync_change WHERE origin = ? ORDER BY sequence DESC LIMIT 1"),
                arguments: [origin])
            // Another process's clock may have run ahead of this one's: stamps stay in sequence order.
            // Not one the county refused as too far ahead, which this clock was set back from.
            if let last, case let stamp = HybridTimestamp(rawValue: last[1]), !clock.isTooFarAhead(stamp) {
                clock.observe(stamp)
            }
            next = (last?[0] ?? 0) + 1
            db.afterNextTransaction(
                onCommit: { _ in self.capturedSequence.withLock { $0 = nil } },
                onRollback: { _ in self.capturedSequence.withLock { $0 = nil } })
        }
        capturedSequence.withLock { $0 = next }
        return next
    }

    func markReceived(_ sequence: Int64, from origin: String, _ db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO sync_received(origin, sequence) VALUES (?, ?)
                ON CONFLICT(origin) DO UPDATE SET sequence = MAX(sequence, excluded.sequence)
                """
        ).execute(arguments: [origin, sequence])
    }
}

extension Replica {
    /// Whether an origin has been seen in this store's log, as a change logged or one received:
    /// an origin the county hands out must be one no replica has used.
    public static func hasSeen(origin: String, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db,
            sql: """
                SELECT EXISTS(SELECT 1 FROM sync_change WHERE origin = ?1) OR EXISTS(SELECT 1 FROM sync_received WHERE origin = ?1)
                """,
            arguments: [origin]) ?? true
    }

    /// How many of an origin's changes this store holds in quarantine.
    public static func quarantinedCount(from origin: String, _ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sync_quarantine WHERE origin = ?", arguments: [origin]) ?? 0
    }
}
