import ChinaLocale
import GRDB
import Ledger
import LedgerSQLite
import TestSupport
import Testing
import WebAPI

/// Reports of the first quarter in LedgerWorld.postFirstQuarter, against figures computed by hand:
///
///     101 +200,000 −80,000 = 120,000          501 150,000 (credit)    511 300,000
///     102 +5,000,000 −200,000 +100,000 −1,200,000 = 3,700,000        503 5,000,000 (credit)
///     113001 +150,000 −100,000 = 50,000 (应收)  113002 −300,000 (应付) 513 80,000   521 10,000
///     151 1,200,000   214 10,000 (credit)
@Suite struct LedgerReportTests {
    @Test(arguments: HubStore.allCases) func theTrialBalanceMatchesTheHandComputedFigures(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            try await world.postFirstQuarter()
            let quarter = try await world.queries.trialBalance(village: LedgerWorld.village, from: "2026-01", through: "2026-03")
            let closing = Dictionary(uniqueKeysWithValues: quarter.rows.map { ($0.account, $0.closingFen) })
            #expect(closing == [
                "101": 120_000, "102": 3_700_000, "113": -250_000, "151": 1_200_000, "214": -10_000, "501": -150_000,
                "503": -5_000_000, "511": 300_000, "513": 80_000, "521": 10_000,
            ])
            #expect(quarter.totalDebitFen == 7_040_000)
            #expect(quarter.balanced)

            let february = try await world.queries.trialBalance(village: LedgerWorld.village, from: "2026-02", through: "2026-02")
            let bank = try #require(february.rows.first { $0.account == "102" })
            #expect([bank.openingFen, bank.debitFen, bank.creditFen, bank.closingFen] == [4_800_000, 100_000, 0, 4_900_000])
            #expect(bank.direction == "借")
            #expect(february.balanced)
        }
    }

    @Test(arguments: HubStore.allCases) func theBalanceSheetSplitsHouseholdsAndBalances(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            try await world.postFirstQuarter()
            let sheet = try await world.queries.balanceSheet(village: LedgerWorld.village, at: "2026-03")
            #expect(sheet.assets.map(\.amountFen) == [120_000, 3_700_000, 50_000, 1_200_000])  // 101, 102, 113 应收, 151
            #expect(sheet.totalAssetsFen == 5_070_000)
            #expect(sheet.liabilities.map(\.name) == ["内部往来（应付）", "应交税费"])
            #expect(sheet.totalLiabilitiesFen == 310_000)
            #expect(sheet.equity.map(\.amountFen) == [4_760_000])
            #expect(sheet.balanced)
        }
    }

    @Test(arguments: HubStore.allCases) func theIncomeStatementFollowsTheRowsOfTheRules(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            try await world.postFirstQuarter()
            let statement = try await world.queries.incomeStatement(village: LedgerWorld.village, through: "2026-03")
            let amounts = Dictionary(uniqueKeysWithValues: statement.rows.map { ($0.name, $0.amountFen) })
            #expect(amounts["经营收入"] == 150_000)
            #expect(amounts["经营支出"] == 300_000)
            #expect(amounts["管理费用"] == 80_000)
            #expect(amounts["经营收益"] == -230_000)
            #expect(amounts["补助收入"] == 5_000_000)
            #expect(amounts["收益总额"] == 4_770_000)
            #expect(amounts["所得税费用"] == 10_000)
            #expect(statement.netFen == 4_760_000)
            #expect(statement.distributableFen == 4_760_000)
        }
    }

    @Test(arguments: HubStore.allCases) func journalsAndHouseholdSubLedgersRunTheirBalances(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            try await world.postFirstQuarter()
            let cash = try await world.queries.journal(village: LedgerWorld.village, account: "101", from: "2026-01", through: "2026-03")
            #expect(cash.entries.map(\.balanceFen) == [200_000, 120_000])
            #expect(cash.closingFen == 120_000)
            let bank = try await world.queries.journal(village: LedgerWorld.village, account: "102", from: "2026-02", through: "2026-03")
            #expect(bank.openingFen == 4_800_000)
            #expect(bank.entries.map(\.balanceFen) == [4_900_000, 3_700_000])
            let zhang = try await world.queries.journal(village: LedgerWorld.village, account: "113", subaccount: "113001", from: "2026-01", through: "2026-03")
            #expect(zhang.entries.map(\.balanceFen) == [150_000, 50_000])
            let households = try await world.queries.households(village: LedgerWorld.village)
            #expect(households.map(\.balanceFen) == [50_000, -300_000])
            #expect(households.map(\.kind) == ["应收", "应付"])
        }
    }

    @Test func depreciationIsStraightLineFromTheMonthAfterAcquisition() {
        let pump = FixedAsset(number: "GD-001", name: "抽水机组", category: "机器设备", acquiredOn: "2026-03-01", originalFen: 1_200_000, lifeMonths: 60)
        #expect(Depreciation.monthly(pump) == 20_000)
        #expect(Depreciation.accumulated(pump, through: "2026-03") == 0)
        #expect(Depreciation.accumulated(pump, through: "2026-04") == 20_000)
        #expect(Depreciation.accumulated(pump, through: "2026-12") == 180_000)
        #expect(Depreciation.accumulated(pump, through: "2031-03") == 1_200_000)
        #expect(Depreciation.accumulated(pump, through: "2035-01") == 1_200_000)
        let car = FixedAsset(number: "GD-002", name: "三轮车", category: "运输工具", acquiredOn: "2025-12-20", originalFen: 1_000_000,
                             residualFen: 40_000, lifeMonths: 36)
        #expect(Depreciation.monthly(car) == 26_666)
        #expect(Depreciation.accumulated(car, through: "2026-01") == 26_666)
        #expect(Depreciation.accumulated(car, through: "2028-12") == 960_000)  // the last month takes the remainder
    }
}
