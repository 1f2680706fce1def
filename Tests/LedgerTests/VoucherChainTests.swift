import GRDB
import Ledger
import Testing
import Sync
import Storage
import TestSupport

@Suite struct VoucherChainTests {
    func tamper(_ world: LedgerWorld, _ sql: String) async throws {
        try await world.county.store.pool.write { db in try db.execute(sql: sql) }
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

    @Test func theStationHoldsTheSameChainAfterSync() async throws {
        let world = try await LedgerWorld()
        try await world.postFirstQuarter()
        try await world.sync(world.station)
        let report = try await LedgerQueries(store: world.station.store).verifyChain(village: LedgerWorld.village)
        #expect(report.intact && report.entries == 8)
    }
}
