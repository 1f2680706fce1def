import StoreInterface

extension Replica {
    /// The highest timestamp held that the corrected clock does not consider too far ahead.
    func lastTrustedTimestamp(_ log: any ChangeLogTransaction) throws -> HybridTimestamp {
        let limit = HybridTimestamp(wallMilliseconds: clock.correctedWallMilliseconds + 1, counter: 0)
        return HybridTimestamp(rawValue: try log.lastTimestamp(below: limit.rawValue) ?? 0)
    }

    /// Records a refused change of this station's again, as a new change stamped by the corrected
    /// clock. The data is already in place; the field clocks it set move to the new stamp.
    func restamp(_ refused: Change, _ log: any ChangeLogTransaction) throws {
        var bases: [String: HybridTimestamp] = [:]
        for field in refused.fields.keys where !refused.bases.isEmpty {
            if let held = try log.fieldClock(collection: refused.collection, recordID: refused.recordID, field: field),
                held.timestamp != refused.timestamp || held.origin != origin
            {
                bases[field] = held.timestamp
            } else {
                bases[field] = refused.bases[field]
            }
        }
        let change = Change(
            origin: origin, sequence: try nextSequence(log), timestamp: clock.now(),
            collection: refused.collection, recordID: refused.recordID, scope: refused.scope,
            fields: refused.fields, bases: bases)
        try log.moveFieldClocks(
            collection: change.collection, recordID: change.recordID, origin: origin, from: refused.timestamp,
            to: change.timestamp)
        try logChange(change, log)
    }
}
