import SyncSQLite
import GRDB
import Sync

/// The SQL of what the prices module derives as records arrive (``PricesArrivals``): a bulletin's
/// rows laid out and counted a statement at a time, a price added to its day's sums in one
/// statement, corrections marked in either order.
enum PriceArrivalSQL {
    /// A price: added to its day's sums unless a correction of it is held; `false` then.
    static func addToDaySums(_ record: ArrivedRecord, _ db: Database) throws -> Bool {
        // One statement for the usual price. A county takes hundreds of thousands a day.
        let field = { (name: String) in (record.fields[name] ?? .null).databaseValue }
        try db.cachedStatement(sql: dailyAddSQL).execute(
            bound: [
                field("observed_on"), field("variety_code"), (record.fields["flags"] ?? .text("")).databaseValue,
                field("avg_fen"), field("min_fen"), field("max_fen"), record.id.databaseValue,
            ], in: db)
        return db.changesCount > 0
    }

    static func markSuperseded(_ priceID: String, _ db: Database) throws {
        try db.cachedStatement(sql: "UPDATE price_observation SET superseded = 1 WHERE id = ?").execute(arguments: [priceID])
    }

    /// A corrected price stops counting: its day is counted again (with the correction in it).
    static func supersedeCorrected(_ priceID: String, _ db: Database) throws {
        let day = try Row.fetchOne(db.cachedStatement(sql: supersedeSQL), arguments: [priceID])
        if let day { try recount(day: day[0], variety: day[1], db) }
    }

    /// Rebuilds one variety's sums of one day from the prices that count.
    static func recount(day: String, variety: String, _ db: Database) throws {
        try db.cachedStatement(sql: "DELETE FROM price_daily WHERE observed_on = ? AND variety_code = ?")
            .execute(arguments: [day, variety])
        try db.cachedStatement(sql: recountSQL).execute(arguments: [day, variety])
    }

    /// A bulletin's rows laid out a step at a time in one statement each, not row by row: a
    /// bulletin is a day's prices of every market, and a county publishes them by the thousand.
    static func layOut(bulletinID: String, _ db: Database) throws {
        try db.cachedStatement(sql: layOutSQL).execute(arguments: [bulletinID])
        let inserted = db.changesCount
        guard inserted > 0 else { return }  // laid out already
        // A row that a correction held here already names never counts.
        try db.cachedStatement(sql: correctedRowsSQL).execute(arguments: [bulletinID])
        let rows = try Int.fetchOne(db.cachedStatement(sql: rowCountSQL), arguments: [bulletinID]) ?? 0
        if inserted == rows {
            try db.cachedStatement(sql: bulletinDailyAddSQL).execute(arguments: [bulletinID])
        } else {  // some rows were laid out before: their days are counted again from their prices
            for day in try Row.fetchAll(db.cachedStatement(sql: bulletinDaysSQL), arguments: [bulletinID]) {
                try recount(day: day[0], variety: day[1], db)
            }
        }
        // What the bulletin's corrections correct stops counting.
        for day in try Row.fetchAll(db.cachedStatement(sql: supersededByBulletinSQL), arguments: [bulletinID]) {
            try recount(day: day[0], variety: day[1], db)
        }
    }

    /// The rows of bulletin `?1`, found by their ids (`<bulletin>-n`) on the primary key.
    private static let bulletinRows = "id > ?1 || '-' AND id < ?1 || '.' AND bulletin_id = ?1"

    /// Row n of the document is `<bulletin>-n`, its values in ``PriceBulletin/columns`` order; a row
    /// laid out already (the bulletin written again) is kept as it is.
    private static let layOutSQL = """
        INSERT OR IGNORE INTO price_observation (
            id, bulletin_id, village_code, source, variety_code, market_id, region_code, observed_on,
            min_fen, avg_fen, max_fen, unit, spec, origin, volume_kg, corrects, flags, recorded_by, recorded_at)
        SELECT b.id || '-' || (row.key + 1), b.id, '', b.source,
            row.value ->> 0, row.value ->> 1,
            IFNULL((SELECT region_code FROM price_market WHERE id = row.value ->> 1), ''),
            b.observed_on, row.value ->> 2, row.value ->> 3, row.value ->> 4, row.value ->> 5,
            row.value ->> 6, row.value ->> 7, row.value ->> 8, row.value ->> 9, row.value ->> 10,
            '', b.published_at
        FROM price_bulletin b, json_each(b.rows) AS row
        WHERE b.id = ?1
        """

    private static let rowCountSQL = "SELECT COUNT(*) FROM price_observation WHERE \(bulletinRows)"
    private static let bulletinDaysSQL = "SELECT DISTINCT observed_on, variety_code FROM price_observation WHERE \(bulletinRows)"

    private static let correctedRowsSQL = """
        UPDATE price_observation SET superseded = 1
        WHERE \(bulletinRows) AND superseded = 0
            AND id IN (SELECT corrects FROM price_observation WHERE corrects IS NOT NULL)
        """

    private static let supersededByBulletinSQL = """
        UPDATE price_observation SET superseded = 1
        WHERE superseded = 0
            AND id IN (SELECT corrects FROM price_observation WHERE \(bulletinRows) AND corrects IS NOT NULL)
        RETURNING observed_on, variety_code
        """

    /// A new bulletin's prices that count, added to their days' sums a variety at a time.
    private static let bulletinDailyAddSQL = """
        INSERT INTO price_daily
        SELECT \(daySums)
        FROM price_observation
        WHERE \(bulletinRows) AND superseded = 0
        GROUP BY observed_on, variety_code
        ON CONFLICT DO UPDATE SET \(dailyMerge)
        """

    private static let supersedeSQL = """
        UPDATE price_observation SET superseded = 1 WHERE id = ? AND superseded = 0 RETURNING observed_on, variety_code
        """

    /// One price added to its day's sums, unless a correction of price `?7` is held (it then adds
    /// nothing). "Trusted" means not flagged 待核实. Arguments: day, variety, flags, avg, min, max, id.
    private static let dailyAddSQL = """
        INSERT INTO price_daily
        SELECT ?1, ?2, 1, ?3 <> '',
            CASE WHEN ?3 = '' THEN ?4 ELSE 0 END, CASE WHEN ?3 = '' THEN ?5 END, CASE WHEN ?3 = '' THEN ?6 END,
            ?4, ?5, ?6
        WHERE NOT EXISTS (SELECT 1 FROM price_observation WHERE corrects = ?7)
        ON CONFLICT DO UPDATE SET \(dailyMerge)
        """

    /// A day's sums of the prices selected, in `price_daily`'s column order. "Trusted" means not
    /// flagged 待核实.
    private static let daySums = """
        observed_on, variety_code, COUNT(*), SUM(flags <> ''),
        IFNULL(SUM(CASE WHEN flags = '' THEN avg_fen END), 0),
        MIN(CASE WHEN flags = '' THEN min_fen END), MAX(CASE WHEN flags = '' THEN max_fen END),
        SUM(avg_fen), MIN(min_fen), MAX(max_fen)
        """

    /// A day's sums merged with those of the prices added to it.
    private static let dailyMerge = """
        markets = markets + excluded.markets, suspect = suspect + excluded.suspect,
        trusted_sum = trusted_sum + excluded.trusted_sum,
        trusted_min = IFNULL(MIN(trusted_min, excluded.trusted_min), IFNULL(trusted_min, excluded.trusted_min)),
        trusted_max = IFNULL(MAX(trusted_max, excluded.trusted_max), IFNULL(trusted_max, excluded.trusted_max)),
        all_sum = all_sum + excluded.all_sum, all_min = MIN(all_min, excluded.all_min), all_max = MAX(all_max, excluded.all_max)
        """

    private static let recountSQL = """
        INSERT INTO price_daily
        SELECT \(daySums)
        FROM price_observation
        WHERE observed_on = ? AND variety_code = ? AND superseded = 0
        GROUP BY observed_on, variety_code
        """
}
