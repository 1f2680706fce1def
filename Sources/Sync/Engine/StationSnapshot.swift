import Foundation
import StoreInterface

/// A station's side of a snapshot (protocol 2): whether it should bootstrap from one — newly
/// enrolled, or told by the county that its position is below the floor of the compacted log —
/// and each page taken in its own transaction — the records whole, with their clocks and what their
/// domains derive from them — with where the next page starts, so a cut link resumes where it
/// stopped. After the last page the station stands at the snapshot's position and pulls from there.
///
/// A station that held data already takes of a record with a change of its own not yet
/// acknowledged only the fields the county set later, as a pull would have merged them (that
/// change is on its way, and must not be lost), and leaves an append-only fact it holds (a fact
/// does not change, and what was derived from it is there).
///
/// ```swift
/// let snapshots = StationSnapshot(core: core)
/// if let request = try await snapshots.wanted() { … try await snapshots.take(reply) }
/// ```
struct StationSnapshot: Sendable {
    let core: ReplicaCore

    /// The page to ask for: the first when the station has pulled nothing and made nothing (newly
    /// enrolled) or was told to take one, the next when a snapshot is under way; `nil` when the
    /// station pulls.
    func wanted() async throws -> SnapshotRequest? {
        try await core.store.reading { [origin = core.origin] transaction in
            let log = try transaction.changeLog
            if let text = try log.state("snapshot_cursor"), !text.isEmpty,
                let cursor = try? JSONDecoder().decode(SnapshotCursor.self, from: Data(text.utf8)),
                let position = try log.state("snapshot_position").flatMap(Int64.init)
            {
                return SnapshotRequest(position: position, cursor: cursor)
            }
            if try log.state("snapshot_due") == "1" { return SnapshotRequest() }
            let fresh =
                try log.state("county_epoch") == nil && (log.state("pull_position").flatMap(Int64.init) ?? 0) == 0
                && log.lastLogged(from: origin) == nil
            return fresh ? SnapshotRequest() : nil
        }
    }

    /// Asks for a snapshot at the next round's start: the county's log below this station's
    /// position was compacted.
    func want() async throws {
        try await core.store.writing { transaction in try transaction.changeLog.setState("snapshot_due", to: "1") }
    }

    /// Takes a page in one transaction; answers how many records it held. A record of a bucket
    /// that is not the station's, or of another village, is left.
    func take(_ reply: SnapshotReply) async throws -> Int {
        core.clock.adopt(countyWallMilliseconds: reply.countyTime)
        let village = core.village ?? ""
        let held = Set(DataBucket.held(by: village, of: Array(core.collections.values)))
        return try await core.store.writing { [core] transaction in
            let log = try transaction.changeLog
            let pending = try core.unacknowledgedRecords(log)
            var taken = 0
            for part in reply.parts {
                guard held.contains(part.bucket), let collection = core.collections[part.bucket.collection] else { continue }
                var arrived: [ArrivedRecord] = []
                for record in part.records where Self.belongs(record, to: part.bucket, of: collection) {
                    var fields = record.fields
                    if collection.policy == .appendOnly, try log.recordExists(in: collection, id: record.id) { continue }
                    if pending.contains(RecordKey(collection: collection.name, id: record.id)), collection.policy != .appendOnly {
                        fields = try core.takeNewer(record, of: collection, in: part.bucket, log)
                        if fields.isEmpty { continue }
                    } else {
                        try core.takeWhole(record, of: collection, in: part.bucket, log)
                    }
                    arrived.append(ArrivedRecord(id: record.id, fields: fields))
                }
                try collection.arrival?.derive(fromAll: arrived, log)
                taken += arrived.count
            }
            if let next = reply.next {
                try log.setState("snapshot_cursor", to: String(decoding: try JSONEncoder().encode(next), as: UTF8.self))
                try log.setState("snapshot_position", to: String(reply.position))
            } else {
                try log.setState("snapshot_cursor", to: "")
                try log.setState("snapshot_due", to: "")
                try log.setState("pull_position", to: String(reply.position))
                try log.setState("county_epoch", to: reply.epoch)
                try log.setState("county_origin", to: reply.countyOrigin)
            }
            try log.setState("clock_offset", to: String(core.clock.offsetMilliseconds))
            return taken
        }
    }

    /// Whether a record sent in a bucket is one of it: its fields the collection's, and its village
    /// the bucket's where the collection's records are a village's.
    static func belongs(_ record: MendedRecord, to bucket: DataBucket, of collection: SyncCollection) -> Bool {
        guard record.fields.keys.allSatisfy(collection.fieldSet.contains) else { return false }
        if case .village(let column) = collection.scope { return record.fields[column] == .text(bucket.scope) }
        return true
    }
}
