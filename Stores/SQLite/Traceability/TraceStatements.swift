public import Traceability

/// The SQL a lookup runs, public so that the benchmark steps the very same statements on bare
/// SQLite as its baseline.
public enum TraceStatements {
    public static let certificateByKey =
        "SELECT * FROM trace_certificate WHERE code_key = ? ORDER BY recorded_at DESC LIMIT 1"
    public static let lotByKey = "SELECT * FROM trace_lot WHERE code_key = ? ORDER BY created_at DESC LIMIT 1"
    public static let lotByID = "SELECT * FROM trace_lot WHERE id = ?"
    public static let certificateOfLot =
        "SELECT * FROM trace_certificate WHERE lot_id = ? ORDER BY issued_on DESC, recorded_at DESC LIMIT 1"
    /// The events of the lots named in a JSON array, oldest first.
    public static let eventsOfLots = """
        SELECT * FROM trace_event WHERE lot_id IN (SELECT value FROM json_each(?))
        ORDER BY occurred_at, id
        """

    /// Every lot reached from a lot (`?1`) one way, within `?2` transformations, nearest first.
    public static func lineage(_ direction: TraceLineage.Direction) -> String {
        let (from, to) = direction == .upstream ? ("output_lot", "input_lot") : ("input_lot", "output_lot")
        return """
            WITH RECURSIVE reached(lot_id, depth, via_event_id) AS (
                SELECT ?1, 0, ''
                UNION
                SELECT link.\(to), reached.depth + 1, link.event_id
                FROM trace_link link
                JOIN reached ON link.\(from) = reached.lot_id
                JOIN trace_event event ON event.id = link.event_id AND event.retracted = 0
                WHERE reached.depth < ?2
            )
            SELECT lot_id, MIN(depth) AS depth, via_event_id FROM reached
            WHERE lot_id <> ?1 GROUP BY lot_id ORDER BY depth, lot_id
            """
    }
    public static let upstream = lineage(.upstream)
    public static let downstream = lineage(.downstream)
}
