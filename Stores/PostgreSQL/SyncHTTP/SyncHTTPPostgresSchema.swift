public import PostgresStorage

/// The county's stations and signing key on PostgreSQL (the county side of the SQLite store's
/// `SyncHTTPSchema`; a station's enrollment is kept only in a station's SQLite store).
///
/// ```swift
/// let schema = PostgresSchema(modules: [SyncPostgresSchema.migrations, SyncHTTPPostgresSchema.migrations])
/// ```
public enum SyncHTTPPostgresSchema {
    public static let migrations: [PostgresMigration] = [
        PostgresMigration(
            module: "synchttp", number: 1, name: "stations-and-key",
            sql: """
                CREATE TABLE sync_station (
                    id TEXT PRIMARY KEY,
                    village TEXT NOT NULL,
                    name TEXT NOT NULL,
                    code_hash TEXT,
                    code_expires_at TEXT,
                    public_key BYTEA,
                    origin TEXT UNIQUE,
                    enrolled_at TEXT,
                    revoked_at TEXT,
                    counter BIGINT NOT NULL DEFAULT 0,
                    last_sync_at TEXT,
                    pending BIGINT NOT NULL DEFAULT 0,
                    clock_offset_ms BIGINT NOT NULL DEFAULT 0,
                    warning TEXT
                );
                CREATE INDEX sync_station_code ON sync_station(code_hash);
                CREATE TABLE sync_county_key (
                    id BIGINT PRIMARY KEY CHECK (id = 1),
                    private_key BYTEA NOT NULL
                )
                """),
        // The sync protocol each station last spoke: the county lists its stations by it.
        PostgresMigration(module: "synchttp", number: 2, name: "station-protocol", sql: "ALTER TABLE sync_station ADD COLUMN protocol_version BIGINT"),
        // The key a station and the hub agreed on for the idle check's short authentication codes,
        // and the digest of what the station last reported with a pull, which an idle check must match.
        PostgresMigration(
            module: "synchttp", number: 3, name: "check-keys",
            sql: "ALTER TABLE sync_station ADD COLUMN check_key BYTEA, ADD COLUMN reported_digest BYTEA"),
        // How many of each station's records its verifications mended, and when last.
        PostgresMigration(
            module: "synchttp", number: 4, name: "station-mended",
            sql: "ALTER TABLE sync_station ADD COLUMN mended BIGINT NOT NULL DEFAULT 0, ADD COLUMN last_mended_at TEXT"),
    ]
}
