public import ChinaLocale

/// The average prices known before a day, per variety and market: what ``SuspectPriceCheck``
/// judges a new price against. Loaded once for a whole import, then extended as prices are taken.
///
/// ```swift
/// let history = try transaction.prices.history(from: first, through: last, variety: nil, market: nil)
/// ```
public struct PriceHistory: Sendable {
    struct Key: Hashable, Sendable {
        let variety: String
        let market: String
    }

    struct Point: Sendable {
        let day: BeijingDay
        let avgFen: Int64
    }

    private var series: [Key: [Point]] = [:]

    public init() {}

    /// Adds a counting price of a variety at a market; the prices of a series may come in any order.
    public mutating func add(variety: String, market: String, day: BeijingDay, avgFen: Int64) {
        add(Key(variety: variety, market: market), day: day, avgFen: avgFen)
    }

    /// The averages of a variety's counting prices at a market, oldest first.
    public func averages(variety: String, market: String) -> [Int64] {
        (series[Key(variety: variety, market: market)] ?? []).map(\.avgFen)
    }

    /// The series' prices strictly before a day, oldest first.
    func prices(_ key: Key, before day: BeijingDay) -> ArraySlice<Point> {
        guard let points = series[key] else { return [] }
        let end = points.firstIndex { $0.day >= day } ?? points.endIndex
        return points[..<end]
    }

    mutating func add(_ key: Key, day: BeijingDay, avgFen: Int64) {
        var points = series[key, default: []]
        let index = points.lastIndex { $0.day <= day }.map { $0 + 1 } ?? 0
        points.insert(Point(day: day, avgFen: avgFen), at: index)
        series[key] = points
    }
}
