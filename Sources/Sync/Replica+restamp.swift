import GRDB

extension Replica {
    /// The highest timestamp held that the corrected clock does not consider too far ahead.
    func lastTrustedTimestamp(_ db: Database) throws -> HybridTimestamp {
        let limit = HybridTimestamp(wallMilliseconds: clock.correctedWallMilliseconds + 1, counter: 0)
        let last = try Int64.fetchOne(
            db, sql: "SELECT MAX(timestamp) FROM sync_change WHERE timestamp < ?", arguments: [limit.rawValue])
        return HybridTimestamp(rawValue: last ?? 0)
    }

    /// Records a refused change of this station's again, as a new change stamped by the corrected
    /// clock. The data is already in place; the field clocks it set move to the new stamp.
    func restamp(_ refused: Change, _ db: Database) throws {
        var bases: [String: HybridTimestamp] = [:]
        for field in refused.fields.keys where !refused.bases.isEmpty {
            if let held = try fieldClock(refused.collection, refused.recordID, field, db),
                held.timestamp != refused.timestamp || held.origin != origin
            {
                bases[field] = held.timestamp
            } else {
                bases[field] = refused.bases[field]
            }
        }
        let change = Change(
            origin: origin, sequence: try nextSequence(db), timestamp: clock.now(),
            collection: refused.collection, recordID: refused.recordID, scope: refused.scope,
            fields: refused.fields, bases: bases)
        try db.execute(
            sql: """
                UPDATE sync_field_clock SET timestamp = ? WHERE collection = ? AND record_id = ? AND origin = ? AND timestamp = ?
                """,
            arguments: [change.timestamp.rawValue, change.collection, change.recordID, origin, refused.timestamp.rawValue])
        try log(change, db)
    }
}
