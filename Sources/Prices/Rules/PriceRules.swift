public import ChinaLocale
public import DomainCore

/// The rules a price follows before it is kept; each failure names the field and the rule.
///
/// `0 < min ≤ avg ≤ max`, a known unit, a variety and a market in the catalogue, a real date not
/// in the future. Passing prices are converted to 分 per 公斤.
///
/// ```swift
/// let checked = try PriceRules.check(entry, catalogue: catalogue, today: BeijingDay.today())
/// ```
public enum PriceRules {
    /// The most a price may be, per 公斤: 100,000 元, far above any farm produce, far below overflow.
    static let ceilingFen: Int64 = 10_000_000

    /// What is wrong with a price's amounts in a unit, if anything: at the API for an entry, and in
    /// the rule book for a price that arrives (``PricesRuleBook``).
    static func amountProblem(min: Int64, avg: Int64, max: Int64, volumeKg: Int64?, unit: PriceUnit) -> DomainError? {
        for (field, value) in [("min_fen", min), ("avg_fen", avg), ("max_fen", max)] {
            guard value > 0 else {
                return .invalidField(field, message: "价格必须大于 0", messageEN: "\(field) must be above 0")
            }
            guard unit.perKilogram(value) <= ceilingFen else {
                return .invalidField(
                    field, message: "价格过高（每公斤超过 10 万元）", messageEN: "\(field) is above 100,000 元 per 公斤")
            }
        }
        guard min <= avg else {
            return .invalidField("min_fen", message: "最低价不能高于平均价", messageEN: "min_fen must not be above avg_fen")
        }
        guard avg <= max else {
            return .invalidField("max_fen", message: "最高价不能低于平均价", messageEN: "max_fen must not be below avg_fen")
        }
        if let volumeKg, volumeKg < 0 {
            return .invalidField("volume_kg", message: "交易量不能为负数", messageEN: "volume_kg must not be negative")
        }
        return nil
    }

    public static func check(_ entry: PriceEntry, catalogue: CatalogueIndex, today: BeijingDay) throws(DomainError)
        -> CheckedPrice
    {
        guard catalogue.variety(entry.varietyCode) != nil else {
            throw .invalidField(
                "variety_code", message: "品种 \(entry.varietyCode) 不在品种目录中",
                messageEN: "variety \(entry.varietyCode) is not in the catalogue")
        }
        guard let market = catalogue.market(entry.marketID) else {
            throw .invalidField(
                "market_id", message: "市场 \(entry.marketID) 不在市场目录中",
                messageEN: "market \(entry.marketID) is not in the catalogue")
        }
        guard let day = BeijingDay(entry.observedOn) else {
            throw .invalidField(
                "observed_on", message: "日期必须是 YYYY-MM-DD 格式的真实日期",
                messageEN: "observed_on must be a real date as YYYY-MM-DD")
        }
        guard day <= today.adding(days: 1) else {
            throw .invalidField(
                "observed_on", message: "日期不能晚于今天", messageEN: "observed_on must not be in the future")
        }
        guard let unit = PriceUnit(entry.unit) else {
            throw .invalidField(
                "unit", message: "不认识的单位“\(entry.unit)”，可用：\(PriceUnit.known)",
                messageEN: "unknown unit \"\(entry.unit)\"; known units: 元/公斤, 元/斤, 元/吨")
        }
        if let problem = amountProblem(min: entry.minFen, avg: entry.avgFen, max: entry.maxFen, volumeKg: entry.volumeKg, unit: unit) {
            throw problem
        }
        return CheckedPrice(
            entry: entry, day: day, unit: unit, minFen: unit.perKilogram(entry.minFen),
            avgFen: unit.perKilogram(entry.avgFen), maxFen: unit.perKilogram(entry.maxFen), regionCode: market.regionCode)
    }
}
