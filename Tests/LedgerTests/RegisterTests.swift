import SyncSQLite
import DomainCore
import ChinaLocale
import GRDB
import Ledger
import LedgerSQLite
import Sync
import Testing
import WebAPI
import Storage
import TestSupport

@Suite struct RegisterTests {
    static func lease() -> LandContract {
        LandContract(
            code: "HN-2024-03", kind: "鱼塘承包", partyA: "侯南村股份经济合作社", partyB: "张建国", subject: "村东鱼塘 12 亩",
            startsOn: "2024-01-01", endsOn: "2028-12-31", amountFen: 1_500_000,
            schedule: (2024...2028).map { PaymentDue(dueOn: "\($0)-03-31", amountFen: 300_000) }, meetingRecord: "2023年12月村民代表会议",
            filingNumber: "百侯农经备〔2024〕3号")
    }

    @Test(arguments: HubStore.allCases) func aConcurrentEditOfAContractsAmountBecomesAConflict(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            let keeper = RegisterKeeper(replica: world.station, now: { LedgerWorld.now })
            let lease = try await keeper.add(Self.lease(), by: LedgerWorld.clerk)
            try await world.sync(world.station)

            var atStation = Self.lease()
            atStation.amountFen = 1_600_000
            atStation.status = "履行中（已调价）"
            _ = try await keeper.amend(contractID: lease.id!, atStation, by: LedgerWorld.clerk)
            var atCounty = Self.lease()
            atCounty.amountFen = 1_550_000
            _ = try await RegisterKeeper(replica: world.county, now: { LedgerWorld.now }).amend(contractID: lease.id!, atCounty, by: LedgerWorld.agency)
            try await world.sync(world.station)
            try await world.sync(world.station)

            let conflicts = try await world.county.openConflicts()
            #expect(conflicts.map(\.field) == ["amount_fen"])
            #expect(conflicts.first?.collection == "ledger.contract")
            let held = try await world.station.value("status", of: lease.id!, in: LedgerCollections.contract)
            #expect(held == "履行中（已调价）")  // a field only one side changed just merges
            try await world.county.resolve(conflictID: conflicts[0].id, choosing: .integer(1_600_000), by: "县农经站张科长", holding: ["reviewer"])
            let trail = try await world.queries.auditTrail(village: LedgerWorld.village)
            #expect(trail.contains { $0.action == "resolved_conflict" && $0.actor == "县农经站张科长" && $0.at.hasPrefix("20") })
        }
    }

    @Test(arguments: HubStore.allCases) func theNextDueDateAndOverdueAmountFollowThePayments(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            let keeper = RegisterKeeper(replica: world.station, now: { LedgerWorld.now })
            let lease = try await keeper.add(Self.lease(), by: LedgerWorld.clerk)
            _ = try await keeper.receive(300_000, under: lease.id!, on: "2024-03-20", by: LedgerWorld.clerk)
            _ = try await keeper.receive(100_000, under: lease.id!, on: "2025-04-02", by: LedgerWorld.clerk)
            let line = try #require(try await LedgerQueries(store: world.station.store).contracts(village: LedgerWorld.village, on: BeijingDay("2026-06-10")!).first)
            #expect(line.receivedFen == 400_000)
            #expect(line.nextDueOn == "2025-03-31")
            #expect(line.nextDueFen == 200_000)
            #expect(line.overdueFen == 500_000)  // 2025's 200,000 unpaid and all of 2026's 300,000
            var bad = Self.lease()
            bad.endsOn = "2023-12-31"
            await #expect { try await keeper.add(bad, by: LedgerWorld.clerk) } throws: { ($0 as? DomainError)?.field == "ends_on" }
            bad = Self.lease()
            bad.amountFen = 1_000_000
            await #expect { try await keeper.add(bad, by: LedgerWorld.clerk) } throws: { ($0 as? DomainError)?.field == "schedule" }
        }
    }

    @Test(arguments: HubStore.allCases) func assetsCarryTheirDepreciationAndSmallItemsAreNotFixedAssets(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            let keeper = RegisterKeeper(replica: world.station, now: { LedgerWorld.now })
            _ = try await keeper.add(
                FixedAsset(number: "GD-001", name: "抽水机组", category: "机器设备", acquiredOn: "2026-03-01", originalFen: 1_200_000, lifeMonths: 60),
                by: LedgerWorld.clerk)
            let assets = try await LedgerQueries(store: world.station.store).assets(village: LedgerWorld.village, at: "2026-06")
            #expect(assets.map(\.accumulatedFen) == [60_000])
            #expect(assets.map(\.netFen) == [1_140_000])
            let kettle = FixedAsset(number: "GD-002", name: "电水壶", category: "办公设备", acquiredOn: "2026-03-01", originalFen: 12_000, lifeMonths: 36)
            await #expect { try await keeper.add(kettle, by: LedgerWorld.clerk) } throws: { ($0 as? DomainError)?.field == "original_fen" }
        }
    }
}

@Suite struct DisclosureTests {
    @Test(arguments: HubStore.allCases) func aQuarterIsDisclosedItemByItemWithHouseholdsMasked(hub: HubStore) async throws {
        try await LedgerWorld.with(hub) { (world: LedgerWorld) async throws in
            try await world.postFirstQuarter()
            _ = try await RegisterKeeper(replica: world.county, village: LedgerWorld.village, now: { LedgerWorld.now })
                .add(RegisterTests.lease(), by: LedgerWorld.agency)
            let publisher = DisclosurePublisher(replica: world.county, now: { LedgerWorld.now })
            await #expect { try await publisher.publish("2026-Q1", village: LedgerWorld.village, by: LedgerWorld.supervisor) } throws: {
                ($0 as? DomainError)?.field == "period"  // not closed yet
            }
            for month in ["2026-01", "2026-02", "2026-03"] {
                try await world.poster(world.county).close(month: month, village: LedgerWorld.village, by: LedgerWorld.agency)
            }
            let disclosure = try await publisher.publish("2026-Q1", village: LedgerWorld.village, villageName: "侯南村", by: LedgerWorld.supervisor)
            #expect(disclosure.title == "侯南村 2026年第1季度 财务公开")
            let content = disclosure.content
            #expect(content.income.map(\.amountFen) == [5_000_000, 150_000])
            #expect(content.incomeFen == 5_150_000)
            #expect(content.expenses.map(\.accountName) == ["管理费用", "经营支出", "所得税费用"])
            #expect(content.expensesFen == 390_000)
            #expect(content.income[1].summary == "张**鱼塘承包费")
            #expect(content.expenses[1].summary == "应付王**修渠劳务费")
            #expect(content.cashAndBankFen == 3_820_000)
            #expect(content.contracts.first?.partyB == "张**")
            #expect(content.contracts.first?.overdueFen == 900_000)

            try await world.sync(world.station)
            let atKiosk = LedgerQueries(store: world.station.store)
            let listed = try await atKiosk.disclosures(village: LedgerWorld.village)
            #expect(listed.map(\.period) == ["2026-Q1"])
            #expect(try await atKiosk.disclosure(id: listed[0].id)?.content == content)
        }
    }
}
