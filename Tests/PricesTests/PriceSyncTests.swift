import SyncSQLite
import DomainCore
import ChinaLocale
import Prices
import PricesSQLite
import Sync
import StoreInterface
import Testing
import WebAPI
import Storage
import TestSupport

@Suite struct PriceSyncTests {
    @Test(arguments: HubStore.allCases) func aBulletinReachesEveryStationAndAStationsPriceReachesTheCounty(hub: HubStore) async throws {
        try await PriceWorld.with(hub) { world in
            let houNan = try world.station(PriceWorld.houNan, name: "hounan")
            let beiTang = try world.station(PriceWorld.beiTang, name: "beitang")
            try await world.publish([PriceWorld.entry(avg: 260), PriceWorld.entry(market: "M02", avg: 280)])
            try await world.sync(houNan)  // the catalogue first: a station records only known varieties

            let entry = PriceEntry(
                varietyCode: PriceWorld.corn, marketID: "M06", observedOn: "2026-11-20", minFen: 110, avgFen: 120, maxFen: 130,
                unit: "元/斤", spec: "统货")
            let recorded = try await PriceRecorder(replica: houNan, today: { PriceWorld.today }).record(entry, by: "李站长")
            #expect(recorded.avgFen == 240)
            #expect(recorded.villageCode == PriceWorld.houNan)
            #expect(try await houNan.pendingCount() == 1)

            for station in [houNan, beiTang] { try await world.sync(station) }
            #expect(try await houNan.pendingCount() == 0)
            for station in [houNan, beiTang] {
                let board = try await world.queries(station).board()
                #expect(board.rows.first { $0.varietyCode == PriceWorld.corn }?.avgFen != nil)
                let catalogue = try await station.store.reading { transaction in try transaction.prices.catalogue() }
                #expect(catalogue.varieties.count == SamplePricesCount.varieties)
            }
            let atCounty = try await world.county.store.reading { transaction in try transaction.prices.price(id: recorded.id) }
            #expect(atCounty == recorded)
            // a village's own records stay in its scope: 北塘村 does not receive 侯南村's
            #expect(try await beiTang.held(PricesCollections.observation, among: [recorded.id]).isEmpty)
            // 侯南村 holds the county's two prices and its own, and no other village's
            let held = try await houNan.store.reading { transaction in
                (try transaction.prices.newestAtEachMarket(variety: PriceWorld.corn, from: PriceWorld.today, through: PriceWorld.today),
                 try transaction.prices.recentlyRecorded(within: "", limit: 10))
            }
            #expect(held.0.map(\.marketID).sorted() == ["M01", "M02", "M06"])
            #expect(held.1 == [recorded])
        }
    }

    @Test(arguments: HubStore.allCases) func aStationCorrectsOnlyItsOwnRecordsAndNeverPublishesBulletins(hub: HubStore) async throws {
        try await PriceWorld.with(hub) { world in
            let houNan = try world.station(PriceWorld.houNan, name: "hounan")
            try await world.publish([PriceWorld.entry(avg: 260)])
            try await world.sync(houNan)
            let recorder = PriceRecorder(replica: houNan, today: { PriceWorld.today })
            var entry = PriceWorld.entry(market: "M06", avg: 250)
            let first = try await recorder.record(entry, by: "李站长")
            entry.avgFen = 255
            entry.corrects = first.id
            let second = try await recorder.record(entry, by: "李站长")
            #expect(second.corrects == first.id)
            let counting = try await houNan.store.reading { transaction in
                try transaction.prices.history(from: PriceWorld.today, through: PriceWorld.today, variety: PriceWorld.corn, market: "M06")
            }
            #expect(counting.averages(variety: PriceWorld.corn, market: "M06") == [second.avgFen])

            entry.corrects = "PB-2026-11-20-1-1"  // the county's bulletin row
            await #expect(throws: DomainError.self) { try await recorder.record(entry, by: "李站长") }
            await #expect(throws: SyncError.self) {
                try await houNan.writing { db in
                    try houNan.write(db, to: PricesCollections.bulletin.name, id: "PB-forged", fields: ["source": "伪造"])
                }
            }
        }
    }
}

/// The demo catalogue's size, as the county publishes it.
enum SamplePricesCount {
    static let varieties = 47
}
