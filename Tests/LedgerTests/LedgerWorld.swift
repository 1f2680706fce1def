import SyncSQLite
import ChinaLocale
import Foundation
import GRDB
import Ledger
import LedgerPostgres
import LedgerSQLite
import PostgresStorage
import Storage
import StoreInterface
import Sync
import SyncPostgres
import TestSupport

/// A county and 侯南村's station with the ledger module, the charts published, two households
/// opened, and a fixed "now" of 2026-06-10 Beijing time.
final class LedgerWorld: CountyWorld, @unchecked Sendable {
    static let now = BeijingTime.instant("2026-06-10T10:00:00+08:00")!
    static let village = "441422107201"
    static let clerk = LedgerActor(name: "李会计", role: .preparer)
    static let checker = LedgerActor(name: "镇农经站王审核", role: .reviewer)
    static let agency = LedgerActor(name: "百侯镇农经站", role: .poster)
    static let supervisor = LedgerActor(name: "村务监督委员会", role: .supervisor)

    /// Set once, in `init`, after the county exists.
    private(set) var station: Replica!

    init(countyStore: (any TransactionStore)? = nil) async throws {
        try super.init(
            schema: Schema(modules: [SyncSchema.migrations, LedgerSchema.migrations]), collections: LedgerCollections.all,
            countyStore: countyStore)
        station = try station(Self.village, name: "hounan")
        try await ChartPublisher(replica: county).publishCharts()
        try await sync(station)
        let books = bookkeeper(station)
        _ = try await books.open(SubAccountEntry(account: "113", code: "113001", name: "张建国", household: true), by: Self.clerk)
        _ = try await books.open(SubAccountEntry(account: "113", code: "113002", name: "王秀英", household: true), by: Self.clerk)
        try await sync(station)
    }

    /// The county's tables on PostgreSQL.
    static let postgresSchema = PostgresSchema(modules: [SyncPostgresSchema.migrations, LedgerPostgresSchema.migrations])

    /// Runs `body` in a world whose county keeps its store on `hub`.
    static func with(_ hub: HubStore, _ body: (LedgerWorld) async throws -> Void) async throws {
        try await hub.withCountyStore(postgres: postgresSchema) { store in try await body(LedgerWorld(countyStore: store)) }
    }

    func bookkeeper(_ replica: Replica) -> Bookkeeper { Bookkeeper(replica: replica, village: Self.village, now: { Self.now }) }
    func poster(_ replica: Replica) -> VoucherPoster { VoucherPoster(replica: replica, now: { Self.now }) }
    var queries: LedgerQueries { LedgerQueries(store: county.store) }

    /// A voucher prepared and submitted at the station, reviewed, synced and posted at the county.
    @discardableResult
    func post(_ date: String, _ lines: [VoucherLine]) async throws -> Voucher {
        let draft = try await prepared(date, lines, at: station)
        try await sync(station)
        let voucher = try await poster(county).post(draftID: draft.id, by: Self.agency)
        return voucher
    }

    /// A voucher prepared and submitted at one side, and reviewed by the side that keeps the
    /// village's books (the county unless it handed them to the station), synced there and back.
    func prepared(_ date: String, _ lines: [VoucherLine], at replica: Replica) async throws -> VoucherDraft {
        let books = bookkeeper(replica)
        let draft = try await books.prepare(VoucherEntry(voucherDate: date, lines: lines, attachments: 1), by: Self.clerk)
        _ = try await books.submit(draftID: draft.id, by: Self.clerk)
        let poster = try await county.value("poster", of: Self.village, in: LedgerCollections.posting)
        let reviewer: Replica = poster == "station" ? station : county
        if reviewer !== replica { try await sync(station) }
        let reviewed = try await bookkeeper(reviewer).review(draftID: draft.id, approve: true, note: "", by: Self.checker)
        if reviewer !== replica { try await sync(station) }
        return reviewed
    }

    static func pair(_ summary: String, debit: String, credit: String, _ fen: Int64, debitSub: String? = nil, creditSub: String? = nil)
        -> [VoucherLine]
    {
        [
            VoucherLine(summary: summary, account: debit, subaccount: debitSub, debitFen: fen),
            VoucherLine(summary: summary, account: credit, subaccount: creditSub, creditFen: fen),
        ]
    }

    /// The first quarter of the hand-computed books in LedgerReportTests.
    func postFirstQuarter() async throws {
        try await post("2026-01-05", Self.pair("收到村道维修补助", debit: "102", credit: "503", 5_000_000))
        try await post("2026-01-10", Self.pair("提取备用金", debit: "101", credit: "102", 200_000))
        try await post("2026-01-15", Self.pair("购买办公用品", debit: "513", credit: "101", 80_000))
        try await post("2026-02-03", Self.pair("张建国鱼塘承包费", debit: "113", credit: "501", 150_000, debitSub: "113001"))
        try await post("2026-02-20", Self.pair("收张建国承包费", debit: "102", credit: "113", 100_000, creditSub: "113001"))
        try await post("2026-02-25", Self.pair("应付王秀英修渠劳务费", debit: "511", credit: "113", 300_000, creditSub: "113002"))
        try await post("2026-03-01", Self.pair("购置抽水机组", debit: "151", credit: "102", 1_200_000))
        try await post("2026-03-10", Self.pair("计提所得税", debit: "521", credit: "214", 10_000))
    }
}
