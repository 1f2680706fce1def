import Foundation
import StoreInterface

/// A new station's side of a snapshot (protocol 2): whether it should bootstrap from one, and each
/// page taken in its own transaction — the records whole, with their clocks and what their domains
/// derive from them — with where the next page starts, so a cut link resumes where it stopped.
/// After the last page the station stands at the snapshot's position and pulls from there.
///
/// ```swift
/// let snapshots = StationSnapshot(core: core)
/// if let request = try await snapshots.wanted() { … try await snapshots.take(reply) }
/// ```
struct StationSnapshot: Sendable {
    let core: ReplicaCore

    /// The page to ask for: the first when the station has pulled nothing and made nothing (newly
    /// enrolled), the next when a snapshot is under way; `nil` when the station pulls.
    func wanted() async throws -> SnapshotRequest? {
        try await core.store.reading { [origin = core.origin] transaction in
            let log = try transaction.changeLog
            if let text = try log.state("snapshot_cursor"), !text.isEmpty,
                let cursor = try? JSONDecoder().decode(SnapshotCursor.self, from: Data(text.utf8)),
                let position = try log.state("snapshot_position").flatMap(Int64.init)
            {
                return SnapshotRequest(position: position, cursor: cursor)
            }
            let fresh =
                try log.state("county_epoch") == nil && (log.state("pull_position").flatMap(Int64.init) ?? 0) == 0
                && log.lastLogged(from: origin) == nil
            return fresh ? SnapshotRequest() : nil
        }
    }

    /// Takes a page in one transaction; answers how many records it held. A record of a bucket
    /// that is not the station's, or of another village, is left.
    func take(_ reply: SnapshotReply) async throws -> Int {
        core.clock.adopt(countyWallMilliseconds: reply.countyTime)
        let village = core.village ?? ""
        let held = Set(DataBucket.held(by: village, of: Array(core.collections.values)))
        return try await core.store.writing { [core] transaction in
            let log = try transaction.changeLog
            var taken = 0
            for part in reply.parts {
                guard held.contains(part.bucket), let collection = core.collections[part.bucket.collection] else { continue }
                var arrived: [ArrivedRecord] = []
                for record in part.records where Self.belongs(record, to: part.bucket, of: collection) {
                    try core.takeWhole(record, of: collection, in: part.bucket, log)
                    arrived.append(ArrivedRecord(id: record.id, fields: record.fields))
                }
                try collection.arrival?.derive(fromAll: arrived, log)
                taken += arrived.count
            }
            if let next = reply.next {
                try log.setState("snapshot_cursor", to: String(decoding: try JSONEncoder().encode(next), as: UTF8.self))
                try log.setState("snapshot_position", to: String(reply.position))
            } else {
                try log.setState("snapshot_cursor", to: "")
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
