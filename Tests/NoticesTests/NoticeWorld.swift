import SyncSQLite
import ChinaLocale
import Crypto
import Foundation
import GRDB
import Notices
import NoticesPostgres
import NoticesSQLite
import PostgresStorage
import Storage
import StoreInterface
import Sync
import SyncPostgres
import TestSupport

/// A county and a station with the notices module, and a fixed "today".
final class NoticeWorld: CountyWorld, @unchecked Sendable {
    static let today = BeijingDay("2026-11-20")!

    init(countyStore: (any TransactionStore)? = nil) throws {
        try super.init(
            schema: Schema(modules: [SyncSchema.migrations, NoticesSchema.migrations]),
            collections: NoticesCollections.all, countyStore: countyStore)
    }

    /// The county's tables on PostgreSQL.
    static let postgresSchema = PostgresSchema(modules: [SyncPostgresSchema.migrations, NoticesPostgresSchema.migrations])

    /// Runs `body` in a world whose county keeps its store on `hub`.
    static func with(_ hub: HubStore, _ body: (NoticeWorld) async throws -> Void) async throws {
        try await hub.withCountyStore(postgres: postgresSchema) { store in try await body(NoticeWorld(countyStore: store)) }
    }

    func station() throws -> Replica { try station("441422107201", name: "station") }

    var queries: NoticeQueries { NoticeQueries(store: county.store, today: { Self.today }) }

    static func notice(
        _ id: String, _ title: String, effective: String = "2026-01-01", expires: String? = nil,
        body: String = "各镇人民政府、县直有关单位：现将有关事项通知如下。", category: String = "补贴政策",
        relations: [NoticeRelation] = [], urgent: Bool = false
    ) -> Notice {
        Notice(
            id: id, indexNumber: "441422-2026-\(id)", issuer: "大埔县农业农村局", documentNumber: "埔农[2026]\(id.filter(\.isNumber))号",
            title: title, category: category, signedOn: "2025-12-20", publishedOn: "2025-12-25", effectiveOn: effective,
            expiresOn: expires, summary: "", body: body, urgent: urgent, relations: relations)
    }
}
