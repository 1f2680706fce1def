import SyncSQLite
import GRDB
import Prices
import PricesSQLite
import Storage
import StoreInterface
import Sync
import Testing
import TestSupport

/// What the prices module derives as prices arrive does not depend on the order they arrive in:
/// a correction may come before the price it corrects (a bulletin's rows, a station restored).
@Suite struct PricesArrivalTests {
    /// Prices of three varieties on two days, some flagged 待核实, and corrections of some of them,
    /// one a correction of a correction.
    static let prices: [(id: String, variety: String, day: String, avg: Int64, flags: String, corrects: String?)] = {
        var prices: [(id: String, variety: String, day: String, avg: Int64, flags: String, corrects: String?)] = []
        for index in 0..<24 {
            prices.append((
                "p\(index)", ["01010301", "01040101", "01050201"][index % 3], ["2026-11-19", "2026-11-20"][index / 12],
                Int64(200 + index * 7), index % 5 == 0 ? "待核实" : "", nil))
        }
        for (number, target) in [1, 4, 5, 10, 13, 22].enumerated() {
            let corrected = prices[target]
            prices.append(("c\(number)", corrected.variety, corrected.day, corrected.avg + 11, "", corrected.id))
        }
        prices.append(("c-again", prices[25].variety, prices[25].day, prices[25].avg + 3, "", "c1"))
        return prices
    }()

    /// Derived price by price, or a push's prices together (batches of 1 to 8 here, written first and
    /// then derived from at once, as the hub takes a station's push).
    @Test(arguments: HubStore.allCases, [1, 2, 3, 4, 5, 6] as [UInt64])
    func theDaySumsAndSupersededMarksAreThoseCountedFromScratchInAnyOrder(hub: HubStore, seed: UInt64) async throws {
        for together in [false, true] {
            try await expectCountedFromScratch(hub: hub, seed: seed, together: together)
        }
    }

    func expectCountedFromScratch(hub: HubStore, seed: UInt64, together: Bool) async throws {
        let folder = try TemporaryFolder(inMemory: true)
        try await hub.withCountyStore(postgres: PriceWorld.postgresSchema) { postgres in
            let store = try postgres ?? Store.open(
                path: folder.file("prices.sqlite"), role: "county", schema: Schema(modules: [SyncSchema.migrations, PricesSchema.migrations]))
            var random = SeededRandom(seed: seed)
            let order = Self.prices.shuffled(using: &random)
            var batches: [ArraySlice<(id: String, variety: String, day: String, avg: Int64, flags: String, corrects: String?)>] = []
            var start = 0
            while start < order.count {
                let size = together ? Int.random(in: 1...8, using: &random) : 1
                batches.append(order[start..<min(start + size, order.count)])
                start += size
            }
            try await store.writing { [batches] transaction in
                for batch in batches {
                    var arrived: [ArrivedRecord] = []
                    for price in batch {
                        let fields: [String: SyncValue] = [
                            "village_code": "441422107201", "source": "信息站", "variety_code": .text(price.variety),
                            "market_id": "M01", "region_code": "441422", "observed_on": .text(price.day),
                            "min_fen": .integer(price.avg - 10), "avg_fen": .integer(price.avg), "max_fen": .integer(price.avg + 10),
                            "unit": "元/公斤", "corrects": price.corrects.map(SyncValue.text) ?? .null, "flags": .text(price.flags),
                            "recorded_at": "2026-11-20T09:00:00+08:00",
                        ]
                        try StoredRows.insert(into: "price_observation", fields.merging(["id": .text(price.id)]) { $1 }, transaction)
                        arrived.append(ArrivedRecord(id: price.id, fields: fields))
                    }
                    try PricesArrivals.observation.derive(fromAll: arrived, transaction)
                }
            }
            try await store.reading { transaction in
                let sums = try DaySumsOracle.read(transaction)
                #expect(sums.superseded == Set(Self.prices.compactMap(\.corrects)))
                #expect(sums.kept.count == 6)
                #expect(sums.kept == sums.counted)
            }
        }
    }

    /// Bulletins are laid out a statement at a time: a later bulletin's corrections of an earlier
    /// one's rows, and a bulletin published again, leave the sums counted from scratch.
    @Test(arguments: HubStore.allCases) func bulletinsAndTheirCorrectionsLeaveTheDaySumsCountedFromScratch(hub: HubStore) async throws {
        try await PriceWorld.with(hub) { world in
            try await world.publish([
                PriceWorld.entry(avg: 260), PriceWorld.entry(market: "M02", avg: 280),
                PriceWorld.entry(PriceWorld.cabbage, avg: 120), PriceWorld.entry(PriceWorld.cabbage, market: "M02", avg: 140),
            ])
            var correction = PriceWorld.entry(avg: 300)
            correction.corrects = "PB-2026-11-20-1-1"
            try await world.publish([correction, PriceWorld.entry(market: "M03", avg: 270)])
            let houNan = try world.station(PriceWorld.houNan, name: "hounan")
            try await world.sync(houNan)
            for replica in [world.county, houNan] {
                try await replica.store.reading { transaction in
                    let sums = try DaySumsOracle.read(transaction)
                    #expect(sums.superseded == ["PB-2026-11-20-1-1"])
                    #expect(sums.kept.count == 2)
                    #expect(sums.kept == sums.counted)
                }
            }
        }
    }
}
