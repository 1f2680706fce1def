import StoreInterface

/// The hub's receiving: a station's push judged, taken and logged, in one transaction shared with
/// the pushes that arrive at the same moment; the concurrent edits it finds recorded as conflicts.
///
/// ```swift
/// let receiver = HubReceiver(core: core, capture: ChangeCapture(core: core))
/// let reply = try await receiver.receive(request, from: station)
/// ```
struct HubReceiver: Sendable {
    let core: ReplicaCore
    let capture: ChangeCapture

    /// A change of a push as it is worked out before the writer is taken.
    private struct Arriving: Sendable {
        let change: Change
        let prepared: ReplicaCore.Prepared?
        let refusal: String?
    }

    /// Applies a station's pushed batch atomically, in sequence order: a change already held is
    /// skipped, a gap stops the batch (the station resends from the acknowledgement), and a change
    /// that breaks a rule is quarantined without stopping the ones after it. Batches of stations
    /// pushing at the same moment are committed together (``GroupCommit``).
    ///
    /// - Parameter admission: run first in the same transaction; its error refuses the whole push.
    func receive(
        _ request: PushRequest, from station: StationPeer, admission: @escaping @Sendable (any StoreTransaction) throws -> Void
    ) async throws -> PushReply {
        // Encoded for the log, laid out as rows and checked before the writer is taken: the writer
        // is what many stations wait for.
        let changes = request.changes.filter { $0.origin == station.origin }.map { change in
            let refusal = refusal(of: change, from: station)
            return Arriving(change: change, prepared: refusal == nil ? core.prepared(change) : nil, refusal: refusal)
        }
        return try await BatchApplication.applying { application in
            try await core.store.writingTogether { [self] transaction in
                try apply(changes, from: station, admission: admission, application, try transaction.changeLog)
            }
        }
    }

    private func apply(
        _ changes: [Arriving], from station: StationPeer, admission: (any StoreTransaction) throws -> Void,
        _ application: BatchApplication, _ log: any ChangeLogTransaction
    ) throws -> PushReply {
        try admission(log)
        var notices: [QuarantineNotice] = []
        var taken: [String: [ArrivedRecord]] = [:]
        var derived: [String: [ArrivedRecord]] = [:]
        let held = try core.received(from: station.origin, log)
        var expected = held + 1
        let next = changes.filter { $0.change.sequence >= expected && $0.refusal == nil }.map(\.change)
        var records = try PushedRecords(reading: next, of: core.collections, log)
        for arriving in changes {
            let change = arriving.change
            if change.sequence < expected { continue }
            if change.sequence > expected { break }
            expected += 1
            var arrived: ArrivedRecord?
            let outcome = try application.apply(change, log, core) {
                try take(arriving, from: station, records, log, derivingLater: application.derivesTogether, arrived: &arrived)
            }
            if case .quarantined(let reason) = outcome {
                notices.append(
                    QuarantineNotice(
                        origin: change.origin, sequence: change.sequence, reason: reason,
                        clockAhead: reason == Self.clockAheadReason(change)))
            }
            guard outcome == .applied, let collection = core.collections[change.collection] else { continue }
            records.took(change, into: collection)
            if let arrived { derived[change.collection, default: []].append(arrived) }
            if collection.arrival?.received != nil {
                taken[change.collection, default: []].append(ArrivedRecord(id: change.recordID, fields: change.fields))
            }
        }
        try application.finish(deriving: derived, core, log)
        // Marked once for the batch: the changes are in order and in this transaction.
        if expected - 1 > held { try log.markReceived(expected - 1, from: station.origin) }
        for (name, received) in taken.sorted(by: { $0.key < $1.key }) {
            try core.collections[name]?.arrival?.settle(received: received, log)
        }
        return PushReply(acknowledged: expected - 1, quarantined: notices, countyTime: core.clock.correctedWallMilliseconds)
    }

    /// Takes the next change of a station's push: never held yet (its sequence is the next), logged
    /// to be served, its origin's received mark left to the batch. A change the county refuses, or
    /// that breaks a rule, is quarantined.
    private func take(
        _ arriving: Arriving, from station: StationPeer, _ records: PushedRecords, _ log: any ChangeLogTransaction,
        derivingLater: Bool, arrived: inout ArrivedRecord?
    ) throws -> ReplicaCore.Outcome {
        let change = arriving.change
        guard let collection = core.collections[change.collection] else {
            return try core.quarantine(change, reason: "unknown collection \(change.collection)", log)
        }
        if let refusal = try arriving.refusal ?? ownerRefusal(of: change, from: station, records, log) {
            return try core.quarantine(change, reason: refusal, log)
        }
        let taking = try core.take(
            change, into: collection, author: .station(village: station.village), row: arriving.prepared?.row,
            held: records.isHeld(change.collection, change.recordID), derivingLater: derivingLater, log)
        arrived = taking.arrived
        if let broken = taking.broken {
            return try core.quarantine(change, reason: ReplicaCore.ruleReason(broken), log)
        }
        try record(taking.conflicts, of: change, in: collection, log)
        try core.logChange(change, log, logged: arriving.prepared?.logged)
        return .applied
    }

    /// Records the concurrent edits a change met, each as a conflict of the record's village,
    /// which a record read county-wide names in its column.
    private func record(
        _ conflicts: [ReplicaCore.FieldConflict], of change: Change, in collection: SyncCollection,
        _ log: any ChangeLogTransaction
    ) throws {
        guard !conflicts.isEmpty else { return }
        let village =
            try change.scope.isEmpty ? core.storedOwner(of: collection, recordID: change.recordID, log) ?? "" : change.scope
        for conflict in conflicts {
            _ = try capture.write(
                log, to: ConflictLog.conflicts.name, id: "\(change.origin):\(change.sequence):\(conflict.field)",
                fields: [
                    "scope": .text(village), "collection": .text(collection.name),
                    "record_id": .text(change.recordID), "field": .text(conflict.field),
                    "kept_value": .text(try ReplicaCore.json(conflict.kept)), "kept_origin": .text(conflict.keptOrigin),
                    "other_value": .text(try ReplicaCore.json(conflict.other)), "other_origin": .text(conflict.otherOrigin),
                ])
        }
    }
}
