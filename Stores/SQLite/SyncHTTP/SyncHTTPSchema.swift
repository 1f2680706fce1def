import GRDB
public import Storage

/// Tables of the sync protocol's HTTP side: at the county, the stations it enrolled and its signing
/// key; at a station, its enrollment (its key, the county's key, its request counter).
///
/// ```swift
/// let schema = Schema(modules: [SyncSchema.migrations, SyncHTTPSchema.migrations, …])
/// ```
public enum SyncHTTPSchema {
    public static let migrations: [Migration] = [
        Migration(module: "synchttp", number: 1, name: "stations-and-keys") { db in
            try db.execute(
                sql: """
                    CREATE TABLE sync_station (
                        id TEXT PRIMARY KEY,
                        village TEXT NOT NULL,
                        name TEXT NOT NULL,
                        code_hash TEXT,
                        code_expires_at TEXT,
                        public_key BLOB,
                        origin TEXT UNIQUE,
                        enrolled_at TEXT,
                        revoked_at TEXT,
                        counter INTEGER NOT NULL DEFAULT 0,
                        last_sync_at TEXT,
                        pending INTEGER NOT NULL DEFAULT 0,
                        clock_offset_ms INTEGER NOT NULL DEFAULT 0
                    );
                    CREATE TABLE sync_county_key (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        private_key BLOB NOT NULL
                    );
                    CREATE TABLE sync_enrollment (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        server_url TEXT NOT NULL,
                        station_id TEXT NOT NULL,
                        village TEXT NOT NULL,
                        private_key BLOB NOT NULL,
                        county_public_key BLOB NOT NULL,
                        county_origin TEXT NOT NULL,
                        counter INTEGER NOT NULL DEFAULT 0
                    );
                    """)
        },
        // The county chooses a station's origin at enrollment; the station keeps it beside its keys.
        Migration(module: "synchttp", number: 2, name: "enrolled-origin") { db in
            try db.execute(sql: "ALTER TABLE sync_enrollment ADD COLUMN origin TEXT")
        },
        // What the county's domains found wrong with a station's own data (its copy of the books).
        Migration(module: "synchttp", number: 3, name: "station-warning") { db in
            try db.execute(sql: "ALTER TABLE sync_station ADD COLUMN warning TEXT")
        },
        // The sync protocol each station last spoke: the county lists its stations by it.
        Migration(module: "synchttp", number: 4, name: "station-protocol") { db in
            try db.execute(sql: "ALTER TABLE sync_station ADD COLUMN protocol_version INTEGER")
        },
        // The key a station and its county agreed on for the idle check's short authentication
        // codes (protocol 2), kept at both ends; and the digest of what the station last reported
        // with a pull, which an idle check must match.
        Migration(module: "synchttp", number: 5, name: "check-keys") { db in
            try db.execute(sql: "ALTER TABLE sync_station ADD COLUMN check_key BLOB")
            try db.execute(sql: "ALTER TABLE sync_station ADD COLUMN reported_digest BLOB")
            try db.execute(sql: "ALTER TABLE sync_enrollment ADD COLUMN check_key BLOB")
        },
        // How many of each station's records its verifications found otherwise than the county's
        // and mended, and when last: shown per station at the county.
        Migration(module: "synchttp", number: 6, name: "station-mended") { db in
            try db.execute(sql: "ALTER TABLE sync_station ADD COLUMN mended INTEGER NOT NULL DEFAULT 0")
            try db.execute(sql: "ALTER TABLE sync_station ADD COLUMN last_mended_at TEXT")
        },
    ]
}
