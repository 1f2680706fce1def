import SyncSQLite
import GRDB
import Ledger
import LedgerSQLite
import Testing
import Sync
import Storage
import TestSupport

@Suite struct VoucherChainTests {
    func tamper(_ world: LedgerWorld, _ sql: String) async throws {
        try await world.county.sqliteStore.pool.write { db in try db.execute(sql: sql) }
    }

    @Test func anEditedVoucherBreaksTheChainAtItsEntry() async throws {
        let world = try await LedgerWorld()
        try await world.postFirstQuarter()
        #expect(try await world.queries.verifyChain(village: LedgerWorld.village).intact)
        try await tamper(world, "UPDATE ledger_voucher SET lines = replace(lines, '80000', '8000') WHERE period = '2026-01' AND number = 3")
        let report = try await world.queries.verifyChain(village: LedgerWorld.village)
        #expect(!report.intact)
        #expect(report.firstBroken == 3)
        #expect(report.reason == "内容在记账后被改动")
        #expect(report.voucher == "2026-01 第 3 号")
    }

    @Test func aDeletedVoucherIsNamedAsMissing() async throws {
        let world = try await LedgerWorld()
        try await world.postFirstQuarter()
        try await tamper(world, "DELETE FROM ledger_voucher WHERE chain_index = 5")
        let report = try await world.queries.verifyChain(village: LedgerWorld.village)
        #expect(report.firstBroken == 5)
        #expect(report.reason.contains("缺失"))
    }

    @Test func anEditedBookLineIsCaughtToo() async throws {
        let world = try await LedgerWorld()
        try await world.postFirstQuarter()
        try await tamper(world, "UPDATE ledger_line SET debit_fen = 1 WHERE account = '151'")
        let report = try await world.queries.verifyChain(village: LedgerWorld.village)
        #expect(report.firstBroken == 7)
        #expect(report.reason == "明细账与凭证不符")
    }

    /// The county's watch walks on from the head its last check found whole: what arrived since is
    /// checked (a break in it found, the count the whole chain's), and a chain found broken is
    /// walked from its start again.
    @Test func theWatchChecksWhatArrivedSinceItsLastWholeCheck() async throws {
        let world = try await LedgerWorld()
        let watch = LedgerWatch(replica: world.county)
        try await world.post("2026-01-05", LedgerWorld.pair("收到村道维修补助", debit: "102", credit: "503", 5_000_000))
        try await world.post("2026-01-10", LedgerWorld.pair("提取备用金", debit: "101", credit: "102", 200_000))
        let first = try #require(await watch.check(village: LedgerWorld.village))
        #expect(first.intact && first.entries == 2)
        // Entries already found whole are not walked again: a check costs what arrived since. (This
        // is the county's own store; a station's copy is held against the county's seal.)
        try await tamper(world, "UPDATE ledger_voucher SET lines = replace(lines, '5000000', '500000') WHERE chain_index = 1")
        #expect(try #require(await watch.check(village: LedgerWorld.village)).intact)
        try await tamper(world, "UPDATE ledger_voucher SET lines = replace(lines, '500000', '5000000') WHERE chain_index = 1")

        try await world.post("2026-01-15", LedgerWorld.pair("购买办公用品", debit: "513", credit: "101", 80_000))
        try await tamper(world, "UPDATE ledger_voucher SET lines = replace(lines, '80000', '8000') WHERE chain_index = 3")
        let second = try #require(await watch.check(village: LedgerWorld.village))
        #expect(!second.intact && second.firstBroken == 3, "\(second)")

        try await tamper(world, "UPDATE ledger_voucher SET lines = replace(lines, '8000', '80000') WHERE chain_index = 3")
        let third = try #require(await watch.check(village: LedgerWorld.village))  // from the start, as the last was broken
        #expect(third.intact && third.entries == 3, "\(third)")
    }

    @Test func theStationHoldsTheSameChainAfterSync() async throws {
        let world = try await LedgerWorld()
        try await world.postFirstQuarter()
        try await world.sync(world.station)
        let report = try await LedgerQueries(store: world.station.store).verifyChain(village: LedgerWorld.village)
        #expect(report.intact && report.entries == 8)
    }
}
