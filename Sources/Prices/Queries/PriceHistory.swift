public import ChinaLocale
public import GRDB

/// The average prices known before a day, per variety and market: what ``SuspectPriceCheck``
/// judges a new price against. Loaded once for a whole import, then extended as prices are taken.
///
/// ```swift
/// let history = try PriceHistory.load(db, from: first.adding(days: -28), through: last)
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

    /// Every counting price from the day before `first` back to the start of the 28-day window,
    /// optionally for one variety and market only.
    public static func load(
        _ db: Database, from first: BeijingDay, through last: BeijingDay, variety: String? = nil, market: String? = nil
    ) throws -> PriceHistory {
        var history = PriceHistory()
        // Read through the by-variety index, one variety after another (CROSS JOIN keeps the
        // catalogue outside): each series then comes oldest first, as `add` expects.
        var sql = """
            SELECT p.variety_code, p.market_id, p.observed_on, p.avg_fen
            FROM price_variety v CROSS JOIN price_observation p
            WHERE p.variety_code = v.code AND p.superseded = 0 AND p.observed_on BETWEEN ? AND ?
            """
        var arguments: StatementArguments = [first.adding(days: -28).text, last.text]
        if let variety, let market {
            sql += " AND v.code = ? AND p.market_id = ?"
            arguments += [variety, market]
        }
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            guard let day = BeijingDay(row["observed_on"]) else { continue }
            history.add(Key(variety: row["variety_code"], market: row["market_id"]), day: day, avgFen: row["avg_fen"])
        }
        return history
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
