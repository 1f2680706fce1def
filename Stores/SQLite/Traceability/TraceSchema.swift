import GRDB
public import Storage

/// The tables of the traceability module, as numbered migrations.
///
/// What is derived from the facts — `code_key` of lots and certificates, `retracted` on an event a
/// retraction names, and `trace_link`, one row per input and output lot of a transformation —
/// ``TraceArrivals`` keeps, whichever order the facts arrive in. (Until migration 2, triggers did.)
///
/// ```swift
/// let schema = Schema(modules: [SyncSchema.migrations, TraceSchema.migrations])
/// ```
public enum TraceSchema {
    public static let migrations: [Migration] = [
        Migration(module: "trace", number: 1, name: "lots-events-certificates") { db in
            try db.execute(sql: lots)
            try db.execute(sql: events)
            try db.execute(sql: certificates)
        },
        // What arrives is derived in Swift, the same way on every store (TraceArrivals).
        Migration(module: "trace", number: 2, name: "derived-in-swift") { db in
            try db.execute(
                sql: """
                    DROP TRIGGER IF EXISTS trace_lot_keyed; DROP TRIGGER IF EXISTS trace_lot_rekeyed;
                    DROP TRIGGER IF EXISTS trace_retraction_arrives; DROP TRIGGER IF EXISTS trace_retracted_arrives;
                    DROP TRIGGER IF EXISTS trace_transformation_arrives; DROP TRIGGER IF EXISTS trace_certificate_keyed;
                    """)
        },
    ]

    static let lots = """
        CREATE TABLE trace_lot (
            id TEXT PRIMARY KEY,
            village_code TEXT NOT NULL,
            trace_code TEXT NOT NULL,
            product_name TEXT NOT NULL,
            variety_code TEXT NOT NULL DEFAULT '',
            quantity_g INTEGER NOT NULL DEFAULT 0,
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
        CREATE TRIGGER trace_lot_keyed AFTER INSERT ON trace_lot BEGIN
            UPDATE trace_lot SET code_key = trace_code_key(NEW.trace_code) WHERE id = NEW.id;
        END;
        CREATE TRIGGER trace_lot_rekeyed AFTER UPDATE OF trace_code ON trace_lot BEGIN
            UPDATE trace_lot SET code_key = trace_code_key(NEW.trace_code) WHERE id = NEW.id;
        END;
        """

    static let events = """
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
            quantity_g INTEGER,
            input_name TEXT NOT NULL DEFAULT '',
            registration_number TEXT NOT NULL DEFAULT '',
            dose TEXT NOT NULL DEFAULT '',
            safety_interval_days INTEGER,
            test_kind TEXT,
            test_item TEXT NOT NULL DEFAULT '',
            test_passed INTEGER,
            tester TEXT NOT NULL DEFAULT '',
            inputs TEXT NOT NULL DEFAULT '[]',
            outputs TEXT NOT NULL DEFAULT '[]',
            retracts TEXT,
            note TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            retracted INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX trace_event_by_lot ON trace_event(lot_id, occurred_at);
        CREATE INDEX trace_event_retractions ON trace_event(retracts) WHERE retracts IS NOT NULL;
        CREATE TRIGGER trace_retraction_arrives AFTER INSERT ON trace_event WHEN NEW.retracts IS NOT NULL BEGIN
            UPDATE trace_event SET retracted = 1 WHERE id = NEW.retracts;
        END;
        CREATE TRIGGER trace_retracted_arrives AFTER INSERT ON trace_event
        WHEN EXISTS (SELECT 1 FROM trace_event WHERE retracts = NEW.id) BEGIN
            UPDATE trace_event SET retracted = 1 WHERE id = NEW.id;
        END;

        CREATE TABLE trace_link (
            event_id TEXT NOT NULL,
            input_lot TEXT NOT NULL,
            output_lot TEXT NOT NULL,
            PRIMARY KEY (event_id, input_lot, output_lot)
        ) WITHOUT ROWID;
        CREATE INDEX trace_link_by_input ON trace_link(input_lot);
        CREATE INDEX trace_link_by_output ON trace_link(output_lot);
        CREATE TRIGGER trace_transformation_arrives AFTER INSERT ON trace_event WHEN NEW.kind = 'transforming' BEGIN
            INSERT OR IGNORE INTO trace_link(event_id, input_lot, output_lot)
            SELECT NEW.id, i.value, o.value FROM json_each(NEW.inputs) i, json_each(NEW.outputs) o;
        END;
        """

    static let certificates = """
        CREATE TABLE trace_certificate (
            id TEXT PRIMARY KEY,
            code TEXT NOT NULL,
            lot_id TEXT NOT NULL,
            village_code TEXT NOT NULL,
            product_name TEXT NOT NULL,
            quantity_g INTEGER NOT NULL,
            producer_name TEXT NOT NULL,
            producer_kind TEXT NOT NULL,
            producer_phone TEXT NOT NULL DEFAULT '',
            origin TEXT NOT NULL DEFAULT '',
            issued_on TEXT NOT NULL,
            promise TEXT NOT NULL,
            test_kind TEXT,
            test_passed INTEGER,
            issued_by TEXT NOT NULL DEFAULT '',
            recorded_at TEXT NOT NULL,
            code_key TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX trace_certificate_by_key ON trace_certificate(code_key);
        CREATE INDEX trace_certificate_by_lot ON trace_certificate(lot_id);
        CREATE TRIGGER trace_certificate_keyed AFTER INSERT ON trace_certificate BEGIN
            UPDATE trace_certificate SET code_key = trace_code_key(NEW.code) WHERE id = NEW.id;
        END;
        """
}
