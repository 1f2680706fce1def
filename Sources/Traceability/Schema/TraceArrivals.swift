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
        guard let code = record.text("trace_code") else { return }
        try transaction.trace.setCodeKey(key(of: code), ofLot: record.id)
    }

    /// A certificate keyed by its code.
    public static let certificate: RecordArrival = RecordArrival { record, transaction in
        guard let code = record.text("code") else { return }
        try transaction.trace.setCodeKey(key(of: code), ofCertificate: record.id)
    }

    /// An event: what it retracts marked, itself marked if its retraction came first, and a
    /// transformation's lots linked.
    public static let event: RecordArrival = RecordArrival { record, transaction in
        let trace = try transaction.trace
        if let retracted = record.text("retracts") {
            try trace.markRetracted(retracted, onlyIfRetractionHeld: false)
        }
        try trace.markRetracted(record.id, onlyIfRetractionHeld: true)
        if record.text("kind") == TraceEventKind.transforming.rawValue {
            try trace.link(transformation: record.id, inputs: try lots(record, "inputs"), outputs: try lots(record, "outputs"))
        }
    }

    /// The key a stored code is found by; a code no reader accepts keys nothing.
    static func key(of code: String) -> String {
        (try? TraceCode(code))?.lookupKey ?? ""
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
