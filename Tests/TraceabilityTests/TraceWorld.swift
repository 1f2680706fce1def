import SyncSQLite
import ChinaLocale
import PostgresStorage
import Storage
import StoreInterface
import Sync
import TestSupport
import Traceability
import TraceabilityPostgres
import TraceabilitySQLite
import SyncPostgres
import Foundation

/// A county and its stations with the traceability module, and a fixed "now" of 2026-06-10 10:00
/// Beijing time.
final class TraceWorld: CountyWorld, @unchecked Sendable {
    static let now = BeijingTime.instant("2026-06-10T10:00:00+08:00")!
    static let houNan = "441422107201"
    static let beiTang = "441422113203"

    init(countyStore: (any TransactionStore)? = nil) throws {
        try super.init(
            schema: Schema(modules: [SyncSchema.migrations, TraceSchema.migrations]),
            collections: TraceCollections.all, countyStore: countyStore)
    }

    /// The county's tables on PostgreSQL.
    static let postgresSchema = PostgresSchema(modules: [SyncPostgresSchema.migrations, TracePostgresSchema.migrations])

    /// Runs `body` in a world whose county keeps its store on `hub`.
    static func with(_ hub: HubStore, _ body: (TraceWorld) async throws -> Void) async throws {
        try await hub.withCountyStore(postgres: postgresSchema) { store in try await body(TraceWorld(countyStore: store)) }
    }

    func recorder(_ replica: Replica) -> TraceRecorder { TraceRecorder(replica: replica, now: { Self.now }) }

    static func lot(_ product: String = "富士苹果", grams: Int64 = 500_000, code: String? = nil, producer: String = "张建国",
                    kind: PartyKind = .person) -> LotEntry {
        LotEntry(
            traceCode: code, productName: product, quantityG: grams, producerName: producer, producerKind: kind,
            producerPhone: "13812345678", origin: "三组东坡")
    }

    static func event(_ lot: TraceLot, _ kind: TraceEventKind, on day: String, hour: Int = 8) -> EventEntry {
        EventEntry(lotID: lot.id, kind: kind, occurredAt: "\(day)T\(String(format: "%02d", hour)):00:00+08:00")
    }

    static func spray(_ lot: TraceLot, on day: String, interval: Int) -> EventEntry {
        var entry = event(lot, .pesticide, on: day)
        entry.inputName = "吡虫啉"
        entry.registrationNumber = "PD20080001"
        entry.dose = "20克/亩"
        entry.safetyIntervalDays = interval
        return entry
    }

    static func test(_ lot: TraceLot, on day: String, passed: Bool, kind: TestKind = .selfTest) -> EventEntry {
        var entry = event(lot, .inspecting, on: day)
        entry.testKind = kind
        entry.testItem = "农药残留速测"
        entry.testPassed = passed
        entry.tester = "县农检站"
        return entry
    }
}
