public import PostgresStorage

/// The tables of the prices module on PostgreSQL (the SQLite store's `PricesSchema`, in its present
/// shape): the catalogue, bulletins, every price in one table, and each variety's day sums, kept
/// as prices arrive by ``PricesArrivals`` through ``PriceArrivalStatements``.
///
/// ```swift
/// let schema = PostgresSchema(modules: [SyncPostgresSchema.migrations, PricesPostgresSchema.migrations])
/// ```
public enum PricesPostgresSchema {
    public static let migrations: [PostgresMigration] = [
        PostgresMigration(
            module: "prices", number: 1, name: "catalogue-prices-and-day-sums",
            sql: """
                CREATE TABLE price_category (code TEXT PRIMARY KEY, name TEXT NOT NULL);
                CREATE TABLE price_variety (
                    code TEXT PRIMARY KEY, name TEXT NOT NULL, category_code TEXT NOT NULL,
                    pinyin TEXT NOT NULL, initials TEXT NOT NULL);
                CREATE TABLE price_market (
                    id TEXT PRIMARY KEY, name TEXT NOT NULL, region_code TEXT NOT NULL, kind TEXT NOT NULL);
                CREATE TABLE price_observation (
                    id TEXT PRIMARY KEY,
                    bulletin_id TEXT,
                    village_code TEXT NOT NULL DEFAULT '',
                    source TEXT NOT NULL,
                    variety_code TEXT NOT NULL,
                    market_id TEXT NOT NULL,
                    region_code TEXT NOT NULL,
                    observed_on TEXT NOT NULL,
                    min_fen BIGINT NOT NULL CHECK (min_fen > 0),
                    avg_fen BIGINT NOT NULL CHECK (avg_fen >= min_fen),
                    max_fen BIGINT NOT NULL CHECK (max_fen >= avg_fen),
                    unit TEXT NOT NULL,
                    spec TEXT NOT NULL DEFAULT '',
                    origin TEXT NOT NULL DEFAULT '',
                    volume_kg BIGINT,
                    corrects TEXT,
                    flags TEXT NOT NULL DEFAULT '',
                    recorded_by TEXT NOT NULL DEFAULT '',
                    recorded_at TEXT NOT NULL,
                    superseded BIGINT NOT NULL DEFAULT 0
                );
                CREATE INDEX price_by_variety ON price_observation(variety_code, observed_on, market_id) WHERE superseded = 0;
                CREATE INDEX price_by_village ON price_observation(village_code, recorded_at) WHERE village_code <> '';
                CREATE INDEX price_corrections ON price_observation(corrects) WHERE corrects IS NOT NULL;
                CREATE INDEX price_by_bulletin ON price_observation(bulletin_id) WHERE bulletin_id IS NOT NULL;
                CREATE TABLE price_bulletin (
                    id TEXT PRIMARY KEY,
                    observed_on TEXT NOT NULL,
                    source TEXT NOT NULL,
                    title TEXT NOT NULL,
                    published_at TEXT NOT NULL,
                    row_count BIGINT NOT NULL,
                    rows TEXT NOT NULL
                );
                CREATE TABLE price_daily (
                    observed_on TEXT NOT NULL,
                    variety_code TEXT NOT NULL,
                    markets BIGINT NOT NULL,
                    suspect BIGINT NOT NULL,
                    trusted_sum BIGINT NOT NULL,
                    trusted_min BIGINT,
                    trusted_max BIGINT,
                    all_sum BIGINT NOT NULL,
                    all_min BIGINT NOT NULL,
                    all_max BIGINT NOT NULL,
                    PRIMARY KEY (observed_on, variety_code)
                );
                CREATE INDEX price_daily_by_variety ON price_daily(variety_code, observed_on)
                """),
        // One hub for a division tree: a bulletin is published for a division (its code; '' for the
        // hub's whole area), which its change carries as its scope.
        PostgresMigration(
            module: "prices", number: 2, name: "bulletins-for-a-division",
            sql: "ALTER TABLE price_bulletin ADD COLUMN division TEXT NOT NULL DEFAULT ''"),
    ]
}
