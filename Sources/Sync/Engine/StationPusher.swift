import StoreInterface

/// A station's pushing: its own changes the county has not acknowledged, and the county's answer
/// taken in — the acknowledgement, the refusals, the county's clock.
///
/// ```swift
/// let pusher = StationPusher(core: core)
/// let push = try await pusher.pendingPush(limit: 500)
/// try await pusher.accept(reply)
/// ```
struct StationPusher: Sendable {
    let core: ReplicaCore

    /// The station's own changes the county has not acknowledged, oldest first.
    func pendingChanges(limit: Int) async throws -> [Change] {
        try await core.store.reading { [origin = core.origin] transaction in
            let log = try transaction.changeLog
            var changes: [Change] = []
            try log.changes(from: origin, after: try ReplicaCore.acknowledged(log), limit: limit) {
                changes.append(try ReplicaCore.change(from: $0))
            }
            return changes
        }
    }

    /// The same changes as ``pendingChanges(limit:)``, as a push's JSON written from the log's text;
    /// from a later sequence than the acknowledged one when given (the batches of a bundle after the first).
    func pendingPush(after sequence: Int64? = nil, limit: Int) async throws -> PendingPush {
        try await core.store.reading { [origin = core.origin] transaction in
            let log = try transaction.changeLog
            var sequences: [Int64] = []
            let from = max(sequence ?? 0, try ReplicaCore.acknowledged(log))
            let json = try PushRequest.wireJSON { json in
                json += "["
                try log.changes(from: origin, after: from, limit: limit) { row in
                    if !sequences.isEmpty { json += "," }
                    Change.write(
                        origin: row.origin, sequence: row.sequence, timestamp: row.timestamp, collection: row.collection,
                        recordID: row.recordID, scope: row.scope, fields: row.fields, bases: row.bases,
                        signature: row.signature, to: &json)
                    sequences.append(row.sequence)
                }
                json += "]"
            }
            return PendingPush(sequences: sequences, wireJSON: json)
        }
    }

    /// The highest sequence of this station's the county has acknowledged.
    func acknowledged() async throws -> Int64 {
        try await core.store.reading { transaction in try ReplicaCore.acknowledged(try transaction.changeLog) }
    }

    /// Records the county's acknowledgement, its refusals and its clock. A change refused only for
    /// a clock that ran ahead is stamped again with the corrected clock, so its data is not lost and
    /// does not win every later merge.
    func accept(_ reply: PushReply) async throws {
        let clock = core.clock
        clock.adopt(countyWallMilliseconds: reply.countyTime)
        try await core.store.writing { transaction in
            let log = try transaction.changeLog
            try log.setState("acknowledged", to: String(reply.acknowledged))
            try log.setState("clock_offset", to: String(clock.offsetMilliseconds))
            var restamp: [Change] = []
            for notice in reply.quarantined {
                guard let row = try log.loggedChange(origin: notice.origin, sequence: notice.sequence) else { continue }
                let change = try ReplicaCore.change(from: row)
                _ = try core.quarantine(change, reason: notice.reason, log)
                if notice.clockAhead { restamp.append(change) }
            }
            if !restamp.isEmpty {
                clock.rewind(to: try lastTrustedTimestamp(log))
                for change in restamp { try self.restamp(change, log) }
            }
        }
    }

    /// The highest timestamp held that the corrected clock does not consider too far ahead.
    private func lastTrustedTimestamp(_ log: any ChangeLogTransaction) throws -> HybridTimestamp {
        let limit = HybridTimestamp(wallMilliseconds: core.clock.correctedWallMilliseconds + 1, counter: 0)
        return HybridTimestamp(rawValue: try log.lastTimestamp(below: limit.rawValue) ?? 0)
    }

    /// Records a refused change of this station's again, as a new change stamped by the corrected
    /// clock. The data is already in place; the field clocks it set move to the new stamp.
    private func restamp(_ refused: Change, _ log: any ChangeLogTransaction) throws {
        var bases: [String: HybridTimestamp] = [:]
        for field in refused.fields.keys where !refused.bases.isEmpty {
            if let held = try log.fieldClock(collection: refused.collection, recordID: refused.recordID, field: field),
                held.timestamp != refused.timestamp || held.origin != core.origin
            {
                bases[field] = held.timestamp
            } else {
                bases[field] = refused.bases[field]
            }
        }
        let change = Change(
            origin: core.origin, sequence: try core.nextSequence(log), timestamp: core.clock.now(),
            collection: refused.collection, recordID: refused.recordID, scope: refused.scope,
            fields: refused.fields, bases: bases)
        try log.moveFieldClocks(
            collection: change.collection, recordID: change.recordID, origin: core.origin, from: refused.timestamp,
            to: change.timestamp)
        try core.logChange(change, log)
    }
}
