import GRDB
public import Storage

/// Tables of the program's own accounts and sessions. They are the program's alone and never sync:
/// a station's operators log in at its screen, the county's staff at its console.
///
/// ```swift
/// let schema = Schema(modules: [SyncSchema.migrations, AccessSchema.migrations, …])
/// ```
public enum AccessSchema {
    public static let migrations: [Migration] = [
        Migration(module: "access", number: 1, name: "accounts-and-sessions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE access_account (
                        login TEXT PRIMARY KEY,
                        name TEXT NOT NULL,
                        roles TEXT NOT NULL,
                        secret_hash TEXT NOT NULL,
                        failures INTEGER NOT NULL DEFAULT 0,
                        locked_until REAL,
                        created_at REAL NOT NULL
                    );
                    CREATE TABLE access_session (
                        token_hash TEXT PRIMARY KEY,
                        login TEXT NOT NULL REFERENCES access_account(login) ON DELETE CASCADE,
                        created_at REAL NOT NULL,
                        expires_at REAL NOT NULL
                    );
                    CREATE INDEX access_session_login ON access_session(login);
                    """)
        },
        // The answers of creating requests by idempotency key, for a day (``StoredAnswers``).
        Migration(module: "access", number: 2, name: "request-answers") { db in
            try db.execute(
                sql: """
                    CREATE TABLE access_request_answer (
                        key TEXT PRIMARY KEY,
                        status INTEGER NOT NULL,
                        content_type TEXT,
                        body BLOB NOT NULL,
                        recorded_at REAL NOT NULL
                    );
                    CREATE INDEX access_request_answer_age ON access_request_answer(recorded_at);
                    """)
        },
        // A hub's staff answer for a division (``Account/division``): a county's administrator for
        // that county's villages only. `''`: the hub's whole area, as every account was before.
        Migration(module: "access", number: 3, name: "account-division") { db in
            try db.execute(sql: "ALTER TABLE access_account ADD COLUMN division TEXT NOT NULL DEFAULT ''")
        },
    ]
}
