public import PostgresStorage

/// The program's own accounts, sessions and recorded answers on PostgreSQL (the SQLite store's
/// `AccessSchema`). On a hub of several processes they are what lets any process answer a login,
/// a session or a repeated request another one began.
///
/// ```swift
/// let schema = PostgresSchema(modules: [SyncPostgresSchema.migrations, AccessPostgresSchema.migrations])
/// ```
public enum AccessPostgresSchema {
    public static let migrations: [PostgresMigration] = [
        PostgresMigration(
            module: "access", number: 1, name: "accounts-sessions-answers",
            sql: """
                CREATE TABLE access_account (
                    login TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    roles TEXT NOT NULL,
                    secret_hash TEXT NOT NULL,
                    failures BIGINT NOT NULL DEFAULT 0,
                    locked_until DOUBLE PRECISION,
                    created_at DOUBLE PRECISION NOT NULL
                );
                CREATE TABLE access_session (
                    token_hash TEXT PRIMARY KEY,
                    login TEXT NOT NULL REFERENCES access_account(login) ON DELETE CASCADE,
                    created_at DOUBLE PRECISION NOT NULL,
                    expires_at DOUBLE PRECISION NOT NULL
                );
                CREATE INDEX access_session_login ON access_session(login);
                CREATE TABLE access_request_answer (
                    key TEXT PRIMARY KEY,
                    status BIGINT NOT NULL,
                    content_type TEXT,
                    body BYTEA NOT NULL,
                    recorded_at DOUBLE PRECISION NOT NULL
                );
                CREATE INDEX access_request_answer_age ON access_request_answer(recorded_at)
                """),
        // The rate limits every process of a hub counts in (``PostgresRateLimits``). Unlogged: a
        // bucket is worth nothing after a crash, and is not worth a write to the log on every request.
        PostgresMigration(
            module: "access", number: 2, name: "rate-buckets",
            sql: """
                CREATE UNLOGGED TABLE access_rate_bucket (
                    name TEXT NOT NULL,
                    client TEXT NOT NULL,
                    tokens DOUBLE PRECISION NOT NULL,
                    at TIMESTAMPTZ NOT NULL,
                    allowed BIGINT NOT NULL,
                    PRIMARY KEY (name, client)
                );
                CREATE INDEX access_rate_bucket_age ON access_rate_bucket(at)
                """),
        // A hub's staff answer for a division (``Account/division``); `''`: the hub's whole area.
        PostgresMigration(
            module: "access", number: 3, name: "account-division",
            sql: "ALTER TABLE access_account ADD COLUMN division TEXT NOT NULL DEFAULT ''"),
    ]
}
