import Foundation
import StoreInterface

/// The hub's serving: a station's pull answered with the next batch of the county's log in its
/// scope, urgent changes ahead of it, and which urgent changes the station now holds recorded.
///
/// ```swift
/// let server = HubServer(core: core)
/// let reply = try await server.serve(PullRequest(after: 0, limit: 500), for: station)
/// ```
struct HubServer: Sendable {
    let core: ReplicaCore

    /// The most field bytes a pull reply carries (before compression), whatever the count asked
    /// for: a batch of large documents such as bulletins stays a batch a slow link finishes.
    static let pullByteBudget = 256 * 1024
    /// The same for a station that reads documents' rows as columns (``RowsAsColumns``): they
    /// travel in a seventh of the bytes, so a batch four times as large still finishes sooner,
    /// in fewer round trips.
    static let columnarPullByteBudget = 4 * pullByteBudget
    /// How many urgent changes a pull reply carries ahead of its batch.
    static let urgentAhead = 20

    /// Answers a station's pull: first records which urgent changes it now holds (those it names,
    /// and those its position covers), then the next batch with urgent changes beyond it ahead.
    ///
    /// A station that takes snapshots (``PullRequest/snapshots``) pulling from below the floor of
    /// the compacted log is answered with the floor alone: what it would replay lacks the removed
    /// changes' clocks. One that does not replays what is left, to the same values.
    func serve(_ request: PullRequest, for station: StationPeer) async throws -> PullReply {
        // Most pulls have nothing to record: a read says so, and spares the county a write.
        let unrecorded = try await core.store.reading { transaction in
            try transaction.changeLog.hasUnrecordedUrgent(through: request.after, reaching: DivisionScopes(village: station.village), station: station.origin)
        }
        if unrecorded || !request.heldUrgent.isEmpty {
            try await core.store.writing { [origin = core.origin] transaction in
                let log = try transaction.changeLog
                let now = Date().formatted(.iso8601)
                try log.recordUrgentReceipts(station: station.origin, through: request.after, reaching: DivisionScopes(village: station.village), at: now)
                for sequence in request.heldUrgent.prefix(Self.urgentAhead * 2) {
                    try log.recordUrgentReceipt(station: station.origin, origin: origin, sequence: sequence, at: now)
                }
            }
        }
        var reply = try await changes(
            after: request.after, for: station, limit: request.limit, offeringSnapshot: request.snapshots,
            byteBudget: request.columns ? Self.columnarPullByteBudget : Self.pullByteBudget)
        reply.rowsAsColumns = request.columns
        return reply
    }

    /// Whether a station that holds the log up to a position holds everything of its scope (no
    /// change after it, no urgent receipt to record), and the log's epoch: an idle check's answer,
    /// in one read.
    func idleState(after position: Int64, for station: StationPeer) async throws -> (current: Bool, epoch: String) {
        try await core.store.reading { transaction in
            let log = try transaction.changeLog
            let scopes = DivisionScopes(village: station.village)
            let current =
                try !log.hasUnrecordedUrgent(through: position, reaching: scopes, station: station.origin)
                && log.changes(after: position, reaching: scopes, notFrom: station.origin, limit: 1).isEmpty
            return (current, try log.state("log_epoch") ?? "")
        }
    }

    /// The next batch of the county's log in a station's scope: county-wide records and its village's.
    /// The station's own changes are left out: it holds them, and sending them back doubled what a
    /// push cost both sides. So a store brought back from a backup must not speak as the origin it
    /// was: what that origin made after the backup would never come back to it.
    func changes(
        after position: Int64, for station: StationPeer, limit: Int, offeringSnapshot: Bool = false, byteBudget: Int = pullByteBudget
    ) async throws -> PullReply {
        try await core.store.reading { transaction in
            let log = try transaction.changeLog
            if offeringSnapshot, let floor = try Self.floor(log), position < floor {
                var reply = PullReply(
                    changes: [], position: position, more: false, countyTime: core.clock.correctedWallMilliseconds,
                    countyOrigin: core.origin, epoch: try log.state("log_epoch") ?? "")
                reply.floor = floor
                return reply
            }
            let rows = try log.changes(after: position, reaching: DivisionScopes(village: station.village), notFrom: station.origin, limit: limit + 1)
            var batch = rows.prefix(limit)
            var bytes = 0
            if let cut = batch.firstIndex(where: { row in
                bytes += row.fields.utf8.count
                return bytes > byteBudget
            }), cut > batch.startIndex {
                batch = batch[..<cut]
            }
            let last = try batch.last?.position ?? log.lastPosition() ?? position
            let urgent = try log.urgentChanges(after: max(last, position), reaching: DivisionScopes(village: station.village), limit: Self.urgentAhead)
            return PullReply(
                changes: try batch.map { try redacted(ReplicaCore.change(from: $0), for: station, log) },
                position: max(last, position), more: rows.count > batch.count,
                countyTime: core.clock.correctedWallMilliseconds, countyOrigin: core.origin,
                urgent: try urgent.map(ReplicaCore.change(from:)), epoch: try log.state("log_epoch") ?? "")
        }
    }

    /// The position up to which the log was compacted, if it was (``LogCompaction``).
    static func floor(_ log: any ChangeLogTransaction) throws -> Int64? {
        try log.state("log_floor").flatMap(Int64.init)
    }

    /// A change as a station receives it: as it is, unless it is of a record read county-wide that
    /// belongs to another village and its collection redacts what such a station sees.
    private func redacted(_ change: Change, for station: StationPeer, _ log: any ChangeLogTransaction) throws -> Change {
        guard let collection = core.collections[change.collection], let redaction = collection.redaction,
            case .villageShared(let column) = collection.scope
        else { return change }
        let owner =
            if case .text(let village) = change.fields[column] { village }
            else { try core.storedOwner(of: collection, recordID: change.recordID, log) ?? "" }
        guard owner != station.village else { return change }
        let fields = try redaction.rewrite(change.fields) { field in
            try log.recordValue(field, in: collection, id: change.recordID)
        }
        guard fields != change.fields else { return change }
        return Change(
            origin: change.origin, sequence: change.sequence, timestamp: change.timestamp, collection: change.collection,
            recordID: change.recordID, scope: change.scope, fields: fields, bases: change.bases, signature: change.signature)
    }
}
