import SyncSQLite
import ChinaLocale
import DemoData
import StoreInterface
import Prices
import PostgresStorage
import PricesPostgres
import PricesSQLite
import Storage
import Sync
import SyncPostgres
import TestSupport

/// A county and its stations with the prices module, the demo's price catalogue published and a
/// fixed "today".
final class PriceWorld: CountyWorld, @unchecked Sendable {
    static let today = BeijingDay("2026-11-20")!
    static let houNan = "441422107201"
    static let beiTang = "441422113203"
    static let corn = "01010301"  // 玉米
    static let cabbage = "01040101"  // 大白菜

    init(countyStore: (any TransactionStore)? = nil) async throws {
        try super.init(
            schema: Schema(modules: [SyncSchema.migrations, PricesSchema.migrations]), collections: PricesCollections.all,
            countyStore: countyStore)
        try await publisher.publish(SamplePrices.catalogue)
    }

    /// The county's tables on PostgreSQL.
    static let postgresSchema = PostgresSchema(modules: [SyncPostgresSchema.migrations, PricesPostgresSchema.migrations])

    /// Runs `body` in a world whose county keeps its store on `hub`.
    static func with(_ hub: HubStore, _ body: (PriceWorld) async throws -> Void) async throws {
        try await hub.withCountyStore(postgres: postgresSchema) { store in try await body(PriceWorld(countyStore: store)) }
    }

    var publisher: PricePublisher { PricePublisher(replica: county, today: { Self.today }) }

    func queries(_ replica: Replica) -> PriceQueries { PriceQueries(store: replica.store, today: { Self.today }) }

    /// Publishes entries as bulletins at the county.
    @discardableResult
    func publish(_ entries: [PriceEntry]) async throws -> [PriceBulletin] {
        try await county.store.writing { transaction in
            let catalogue = try transaction.prices.catalogue()
            let checked = try entries.map { try PriceRules.check($0, catalogue: catalogue, today: Self.today) }
            return try self.publisher.publish(checked, source: "测试", transaction)
        }
    }

    static func entry(
        _ variety: String = corn, market: String = "M01", on day: BeijingDay = today, avg: Int64, unit: String = "元/公斤"
    ) -> PriceEntry {
        PriceEntry(
            varietyCode: variety, marketID: market, observedOn: day.text, minFen: avg * 9 / 10, avgFen: avg,
            maxFen: avg * 11 / 10, unit: unit)
    }
}
