import ChinaLocale
public import GRDB
import Storage

extension PriceQueries {
    /// A variety's prices over the last 7, 30 or 365 days (价格走势), day by day, with its change
    /// week on week (环比) and year on year (同比).
    public struct History: Codable, Sendable, Equatable {
        public let varietyCode: String
        public let varietyName: String
        /// One market's prices, or every market's averaged when `nil`.
        public let marketID: String?
        public let days: Int
        public let freshness: Freshness
        public let points: [Point]
        public let weekOnWeekPercent: Double?
        public let yearOnYearPercent: Double?

        enum CodingKeys: String, CodingKey {
            case varietyCode, varietyName, days, freshness, points, weekOnWeekPercent, yearOnYearPercent
            case marketID = "marketId"
        }
    }

    /// One day of a history, in 分 per 公斤.
    public struct Point: Codable, Sendable, Equatable, FetchableRecord {
        public let day: String
        public let minFen: Int64
        public let avgFen: Int64
        public let maxFen: Int64
        public let markets: Int

        /// Read by column position, in the order of ``Statements/series``: this runs for every day of a year.
        public init(row: Row) {
            day = row[0]
            minFen = row[1]
            avgFen = row[2]
            maxFen = row[3]
            markets = row[4]
        }
    }

    /// The periods the screen offers.
    public static let historyPeriods = [7, 30, 365]

    public func history(variety: String, days: Int, market: String? = nil) async throws -> History? {
        try store.readOnCallingTask { db in
            guard let name = try String.fetchOne(db.cachedStatement(sql: Statements.varietyName), arguments: [variety])
            else { return nil }
            guard let latest = try latestDay(onOrBefore: today(), variety: variety, db), let end = BeijingDay(latest) else {
                return History(
                    varietyCode: variety, varietyName: name, marketID: market, days: days, freshness: freshness(nil),
                    points: [], weekOnWeekPercent: nil, yearOnYearPercent: nil)
            }
            let points = try series(variety, market: market, from: end.adding(days: 1 - days), through: end, db)
            let now = points.last?.avgFen
            let weekAgo = try average(variety, market: market, near: end.adding(days: -7), db)
            let yearAgo = try average(variety, market: market, near: end.adding(days: -365), db)
            return History(
                varietyCode: variety, varietyName: name, marketID: market, days: days, freshness: freshness(latest),
                points: points, weekOnWeekPercent: Self.change(from: weekAgo, to: now),
                yearOnYearPercent: Self.change(from: yearAgo, to: now))
        }
    }

    func series(_ variety: String, market: String?, from first: BeijingDay, through last: BeijingDay, _ db: Database) throws
        -> [Point]
    {
        if let market {
            return try Point.fetchAll(
                db.cachedStatement(sql: Statements.marketSeries), arguments: [variety, first.text, last.text, market])
        }
        return try Point.fetchAll(db.cachedStatement(sql: Statements.series), arguments: [variety, first.text, last.text])
    }

    /// The average on the newest day within a week before a day: the point a change compares with.
    func average(_ variety: String, market: String?, near day: BeijingDay, _ db: Database) throws -> Int64? {
        try series(variety, market: market, from: day.adding(days: -6), through: day, db).last?.avgFen
    }

    /// A variety at each market (各市场价格): the newest price of the last 30 days at every market.
    public struct AcrossMarkets: Codable, Sendable, Equatable {
        public let varietyCode: String
        public let varietyName: String
        public let freshness: Freshness
        public let markets: [MarketPrice]
    }

    public struct MarketPrice: Codable, Sendable, Equatable, FetchableRecord {
        public let marketID: String
        public let marketName: String
        public let regionCode: String
        public let day: String
        public let minFen: Int64
        public let avgFen: Int64
        public let maxFen: Int64
        public let flags: String
        public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase

        enum CodingKeys: String, CodingKey {
            case marketName, regionCode, day, minFen, avgFen, maxFen, flags
            case marketID = "marketId"
        }
    }

    public func acrossMarkets(variety: String) async throws -> AcrossMarkets? {
        try store.readOnCallingTask { db in
            guard let name = try String.fetchOne(db, sql: "SELECT name FROM price_variety WHERE code = ?", arguments: [variety])
            else { return nil }
            // SQLite takes the other columns from the row holding MAX(observed_on): each market's newest.
            let prices = try MarketPrice.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT p.market_id, IFNULL(m.name, p.market_id) AS market_name, IFNULL(m.region_code, '') AS region_code,
                            p.day, p.min_fen, p.avg_fen, p.max_fen, p.flags
                        FROM (
                            SELECT market_id, MAX(observed_on) AS day, min_fen, avg_fen, max_fen, flags
                            FROM price_observation
                            WHERE variety_code = ? AND observed_on BETWEEN ? AND ? AND superseded = 0
                            GROUP BY market_id
                        ) AS p LEFT JOIN price_market m ON m.id = p.market_id
                        ORDER BY p.avg_fen DESC
                        """),
                arguments: [variety, today().adding(days: -30).text, today().text])
            return AcrossMarkets(
                varietyCode: variety, varietyName: name, freshness: freshness(prices.map(\.day).max()), markets: prices)
        }
    }
}
