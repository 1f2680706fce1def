public import ChinaLocale
import GRDB
import Storage

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
    }

    /// The board for the newest day on or before `day` (today by default).
    public func board(on day: BeijingDay? = nil) async throws -> Board {
        let day = day ?? today()
        return try store.readOnCallingTask { db in
            guard let latest = try latestDay(onOrBefore: day, db), let latestDay = BeijingDay(latest) else {
                return Board(freshness: freshness(nil), comparedWith: nil, rows: [])
            }
            let earlier = try self.latestDay(onOrBefore: latestDay.adding(days: -7), db)
                .flatMap { $0 >= latestDay.adding(days: -14).text ? $0 : nil }
            // Columns by position, in the order of `Statements.board`, read off a cursor without copying rows.
            var rows: [BoardRow] = []
            let cursor = try Row.fetchCursor(db.cachedStatement(sql: Statements.board), arguments: [latest, earlier])
            while let row = try cursor.next() {
                let code: String = row[0]
                let average: Int64 = row[6]
                rows.append(
                    BoardRow(
                        varietyCode: code, varietyName: row[1] ?? code, categoryCode: row[2] ?? "", markets: row[3],
                        suspect: row[4], minFen: row[5], avgFen: average, maxFen: row[7], avgFenPerJin: PriceUnit.perJin(average),
                        unit: PriceUnit.yuanPerKilogram.rawValue, weekOnWeekPercent: Self.change(from: row[8], to: average)))
            }
            return Board(freshness: freshness(latest), comparedWith: earlier, rows: rows)
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
