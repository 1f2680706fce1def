import StoreInterface

/// The hub's side of a snapshot (protocol 2): a new station's scope as the hub holds it, in pages
/// bounded in bytes as a pull's are, bucket after bucket in the order records must arrive in.
/// A station bootstraps from it instead of replaying the log — every version of every record since
/// the hub began — and then pulls from the position it stands at.
///
/// ```swift
/// var page = try await HubSnapshot(core: core).page(SnapshotRequest(), for: station)
/// while let next = page.next { page = try await HubSnapshot(core: core).page(SnapshotRequest(position: page.position, cursor: next), for: station) }
/// ```
struct HubSnapshot: Sendable {
    let core: ReplicaCore

    /// Records read at a time from a bucket.
    static let readAtOnce = 200

    func page(_ request: SnapshotRequest, for station: StationPeer) async throws -> SnapshotReply {
        let buckets = DataBucket.held(by: station.village, inOrder: core.order.compactMap { core.collections[$0] })
        return try await core.store.reading { transaction in
            let log = try transaction.changeLog
            // Fixed at the first page: a record changed since is sent as it is now, and its change
            // again by the pulls after, which take it harmlessly (the clocks say it is held).
            let position = try request.position ?? log.lastPosition() ?? 0
            var cursor = request.cursor ?? SnapshotCursor(bucket: 0, after: nil)
            var parts: [SnapshotPart] = []
            var bytes = 0
            let budget = request.columns == true ? HubServer.columnarPullByteBudget : HubServer.pullByteBudget
            while cursor.bucket >= 0, cursor.bucket < buckets.count, bytes < budget {
                let (index, bucket) = (cursor.bucket, buckets[cursor.bucket])
                guard let collection = core.collections[bucket.collection] else { break }
                let fields = collection.sortedFields
                let rows = try log.records(
                    in: collection, fields: fields, where: bucket.selection(in: collection), after: cursor.after, limit: Self.readAtOnce)
                var records: [MendedRecord] = []
                cursor = rows.count < Self.readAtOnce ? SnapshotCursor(bucket: index + 1, after: nil) : SnapshotCursor(bucket: index, after: rows.last?.0)
                for (id, values) in rows {
                    let fields = Dictionary(uniqueKeysWithValues: zip(fields, values))
                    records.append(try core.record(id, fields, of: collection, asHeldBy: station.village, log))
                    bytes += values.reduce(id.utf8.count) { $0 + $1.description.utf8.count }
                    // A page ends within its bound of bytes, after the record that reached it.
                    if bytes >= budget, id != rows.last?.0 {
                        cursor = SnapshotCursor(bucket: index, after: id)
                        break
                    }
                }
                if !records.isEmpty { parts.append(SnapshotPart(bucket: bucket, records: records)) }
            }
            var reply = SnapshotReply(
                position: position, epoch: try log.state("log_epoch") ?? "", countyOrigin: core.origin,
                countyTime: core.clock.correctedWallMilliseconds, parts: parts, next: cursor.bucket < buckets.count ? cursor : nil)
            reply.rowsAsColumns = request.columns == true
            return reply
        }
    }
}
