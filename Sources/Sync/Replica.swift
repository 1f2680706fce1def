public import Foundation
public import StoreInterface

/// One replica's sync engine: captures its own changes, applies others', and answers or makes the
/// exchanges that carry them. It knows the domains only as the ``SyncCollection``s they register.
///
/// The county is the hub; stations are spokes that never talk to each other. A replica is the
/// front of parts with one job each (`Sync/Engine`): capture, the hub's receiver and server, the
/// station's pusher and puller, over a core they share.
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

    let core: ReplicaCore
    let capture: ChangeCapture
    let receiver: HubReceiver
    let server: HubServer
    let pusher: StationPusher
    let puller: StationPuller
    let verifier: StationVerifier
    let hubVerifier: HubVerifier
    let snapshots: StationSnapshot

    /// - Parameter wallTime: the device's clock in milliseconds; a simulation passes a skewed one.
    public init(
        store: some TransactionStore, role: Role, collections: [SyncCollection], signature: ChangeSignature? = nil,
        countyOrigin: String? = nil, origin: String? = nil,
        wallTime: @escaping @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970 * 1000) }
    ) throws {
        var byName: [String: SyncCollection] = [:]
        for collection in collections + ConflictLog.collections {
            precondition(byName[collection.name] == nil, "collection \(collection.name) registered twice")
            byName[collection.name] = collection
        }
        let (last, offset, hasScopeIndex) = try store.readingNow { transaction in
            let log = try transaction.changeLog
            return (try log.lastTimestamp(), try log.state("clock_offset").flatMap { Int64($0) } ?? 0, try log.keepsScopeIndex())
        }
        // The log's scope index serves the county's pulls. A station never serves one, and would
        // pay for the index on every change it captures. Written once, when the store disagrees.
        if hasScopeIndex != (role == .county) {
            try store.writingNow { transaction in try transaction.changeLog.setScopeIndex(role == .county) }
        }
        let clock = HybridClock(last: HybridTimestamp(rawValue: last), offsetMilliseconds: offset, wallTime: wallTime)
        core = ReplicaCore(
            store: store, role: role, origin: origin ?? store.replicaID, clock: clock, collections: byName,
            signature: signature, countyOrigin: countyOrigin, order: (collections + ConflictLog.collections).map(\.name))
        capture = ChangeCapture(core: core)
        receiver = HubReceiver(core: core, capture: capture)
        server = HubServer(core: core)
        pusher = StationPusher(core: core)
        puller = StationPuller(core: core)
        verifier = StationVerifier(core: core)
        hubVerifier = HubVerifier(core: core, kept: HubVerifier.KeptSums())
        snapshots = StationSnapshot(core: core)
    }

    public var store: any TransactionStore { core.store }
    public var role: Role { core.role }
    /// This replica's origin id: its store's replica id.
    public var origin: String { core.origin }
    public var clock: HybridClock { core.clock }
    /// The county signs county-owned changes with it; a station verifies them. `nil` before enrollment.
    public var signature: ChangeSignature? { core.signature }
    /// At a station, the county's origin as its enrollment pinned it: the only origin whose
    /// county-owned records it accepts, whatever a reply says.
    public var countyOrigin: String? { core.countyOrigin }
    /// The village a station serves, or `nil` at the county.
    public var village: String? { core.village }
}
