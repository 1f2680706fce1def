public import PostgresStorage

/// The sync layer's own tables on PostgreSQL: those of the SQLite store's `SyncSchema`, in their
/// present shape.
///
/// - `sync_change`: the change log. Its position is an identity column; positions commit in their
///   order because every write transaction holds the store's write lock (``PostgresStore``).
/// - `sync_received`, `sync_field_clock`, `sync_quarantine`, `sync_state`, `sync_urgent_receipt`,
///   `sync_conflict`, `sync_resolution`: as on SQLite.
///
/// ```swift
/// let schema = PostgresSchema(modules: [SyncPostgresSchema.migrations, VillagesPostgresSchema.migrations])
/// ```
public enum SyncPostgresSchema {
    public static let migrations: [PostgresMigration] = [
        PostgresMigration(
            module: "sync", number: 1, name: "change-log",
            sql: """
                CREATE TABLE sync_change (
                    position BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    origin TEXT NOT NULL,
                    sequence BIGINT NOT NULL,
                    timestamp BIGINT NOT NULL,
                    collection TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    scope TEXT NOT NULL,
                    fields TEXT NOT NULL,
                    bases TEXT NOT NULL,
                    signature TEXT,
                    urgent BOOLEAN NOT NULL DEFAULT false,
                    UNIQUE (origin, sequence)
                );
                CREATE INDEX sync_change_scope ON sync_change(scope, position);
                CREATE INDEX sync_change_urgent ON sync_change(position) WHERE urgent;
                CREATE INDEX sync_change_record ON sync_change(collection, record_id);
                CREATE TABLE sync_received (origin TEXT PRIMARY KEY, sequence BIGINT NOT NULL);
                CREATE TABLE sync_field_clock (
                    collection TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    field TEXT NOT NULL,
                    timestamp BIGINT NOT NULL,
                    origin TEXT NOT NULL,
                    PRIMARY KEY (collection, record_id, field)
                );
                CREATE TABLE sync_quarantine (
                    origin TEXT NOT NULL,
                    sequence BIGINT NOT NULL,
                    change TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    quarantined_at TEXT NOT NULL,
                    PRIMARY KEY (origin, sequence)
                );
                CREATE INDEX sync_quarantine_by_time ON sync_quarantine(quarantined_at);
                CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE sync_conflict (
                    id TEXT PRIMARY KEY,
                    scope TEXT NOT NULL,
                    collection TEXT NOT NULL,
                    record_id TEXT NOT NULL,
                    field TEXT NOT NULL,
                    kept_value TEXT NOT NULL,
                    kept_origin TEXT NOT NULL,
                    other_value TEXT NOT NULL,
                    other_origin TEXT NOT NULL
                );
                CREATE INDEX sync_conflict_by_scope ON sync_conflict(scope);
                CREATE TABLE sync_resolution (
                    id TEXT PRIMARY KEY,
                    scope TEXT NOT NULL,
                    conflict_id TEXT NOT NULL,
                    chosen_value TEXT NOT NULL,
                    resolved_by TEXT NOT NULL
                );
                CREATE INDEX sync_resolution_by_conflict ON sync_resolution(conflict_id);
                CREATE TABLE sync_urgent_receipt (
                    station TEXT NOT NULL,
                    origin TEXT NOT NULL,
                    sequence BIGINT NOT NULL,
                    received_at TEXT NOT NULL,
                    PRIMARY KEY (origin, sequence, station)
                );
                INSERT INTO sync_state(key, value) VALUES ('log_epoch', md5(random()::text || clock_timestamp()::text))
                """)
    ]
}
