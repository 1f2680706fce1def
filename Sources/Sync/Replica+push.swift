import Foundation
import StoreInterface

/// A station's pushing: its own changes the county has not acknowledged, and the county's answer.
extension Replica {
    /// The station's own changes the county has not acknowledged, oldest first.
    public func pendingChanges(limit: Int) async throws -> [Change] {
        try await store.reading { [origin] transaction in
            let log = try transaction.changeLog
            var changes: [Change] = []
            try log.changes(from: origin, after: try Self.acknowledged(log), limit: limit) { changes.append(try Self.change(from: $0)) }
            return changes
        }
    }

    /// The same changes as ``pendingChanges(limit:)``, as a push's JSON written from the log's text.
    public func pendingPush(limit: Int) async throws -> PendingPush {
        try await store.reading { [origin] transaction in
            let log = try transaction.changeLog
            var sequences: [Int64] = []
            let json = try PushRequest.wireJSON { json in
                json += "["
                try log.changes(from: origin, after: try Self.acknowledged(log), limit: limit) { row in
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

    /// Records the county's acknowledgement, its refusals and its clock. A change refused only for
    /// a clock that ran ahead is stamped again with the corrected clock, so its data is not lost and
    /// does not win every later merge.
    public func accept(_ reply: PushReply) async throws {
        clock.adopt(countyWallMilliseconds: reply.countyTime)
        try await store.writing { transaction in
            let log = try transaction.changeLog
            try log.setState("acknowledged", to: String(reply.acknowledged))
            try log.setState("clock_offset", to: String(clock.offsetMilliseconds))
            var restamp: [Change] = []
            for notice in reply.quarantined {
                guard let row = try log.loggedChange(origin: notice.origin, sequence: notice.sequence) else { continue }
                let change = try Self.change(from: row)
                _ = try quarantine(change, reason: notice.reason, log)
                if notice.clockAhead { restamp.append(change) }
            }
            if !restamp.isEmpty {
                clock.rewind(to: try lastTrustedTimestamp(log))
                for change in restamp { try self.restamp(change, log) }
            }
        }
    }
}
