import SyncSQLite
import ChinaLocale
import Prices
import PricesSQLite
import StoreInterface
import Testing
import Storage
import Sync
import TestSupport

@Suite struct PriceQueryTests {
    let today = PriceWorld.today

    /// 玉米 at two markets for 400 days, rising 1 分 a day; 大白菜 at one market, falling.
    func withWorld(_ hub: HubStore, _ body: (PriceWorld) async throws -> Void) async throws {
        try await PriceWorld.with(hub) { world in try await body(try await filled(world)) }
    }

    func filled(_ world: PriceWorld) async throws -> PriceWorld {
        var entries: [PriceEntry] = []
        for offset in 0..<400 {
            let day = today.adding(days: -offset)
            entries.append(PriceWorld.entry(market: "M01", on: day, avg: 700 - Int64(offset)))
            entries.append(PriceWorld.entry(market: "M02", on: day, avg: 720 - Int64(offset)))
            entries.append(PriceWorld.entry(PriceWorld.cabbage, market: "M01", on: day, avg: 200 + Int64(offset) / 2))
        }
        try await world.publish(entries)
        return world
    }

    @Test(arguments: HubStore.allCases) func everyAnswerIsHandComputed(hub: HubStore) async throws {
        try await withWorld(hub) { world in
            let queries = world.queries(world.county)

            let board = try await queries.board()
            #expect(board.freshness.asOf == "2026-11-20" && board.freshness.ageDays == 0)
            #expect(board.comparedWith == "2026-11-13")
            let corn = try #require(board.rows.first { $0.varietyCode == PriceWorld.corn })
            #expect(corn.varietyName == "玉米")
            #expect(corn.markets == 2)
            #expect(corn.avgFen == 710)  // (700 + 720) / 2
            #expect(corn.avgFenPerJin == 355)
            #expect(corn.minFen == 630 && corn.maxFen == 792)
            #expect(corn.weekOnWeekPercent == 1.0)  // 703 → 710
            let cabbage = try #require(board.rows.first { $0.varietyCode == PriceWorld.cabbage })
            #expect(cabbage.weekOnWeekPercent == -1.5)  // 203 → 200

            let movers = try await queries.movers(limit: 3)
            #expect(movers.risers.map(\.varietyCode) == [PriceWorld.corn])
            #expect(movers.fallers.map(\.varietyCode) == [PriceWorld.cabbage])

            let week = try #require(try await queries.history(variety: PriceWorld.corn, days: 7))
            #expect(week.points.count == 7)
            #expect(week.points.first?.day == "2026-11-14")
            #expect(week.points.last?.avgFen == 710)
            #expect(week.weekOnWeekPercent == 1.0)
            #expect(week.yearOnYearPercent == 105.8)  // 345 a year before → 710
        }
    }

    @Test func aMarketIsNearAVillageByTheirRegionCodes() {
        #expect(MarketNearness(market: "441422", village: PriceWorld.houNan) == .ownCounty)  // 大埔县
        #expect(MarketNearness(market: "441402", village: PriceWorld.houNan) == .ownCity)  // 梅州 梅江区
        #expect(MarketNearness(market: "440111", village: PriceWorld.houNan) == .ownProvince)  // 广州 白云区
        #expect(MarketNearness(market: "350102", village: PriceWorld.houNan) == .farther)  // 福州
        #expect(MarketNearness(market: "4414", village: PriceWorld.houNan) == .ownCity)  // a city's own code
        #expect(MarketNearness.allCases.sorted() == [.ownCounty, .ownCity, .ownProvince, .farther])
    }

    @Test(arguments: HubStore.allCases) func historiesAndMarketsAndSearch(hub: HubStore) async throws {
        try await withWorld(hub) { world in
            let queries = world.queries(world.county)
            let year = try #require(try await queries.history(variety: PriceWorld.cabbage, days: 365))
            #expect(year.points.count == 365)
            #expect(year.yearOnYearPercent == -47.6)  // 200 + 365/2 = 382 a year before → 200
            let oneMarket = try #require(try await queries.history(variety: PriceWorld.corn, days: 30, market: "M02"))
            #expect(oneMarket.points.allSatisfy { $0.markets == 1 })
            #expect(oneMarket.points.last?.avgFen == 720)

            let across = try #require(try await queries.acrossMarkets(variety: PriceWorld.corn))
            #expect(across.markets.map(\.marketID) == ["M02", "M01"])
            #expect(across.markets.map(\.day) == ["2026-11-20", "2026-11-20"])
            #expect(across.freshness.ageDays == 0)
            #expect(across.markets.allSatisfy { $0.nearness == nil })  // the county's answer: dearest first
            // At 侯南村's station its own county's market comes first, though cheaper, then its city's.
            let near = try #require(try await queries.acrossMarkets(variety: PriceWorld.corn, near: PriceWorld.houNan))
            #expect(near.markets.map(\.marketID) == ["M01", "M02"])
            #expect(near.markets.map(\.nearness) == [.ownCounty, .ownCity])
            // The home screen's prices: the county's own markets only (M01, not 梅州's M02), on the board's day.
            let local = try await queries.localPrices(near: PriceWorld.houNan, limit: 5)
            let corn = try #require(local.rows.first { $0.varietyCode == PriceWorld.corn })
            #expect(corn.markets == 1 && corn.avgFen == across.markets.first { $0.marketID == "M01" }?.avgFen)
            #expect(local.freshness == across.freshness)
            #expect(try await queries.localPrices(near: "350102001001", limit: 5).rows.isEmpty)  // no market in 福州

            for query in ["玉", "玉米", "yumi", "ym", "YM"] {
                #expect(try await queries.varieties(matching: query).first?.name == "玉米", "query \(query)")
            }
            #expect(try await queries.varieties(matching: "白菜").map(\.name) == ["大白菜", "小白菜"])
            #expect(try await queries.varieties(matching: "榴莲").isEmpty)
            #expect(try await queries.history(variety: "99999999", days: 7) == nil)
        }
    }

    @Test(arguments: HubStore.allCases) func suspectPricesShowGreyedAndStayOutOfAverages(hub: HubStore) async throws {
        try await withWorld(hub) { world in
            // 玉米 at M03 for 10 days near 3.00, then 1.50 entered (per 斤 by mistake)
            try await world.publish((1...10).map { PriceWorld.entry(market: "M03", on: today.adding(days: -$0), avg: 300) })
            try await world.publish([PriceWorld.entry(market: "M03", on: today, avg: 150)])
            let board = try await world.queries(world.county).board()
            let corn = try #require(board.rows.first { $0.varietyCode == PriceWorld.corn })
            #expect(corn.markets == 3)
            #expect(corn.suspect == 1)
            #expect(corn.avgFen == 710)  // the suspect 150 is left out
            let slipped = try await world.county.store.reading { transaction in
                try transaction.prices.publishedPrice(on: today, variety: PriceWorld.corn, market: "M03", spec: "")
            }
            #expect(slipped?.flags == "unit_slip,outlier")
        }
    }

    @Test(arguments: HubStore.allCases) func withNoPricesTheAnswersSaySo(hub: HubStore) async throws {
        try await PriceWorld.with(hub) { world in
            let board = try await world.queries(world.county).board()
            #expect(board.rows.isEmpty)
            #expect(board.freshness.asOf == nil && board.freshness.ageDays == nil)
        }
    }
}
