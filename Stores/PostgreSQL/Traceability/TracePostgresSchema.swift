public import PostgresStorage

/// The tables of the traceability module on PostgreSQL (the SQLite store's `TraceSchema`, in its
/// present shape): lots, events, certificates, and what ``TraceArrivals`` derives from them (code
/// keys, retractions, the links of transformations).
///
/// ```swift
/// let schema = PostgresSchema(modules: [SyncPostgresSchema.migrations, TracePostgresSchema.migrations])
/// ```
public enum TracePostgresSchema {
    public static let migrations: [PostgresMigration] = [
        PostgresMigration(
            module: "trace", number: 1, name: "lots-events-certificates",
            sql: """
                CREATE TABLE trace_lot (
                    id TEXT PRIMARY KEY,
                    village_code TEXT NOT NULL,
                    trace_code TEXT NOT NULL,
                    product_name TEXT NOT NULL,
                    variety_code TEXT NOT NULL DEFAULT '',
                    quantity_g BIGINT NOT NULL DEFAULT 0,
                    producer_name TEXT NOT NULL DEFAULT '',
                    producer_kind TEXT NOT NULL DEFAULT 'person',
                    producer_phone TEXT NOT NULL DEFAULT '',
                    producer_credit_code TEXT NOT NULL DEFAULT '',
                    origin TEXT NOT NULL DEFAULT '',
                    created_at TEXT NOT NULL DEFAULT '',
                    code_key TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX trace_lot_by_key ON trace_lot(code_key);
                CREATE INDEX trace_lot_by_village ON trace_lot(village_code, created_at);
                CREATE TABLE trace_event (
                    id TEXT PRIMARY KEY,
                    village_code TEXT NOT NULL,
                    lot_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    occurred_at TEXT NOT NULL,
                    read_point TEXT NOT NULL DEFAULT '',
                    biz_location TEXT NOT NULL DEFAULT '',
                    disposition TEXT NOT NULL DEFAULT '',
                    source_name TEXT NOT NULL DEFAULT '',
                    source_kind TEXT,
                    destination_name TEXT NOT NULL DEFAULT '',
                    destination_kind TEXT,
                    quantity_g BIGINT,
                    input_name TEXT NOT NULL DEFAULT '',
                    registration_number TEXT NOT NULL DEFAULT '',
                    dose TEXT NOT NULL DEFAULT '',
                    safety_interval_days BIGINT,
                    test_kind TEXT,
                    test_item TEXT NOT NULL DEFAULT '',
                    test_passed BIGINT,
                    tester TEXT NOT NULL DEFAULT '',
                    inputs TEXT NOT NULL DEFAULT '[]',
                    outputs TEXT NOT NULL DEFAULT '[]',
                    retracts TEXT,
                    note TEXT NOT NULL DEFAULT '',
                    recorded_by TEXT NOT NULL DEFAULT '',
                    recorded_at TEXT NOT NULL,
                    retracted BIGINT NOT NULL DEFAULT 0
                );
                CREATE INDEX trace_event_by_lot ON trace_event(lot_id, occurred_at);
                CREATE INDEX trace_event_retractions ON trace_event(retracts) WHERE retracts IS NOT NULL;
                CREATE TABLE trace_link (
                    event_id TEXT NOT NULL,
                    input_lot TEXT NOT NULL,
                    output_lot TEXT NOT NULL,
                    PRIMARY KEY (event_id, input_lot, output_lot)
                );
                CREATE INDEX trace_link_by_input ON trace_link(input_lot);
                CREATE INDEX trace_link_by_output ON trace_link(output_lot);
                CREATE TABLE trace_certificate (
                    id TEXT PRIMARY KEY,
                    code TEXT NOT NULL,
                    lot_id TEXT NOT NULL,
                    village_code TEXT NOT NULL,
                    product_name TEXT NOT NULL,
                    quantity_g BIGINT NOT NULL,
                    producer_name TEXT NOT NULL,
                    producer_kind TEXT NOT NULL,
                    producer_phone TEXT NOT NULL DEFAULT '',
                    origin TEXT NOT NULL DEFAULT '',
                    issued_on TEXT NOT NULL,
                    promise TEXT NOT NULL,
                    test_kind TEXT,
                    test_passed BIGINT,
                    issued_by TEXT NOT NULL DEFAULT '',
                    recorded_at TEXT NOT NULL,
                    code_key TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX trace_certificate_by_key ON trace_certificate(code_key);
                CREATE INDEX trace_certificate_by_lot ON trace_certificate(lot_id)
                """)
    ]
}
