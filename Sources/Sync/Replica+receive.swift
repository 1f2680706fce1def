import Foundation
public import StoreInterface

/// The hub's receiving: a station's push judged, taken and logged, in one transaction shared with
/// the pushes that arrive at the same moment.
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
        // Encoded for the log, laid out as rows and checked before the writer is taken: the writer
        // is what many stations wait for.
        let changes = request.changes.filter { $0.origin == station.origin }.map { change in
            let refusal = refusal(of: change, from: station)
            return (change: change, prepared: refusal == nil ? prepared(change) : nil, refusal: refusal)
        }
        // A change that fails in the store stops no queue: the push is applied again with each
        // change in a savepoint of its own, and the one that fails is quarantined alone.
        return try await BatchApplication.applying { application in
            try await store.writingTogether { [self] transaction in
                try applyPushed(changes, from: station, admission: admission, application, try transaction.changeLog)
            }
        }
    }

    func applyPushed(
        _ changes: [(change: Change, prepared: Prepared?, refusal: String?)], from station: StationPeer,
        admission: (any StoreTransaction) throws -> Void, _ application: BatchApplication, _ log: any ChangeLogTransaction
    ) throws -> PushReply {
        try admission(log)
        let author = ChangeAuthor.station(village: station.village)
        var notices: [QuarantineNotice] = []
        var taken: [String: [ArrivedRecord]] = [:]
        let held = try received(from: station.origin, log)
        var expected = held + 1
        for (change, prepared, refusal) in changes {
            if change.sequence < expected { continue }
            if change.sequence > expected { break }
            expected += 1
            let outcome = try guarded(change, application, log) {
                try takePushed(change, prepared: prepared, refusal: refusal, from: station, author: author, log)
            }
            if outcome == .applied, collections[change.collection]?.arrival?.received != nil {
                taken[change.collection, default: []].append(ArrivedRecord(id: change.recordID, fields: change.fields))
            }
            if case .quarantined(let reason) = outcome {
                notices.append(
                    QuarantineNotice(
                        origin: change.origin, sequence: change.sequence, reason: reason,
                        clockAhead: reason == Self.clockAheadReason(change)))
            }
        }
        // Marked once for the batch: the changes are in order and in this transaction.
        if expected - 1 > held { try log.markReceived(expected - 1, from: station.origin) }
        for (name, records) in taken.sorted(by: { $0.key < $1.key }) { try collections[name]?.arrival?.settle(received: records, log) }
        return PushReply(acknowledged: expected - 1, quarantined: notices, countyTime: clock.correctedWallMilliseconds)
    }

    /// Takes the next change of a station's push: never held yet (its sequence is the next), logged
    /// to be served, its origin's received mark left to the batch. A change the county refuses, or
    /// that breaks a rule, is quarantined.
    func takePushed(
        _ change: Change, prepared: Prepared?, refusal: String?, from station: StationPeer, author: ChangeAuthor,
        _ log: any ChangeLogTransaction
    ) throws -> Outcome {
        guard let collection = collections[change.collection] else {
            return try quarantine(change, reason: "unknown collection \(change.collection)", log)
        }
        if let refusal = try refusal ?? ownerRefusal(of: change, from: station, log) {
            return try quarantine(change, reason: refusal, log)
        }
        if let broken = try take(change, into: collection, author: author, row: prepared?.row, log) {
            return try quarantine(change, reason: Self.ruleReason(broken), log)
        }
        try logChange(change, log, logged: prepared?.logged)
        return .applied
    }

    /// Why the county refuses a station's change for what the change itself says, or `nil`.
    func refusal(of change: Change, from station: StationPeer) -> String? {
        guard let collection = collections[change.collection] else {
            return "unknown collection \(change.collection)"
        }
        if collection.policy == .countyAuthoritative {
            return "\(collection.name) is written by the county only"
        }
        switch collection.scope {
        case .villageShared:
            // Read county-wide, so its owner is named in its column (``ownerRefusal(of:from:_:)``).
            if !change.scope.isEmpty { return "\(collection.name) records travel county-wide" }
        case .village, .countyWide:
            if change.scope != station.village {
                return "the record belongs to \(change.scope.isEmpty ? "the county" : change.scope), not \(station.village)"
            }
            if case .village(let column) = collection.scope, let written = change.fields[column],
                written != .text(station.village)
            {
                return "field \(column) must be the station's village \(station.village)"
            }
        }
        if let unknown = change.fields.keys.first(where: { !collection.fieldSet.contains($0) }) {
            return "unknown field \(unknown) of \(collection.name)"
        }
        if clock.isTooFarAhead(change.timestamp) {
            return Self.clockAheadReason(change)
        }
        return nil
    }

    /// Why the county refuses a station's change to a record of a village, checked against the
    /// stored record in the writer's transaction, so that no station takes over, renames or moves
    /// another village's record by writing its id.
    func ownerRefusal(of change: Change, from station: StationPeer, _ log: any ChangeLogTransaction) throws -> String? {
        guard let collection = collections[change.collection], let column = collection.scope.ownerColumn else { return nil }
        let stored = try storedOwner(of: collection, recordID: change.recordID, log)
        if change.fields[column] ?? stored.map(SyncValue.text) != .text(station.village) {
            return "field \(column) must be the station's village \(station.village)"
        }
        if let stored, stored != station.village {
            return "the record belongs to \(stored), not \(station.village)"
        }
        return nil
    }

    static func clockAheadReason(_ change: Change) -> String {
        "stamped \(change.timestamp) ahead of county time: the station's clock is wrong"
    }
}
