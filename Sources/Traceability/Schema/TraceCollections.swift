public import Sync

/// What the traceability module hands to the sync layer. Lots, events and certificates belong to
/// the village that records them, which alone writes them, and are read by every station: a code
/// is scanned wherever the produce is sold. The county may also write them (official sampling, a
/// recall). Lots are master data merged field by field, their quantity and producer review-worthy;
/// events and certificates are append-only facts. A lot's history is evidence: the county's log
/// keeps every version (`keepsHistory`).
///
/// ```swift
/// let replica = try Replica(store: store, role: .county, collections: TraceCollections.all)
/// ```
public enum TraceCollections {
    public static let lot = SyncCollection(
        name: "trace.lot", table: "trace_lot", columns: TraceLot.CodingKeys.self,
        scope: .villageShared(column: "village_code"),
        policy: .mergeable(reviewWorthy: ["quantity_g", "producer_name", "producer_phone", "producer_credit_code"]),
        rules: TraceRuleBook.lot,
        redaction: TracePrivacy.masking([("producer_name", "producer_kind", "producer_phone")]), arrival: TraceArrivals.lot, keepsHistory: true)

    public static let event = SyncCollection(
        name: "trace.event", table: "trace_event", columns: TraceEvent.CodingKeys.self,
        // Whether a retraction withdrew it is derived where it is kept (TraceArrivals).
        unsynced: [.retracted],
        scope: .villageShared(column: "village_code"), policy: .appendOnly, rules: TraceRuleBook.event,
        redaction: TracePrivacy.masking([("source_name", "source_kind", nil), ("destination_name", "destination_kind", nil)]),
        arrival: TraceArrivals.event, keepsHistory: true)

    public static let certificate = SyncCollection(
        name: "trace.certificate", table: "trace_certificate", columns: TraceCertificate.CodingKeys.self,
        scope: .villageShared(column: "village_code"), policy: .appendOnly, rules: TraceRuleBook.certificate,
        redaction: TracePrivacy.masking([("producer_name", "producer_kind", "producer_phone")]), arrival: TraceArrivals.certificate, keepsHistory: true)

    /// In the order records must arrive: events and certificates name their lot.
    public static let all = [lot, event, certificate]
}
