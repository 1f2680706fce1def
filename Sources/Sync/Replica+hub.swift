import Foundation
public import StoreInterface

/// At the county: a station's push received (``HubReceiver``), its pull served (``HubServer``).
extension Replica {
    /// Applies a station's pushed batch atomically, in sequence order: a change already held is
    /// skipped, a gap stops the batch (the station resends from the acknowledgement), and a change
    /// that breaks a rule is quarantined without stopping the ones after it. Batches of stations
    /// pushing at the same moment are committed together (``GroupCommit``).
    ///
    /// - Parameter admission: run first in the same transaction; its error refuses the whole push
    ///   (the request's replay counter is taken there, so a push costs one commit, not two).
    public func receive(
        _ request: PushRequest, from station: StationPeer,
        admission: @escaping @Sendable (any StoreTransaction) throws -> Void = { _ in }
    ) async throws -> PushReply {
        try await receiver.receive(request, from: station, admission: admission)
    }

    /// Answers a station's pull: records which urgent changes it now holds, then the next batch of
    /// the log in its scope with urgent changes beyond it ahead.
    /// A station that takes snapshots (``PullRequest/snapshots``) pulling from below the floor of
    /// the compacted log is told so instead (``PullReply/floor``).
    public func serve(_ request: PullRequest, for station: StationPeer) async throws -> PullReply {
        try await server.serve(request, for: station)
    }

    /// The next batch of the county's log in a station's scope: county-wide records and its village's,
    /// without the station's own changes.
    public func changes(after position: Int64, for station: StationPeer, limit: Int) async throws -> PullReply {
        try await server.changes(after: position, for: station, limit: limit)
    }

    /// Whether a station holding the log up to a position holds everything of its scope, and the
    /// log's epoch (the idle check of protocol 2).
    public func idleState(after position: Int64, for station: StationPeer) async throws -> (current: Bool, epoch: String) {
        try await server.idleState(after: position, for: station)
    }

    /// A station holding an urgent record, and since when the county knows it.
    public struct UrgentReceipt: Sendable, Equatable, Codable {
        public let station: String
        public let receivedAt: String

        public init(station: String, receivedAt: String) {
            self.station = station
            self.receivedAt = receivedAt
        }
    }

    /// The stations (by origin) known to hold the latest urgent change of a record.
    public func urgentReceipts(collection: String, recordID: String) async throws -> [UrgentReceipt] {
        try await store.reading { transaction in
            try transaction.changeLog.urgentReceipts(collection: collection, recordID: recordID)
        }
    }

    /// The epoch of this county's log, which its positions count in; empty for a log that has none.
    public func logEpoch() async throws -> String {
        try await store.reading { transaction in try transaction.changeLog.state("log_epoch") ?? "" }
    }

    /// Starts a new epoch of this replica's log, in the caller's transaction: for a county store
    /// brought back from a backup, whose stations hold positions of the log it lost.
    public static func startLogEpoch(_ transaction: any StoreTransaction) throws {
        try transaction.changeLog.setState("log_epoch", to: UUID().uuidString.lowercased())
    }
}
