public import ChinaLocale
import Sync
import StoreInterface

extension PriceQueries {
    /// Today's board (今日行情): each variety's prices across the county's markets on the newest day,
    /// with the change from a week before (环比).
    public struct Board: Codable, Sendable, Equatable {
        public let freshness: Freshness
        /// The day the week-on-week change compares with, if prices exist then.
        public let comparedWith: String?
        public let rows: [BoardRow]
    }

    /// One variety on the board, prices in 分 per 公斤 with the 斤 price beside.
    public struct BoardRow: Codable, Sendable, Equatable {
        public let varietyCode: String
        public let varietyName: String
        public let categoryCode: String
        /// How many prices the row sums up, and how many of them are suspect.
        public let markets: Int
        public let suspect: Int
        public let minFen: Int64
        public let avgFen: Int64
        public let maxFen: Int64
        public let avgFenPerJin: Int64
        public let unit: String
        /// Week-on-week change of the average, in percent.
        public let weekOnWeekPercent: Double?

        /// A row of the board from a variety's day sums: its average per 斤 and its change from
        /// the average a week before follow.
        public init(
            varietyCode: String, varietyName: String, categoryCode: String, markets: Int, suspect: Int, minFen: Int64,
            avgFen: Int64, maxFen: Int64, weekBeforeAvgFen: Int64?
        ) {
            (self.varietyCode, self.varietyName, self.categoryCode) = (varietyCode, varietyName, categoryCode)
            (self.markets, self.suspect, self.minFen, self.avgFen, self.maxFen) = (markets, suspect, minFen, avgFen, maxFen)
            avgFenPerJin = PriceUnit.perJin(avgFen)
            unit = PriceUnit.yuanPerKilogram.rawValue
            weekOnWeekPercent = PriceQueries.change(from: weekBeforeAvgFen, to: avgFen)
        }
    }

    /// The board for the newest day on or before `day` (today by default).
    public func board(on day: BeijingDay? = nil) async throws -> Board {
        let day = day ?? today()
        return try store.readingNow { transaction in
            let prices = try transaction.prices
            guard let latest = try prices.latestDay(onOrBefore: day, variety: nil), let latestDay = BeijingDay(latest) else {
                return Board(freshness: freshness(nil), comparedWith: nil, rows: [])
            }
            let earlier = try prices.latestDay(onOrBefore: latestDay.adding(days: -7), variety: nil)
                .flatMap { $0 >= latestDay.adding(days: -14).text ? $0 : nil }
            return Board(freshness: freshness(latest), comparedWith: earlier, rows: try prices.board(of: latest, comparedWith: earlier))
        }
    }

    /// Today's prices at the markets of a station's own county (本县市场), for its home screen: the
    /// board's varieties in its order that have a trusted price there on the board's day.
    public struct LocalPrices: Codable, Sendable, Equatable {
        public let freshness: Freshness
        public let rows: [LocalPrice]
    }

    public struct LocalPrice: Codable, Sendable, Equatable {
        public let varietyCode: String
        public let varietyName: String
        /// Averaged over the county's markets that have it, in 分 per 公斤; how many they are.
        public let avgFen: Int64
        public let markets: Int
    }

    /// The first `limit` varieties of the board with a trusted price at the markets of the village's
    /// county on the board's day.
    public func localPrices(near village: String, limit: Int = 3, on day: BeijingDay? = nil) async throws -> LocalPrices {
        let board = try await board(on: day)
        let region = String(village.prefix(6))
        guard let day = board.freshness.asOf else { return LocalPrices(freshness: board.freshness, rows: []) }
        return try store.readingNow { transaction in
            let prices = try transaction.prices
            var rows: [LocalPrice] = []
            for row in board.rows where rows.count < limit {
                guard let local = try prices.averageAtMarkets(inRegion: region, variety: row.varietyCode, on: day)
                else { continue }
                rows.append(LocalPrice(varietyCode: row.varietyCode, varietyName: row.varietyName, avgFen: local.avgFen, markets: local.markets))
            }
            return LocalPrices(freshness: board.freshness, rows: rows)
        }
    }

    /// Biggest risers and fallers (涨跌幅) on the board, week on week.
    public struct Movers: Codable, Sendable, Equatable {
        public let freshness: Freshness
        public let comparedWith: String?
        public let risers: [BoardRow]
        public let fallers: [BoardRow]
    }

    public func movers(limit: Int = 5, on day: BeijingDay? = nil) async throws -> Movers {
        let board = try await board(on: day)
        let moved = board.rows.filter { $0.weekOnWeekPercent != nil && $0.suspect < $0.markets }
        return Movers(
            freshness: board.freshness, comparedWith: board.comparedWith,
            risers: Array(moved.filter { $0.weekOnWeekPercent! > 0 }.sorted { $0.weekOnWeekPercent! > $1.weekOnWeekPercent! }.prefix(limit)),
            fallers: Array(moved.filter { $0.weekOnWeekPercent! < 0 }.sorted { $0.weekOnWeekPercent! < $1.weekOnWeekPercent! }.prefix(limit)))
    }
}
