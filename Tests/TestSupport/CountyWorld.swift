import SyncSQLite
public import Crypto
import GRDB
public import Storage
public import StoreInterface
public import Sync

/// A county and its stations in one process, on real SQLite files in a folder on a memory file
/// system: the county signs what it owns, the stations verify it, and a sync round runs through
/// ``LocalTransport``. A domain's test world subclasses it with its own fixtures.
///
/// ```swift
/// let world = try CountyWorld(schema: Schema(modules: [SyncSchema.migrations]), collections: collections)
/// let station = try world.station("441422107201", name: "hounan")
/// try await world.sync(station)
/// ```
open class CountyWorld: @unchecked Sendable {  // every stored property is a constant of a Sendable type
    public let folder = try! TemporaryFolder(inMemory: true)
    public let key = Curve25519.Signing.PrivateKey()
    public let schema: Schema
    public let collections: [SyncCollection]
    public let county: Replica

    /// A county on `countyStore` (a hub's PostgreSQL database, ``HubStore``), or on a SQLite file
    /// of its own in the world's folder; its stations are always on SQLite.
    public init(schema: Schema, collections: [SyncCollection], countyStore: (any TransactionStore)? = nil) throws {
        self.schema = schema
        self.collections = collections
        let store = try countyStore ?? Store.open(path: folder.file("county.sqlite"), role: "county", schema: schema)
        county = try Replica(store: store, role: .county, collections: collections, signature: ChangeSignature(signingKey: key))
    }

    /// A station of a village, with a store of its own named `name`.
    public func station(_ village: String, name: String) throws -> Replica {
        try Replica(
            store: Store.open(path: folder.file("\(name).sqlite"), role: name, schema: schema),
            role: .station(village: village), collections: collections,
            signature: ChangeSignature(verifyingKey: key.publicKey))
    }

    /// One sync round of a station with the county, as the village it says it is (its own by default).
    public func sync(_ station: Replica, as village: String? = nil) async throws {
        let peer = StationPeer(origin: station.origin, village: village ?? station.village!)
        _ = try await SyncRound(station: station, transport: LocalTransport(county: county, station: peer)).run()
    }
}
