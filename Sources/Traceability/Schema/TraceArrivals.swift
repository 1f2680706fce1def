import GRDB
public import Sync

/// What the traceability module derives as its records arrive (``RecordArrival``), whichever
/// order they arrive in:
/// - `code_key` of lots and certificates (``TraceCode/lookupKey``), by which a scan finds them;
/// - `retracted` on an event a retraction names, whether the retraction comes first or second;
/// - `trace_link`, one row per input and output lot of a transformation, that lineage walks.
///
/// ```swift
/// TraceCollections.event.arrival    // TraceArrivals.event
/// ```
public enum TraceArrivals {
    /// A lot keyed by its code, whenever its code is written.
    public static let lot: RecordArrival = RecordArrival { record, transaction in
        let db = transaction.sqliteDatabase
        guard let code = record.text("trace_code") else { return }
        try db.cachedStatement(sql: "UPDATE trace_lot SET code_key = ? WHERE id = ?").execute(arguments: [key(of: code), record.id])
    }

    /// A certificate keyed by its code.
    public static let certificate: RecordArrival = RecordArrival { record, transaction in
        let db = transaction.sqliteDatabase
        guard let code = record.text("code") else { return }
        try db.cachedStatement(sql: "UPDATE trace_certificate SET code_key = ? WHERE id = ?")
            .execute(arguments: [key(of: code), record.id])
    }

    /// An event: what it retracts marked, itself marked if its retraction came first, and a
    /// transformation's lots linked.
    public static let event: RecordArrival = RecordArrival { record, transaction in
        let db = transaction.sqliteDatabase
        if let retracted = record.text("retracts") {
            try db.cachedStatement(sql: "UPDATE trace_event SET retracted = 1 WHERE id = ?").execute(arguments: [retracted])
        }
        try db.cachedStatement(
            sql: "UPDATE trace_event SET retracted = 1 WHERE id = ?1 AND EXISTS (SELECT 1 FROM trace_event WHERE retracts = ?1)"
        ).execute(arguments: [record.id])
        if record.text("kind") == TraceEventKind.transforming.rawValue {
            try link(transformation: record, db)
        }
    }

    /// The key a stored code is found by; a code no reader accepts keys nothing.
    static func key(of code: String) -> String {
        (try? TraceCode(code))?.lookupKey ?? ""
    }

    /// Every input lot linked to every output lot.
    private static func link(transformation record: ArrivedRecord, _ db: Database) throws {
        let inputs = try lots(record, "inputs")
        let outputs = try lots(record, "outputs")
        let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO trace_link(event_id, input_lot, output_lot) VALUES (?, ?, ?)")
        for input in inputs {
            for output in outputs { try insert.execute(arguments: [record.id, input, output]) }
        }
    }

    /// A JSON array of lot ids.
    private static func lots(_ record: ArrivedRecord, _ field: String) throws -> [String] {
        guard let text = record.text(field) else { return [] }
        var reader = SyncJSONReader(Array(text.utf8))
        var lots: [String] = []
        do {
            try reader.elements { lots.append(try $0.string()) }
        } catch let malformed as SyncJSONReader.Malformed {
            throw UnderivableRecord(collection: TraceCollections.event.name, reason: "\(field) is not a JSON array of lot ids: \(malformed)")
        }
        return lots
    }
}
