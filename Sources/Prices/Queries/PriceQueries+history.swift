import ChinaLocale
import Sync
public import StoreInterface

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
    public struct Point: Codable, Sendable, Equatable {
        public let day: String
        public let minFen: Int64
        public let avgFen: Int64
        public let maxFen: Int64
        public let markets: Int

        public init(day: String, minFen: Int64, avgFen: Int64, maxFen: Int64, markets: Int) {
            (self.day, self.minFen, self.avgFen, self.maxFen, self.markets) = (day, minFen, avgFen, maxFen, markets)
        }
    }

    /// The periods the screen offers.
    public static let historyPeriods = [7, 30, 365]

    public func history(variety: String, days: Int, market: String? = nil) async throws -> History? {
        try store.readingNow { transaction in
            let prices = try transaction.prices
            guard let name = try prices.varietyName(variety) else { return nil }
            guard let latest = try prices.latestDay(onOrBefore: today(), variety: variety), let end = BeijingDay(latest) else {
                return History(
                    varietyCode: variety, varietyName: name, marketID: market, days: days, freshness: freshness(nil),
                    points: [], weekOnWeekPercent: nil, yearOnYearPercent: nil)
            }
            let points = try prices.series(variety, market: market, from: end.adding(days: 1 - days), through: end)
            let now = points.last?.avgFen
            let weekAgo = try Self.average(variety, market: market, near: end.adding(days: -7), prices)
            let yearAgo = try Self.average(variety, market: market, near: end.adding(days: -365), prices)
            return History(
                varietyCode: variety, varietyName: name, marketID: market, days: days, freshness: freshness(latest),
                points: points, weekOnWeekPercent: Self.change(from: weekAgo, to: now),
                yearOnYearPercent: Self.change(from: yearAgo, to: now))
        }
    }

    /// The average on the newest day within a week before a day: the point a change compares with.
    static func average(_ variety: String, market: String?, near day: BeijingDay, _ prices: any PriceTransaction) throws -> Int64? {
        try prices.series(variety, market: market, from: day.adding(days: -6), through: day).last?.avgFen
    }

    /// A variety at each market (各市场价格): the newest price of the last 30 days at every market.
    public struct AcrossMarkets: Codable, Sendable, Equatable {
        public let varietyCode: String
        public let varietyName: String
        public let freshness: Freshness
        public let markets: [MarketPrice]
    }

    public struct MarketPrice: Codable, Sendable, Equatable {
        public let marketID: String
        public let marketName: String
        public let regionCode: String
        public let day: String
        public let minFen: Int64
        public let avgFen: Int64
        public let maxFen: Int64
        public let flags: String
        /// How near the market is to the station's village; `nil` at the county.
        public internal(set) var nearness: MarketNearness?

        /// Read by column name, from whichever store holds it.
        public init(row: some StoredRow) {
            marketID = row.text("market_id")
            marketName = row.text("market_name")
            regionCode = row.text("region_code")
            day = row.text("day")
            minFen = row.integer("min_fen")
            avgFen = row.integer("avg_fen")
            maxFen = row.integer("max_fen")
            flags = row.text("flags")
        }

        enum CodingKeys: String, CodingKey {
            case marketName, regionCode, day, minFen, avgFen, maxFen, flags, nearness
            case marketID = "marketId"
        }
    }

    ///
    /// - Parameter village: at a station, its village: the markets of its own county come first,
    ///   then its city's and its province's, each group dearest first, each market with its nearness.
    public func acrossMarkets(variety: String, near village: String? = nil) async throws -> AcrossMarkets? {
        let (first, last) = (today().adding(days: -30), today())
        return try store.readingNow { transaction in
            let prices = try transaction.prices
            guard let name = try prices.varietyName(variety) else { return nil }
            var markets = try prices.newestAtEachMarket(variety: variety, from: first, through: last)
            if let village {
                for index in markets.indices { markets[index].nearness = MarketNearness(market: markets[index].regionCode, village: village) }
                // A stable sort: within a nearness, dearest first as the store answered.
                markets = markets.enumerated().sorted { left, right in
                    let (near, far) = (left.element.nearness ?? .farther, right.element.nearness ?? .farther)
                    return near != far ? near < far : left.offset < right.offset
                }.map(\.element)
            }
            return AcrossMarkets(
                varietyCode: variety, varietyName: name, freshness: freshness(markets.map(\.day).max()), markets: markets)
        }
    }
}
