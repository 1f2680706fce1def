public import ChinaLocale
import Foundation
public import Prices

/// The demo's price data: a catalogue of 47 varieties in NY/T 3177 categories, six markets around
/// 大埔县, and 400 days of prices with each variety's seasons, ending today.
///
/// Prices are invented but plausible (分 per 公斤); each is the same on every run for the same
/// day. One price is entered per 斤 by mistake, so the board shows a 待核实 price.
///
/// ```swift
/// let prices = SamplePrices.prices(endingOn: BeijingDay.today())   // about 113,000 entries
/// ```
public enum SamplePrices {
    public static let categories: [PriceCategory] = [
        ("01", "种植业产品"), ("0101", "谷物"), ("010101", "稻谷"), ("010102", "小麦"), ("010103", "玉米"),
        ("0102", "薯类"), ("0103", "油料"), ("0104", "蔬菜"), ("010401", "叶菜类"), ("010402", "根茎类"),
        ("010403", "瓜类"), ("010404", "茄果类"), ("010405", "豆类"), ("010406", "葱蒜类"), ("010407", "食用菌"),
        ("0105", "水果"), ("010501", "柑橘类"), ("010502", "仁果类"), ("010503", "热带水果"), ("0106", "茶叶"),
        ("02", "畜牧业产品"), ("0201", "畜肉"), ("0202", "禽肉"), ("0203", "禽蛋"),
        ("03", "渔业产品"), ("0301", "淡水鱼"),
    ].map { PriceCategory(code: $0.0, name: $0.1) }

    /// Name, category, typical average in 分 per 公斤, and how much it moves with the seasons.
    static let varietyData: [(String, String, Int64, Double)] = [
        ("早籼稻", "010101", 290, 0.04), ("晚籼稻", "010101", 310, 0.04), ("小麦", "010102", 265, 0.03),
        ("玉米", "010103", 255, 0.06), ("马铃薯", "0102", 320, 0.15), ("红薯", "0102", 300, 0.15),
        ("花生", "0103", 920, 0.06), ("油菜籽", "0103", 610, 0.05),
        ("大白菜", "010401", 200, 0.35), ("小白菜", "010401", 420, 0.3), ("菠菜", "010401", 700, 0.3),
        ("生菜", "010401", 600, 0.25), ("芥菜", "010401", 350, 0.3), ("油麦菜", "010401", 500, 0.25),
        ("芹菜", "010401", 520, 0.3), ("白萝卜", "010402", 180, 0.3), ("胡萝卜", "010402", 300, 0.2),
        ("莲藕", "010402", 700, 0.2), ("山药", "010402", 820, 0.15), ("生姜", "010402", 1000, 0.2),
        ("冬瓜", "010403", 200, 0.3), ("黄瓜", "010403", 500, 0.3), ("南瓜", "010403", 250, 0.25),
        ("苦瓜", "010403", 700, 0.3), ("丝瓜", "010403", 700, 0.3), ("番茄", "010404", 560, 0.3),
        ("茄子", "010404", 500, 0.3), ("青椒", "010404", 600, 0.3), ("辣椒", "010404", 800, 0.3),
        ("豇豆", "010405", 800, 0.3), ("四季豆", "010405", 820, 0.3), ("大葱", "010406", 500, 0.2),
        ("大蒜", "010406", 900, 0.15), ("韭菜", "010406", 600, 0.25), ("香菇", "010407", 1600, 0.1),
        ("平菇", "010407", 800, 0.15), ("蜜柚", "010501", 500, 0.2), ("沙糖橘", "010501", 700, 0.25),
        ("脐橙", "010501", 700, 0.2), ("苹果", "010502", 900, 0.1), ("香蕉", "010503", 500, 0.15),
        ("绿茶", "0106", 16000, 0.1), ("猪肉", "0201", 2600, 0.1), ("牛肉", "0201", 7600, 0.04),
        ("白条鸡", "0202", 2000, 0.06), ("鸡蛋", "0203", 1000, 0.08), ("草鱼", "0301", 1600, 0.06),
    ]

    public static let varieties: [Variety] = {
        var serials: [String: Int] = [:]
        return varietyData.map { name, category, _, _ in
            let serial = serials[category, default: 0] + 1
            serials[category] = serial
            return Variety(code: category + String(format: "%02d", serial), name: name, categoryCode: category)
        }
    }()

    public static let markets = [
        Market(id: "M01", name: "大埔县城农贸市场", regionCode: "441422", kind: .townMarket),
        Market(id: "M02", name: "梅州农产品批发市场", regionCode: "441402", kind: .wholesale),
        Market(id: "M03", name: "广州江南果菜批发市场", regionCode: "440111", kind: .wholesale),
        Market(id: "M04", name: "深圳布吉农产品中心批发市场", regionCode: "440307", kind: .wholesale),
        Market(id: "M05", name: "湖寮镇集贸市场", regionCode: "441422", kind: .townMarket),
        Market(id: "M06", name: "百侯镇农产品收购点", regionCode: "441422", kind: .collectionPoint),
    ]

    /// How a market's prices sit against the typical: collection points pay least, city wholesale most.
    static let marketFactors: [Double] = [1.05, 1.0, 1.12, 1.15, 1.02, 0.85]

    public static let catalogue = PriceCatalogue(categories: categories, varieties: varieties, markets: markets)

    /// Every variety at every market on each of the `days` days ending on `last`.
    public static func prices(endingOn last: BeijingDay, days: Int = 400) -> [PriceEntry] {
        var entries: [PriceEntry] = []
        entries.reserveCapacity(days * varieties.count * markets.count)
        for offset in stride(from: days - 1, through: 0, by: -1) {
            let day = last.adding(days: -offset)
            for (index, variety) in varieties.enumerated() {
                let (_, _, typical, swing) = varietyData[index]
                let season = sin(2 * Double.pi * Double(day.ordinal + index * 37) / 365.25)
                for (marketIndex, market) in markets.enumerated() {
                    let wobble = 1 + 0.06 * (unitNoise(day.ordinal, index, marketIndex) - 0.5)
                    let average = Int64((Double(typical) * (1 + swing * season) * marketFactors[marketIndex] * wobble).rounded())
                    var entry = PriceEntry(
                        varietyCode: variety.code, marketID: market.id, observedOn: day.text,
                        minFen: average * 9 / 10, avgFen: average, maxFen: average * 11 / 10, unit: "元/公斤")
                    if offset == 0, index == 9, marketIndex == 5 {  // 小白菜 at the collection point, entered per 斤
                        entry.minFen /= 2
                        entry.avgFen /= 2
                        entry.maxFen /= 2
                    }
                    entries.append(entry)
                }
            }
        }
        return entries
    }

    /// A number in [0, 1) fixed by its arguments (a SplitMix64 step), so every run has the same prices.
    static func unitNoise(_ values: Int...) -> Double {
        var state = values.reduce(UInt64(0x9E37_79B9_7F4A_7C15)) { ($0 ^ UInt64(bitPattern: Int64($1))) &* 0xBF58_476D_1CE4_E5B9 }
        state = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
        state = (state ^ (state >> 27)) &* 0x94D0_49BB_1331_11EB
        state ^= state >> 31
        return Double(state >> 11) / Double(1 << 53)
    }
}
