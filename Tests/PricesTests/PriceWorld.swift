import ChinaLocale
import Crypto
import DemoData
import Foundation
import GRDB
import Prices
import Storage
import Sync
import TestSupport

/// A county and its stations in one process, on real SQLite files, with the demo's price catalogue
/// published and a fixed "today".
final class PriceWorld: Sendable {
    static let today = BeijingDay("2026-11-20")!
    static let houNan = "441422107201"
    static let beiTang = "441422113203"
    static let corn = "01010301"  // 玉米
    static let cabbage = "01040101"  // 大白菜

    let folder = try! TemporaryFolder(inMemory: true)
    let key = Curve25519.Signing.PrivateKey()
    let county: Replica

    init() async throws {
        county = try Replica(
            store: Self.store("county", in: folder), role: .county, collections: PricesCollections.all,
            signature: ChangeSignature(signingKey: key))
        try await publisher.publish(SamplePrices.catalogue)
    }

    var publisher: PricePublisher { PricePublisher(replica: county, today: { Self.today }) }

    func station(_ village: String, name: String) throws -> Replica {
        try Replica(
            store: Self.store(name, in: folder), role: .station(village: village), collections: PricesCollections.all,
            signature: ChangeSignature(verifyingKey: key.publicKey))
    }

    func queries(_ replica: Replica) -> PriceQueries { PriceQueries(store: replica.store, today: { Self.today }) }

    /// One sync round of a station with the county.
    func sync(_ station: Replica) async throws {
        let transport = LocalTransport(county: county, station: StationPeer(origin: station.origin, village: station.village!))
        _ = try await SyncRound(station: station, transport: transport).run()
    }

    /// Publishes entries as bulletins at the county.
    @discardableResult
    func publish(_ entries: [PriceEntry]) async throws -> [PriceBulletin] {
        try await county.store.pool.write { db in
            let catalogue = try CatalogueIndex.load(db)
            let checked = try entries.map { try PriceRules.check($0, catalogue: catalogue, today: Self.today) }
            return try self.publisher.publish(checked, source: "测试", db)
        }
    }

    static func entry(
        _ variety: String = corn, market: String = "M01", on day: BeijingDay = today, avg: Int64, unit: String = "元/公斤"
    ) -> PriceEntry {
        PriceEntry(
            varietyCode: variety, marketID: market, observedOn: day.text, minFen: avg * 9 / 10, avgFen: avg,
            maxFen: avg * 11 / 10, unit: unit)
    }

    static func store(_ name: String, in folder: TemporaryFolder) throws -> Store {
        try Store.open(
            path: folder.file("\(name).sqlite"), role: name,
            schema: Schema(modules: [SyncSchema.migrations, PricesSchema.migrations]))
    }

    func count(_ replica: Replica, _ sql: String) async throws -> Int {
        try await replica.store.pool.read { db in try Int.fetchOne(db, sql: sql) ?? -1 }
    }
}
