import PostgresStorage
import StoreInterface
import Sync
import SyncPostgres

/// What the prices module derives as records arrive (``PricesArrivals``), in PostgreSQL's words:
/// a bulletin's rows laid out and counted a statement at a time, a price added to its day's sums in
/// one statement, corrections marked in either order. (The SQLite store's `PriceArrivalSQL`.)
enum PriceArrivalStatements {
    /// Prices added to their days' sums in one statement, each unless a correction of it is held;
    /// the ids of those it did not add.
    static func addToDaySums(_ records: [ArrivedRecord], _ db: PostgresTransaction) throws -> [String] {
        guard !records.isEmpty else { return [] }
        let rows = records.map { record in
            [.text(record.id)] + ["observed_on", "variety_code", "flags", "avg_fen", "min_fen", "max_fen"].map { record.fields[$0] ?? .null }
        }
        return try db.rows(dailyAdd, CompactJSON.encode(rows: rows)).map { $0.text(at: 0) ?? "" }
    }

    static func markSuperseded(_ priceID: String, _ db: PostgresTransaction) throws {
        try db.execute("UPDATE price_observation SET superseded = 1 WHERE id = $1", priceID)
    }

    /// A corrected price stops counting: its day is counted again (with the correction in it).
    static func supersedeCorrected(_ priceID: String, _ db: PostgresTransaction) throws {
        let day = try db.row(
            "UPDATE price_observation SET superseded = 1 WHERE id = $1 AND superseded = 0 RETURNING observed_on, variety_code", priceID)
        if let day { try recount(day: day.text("observed_on"), variety: day.text("variety_code"), db) }
    }

    /// Rebuilds one variety's sums of one day from the prices that count.
    static func recount(day: String, variety: String, _ db: PostgresTransaction) throws {
        try db.execute("DELETE FROM price_daily WHERE observed_on = $1 AND variety_code = $2", day, variety)
        try db.execute(
            """
            INSERT INTO price_daily
            SELECT \(daySums) FROM price_observation
            WHERE observed_on = $1 AND variety_code = $2 AND superseded = 0
            GROUP BY observed_on, variety_code
            """, day, variety)
    }

    /// A bulletin's rows laid out in one statement, not row by row: a bulletin is a day's prices of
    /// every market, and a county publishes them by the thousand.
    static func layOut(bulletinID: String, _ db: PostgresTransaction) throws {
        let inserted = try db.execute(layOut, bulletinID)
        guard inserted > 0 else { return }  // laid out already
        // A row that a correction held here already names never counts.
        try db.execute(
            """
            UPDATE price_observation SET superseded = 1
            WHERE bulletin_id = $1 AND superseded = 0 AND id IN (SELECT corrects FROM price_observation WHERE corrects IS NOT NULL)
            """, bulletinID)
        let rows = try db.integer("SELECT COUNT(*) FROM price_observation WHERE bulletin_id = $1", bulletinID) ?? 0
        if inserted == rows {
            try db.execute(
                """
                INSERT INTO price_daily
                SELECT \(daySums) FROM price_observation
                WHERE bulletin_id = $1 AND superseded = 0
                GROUP BY observed_on, variety_code
                ON CONFLICT (observed_on, variety_code) DO UPDATE SET \(dailyMerge)
                """, bulletinID)
        } else {  // some rows were laid out before: their days are counted again from their prices
            for day in try db.rows("SELECT DISTINCT observed_on, variety_code FROM price_observation WHERE bulletin_id = $1", bulletinID) {
                try recount(day: day.text("observed_on"), variety: day.text("variety_code"), db)
            }
        }
        // What the bulletin's corrections correct stops counting.
        let corrected = try db.rows(
            """
            UPDATE price_observation SET superseded = 1
            WHERE superseded = 0
                AND id IN (SELECT corrects FROM price_observation WHERE bulletin_id = $1 AND corrects IS NOT NULL)
            RETURNING observed_on, variety_code
            """, bulletinID)
        for day in corrected { try recount(day: day.text("observed_on"), variety: day.text("variety_code"), db) }
    }

    /// Row n of the document is `<bulletin>-n`, its values in ``PriceBulletin/columns`` order; a row
    /// laid out already (the bulletin written again) is kept as it is.
    private static let layOut = """
        INSERT INTO price_observation (
            id, bulletin_id, village_code, source, variety_code, market_id, region_code, observed_on,
            min_fen, avg_fen, max_fen, unit, spec, origin, volume_kg, corrects, flags, recorded_by, recorded_at)
        SELECT b.id || '-' || row.n, b.id, '', b.source,
            row.value ->> 0, row.value ->> 1,
            COALESCE((SELECT region_code FROM price_market WHERE id = row.value ->> 1), ''),
            b.observed_on, (row.value ->> 2)::bigint, (row.value ->> 3)::bigint, (row.value ->> 4)::bigint, row.value ->> 5,
            COALESCE(row.value ->> 6, ''), COALESCE(row.value ->> 7, ''), (row.value ->> 8)::bigint, row.value ->> 9,
            COALESCE(row.value ->> 10, ''), '', b.published_at
        FROM price_bulletin b, jsonb_array_elements(b.rows::jsonb) WITH ORDINALITY AS row(value, n)
        WHERE b.id = $1
        ON CONFLICT (id) DO NOTHING
        """

    /// Prices added to their days' sums, but for those a correction held here names: their ids are
    /// the answer. "Trusted" means not flagged 待核实. The argument: the prices as a JSON array of
    /// `[id, day, variety, flags, avg, min, max]`.
    private static let dailyAdd = """
        WITH price AS (
            SELECT value ->> 0 AS id, value ->> 1 AS observed_on, value ->> 2 AS variety_code,
                COALESCE(value ->> 3, '') AS flags, (value ->> 4)::bigint AS avg_fen, (value ->> 5)::bigint AS min_fen,
                (value ->> 6)::bigint AS max_fen
            FROM jsonb_array_elements($1::jsonb)
        ), counted AS (
            SELECT * FROM price WHERE NOT EXISTS (SELECT 1 FROM price_observation o WHERE o.corrects = price.id)
        ), added AS (
            INSERT INTO price_daily SELECT \(daySums) FROM counted GROUP BY observed_on, variety_code
            ON CONFLICT (observed_on, variety_code) DO UPDATE SET \(dailyMerge)
        )
        SELECT id FROM price WHERE id NOT IN (SELECT id FROM counted)
        """

    /// A day's sums of the prices selected, in `price_daily`'s column order.
    private static let daySums = """
        observed_on, variety_code, COUNT(*), COUNT(*) FILTER (WHERE flags <> ''),
        COALESCE(SUM(avg_fen) FILTER (WHERE flags = ''), 0),
        MIN(min_fen) FILTER (WHERE flags = ''), MAX(max_fen) FILTER (WHERE flags = ''),
        SUM(avg_fen), MIN(min_fen), MAX(max_fen)
        """

    /// A day's sums merged with those of the prices added to it (`LEAST` and `GREATEST` pass over nulls).
    private static let dailyMerge = """
        markets = price_daily.markets + excluded.markets, suspect = price_daily.suspect + excluded.suspect,
        trusted_sum = price_daily.trusted_sum + excluded.trusted_sum,
        trusted_min = LEAST(price_daily.trusted_min, excluded.trusted_min),
        trusted_max = GREATEST(price_daily.trusted_max, excluded.trusted_max),
        all_sum = price_daily.all_sum + excluded.all_sum, all_min = LEAST(price_daily.all_min, excluded.all_min),
        all_max = GREATEST(price_daily.all_max, excluded.all_max)
        """
}
