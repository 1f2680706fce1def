import Foundation
public import GRDB
import Storage
public import StoreInterface

extension Replica {
    // MARK: At the county

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
        do {
            return try await store.groupCommit.write { [self] db in
                try applyPushed(changes, from: station, admission: admission, careful: false, db)
            }
        } catch is FailedInStore {
            return try await store.groupCommit.write { [self] db in
                try applyPushed(changes, from: station, admission: admission, careful: true, db)
            }
        }
    }

    func applyPushed(
        _ changes: [(change: Change, prepared: Prepared?, refusal: String?)], from station: StationPeer,
        admission: (any StoreTransaction) throws -> Void, careful: Bool, _ db: Database
    ) throws -> PushReply {
        try admission(db)
        let author = ChangeAuthor.station(village: station.village)
        var notices: [QuarantineNotice] = []
        let held = try received(from: station.origin, db)
        var expected = held + 1
        for (change, prepared, refusal) in changes {
            if change.sequence < expected { continue }
            if change.sequence > expected { break }
            expected += 1
            let outcome = try guarded(change, careful: careful, marksReceived: false, db) {
                try takePushed(change, prepared: prepared, refusal: refusal, from: station, author: author, db)
            }
            if case .quarantined(let reason) = outcome {
                notices.append(
                    QuarantineNotice(
                        origin: change.origin, sequence: change.sequence, reason: reason,
                        clockAhead: reason == Self.clockAheadReason(change)))
            }
        }
        // Marked once for the batch: the changes are in order and in this transaction.
        if expected - 1 > held { try markReceived(expected - 1, from: station.origin, db) }
        return PushReply(acknowledged: expected - 1, quarantined: notices, countyTime: clock.correctedWallMilliseconds)
    }

    /// Takes the next change of a station's push: never held yet (its sequence is the next), logged
    /// to be served, its origin's received mark left to the batch. A change the county refuses, or
    /// that breaks a rule, is quarantined.
    func takePushed(
        _ change: Change, prepared: Prepared?, refusal: String?, from station: StationPeer, author: ChangeAuthor,
        _ db: Database
    ) throws -> Outcome {
        guard let collection = collections[change.collection] else {
            return try quarantine(change, reason: "unknown collection \(change.collection)", db, marksReceived: false)
        }
        if let refusal = try refusal ?? ownerRefusal(of: change, from: station, db) {
            return try quarantine(change, reason: refusal, db, marksReceived: false)
        }
        if let broken = try take(change, into: collection, author: author, insertion: prepared?.insertion, db) {
            return try quarantine(change, reason: Self.ruleReason(broken), db, marksReceived: false)
        }
        try log(change, db, logged: prepared?.logged, marksReceived: false)
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
    func ownerRefusal(of change: Change, from station: StationPeer, _ db: Database) throws -> String? {
        guard let collection = collections[change.collection], let column = collection.scope.ownerColumn else { return nil }
        let stored = try storedOwner(of: collection, recordID: change.recordID, db)
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

    /// The most field bytes a pull reply carries (before compression), whatever the count asked
    /// for: a batch of large documents such as bulletins stays a batch a slow link finishes.
    static let pullByteBudget = 256 * 1024

    /// The next batch of the county's log in a station's scope: county-wide records and its village's.
    /// The station's own changes are left out: it holds them, and sending them back doubled what a
    /// push cost both sides. So a store brought back from a backup must not speak as the origin it
    /// was: what that origin made after the backup would never come back to it.
    public func changes(after position: Int64, for station: StationPeer, limit: Int) async throws -> PullReply {
        try await store.pool.read { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT \(Self.changeColumns) FROM sync_change WHERE position > ? AND scope IN ('', ?) AND origin != ?
                    ORDER BY position LIMIT ?
                    """,
                arguments: [position, station.village, station.origin, limit + 1])
            var batch = rows.prefix(limit)
            var bytes = 0
            if let cut = batch.firstIndex(where: { row in
                bytes += (row[.fields] as String).utf8.count
                return bytes > Self.pullByteBudget
            }), cut > batch.startIndex {
                batch = batch[..<cut]
            }
            let last = try batch.last.map { $0[.position] as Int64 }
                ?? Int64.fetchOne(db, sql: "SELECT MAX(position) FROM sync_change") ?? position
            let urgent = try Row.fetchAll(
                db.cachedStatement(
                    sql: """
                        SELECT \(Self.changeColumns) FROM sync_change WHERE urgent = 1 AND position > ? AND scope IN ('', ?)
                        ORDER BY position LIMIT ?
                        """),
                arguments: [max(last, position), station.village, Self.urgentAhead])
            return PullReply(
                changes: try batch.map { try redacted(Self.change(from: $0), for: station, db) }, position: max(last, position),
                more: rows.count > batch.count,
                countyTime: clock.correctedWallMilliseconds, countyOrigin: origin, urgent: try urgent.map(Self.change(from:)),
                epoch: try Self.state(db, "log_epoch") ?? "")
        }
    }

    /// A change as its log row holds it, keeping the row's JSON text for the wire.
    static func change(from row: Row) throws -> Change {
        let logged = LoggedForm(fields: row[.fields], bases: row[.bases])
        var fields = SyncJSONReader(logged.fields.utf8)
        var bases = SyncJSONReader(logged.bases.utf8)
        var change = Change(
            origin: row[.origin], sequence: row[.sequence], timestamp: HybridTimestamp(rawValue: row[.timestamp]),
            collection: row[.collection], recordID: row[.recordID], scope: row[.scope], fields: try fields.fields(),
            bases: try bases.timestamps(), signature: row[.signature])
        change.logged = logged
        return change
    }

    // MARK: At a station

    /// The station's own changes the county has not acknowledged, oldest first.
    public func pendingChanges(limit: Int) async throws -> [Change] {
        try await store.pool.read { db in
            try Row.fetchAll(db.cachedStatement(sql: Self.pendingSQL), arguments: pendingArguments(limit, db))
                .map(Self.change(from:))
        }
    }

    /// The same changes as ``pendingChanges(limit:)``, as a push's JSON written from the log's text.
    public func pendingPush(limit: Int) async throws -> PendingPush {
        try await store.pool.read { db in
            var sequences: [Int64] = []
            let json = try PushRequest.wireJSON { json in
                json += "["
                let rows = try Row.fetchCursor(db.cachedStatement(sql: Self.pendingSQL), arguments: pendingArguments(limit, db))
                while let row = try rows.next() {
                    if !sequences.isEmpty { json += "," }
                    Change.write(
                        origin: row[.origin], sequence: row[.sequence], timestamp: row[.timestamp], collection: row[.collection],
                        recordID: row[.recordID], scope: row[.scope], fields: row[.fields], bases: row[.bases],
                        signature: row[.signature], to: &json)
                    sequences.append(row[.sequence])
                }
                json += "]"
            }
            return PendingPush(sequences: sequences, wireJSON: json)
        }
    }

    static let pendingSQL = "SELECT \(changeColumns) FROM sync_change WHERE origin = ? AND sequence > ? ORDER BY sequence LIMIT ?"

    func pendingArguments(_ limit: Int, _ db: Database) throws -> StatementArguments {
        [origin, try Self.acknowledged(db), limit]
    }

    /// Records the county's acknowledgement, its refusals and its clock. A change refused only for
    /// a clock that ran ahead is stamped again with the corrected clock, so its data is not lost and
    /// does not win every later merge.
    public func accept(_ reply: PushReply) async throws {
        clock.adopt(countyWallMilliseconds: reply.countyTime)
        try await store.pool.write { db in
            try Self.setState(db, "acknowledged", String(reply.acknowledged))
            try Self.setState(db, "clock_offset", String(clock.offsetMilliseconds))
            var restamp: [Change] = []
            for notice in reply.quarantined {
                let row = try Row.fetchOne(
                    db, sql: "SELECT \(Self.changeColumns) FROM sync_change WHERE origin = ? AND sequence = ?",
                    arguments: [notice.origin, notice.sequence])
                guard let row else { continue }
                let change = try Self.change(from: row)
                _ = try quarantine(change, reason: notice.reason, db)
                if notice.clockAhead { restamp.append(change) }
            }
            if !restamp.isEmpty {
                clock.rewind(to: try lastTrustedTimestamp(db))
                for change in restamp { try self.restamp(change, db) }
            }
        }
    }

    /// Applies a pulled batch and the position it reaches, in one transaction; answers `true` when
    /// instead the county's log turned out to be another epoch (the county was restored from a
    /// backup): the station then pulls the whole log again, which applies harmlessly.
    @discardableResult
    public func accept(_ reply: PullReply) async throws -> Bool {
        clock.adopt(countyWallMilliseconds: reply.countyTime)
        do {
            return try await store.pool.write { db in try applyPulled(reply, careful: false, db) }
        } catch is FailedInStore {
            return try await store.pool.write { db in try applyPulled(reply, careful: true, db) }
        }
    }

    func applyPulled(_ reply: PullReply, careful: Bool, _ db: Database) throws -> Bool {
        let held = try Self.state(db, "county_epoch")
        if !reply.epoch.isEmpty { try Self.setState(db, "county_epoch", reply.epoch) }
        if let held, !reply.epoch.isEmpty, held != reply.epoch {
            try Self.setState(db, "pull_position", "0")
            try Self.setState(db, "urgent_held", "")
            return true
        }
        let countyOrigin = self.countyOrigin ?? reply.countyOrigin
        for change in reply.urgent + reply.changes {
            _ = try guarded(change, careful: careful, marksReceived: true, db) {
                try takePulled(change, countyOrigin: countyOrigin, db)
            }
        }
        try Self.setState(db, "pull_position", String(reply.position))
        // The request that brought this reply told the county of the urgent changes held before.
        try Self.setState(db, "urgent_held", reply.urgent.map { String($0.sequence) }.joined(separator: ","))
        try Self.setState(db, "county_origin", reply.countyOrigin)
        try Self.setState(db, "clock_offset", String(clock.offsetMilliseconds))
        return false
    }

    /// Starts a new epoch of this replica's log, in the caller's transaction: for a county store
    /// brought back from a backup, whose stations hold positions of the log it lost.
    public static func startLogEpoch(_ db: Database) throws {
        try setState(db, "log_epoch", UUID().uuidString.lowercased())
    }

    /// The position of the county's log this station has applied up to.
    public func pullPosition() async throws -> Int64 {
        try await store.pool.read { db in try Self.state(db, "pull_position").flatMap { Int64($0) } ?? 0 }
    }

    /// Takes a change pulled from the county. What others made is applied without logging: applying
    /// is idempotent (a fact is inserted once, a field only moves to a later stamp), and a station
    /// serves no log. One of its own coming back (a station restored from a backup) is logged again,
    /// once, to be pushed.
    func takePulled(_ change: Change, countyOrigin: String, _ db: Database) throws -> Outcome {
        let own = change.origin == origin
        if own, try isHeld(change, db) { return .duplicate }
        guard let collection = collections[change.collection] else {
            return try quarantine(change, reason: "unknown collection \(change.collection)", db)
        }
        if let refusal = refusal(ofPulled: change, countyOrigin: countyOrigin) {
            return try quarantine(change, reason: refusal, db)
        }
        let author = try author(ofPulled: change, countyOrigin: countyOrigin, db)
        if let broken = try take(change, into: collection, author: author, db) {
            // A fact held already is not judged again: applying it twice changes nothing (a
            // station pulling its county's log again after a restore gets every voucher twice).
            if collection.policy == .appendOnly, !own, try rowExists(collection, change.recordID, db) { return .duplicate }
            if own { throw SyncError.refused(rule: broken.rule, reason: broken.reason) }
            return try quarantine(change, reason: Self.ruleReason(broken), db)
        }
        if own { try log(change, db) }
        return .applied
    }

    /// Who made a pulled change: the county if it comes from the county's origin, else a station of
    /// the record's village.
    func author(ofPulled change: Change, countyOrigin: String, _ db: Database) throws -> ChangeAuthor {
        if change.origin == countyOrigin { return .county }
        if !change.scope.isEmpty { return .station(village: change.scope) }
        guard let collection = collections[change.collection], let column = collection.scope.ownerColumn else {
            return .station(village: "")
        }
        if case .text(let village) = change.fields[column] ?? .null { return .station(village: village) }
        return .station(village: try storedOwner(of: collection, recordID: change.recordID, db) ?? "")
    }

    /// Why a station refuses a pulled change: county-owned records must come from the county, and
    /// nothing outside its scope is taken.
    func refusal(ofPulled change: Change, countyOrigin: String) -> String? {
        guard let collection = collections[change.collection] else { return "unknown collection \(change.collection)" }
        if collection.policy == .countyAuthoritative {
            if change.origin != countyOrigin { return "\(collection.name) must come from the county" }
            guard let signature, signature.verifies(change) else {
                return "\(collection.name) record does not carry a valid county signature"
            }
        }
        if !change.scope.isEmpty, change.scope != village {
            return "the record belongs to another village, \(change.scope)"
        }
        if let unknown = change.fields.keys.first(where: { !collection.fieldSet.contains($0) }) {
            return "unknown field \(unknown) of \(collection.name)"
        }
        return nil
    }
}
