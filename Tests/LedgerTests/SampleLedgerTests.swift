import SyncSQLite
import ChinaLocale
import DemoData
import Ledger
import LedgerSQLite
import Storage
import StoreInterface
import Sync
import TestSupport
import Testing
import Foundation

@Suite struct SampleLedgerTests {
    @Test(arguments: HubStore.allCases) func aYearOfSampleBooksBalancesChainsAndDiscloses(hub: HubStore) async throws {
        try await hub.withCountyStore(postgres: LedgerWorld.postgresSchema) { store in try await Self.aYearOfSampleBooks(countyStore: store) }
    }

    static func aYearOfSampleBooks(countyStore: (any TransactionStore)?) async throws {
        let world = try CountyWorld(
            schema: Schema(modules: [SyncSchema.migrations, LedgerSchema.migrations]), collections: LedgerCollections.all,
            countyStore: countyStore)
        try await ChartPublisher(replica: world.county).publishCharts()
        let today = BeijingDay("2026-11-20")!
        try await SampleLedger.seed(through: world.county, today: today, months: 12)
        let books = LedgerQueries(store: world.county.store)
        let village = LedgerWorld.village
        let trial = try await books.trialBalance(village: village, from: "2025-11", through: "2026-10")
        #expect(trial.balanced)
        var vouchers = 0
        for month in ["2025-11", "2025-12"] + (1...10).map({ String(format: "2026-%02d", $0) }) {
            let numbers = try await books.vouchers(village: village, month: month).map(\.number)
            #expect(numbers == Array(1...max(numbers.count, 1)))
            vouchers += numbers.count
        }
        #expect((280...320).contains(vouchers))
        #expect(try await books.balanceSheet(village: village, at: "2026-10").balanced)
        #expect(try await books.verifyChain(village: village).intact)
        #expect(try await books.disclosures(village: village).map(\.period) == ["2026-Q3", "2026-Q2", "2026-Q1"])
        let contracts = try await books.contracts(village: village, on: today)
        #expect(contracts.filter { $0.overdueFen > 0 }.map(\.contract.code) == ["HN-2024-03"])
    }
}
