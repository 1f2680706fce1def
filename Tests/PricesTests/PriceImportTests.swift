import SyncSQLite
import ChinaLocale
import Foundation
import Prices
import PricesSQLite
import Testing
import Storage
import StoreInterface
import Sync
import TestSupport

@Suite struct PriceImportTests {
    static let header = "日期,品种,市场,最低价,平均价,最高价,单位,规格,产地,交易量\n"

    @Test(arguments: HubStore.allCases) func aGoodSheetBecomesOneSignedBulletinPerDay(hub: HubStore) async throws {
        try await PriceWorld.with(hub) { world in
            let csv = Self.header + """
                2026-11-19,玉米,大埔县城农贸市场,2.40,2.60,2.80,元/公斤,一等,大埔,1200
                2026/11/20,01010301,M02,2.30,2.50,2.70,元/公斤,,,
                2026年11月20日,大白菜,梅州农产品批发市场,0.80,1.00,1.20,元/斤,,,"1,500"

                """
            let logged = try await world.county.loggedCount()
            let report = try await world.publisher.importSheet(Data(csv.utf8), source: "县农业农村局")
            #expect(report.taken == 3)
            #expect(report.refused.isEmpty)
            #expect(report.bulletins == ["PB-2026-11-19-1", "PB-2026-11-20-1"])
            #expect(report.encoding == "UTF-8")
            let cabbage = try await world.county.store.reading { transaction in try transaction.prices.price(id: "PB-2026-11-20-1-2") }
            #expect(cabbage?.varietyCode == PriceWorld.cabbage)
            #expect(cabbage?.avgFen == 200)  // 1.00 元/斤 is 2.00 元/公斤
            #expect(cabbage?.volumeKg == 1500)
            // one signed change per bulletin, not one per row
            #expect(try await world.county.loggedCount() == logged + 2)
        }
    }

    @Test(arguments: HubStore.allCases) func aGBKSheetAsExcelSavesItIsRead(hub: HubStore) async throws {
        try await PriceWorld.with(hub) { world in
            let csv = Self.header + "2026-11-20,玉米,湖寮镇集贸市场,2.40,2.60,2.80,元/公斤,一等,大埔县,800\r\n"
            let report = try await world.publisher.importSheet(try ChineseTextDecoder.gb18030(csv), source: "县农业农村局")
            #expect(report.encoding == "GB18030")
            #expect(report.taken == 1)
            let price = try await world.county.store.reading { transaction in try transaction.prices.price(id: "PB-2026-11-20-1-1") }
            #expect(price?.origin == "大埔县")
        }
    }

    @Test(arguments: HubStore.allCases) func refusedRowsAreReportedWithLineAndReasonAndTheRestPublished(hub: HubStore) async throws {
        try await PriceWorld.with(hub) { world in
            let csv = Self.header + """
                2026-11-20,玉米,M01,2.40,2.60,2.80,元/公斤,,,
                2026-11-20,玉米,M01,2.40,2.60,2.80,元/公斤,,,
                2026-13-01,玉米,M01,2.40,2.60,2.80,元/公斤,,,
                2026-11-20,榴莲,M01,2.40,2.60,2.80,元/公斤,,,
                2026-11-20,玉米,M01,2.90,2.60,2.80,元/公斤,一等,,
                2026-11-20,玉米,M01,2.40,2.60,2.80,元/箱,二等,,
                2026-11-20,玉米,M01,2.4.0,2.60,2.80,元/公斤,三等,,
                """
            let report = try await world.publisher.importSheet(Data(csv.utf8), source: "县农业农村局")
            #expect(report.taken == 1)
            #expect(report.refused.map(\.line) == [3, 4, 5, 6, 7, 8])
            #expect(report.refused.map(\.column) == [nil, "日期", "品种", "最低价", "单位", "最低价"])
            #expect(report.refused[0].reason.contains("第 2 行"))
        }
    }

    @Test(arguments: HubStore.allCases) func aBrokenFileImportsNothing(hub: HubStore) async throws {
        try await PriceWorld.with(hub) { world in
            let logged = try await world.county.loggedCount()
            for data in [
                Data("品种,市场,价格\n玉米,M01,2.60\n".utf8),  // lacks columns
                Data((Self.header + "2026-11-20,\"玉米,M01,2.40,2.60,2.80,元/公斤\n").utf8),  // a quote never closed
                Data([0xFF, 0xFE, 0x00, 0xD8, 0x81, 0x30, 0xFF]),  // neither UTF-8 nor GBK
                Data(),
            ] {
                await #expect(throws: SpreadsheetCSV.Failure.self) {
                    try await world.publisher.importSheet(data, source: "县农业农村局")
                }
            }
            // Nothing written: a bulletin and its rows are written only with its change in the log.
            #expect(try await world.county.loggedCount() == logged)
        }
    }

    @Test(arguments: HubStore.allCases) func importingAgainSkipsWhatIsPublishedAndCorrectsWhatChanged(hub: HubStore) async throws {
        try await PriceWorld.with(hub) { world in
            let first = Self.header + "2026-11-20,玉米,M01,2.40,2.60,2.80,元/公斤,,,\n2026-11-20,大白菜,M01,1.80,2.00,2.20,元/公斤,,,\n"
            _ = try await world.publisher.importSheet(Data(first.utf8), source: "县农业农村局")
            let second = Self.header + "2026-11-20,玉米,M01,2.40,2.60,2.80,元/公斤,,,\n2026-11-20,大白菜,M01,1.80,2.10,2.20,元/公斤,,,\n"
            let report = try await world.publisher.importSheet(Data(second.utf8), source: "县农业农村局")
            #expect(report.alreadyPublished == 1)
            #expect(report.corrections == 1)
            #expect(report.bulletins == ["PB-2026-11-20-2"])
            let (counting, inForce) = try await world.county.store.reading { transaction in
                (try transaction.prices.history(from: PriceWorld.today, through: PriceWorld.today, variety: PriceWorld.cabbage, market: "M01"),
                 try transaction.prices.publishedPrice(on: PriceWorld.today, variety: PriceWorld.cabbage, market: "M01", spec: ""))
            }
            #expect(counting.averages(variety: PriceWorld.cabbage, market: "M01") == [210])
            #expect(inForce?.avgFen == 210)
            #expect(inForce?.corrects == "PB-2026-11-20-1-2")
        }
    }
}
