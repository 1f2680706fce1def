public import ChinaLocale
public import PostgresStorage
public import Prices
import StoreInterface
public import Sync

/// A PostgreSQL transaction as the prices module reads and writes in it (the tables of
/// ``PricesPostgresSchema``; derivations in ``PriceArrivalStatements``). Averages are rounded as
/// numbers, half away from zero, as SQLite rounds them.
extension PostgresTransaction: PriceTransaction {
    public func catalogue() throws -> CatalogueIndex {
        let varieties = try rows("SELECT * FROM price_variety ORDER BY code").map(Variety.init(row:))
        let markets = try rows("SELECT * FROM price_market ORDER BY id").map(Market.init(row:))
        return CatalogueIndex(varieties: varieties, markets: markets)
    }

    public func varietyMatches() throws -> [PriceQueries.VarietyMatch] {
        try rows(
            """
            SELECT v.code, v.name, v.category_code, COALESCE(c.name, '') AS category_name, v.pinyin, v.initials
            FROM price_variety v LEFT JOIN price_category c ON c.code = v.category_code ORDER BY v.code
            """
        ).map { row in
            PriceQueries.VarietyMatch(
                code: row.text("code"), name: row.text("name"), categoryCode: row.text("category_code"),
                categoryName: row.text("category_name"), pinyin: row.text("pinyin"), initials: row.text("initials"))
        }
    }

    public func categories() throws -> [PriceCategory] {
        try rows("SELECT * FROM price_category ORDER BY code").map(PriceCategory.init(row:))
    }

    public func varietyName(_ code: String) throws -> String? {
        try text("SELECT name FROM price_variety WHERE code = $1", code)
    }

    public func price(id: String) throws -> PriceObservation? {
        try row("SELECT * FROM price_observation WHERE id = $1", id).map(PriceObservation.init(row:))
    }

    public func villageOfPrice(_ id: String) throws -> String? {
        try text("SELECT village_code FROM price_observation WHERE id = $1", id)
    }

    public func publishedPrice(on day: BeijingDay, variety: String, market: String, spec: String) throws -> PriceObservation? {
        try row(
            """
            SELECT * FROM price_observation
            WHERE observed_on = $1 AND variety_code = $2 AND market_id = $3 AND spec = $4 AND village_code = '' AND superseded = 0
            """, day.text, variety, market, spec
        ).map(PriceObservation.init(row:))
    }

    public func recentlyRecorded(within division: String, limit: Int) throws -> [PriceObservation] {
        try rows(
            """
            SELECT * FROM price_observation WHERE village_code <> '' AND starts_with(village_code, $1::text)
            ORDER BY recorded_at DESC, id LIMIT $2
            """, division, limit)
            .map(PriceObservation.init(row:))
    }

    public func bulletinCount(on day: BeijingDay?) throws -> Int {
        Int(try integer("SELECT COUNT(*) FROM price_bulletin WHERE $1::text IS NULL OR observed_on = $1", day?.text) ?? 0)
    }

    public func history(from first: BeijingDay, through last: BeijingDay, variety: String?, market: String?) throws -> PriceHistory {
        var history = PriceHistory()
        // Each series oldest first, as `add` expects.
        var sql = """
            SELECT variety_code, market_id, observed_on, avg_fen FROM price_observation
            WHERE superseded = 0 AND observed_on BETWEEN $1 AND $2 AND variety_code IN (SELECT code FROM price_variety)
            """
        var arguments: [any PostgresArgument] = [first.adding(days: -28).text, last.text]
        if let variety, let market {
            sql += " AND variety_code = $3 AND market_id = $4"
            arguments += [variety, market]
        }
        for row in try rows(sql + " ORDER BY variety_code, observed_on", arguments: arguments) {
            guard let day = BeijingDay(row.text("observed_on")) else { continue }
            history.add(variety: row.text("variety_code"), market: row.text("market_id"), day: day, avgFen: row.integer("avg_fen"))
        }
        return history
    }

    public func latestDay(onOrBefore day: BeijingDay, variety: String?) throws -> String? {
        guard let variety else { return try text("SELECT MAX(observed_on) FROM price_daily WHERE observed_on <= $1", day.text) }
        return try text("SELECT MAX(observed_on) FROM price_daily WHERE variety_code = $1 AND observed_on <= $2", variety, day.text)
    }

    public func board(of day: String, comparedWith: String?) throws -> [PriceQueries.BoardRow] {
        try rows(
            """
            SELECT d.variety_code, v.name, v.category_code, d.markets, d.suspect,
                COALESCE(d.trusted_min, d.all_min),
                ROUND(CASE WHEN d.markets > d.suspect THEN d.trusted_sum::numeric / (d.markets - d.suspect)
                    ELSE d.all_sum::numeric / d.markets END)::bigint,
                COALESCE(d.trusted_max, d.all_max),
                ROUND(w.trusted_sum::numeric / (w.markets - w.suspect))::bigint
            FROM price_daily d
            LEFT JOIN price_variety v ON v.code = d.variety_code
            LEFT JOIN price_daily w ON w.observed_on = $2 AND w.variety_code = d.variety_code AND w.markets > w.suspect
            WHERE d.observed_on = $1
            ORDER BY d.variety_code
            """, day, comparedWith
        ).map { row in
            let code = row.text(at: 0) ?? ""
            return PriceQueries.BoardRow(
                varietyCode: code, varietyName: row.text(at: 1) ?? code, categoryCode: row.text(at: 2) ?? "",
                markets: Int(row.integer(at: 3) ?? 0), suspect: Int(row.integer(at: 4) ?? 0), minFen: row.integer(at: 5) ?? 0,
                avgFen: row.integer(at: 6) ?? 0, maxFen: row.integer(at: 7) ?? 0, weekBeforeAvgFen: row.integer(at: 8))
        }
    }

    public func series(_ variety: String, market: String?, from first: BeijingDay, through last: BeijingDay) throws
        -> [PriceQueries.Point]
    {
        let sql =
            market == nil
            ? """
            SELECT observed_on, trusted_min, ROUND(trusted_sum::numeric / (markets - suspect))::bigint, trusted_max, markets - suspect
            FROM price_daily
            WHERE variety_code = $1 AND observed_on BETWEEN $2 AND $3 AND markets > suspect
            ORDER BY observed_on
            """
            : """
            SELECT observed_on, MIN(min_fen), ROUND(AVG(avg_fen))::bigint, MAX(max_fen), COUNT(*)
            FROM price_observation
            WHERE variety_code = $1 AND observed_on BETWEEN $2 AND $3 AND superseded = 0 AND flags = '' AND market_id = $4
            GROUP BY observed_on ORDER BY observed_on
            """
        let arguments: [any PostgresArgument] = [variety, first.text, last.text] + (market.map { [$0] } ?? [])
        return try rows(sql, arguments: arguments).map { row in
            PriceQueries.Point(
                day: row.text(at: 0) ?? "", minFen: row.integer(at: 1) ?? 0, avgFen: row.integer(at: 2) ?? 0,
                maxFen: row.integer(at: 3) ?? 0, markets: Int(row.integer(at: 4) ?? 0))
        }
    }

    public func averageAtMarkets(inRegion region: String, variety: String, on day: String) throws -> (avgFen: Int64, markets: Int)? {
        try row(
            """
            SELECT ROUND(AVG(o.avg_fen))::bigint, COUNT(*) FROM price_observation o
            JOIN price_market m ON m.id = o.market_id
            WHERE o.variety_code = $1 AND o.observed_on = $2 AND o.superseded = 0 AND o.flags = '' AND m.region_code = $3
            HAVING COUNT(*) > 0
            """, variety, day, region
        ).map { ($0.integer(at: 0) ?? 0, Int($0.integer(at: 1) ?? 0)) }
    }

    public func newestAtEachMarket(variety: String, from first: BeijingDay, through last: BeijingDay) throws
        -> [PriceQueries.MarketPrice]
    {
        try rows(
            """
            SELECT p.market_id, COALESCE(m.name, p.market_id) AS market_name, COALESCE(m.region_code, '') AS region_code,
                p.day, p.min_fen, p.avg_fen, p.max_fen, p.flags
            FROM (
                SELECT DISTINCT ON (market_id) market_id, observed_on AS day, min_fen, avg_fen, max_fen, flags
                FROM price_observation
                WHERE variety_code = $1 AND observed_on BETWEEN $2 AND $3 AND superseded = 0
                ORDER BY market_id, observed_on DESC
            ) AS p LEFT JOIN price_market m ON m.id = p.market_id
            ORDER BY p.avg_fen DESC
            """, variety, first.text, last.text
        ).map { PriceQueries.MarketPrice(row: $0) }
    }

    public func layOutBulletin(_ bulletinID: String) throws {
        try PriceArrivalStatements.layOut(bulletinID: bulletinID, self)
    }

    public func addToDaySums(_ prices: [ArrivedRecord]) throws -> [String] {
        try PriceArrivalStatements.addToDaySums(prices, self)
    }

    public func markSuperseded(_ priceID: String) throws {
        try PriceArrivalStatements.markSuperseded(priceID, self)
    }

    public func supersedeCorrected(_ priceID: String) throws {
        try PriceArrivalStatements.supersedeCorrected(priceID, self)
    }
}
