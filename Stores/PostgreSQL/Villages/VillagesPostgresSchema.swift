public import PostgresStorage

/// The tables of the villages module on PostgreSQL (the SQLite store's `VillagesSchema`).
///
/// ```swift
/// let schema = PostgresSchema(modules: [SyncPostgresSchema.migrations, VillagesPostgresSchema.migrations])
/// ```
public enum VillagesPostgresSchema {
    public static let migrations: [PostgresMigration] = [
        PostgresMigration(
            module: "villages", number: 1, name: "divisions",
            sql: """
                CREATE TABLE county (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    city TEXT NOT NULL,
                    province TEXT NOT NULL
                );
                CREATE TABLE township (
                    code TEXT PRIMARY KEY,
                    county_code TEXT NOT NULL REFERENCES county ON DELETE CASCADE,
                    name TEXT NOT NULL
                );
                CREATE TABLE village (
                    code TEXT PRIMARY KEY,
                    township_code TEXT NOT NULL REFERENCES township ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    households BIGINT NOT NULL,
                    population BIGINT NOT NULL
                );
                CREATE INDEX village_township ON village(township_code)
                """)
    ]
}
