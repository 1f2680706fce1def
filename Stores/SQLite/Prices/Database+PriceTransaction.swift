import StoreInterface
public import ChinaLocale
public import GRDB
public import Prices
public import Sync
public import Storage

/// A SQLite transaction as the prices module reads and writes in it (the tables of
/// ``PricesSchema``; the board's and histories' statements are ``PriceStatements``, derivations
/// ``PriceArrivalSQL``).
extension Database: PriceTransaction {
    public func catalogue() throws -> CatalogueIndex {
        let varieties = try Row.fetchAll(self, sql: "SELECT * FROM price_variety ORDER BY code").map(Variety.init(row:))
        let markets = try Row.fetchAll(self, sql: "SELECT * FROM price_market ORDER BY id").map(Market.init(row:))
        return CatalogueIndex(varieties: varieties, markets: markets)
    }

    public func varietyMatches() throws -> [PriceQueries.VarietyMatch] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT v.code, v.name, v.category_code, IFNULL(c.name, '') AS category_name, v.pinyin, v.initials
                FROM price_variety v LEFT JOIN price_category c ON c.code = v.category_code ORDER BY v.code
                """
        ).map { row in
            PriceQueries.VarietyMatch(
                code: row["code"], name: row["name"], categoryCode: row["category_code"], categoryName: row["category_name"],
                pinyin: row["pinyin"], initials: row["initials"])
        }
    }

    public func categories() throws -> [PriceCategory] {
        try Row.fetchAll(self, sql: "SELECT * FROM price_category ORDER BY code").map(PriceCategory.init(row:))
    }

    public func varietyName(_ code: String) throws -> String? {
        try String.fetchOne(cachedStatement(sql: PriceStatements.varietyName), arguments: [code])
    }

    public func price(id: String) throws -> PriceObservation? {
        try Row.fetchOne(self, sql: "SELECT * FROM price_observation WHERE id = ?", arguments: [id]).map(PriceObservation.init(row:))
    }

    public func villageOfPrice(_ id: String) throws -> String? {
        try String.fetchOne(cachedStatement(sql: "SELECT village_code FROM price_observation WHERE id = ?"), arguments: [id])
    }

    public func publishedPrice(on day: BeijingDay, variety: String, market: String, spec: String) throws -> PriceObservation? {
        try Row.fetchOne(
            self,
            sql: """
                SELECT * FROM price_observation
                WHERE observed_on = ? AND variety_code = ? AND market_id = ? AND spec = ? AND village_code = '' AND superseded = 0
                """,
            arguments: [day.text, variety, market, spec]
        ).map(PriceObservation.init(row:))
    }

    public func recentlyRecorded(within division: String, limit: Int) throws -> [PriceObservation] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT * FROM price_observation WHERE village_code <> '' AND substr(village_code, 1, length(?1)) = ?1
                ORDER BY recorded_at DESC, id LIMIT ?2
                """,
            arguments: [division, limit]
        ).map(PriceObservation.init(row:))
    }

    public func bulletinCount(on day: BeijingDay?) throws -> Int {
        try Int.fetchOne(self, sql: "SELECT COUNT(*) FROM price_bulletin WHERE ?1 IS NULL OR observed_on = ?1", arguments: [day?.text]) ?? 0
    }

    public func history(from first: BeijingDay, through last: BeijingDay, variety: String?, market: String?) throws -> PriceHistory {
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
        let rows = try Row.fetchCursor(self, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            guard let day = BeijingDay(row["observed_on"]) else { continue }
            history.add(variety: row["variety_code"], market: row["market_id"], day: day, avgFen: row["avg_fen"])
        }
        return history
    }

    public func latestDay(onOrBefore day: BeijingDay, variety: String?) throws -> String? {
        if let variety {
            return try String.fetchOne(cachedStatement(sql: PriceStatements.latestDayOfVariety), arguments: [variety, day.text])
        }
        return try String.fetchOne(cachedStatement(sql: PriceStatements.latestDay), arguments: [day.text])
    }

    public func board(of day: String, comparedWith: String?) throws -> [PriceQueries.BoardRow] {
        // Columns by position, in the order of `PriceStatements.board`, read off a cursor without copying rows.
        var rows: [PriceQueries.BoardRow] = []
        let cursor = try Row.fetchCursor(cachedStatement(sql: PriceStatements.board), arguments: [day, comparedWith])
        while let row = try cursor.next() {
            let code: String = row[0]
            rows.append(
                PriceQueries.BoardRow(
                    varietyCode: code, varietyName: row[1] ?? code, categoryCode: row[2] ?? "", markets: row[3], suspect: row[4],
                    minFen: row[5], avgFen: row[6], maxFen: row[7], weekBeforeAvgFen: row[8]))
        }
        return rows
    }

    public func series(_ variety: String, market: String?, from first: BeijingDay, through last: BeijingDay) throws
        -> [PriceQueries.Point]
    {
        // Read by column position, in the order of the statements: this runs for every day of a year.
        let point = { (row: Row) in
            PriceQueries.Point(day: row[0], minFen: row[1], avgFen: row[2], maxFen: row[3], markets: row[4])
        }
        if let market {
            return try Row.mapped(
                cachedStatement(sql: PriceStatements.marketSeries), arguments: [variety, first.text, last.text, market], point)
        }
        return try Row.mapped(cachedStatement(sql: PriceStatements.series), arguments: [variety, first.text, last.text], point)
    }

    public func averageAtMarkets(inRegion region: String, variety: String, on day: String) throws -> (avgFen: Int64, markets: Int)? {
        // By the variety's index (variety, day, market), then each market's region: a few rows.
        try Row.mappedFirst(
            cachedStatement(
                sql: """
                    SELECT CAST(ROUND(AVG(o.avg_fen)) AS INTEGER), COUNT(*) FROM price_observation o
                    JOIN price_market m ON m.id = o.market_id
                    WHERE o.variety_code = ? AND o.observed_on = ? AND o.superseded = 0 AND o.flags = '' AND m.region_code = ?
                    HAVING COUNT(*) > 0
                    """),
            arguments: [variety, day, region]
        ) { row in (row[0], row[1]) }
    }

    public func newestAtEachMarket(variety: String, from first: BeijingDay, through last: BeijingDay) throws
        -> [PriceQueries.MarketPrice]
    {
        // SQLite takes the other columns from the row holding MAX(observed_on): each market's newest.
        try Row.fetchAll(
            cachedStatement(
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
            arguments: [variety, first.text, last.text]
        ).map { PriceQueries.MarketPrice(row: $0) }
    }

    public func layOutBulletin(_ bulletinID: String) throws {
        try PriceArrivalSQL.layOut(bulletinID: bulletinID, self)
    }

    public func addToDaySums(_ prices: [ArrivedRecord]) throws -> [String] {
        try prices.filter { try !PriceArrivalSQL.addToDaySums($0, self) }.map(\.id)
    }

    public func markSuperseded(_ priceID: String) throws {
        try PriceArrivalSQL.markSuperseded(priceID, self)
    }

    public func supersedeCorrected(_ priceID: String) throws {
        try PriceArrivalSQL.supersedeCorrected(priceID, self)
    }
}
