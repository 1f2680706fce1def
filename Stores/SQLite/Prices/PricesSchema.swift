import GRDB
public import Storage

/// The tables of the prices module, as numbered migrations.
///
/// A county bulletin travels as one signed document (`price_bulletin.rows`, a JSON array);
/// ``PricesArrivals`` lays its rows out in `price_observation`, beside the prices stations record,
/// so that every query reads one table, marks what a correction corrects `superseded`, whichever
/// of the two arrives first, and keeps the day sums. (Until migration 3, triggers did.)
///
/// ```swift
/// let schema = Schema(modules: [SyncSchema.migrations, PricesSchema.migrations])
/// ```
public enum PricesSchema {
    public static let migrations: [Migration] = [
        Migration(module: "prices", number: 1, name: "catalogue-and-prices") { db in
            try db.execute(sql: catalogue)
            try db.execute(sql: observations)
            try db.execute(sql: bulletins)
            try db.execute(sql: daily)
        },
        // A county takes hundreds of thousands of station prices a day, and every index and derived-sum
        // lookup is paid on each one. The by-day index served only an import's look back, which the
        // by-variety index serves a variety at a time; and a new price counts unless something
        // corrects it, which the small corrections index answers without reading the row back.
        // A new store's migration 1 no longer makes either, so both are dropped only if present.
        Migration(module: "prices", number: 2, name: "lighter-price-writes") { db in
            try db.execute(sql: "DROP INDEX IF EXISTS price_by_day; DROP TRIGGER IF EXISTS price_daily_adds;")
            try db.execute(sql: dailyAdds)
        },
        // What arrives is derived in Swift, the same way on every store (PricesArrivals).
        Migration(module: "prices", number: 3, name: "derived-in-swift") { db in
            try db.execute(
                sql: """
                    DROP TRIGGER IF EXISTS price_correction_arrives; DROP TRIGGER IF EXISTS price_corrected_arrives;
                    DROP TRIGGER IF EXISTS price_daily_recounts; DROP TRIGGER IF EXISTS price_daily_adds;
                    DROP TRIGGER IF EXISTS price_bulletin_arrives;
                    """)
        },
        // One hub for a division tree: a bulletin is published for a division (its code; '' for the
        // hub's whole area), which its change carries as its scope.
        Migration(module: "prices", number: 4, name: "bulletins-for-a-division") { db in
            try db.execute(sql: "ALTER TABLE price_bulletin ADD COLUMN division TEXT NOT NULL DEFAULT ''")
        },
    ]

    static let catalogue = """
        CREATE TABLE price_category (code TEXT PRIMARY KEY, name TEXT NOT NULL);
        CREATE TABLE price_variety (
            code TEXT PRIMARY KEY, name TEXT NOT NULL, category_code TEXT NOT NULL,
            pinyin TEXT NOT NULL, initials TEXT NOT NULL);
        CREATE TABLE price_market (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, region_code TEXT NOT NULL, kind TEXT NOT NULL);
        """

    static let observations = """
        CREATE TABLE price_observation (
            id TEXT PRIMARY KEY,
            bulletin_id TEXT,
            village_code TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL,
            variety_code TEXT NOT NULL,
            market_id TEXT NOT NULL,
            region_code TEXT NOT NULL,
            observed_on TEXT NOT NULL,
            min_fen INTEGER NOT NULL CHECK (min_fen > 0),
            avg_fen INTEGER NOT NULL CHECK (avg_fen >= min_fen),
            max_fen INTEGER NOT NULL CHECK (max_fen >= avg_fen),
            unit TEXT NOT NULL,
            spec TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT '',
            volume_kg INTEGER,
            corrects TEXT,
            flags TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            superseded INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX price_by_variety ON price_observation(variety_code, observed_on, market_id) WHERE superseded = 0;
        CREATE INDEX price_by_village ON price_observation(village_code, recorded_at) WHERE village_code <> '';
        CREATE INDEX price_corrections ON price_observation(corrects) WHERE corrects IS NOT NULL;
        CREATE TRIGGER price_correction_arrives AFTER INSERT ON price_observation WHEN NEW.corrects IS NOT NULL
        BEGIN
            UPDATE price_observation SET superseded = 1 WHERE id = NEW.corrects;
        END;
        CREATE TRIGGER price_corrected_arrives AFTER INSERT ON price_observation
        WHEN EXISTS (SELECT 1 FROM price_observation WHERE corrects = NEW.id)
        BEGIN
            UPDATE price_observation SET superseded = 1 WHERE id = NEW.id;
        END;
        """

    /// Each variety's prices per day summed up, kept as prices arrive and are superseded
    /// (``PricesArrivals``; by triggers until migration 3), so that the board reads one row a variety and a year's history 365 rows,
    /// however many markets report. "Trusted" means not flagged 待核实.
    static let daily = """
        CREATE TABLE price_daily (
            observed_on TEXT NOT NULL,
            variety_code TEXT NOT NULL,
            markets INTEGER NOT NULL,
            suspect INTEGER NOT NULL,
            trusted_sum INTEGER NOT NULL,
            trusted_min INTEGER,
            trusted_max INTEGER,
            all_sum INTEGER NOT NULL,
            all_min INTEGER NOT NULL,
            all_max INTEGER NOT NULL,
            PRIMARY KEY (observed_on, variety_code)
        ) WITHOUT ROWID;
        CREATE INDEX price_daily_by_variety ON price_daily(variety_code, observed_on);
        CREATE TRIGGER price_daily_recounts AFTER UPDATE OF superseded ON price_observation
        WHEN NEW.superseded <> OLD.superseded
        BEGIN
            DELETE FROM price_daily WHERE observed_on = NEW.observed_on AND variety_code = NEW.variety_code;
            INSERT INTO price_daily
            SELECT observed_on, variety_code, COUNT(*), SUM(flags <> ''),
                IFNULL(SUM(CASE WHEN flags = '' THEN avg_fen END), 0),
                MIN(CASE WHEN flags = '' THEN min_fen END), MAX(CASE WHEN flags = '' THEN max_fen END),
                SUM(avg_fen), MIN(min_fen), MAX(max_fen)
            FROM price_observation
            WHERE observed_on = NEW.observed_on AND variety_code = NEW.variety_code AND superseded = 0
            GROUP BY observed_on, variety_code;
        END;
        """

    /// Adds a new price to its day's sums, unless a correction of it arrived first (it is then
    /// superseded already). Created by migration 2, which replaced the form stores made before.
    static let dailyAdds = """
        CREATE TRIGGER price_daily_adds AFTER INSERT ON price_observation
        WHEN NOT EXISTS (SELECT 1 FROM price_observation WHERE corrects = NEW.id)
        BEGIN
            INSERT INTO price_daily VALUES (
                NEW.observed_on, NEW.variety_code, 1, NEW.flags <> '',
                CASE WHEN NEW.flags = '' THEN NEW.avg_fen ELSE 0 END,
                CASE WHEN NEW.flags = '' THEN NEW.min_fen END, CASE WHEN NEW.flags = '' THEN NEW.max_fen END,
                NEW.avg_fen, NEW.min_fen, NEW.max_fen)
            ON CONFLICT DO UPDATE SET
                markets = markets + 1, suspect = suspect + excluded.suspect, trusted_sum = trusted_sum + excluded.trusted_sum,
                trusted_min = IFNULL(MIN(trusted_min, excluded.trusted_min), IFNULL(trusted_min, excluded.trusted_min)),
                trusted_max = IFNULL(MAX(trusted_max, excluded.trusted_max), IFNULL(trusted_max, excluded.trusted_max)),
                all_sum = all_sum + excluded.all_sum, all_min = MIN(all_min, excluded.all_min),
                all_max = MAX(all_max, excluded.all_max);
        END;
        """

    /// A bulletin's rows are arrays in ``PriceBulletin/columns`` order; row n gets the id `<bulletin>-n`.
    static let bulletins = """
        CREATE TABLE price_bulletin (
            id TEXT PRIMARY KEY,
            observed_on TEXT NOT NULL,
            source TEXT NOT NULL,
            title TEXT NOT NULL,
            published_at TEXT NOT NULL,
            row_count INTEGER NOT NULL,
            rows TEXT NOT NULL
        );
        CREATE TRIGGER price_bulletin_arrives AFTER INSERT ON price_bulletin
        BEGIN
            INSERT OR IGNORE INTO price_observation (
                id, bulletin_id, village_code, source, variety_code, market_id, region_code, observed_on,
                min_fen, avg_fen, max_fen, unit, spec, origin, volume_kg, corrects, flags, recorded_by, recorded_at)
            SELECT NEW.id || '-' || (row.key + 1), NEW.id, '', NEW.source,
                row.value ->> 0, row.value ->> 1,
                IFNULL((SELECT region_code FROM price_market WHERE id = row.value ->> 1), ''),
                NEW.observed_on, row.value ->> 2, row.value ->> 3, row.value ->> 4, row.value ->> 5,
                row.value ->> 6, row.value ->> 7, row.value ->> 8, row.value ->> 9, row.value ->> 10,
                '', NEW.published_at
            FROM json_each(NEW.rows) AS row;
        END;
        """
}
