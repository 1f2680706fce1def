import GRDB
public import Storage

/// The sync layer's own tables, as numbered migrations every program's schema includes.
///
/// - `sync_change`: the change log, local and received, in the order this replica recorded it.
/// - `sync_received`: per origin, the highest gap-free sequence applied (for itself: captured).
/// - `sync_field_clock`: per mergeable field, the timestamp and origin of the value kept.
/// - `sync_quarantine`: changes refused, with their reason, that did not stop the queue.
/// - `sync_state`: small facts such as the pull position and the clock offset.
/// - `sync_urgent_receipt`: at the county, which station holds each urgent change, since when.
/// - `sync_conflict`, `sync_resolution`: concurrent review-worthy edits and their resolutions,
///   themselves synced as the built-in collections of ``ConflictLog``.
///
/// ```swift
/// let schema = Schema(modules: [SyncSchema.migrations, VillagesSchema.migrations])
/// ```
public enum SyncSchema {
    public static let migrations: [Migration] = [
        Migration(module: "sync", number: 1, name: "change-log") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sync_change (
                        position INTEGER PRIMARY KEY AUTOINCREMENT,
                        origin TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        timestamp INTEGER NOT NULL,
                        collection TEXT NOT NULL,
                        record_id TEXT NOT NULL,
                        scope TEXT NOT NULL,
                        fields TEXT NOT NULL,
                        bases TEXT NOT NULL,
                        UNIQUE (origin, sequence)
                    );
                    CREATE INDEX sync_change_scope ON sync_change(scope, position);
                    CREATE TABLE sync_received (
                        origin TEXT PRIMARY KEY,
                        sequence INTEGER NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE sync_field_clock (
                        collection TEXT NOT NULL,
                        record_id TEXT NOT NULL,
                        field TEXT NOT NULL,
                        timestamp INTEGER NOT NULL,
                        origin TEXT NOT NULL,
                        PRIMARY KEY (collection, record_id, field)
                    ) WITHOUT ROWID;
                    CREATE TABLE sync_quarantine (
                        origin TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        change TEXT NOT NULL,
                        reason TEXT NOT NULL,
                        quarantined_at TEXT NOT NULL,
                        PRIMARY KEY (origin, sequence)
                    ) WITHOUT ROWID;
                    CREATE TABLE sync_state (
                        key TEXT PRIMARY KEY,
                        value TEXT NOT NULL
                    ) WITHOUT ROWID;
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
                    CREATE TABLE sync_resolution (
                        id TEXT PRIMARY KEY,
                        scope TEXT NOT NULL,
                        conflict_id TEXT NOT NULL,
                        chosen_value TEXT NOT NULL,
                        resolved_by TEXT NOT NULL
                    );
                    """)
        },
        Migration(module: "sync", number: 2, name: "signatures") { db in
            try db.execute(sql: "ALTER TABLE sync_change ADD COLUMN signature TEXT")
        },
        // Positions are never reused because the log is never pruned, so the rowid suffices;
        // AUTOINCREMENT cost a write to `sqlite_sequence` on every captured change.
        Migration(module: "sync", number: 3, name: "log-without-autoincrement") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sync_change_new (
                        position INTEGER PRIMARY KEY,
                        origin TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        timestamp INTEGER NOT NULL,
                        collection TEXT NOT NULL,
                        record_id TEXT NOT NULL,
                        scope TEXT NOT NULL,
                        fields TEXT NOT NULL,
                        bases TEXT NOT NULL,
                        signature TEXT,
                        UNIQUE (origin, sequence)
                    );
                    INSERT INTO sync_change_new SELECT position, origin, sequence, timestamp, collection, record_id,
                        scope, fields, bases, signature FROM sync_change;
                    DROP TABLE sync_change;
                    ALTER TABLE sync_change_new RENAME TO sync_change;
                    CREATE INDEX sync_change_scope ON sync_change(scope, position);
                    """)
        },
        // Urgent changes (a disaster warning) travel ahead of the log; the county records which
        // station holds each one.
        Migration(module: "sync", number: 4, name: "urgent-lane") { db in
            try db.execute(
                sql: """
                    ALTER TABLE sync_change ADD COLUMN urgent INTEGER NOT NULL DEFAULT 0;
                    CREATE INDEX sync_change_urgent ON sync_change(position) WHERE urgent = 1;
                    CREATE TABLE sync_urgent_receipt (
                        station TEXT NOT NULL,
                        origin TEXT NOT NULL,
                        sequence INTEGER NOT NULL,
                        received_at TEXT NOT NULL,
                        PRIMARY KEY (origin, sequence, station)
                    ) WITHOUT ROWID;
                    """)
        },
        // The epoch of a replica's log: positions are counted within it. A county brought back from a
        // backup starts a new one, and its stations pull its log again from the start.
        Migration(module: "sync", number: 5, name: "log-epoch") { db in
            try db.execute(sql: "INSERT OR IGNORE INTO sync_state(key, value) VALUES ('log_epoch', lower(hex(randomblob(16))))")
        },
        // Every conflict and resolution query goes by an index: a station that floods its conflicts
        // or quarantine must not make the console's station list scan them all.
        Migration(module: "sync", number: 6, name: "conflict-indexes") { db in
            try db.execute(
                sql: """
                    CREATE INDEX sync_conflict_by_scope ON sync_conflict(scope);
                    CREATE INDEX sync_resolution_by_conflict ON sync_resolution(conflict_id);
                    CREATE INDEX sync_quarantine_by_time ON sync_quarantine(quarantined_at);
                    """)
        },
    ]
}
