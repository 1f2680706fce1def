import SyncSQLite
import GRDB
import Ledger
import LedgerSQLite
import StoreInterface
import Testing
import Sync
import Storage
import TestSupport

@Suite struct VoucherChainTests {
    func tamper(_ world: LedgerWorld, _ sql: String) async throws {
        try await world.county.store.writing { transaction in try StoredRows.execute(sql, transaction) }
    }

    @Test(arguments: HubStore.allCases) func anEditedVoucherBreaksTheChainAtItsEntry(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            try await world.postFirstQuarter()
            #expect(try await world.queries.verifyChain(village: LedgerWorld.village).intact)
            try await tamper(world, "UPDATE ledger_voucher SET lines = replace(lines, '80000', '8000') WHERE period = '2026-01' AND number = 3")
            let report = try await world.queries.verifyChain(village: LedgerWorld.village)
            #expect(!report.intact)
            #expect(report.firstBroken == 3)
            #expect(report.reason == "内容在记账后被改动")
            #expect(report.voucher == "2026-01 第 3 号")
        }
    }

    @Test(arguments: HubStore.allCases) func aDeletedVoucherIsNamedAsMissing(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            try await world.postFirstQuarter()
            try await tamper(world, "DELETE FROM ledger_voucher WHERE chain_index = 5")
            let report = try await world.queries.verifyChain(village: LedgerWorld.village)
            #expect(report.firstBroken == 5)
            #expect(report.reason.contains("缺失"))
        }
    }

    @Test(arguments: HubStore.allCases) func anEditedBookLineIsCaughtToo(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            try await world.postFirstQuarter()
            try await tamper(world, "UPDATE ledger_line SET debit_fen = 1 WHERE account = '151'")
            let report = try await world.queries.verifyChain(village: LedgerWorld.village)
            #expect(report.firstBroken == 7)
            #expect(report.reason == "明细账与凭证不符")
        }
    }

    /// The county's watch walks on from the head its last check found whole: what arrived since is
    /// checked (a break in it found, the count the whole chain's), and a chain found broken is
    /// walked from its start again.
    @Test(arguments: HubStore.allCases) func theWatchChecksWhatArrivedSinceItsLastWholeCheck(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
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
    }

    /// A station that keeps its own books pushes what it posts: the county checks the village's
    /// chain as it takes the push, in the push's transaction, on from the last entry found whole;
    /// a push that carries no voucher checks nothing.
    @Test(arguments: HubStore.allCases) func theCountyChecksAPushOfVouchersAsItTakesIt(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            let checked = { @Sendable in
                try await world.county.store.reading { transaction in try transaction.ledger.lastWholeCheck(village: LedgerWorld.village) }
            }
            try await world.post("2026-01-05", LedgerWorld.pair("收到村道维修补助", debit: "102", credit: "503", 5_000_000))
            #expect(try await checked() == nil)  // the county's own posting is not a push
            try await ChartPublisher(replica: world.county).setPoster(.station, for: LedgerWorld.village)
            try await world.sync(world.station)
            let drafts = [
                try await world.prepared("2026-01-10", LedgerWorld.pair("提取备用金", debit: "101", credit: "102", 200_000), at: world.station),
                try await world.prepared("2026-01-15", LedgerWorld.pair("购买办公用品", debit: "513", credit: "101", 80_000), at: world.station),
            ]
            for draft in drafts { _ = try await world.poster(world.station).post(draftID: draft.id, by: LedgerWorld.agency) }
            try await world.sync(world.station)
            #expect(try await checked()?.index == 3)

            // A check recorded by hand, that a check run again would replace.
            let marker = VoucherChain.Report(
                villageCode: LedgerWorld.village, entries: 3, intact: false, firstBroken: 2, voucher: nil, reason: "marker")
            try await world.county.store.writing { transaction in try transaction.ledger.recordChainCheck(marker, at: "before") }
            _ = try await world.bookkeeper(world.station).open(
                SubAccountEntry(account: "113", code: "113003", name: "李四", household: true), by: LedgerWorld.clerk)
            try await world.sync(world.station)
            let broken = try await world.county.store.reading { transaction in try transaction.ledger.brokenChecks() }
            #expect(broken == [marker])
            #expect(try await world.queries.households(village: LedgerWorld.village).contains { $0.code == "113003" })
        }
    }

    @Test(arguments: HubStore.allCases) func theStationHoldsTheSameChainAfterSync(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            try await world.postFirstQuarter()
            try await world.sync(world.station)
            let report = try await LedgerQueries(store: world.station.store).verifyChain(village: LedgerWorld.village)
            #expect(report.intact && report.entries == 8)
        }
    }
}
