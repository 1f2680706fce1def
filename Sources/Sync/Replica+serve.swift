import StoreInterface

/// The hub's serving: the next batch of its log in a station's scope.
extension Replica {
    /// The most field bytes a pull reply carries (before compression), whatever the count asked
    /// for: a batch of large documents such as bulletins stays a batch a slow link finishes.
    static let pullByteBudget = 256 * 1024

    /// The next batch of the county's log in a station's scope: county-wide records and its village's.
    /// The station's own changes are left out: it holds them, and sending them back doubled what a
    /// push cost both sides. So a store brought back from a backup must not speak as the origin it
    /// was: what that origin made after the backup would never come back to it.
    public func changes(after position: Int64, for station: StationPeer, limit: Int) async throws -> PullReply {
        try await store.reading { transaction in
            let log = try transaction.changeLog
            let rows = try log.changes(after: position, inScope: station.village, notFrom: station.origin, limit: limit + 1)
            var batch = rows.prefix(limit)
            var bytes = 0
            if let cut = batch.firstIndex(where: { row in
                bytes += row.fields.utf8.count
                return bytes > Self.pullByteBudget
            }), cut > batch.startIndex {
                batch = batch[..<cut]
            }
            let last = try batch.last?.position ?? log.lastPosition() ?? position
            let urgent = try log.urgentChanges(after: max(last, position), inScope: station.village, limit: Self.urgentAhead)
            return PullReply(
                changes: try batch.map { try redacted(Self.change(from: $0), for: station, log) }, position: max(last, position),
                more: rows.count > batch.count,
                countyTime: clock.correctedWallMilliseconds, countyOrigin: origin, urgent: try urgent.map(Self.change(from:)),
                epoch: try log.state("log_epoch") ?? "")
        }
    }

    /// A change as its log row holds it, keeping the row's JSON text for the wire.
    static func change(from row: LoggedChange) throws -> Change {
        let logged = LoggedForm(fields: row.fields, bases: row.bases)
        var fields = SyncJSONReader(logged.fields.utf8)
        var bases = SyncJSONReader(logged.bases.utf8)
        var change = Change(
            origin: row.origin, sequence: row.sequence, timestamp: HybridTimestamp(rawValue: row.timestamp),
            collection: row.collection, recordID: row.recordID, scope: row.scope, fields: try fields.fields(),
            bases: try bases.timestamps(), signature: row.signature)
        change.logged = logged
        return change
    }
}
