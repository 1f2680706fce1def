import ChinaLocale
import DemoData
import Prices
import PricesSQLite
import Testing
import WebAPI
import Foundation
import DomainCore

@Suite struct PriceRulesTests {
    let catalogue = CatalogueIndex(varieties: SamplePrices.varieties, markets: SamplePrices.markets)
    let today = BeijingDay("2026-11-20")!

    func field(_ change: (inout PriceEntry) -> Void) -> String? {
        var entry = PriceWorld.entry(avg: 260)
        change(&entry)
        do {
            _ = try PriceRules.check(entry, catalogue: catalogue, today: today)
            return nil
        } catch {
            return error.field
        }
    }

    @Test func everyRuleNamesItsField() {
        #expect(field { _ in } == nil)
        #expect(field { $0.varietyCode = "99999999" } == "variety_code")
        #expect(field { $0.marketID = "M99" } == "market_id")
        #expect(field { $0.observedOn = "2026-02-30" } == "observed_on")
        #expect(field { $0.observedOn = "20261120" } == "observed_on")
        #expect(field { $0.observedOn = "2026-11-22" } == "observed_on")  // two days ahead
        #expect(field { $0.unit = "元/箱" } == "unit")
        #expect(field { $0.minFen = 0 } == "min_fen")
        #expect(field { $0.avgFen = -5 } == "avg_fen")
        #expect(field { $0.maxFen = 0 } == "max_fen")
        #expect(field { $0.minFen = 300 } == "min_fen")  // min above avg
        #expect(field { $0.maxFen = 250 } == "max_fen")  // max below avg
        #expect(field { $0.maxFen = 20_000_000 } == "max_fen")  // above 100,000 元/公斤
        #expect(field { $0.volumeKg = -1 } == "volume_kg")
        #expect(field { $0.observedOn = "2026-11-21" } == nil)  // a day ahead: a clock near midnight
    }

    @Test func pricesAreKeptPerKilogramWhateverTheUnit() throws {
        let jin = try PriceRules.check(PriceWorld.entry(avg: 130, unit: "元/斤"), catalogue: catalogue, today: today)
        #expect((jin.minFen, jin.avgFen, jin.maxFen) == (234, 260, 286))
        let tonne = try PriceRules.check(PriceWorld.entry(avg: 2_605_000, unit: "元/吨"), catalogue: catalogue, today: today)
        #expect(tonne.avgFen == 2605)
        #expect(PriceUnit("元/千克") == .yuanPerKilogram)
        #expect(PriceUnit("元/kg") == .yuanPerKilogram)
        #expect(PriceUnit.perJin(261) == 131)
        #expect(jin.regionCode == "441422")
    }

    @Test func yuanTextBecomesFenExactly() {
        #expect(Fen.parse("3.25") == 325)
        #expect(Fen.parse("12") == 1200)
        #expect(Fen.parse("0.1") == 10)
        #expect(Fen.parse("¥1,234.50") == 123_450)
        #expect(Fen.parse("1.234") == nil)
        #expect(Fen.parse("abc") == nil)
        #expect(Fen.parse("") == nil)
        #expect(Fen.format(325) == "3.25")
        #expect(Fen.format(-50) == "-0.50")
    }

    @Test func aSlipAndAnOutlierAreFlaggedNotRefused() throws {
        func checked(_ avg: Int64, _ day: BeijingDay) throws -> CheckedPrice {
            try PriceRules.check(PriceWorld.entry(on: day, avg: avg), catalogue: catalogue, today: today)
        }
        var check = SuspectPriceCheck(history: PriceHistory())
        // 28 days of a steady price with a little noise
        for offset in stride(from: 28, through: 1, by: -1) {
            let flags = check.flags(for: try checked(260 + Int64(offset % 3), today.adding(days: -offset)))
            #expect(flags.isEmpty)
        }
        var slip = check
        #expect(slip.flags(for: try checked(130, today)) == [.unitSlip, .outlier])  // per 斤 entered as per 公斤
        var double = check
        #expect(double.flags(for: try checked(521, today)).contains(.unitSlip))
        var jump = check
        #expect(jump.flags(for: try checked(340, today)) == [.outlier])  // 1.3×: no slip, but far out
        var normal = check
        #expect(normal.flags(for: try checked(263, today)).isEmpty)

        var flat = SuspectPriceCheck(history: PriceHistory())
        for offset in stride(from: 10, through: 1, by: -1) { _ = flat.flags(for: try checked(500, today.adding(days: -offset))) }
        #expect(flat.flags(for: try checked(505, today)).isEmpty)  // 1% off a flat series is no outlier
        var young = SuspectPriceCheck(history: PriceHistory())
        for offset in 1...3 { _ = young.flags(for: try checked(500, today.adding(days: -offset))) }
        #expect(young.flags(for: try checked(800, today)).isEmpty)  // too few prices to judge
    }

    @Test func beijingDaysCountAndPrint() {
        let day = BeijingDay("2024-02-29")!
        #expect(day.adding(days: 1).text == "2024-03-01")
        #expect(day.adding(days: 366).text == "2025-03-01")
        #expect(BeijingDay("2025-02-29") == nil)
        #expect(BeijingTime.timestamp(.init(timeIntervalSince1970: 0)) == "1970-01-01T08:00:00+08:00")
        #expect(BeijingDay(.init(timeIntervalSince1970: 16 * 3600)).text == "1970-01-02")  // midnight in Beijing
    }

    @Test func pinyinFindsNamesBySoundAndInitials() {
        #expect(Pinyin.spelling(of: "玉米") == "yumi")
        #expect(Pinyin.initials(of: "耕地地力保护补贴") == "gddlbhbt")
        #expect(Pinyin.matches("gengdi", "耕地地力保护补贴"))
        #expect(Pinyin.matches("baohu", "耕地地力保护补贴"))
        #expect(Pinyin.matches("mi", "玉米"))
        #expect(!Pinyin.matches("umi", "玉米"))
    }
}
