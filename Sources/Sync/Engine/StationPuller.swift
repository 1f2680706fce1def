import Foundation
import StoreInterface

/// A station's pulling: the county's batch judged and taken, the position it reaches, and the
/// urgent changes held ahead of it.
///
/// ```swift
/// let puller = StationPuller(core: core)
/// let restarted = try await puller.accept(reply)   // true: the county's log is another epoch
/// ```
struct StationPuller: Sendable {
    let core: ReplicaCore

    /// Applies a pulled batch and the position it reaches, in one transaction; answers `true` when
    /// instead the county's log turned out to be another epoch (the county was restored from a
    /// backup): the station then pulls the whole log again, which applies harmlessly.
    func accept(_ reply: PullReply) async throws -> Bool {
        core.clock.adopt(countyWallMilliseconds: reply.countyTime)
        return try await BatchApplication.applying { application in
            try await core.store.writing { transaction in try apply(reply, application, try transaction.changeLog) }
        }
    }

    private func apply(_ reply: PullReply, _ application: BatchApplication, _ log: any ChangeLogTransaction) throws -> Bool {
        let held = try log.state("county_epoch")
        if !reply.epoch.isEmpty { try log.setState("county_epoch", to: reply.epoch) }
        if let held, !reply.epoch.isEmpty, held != reply.epoch {
            try log.setState("pull_position", to: "0")
            try log.setState("urgent_held", to: "")
            return true
        }
        let countyOrigin = core.countyOrigin ?? reply.countyOrigin
        for change in reply.urgent + reply.changes {
            _ = try application.apply(change, log, core) { try take(change, countyOrigin: countyOrigin, log) }
        }
        try log.setState("pull_position", to: String(reply.position))
        // The request that brought this reply told the county of the urgent changes held before.
        try log.setState("urgent_held", to: reply.urgent.map { String($0.sequence) }.joined(separator: ","))
        try log.setState("county_origin", to: reply.countyOrigin)
        if let support = reply.support, let text = try? String(decoding: JSONEncoder().encode(support), as: UTF8.self) {
            try log.setState("county_protocol", to: text)
        }
        try log.setState("clock_offset", to: String(core.clock.offsetMilliseconds))
        return false
    }

    /// The position of the county's log this station has applied up to.
    func pullPosition() async throws -> Int64 {
        try await core.store.reading { transaction in try transaction.changeLog.state("pull_position").flatMap { Int64($0) } ?? 0 }
    }

    /// The epoch of the county's log the pull position counts in, empty before the first pull.
    func countyEpoch() async throws -> String {
        try await core.store.reading { transaction in try transaction.changeLog.state("county_epoch") ?? "" }
    }

    /// The urgent changes received ahead of the pull position, to name in the next pull.
    func heldUrgent() async throws -> [Int64] {
        try await core.store.reading { transaction in
            (try transaction.changeLog.state("urgent_held") ?? "").split(separator: ",").compactMap { Int64($0) }
        }
    }

    /// Takes a change pulled from the county. What others made is applied without logging: applying
    /// is idempotent (a fact is inserted once, a field only moves to a later stamp), and a station
    /// serves no log. One of its own coming back (a station restored from a backup) is logged again,
    /// once, to be pushed.
    private func take(_ change: Change, countyOrigin: String, _ log: any ChangeLogTransaction) throws -> ReplicaCore.Outcome {
        let own = change.origin == core.origin
        if own, try log.holds(origin: change.origin, sequence: change.sequence) { return .duplicate }
        guard let collection = core.collections[change.collection] else {
            return try core.quarantine(change, reason: "unknown collection \(change.collection)", log)
        }
        if let refusal = refusal(of: change, countyOrigin: countyOrigin) {
            return try core.quarantine(change, reason: refusal, log)
        }
        let author = try author(of: change, countyOrigin: countyOrigin, log)
        if let broken = try core.take(change, into: collection, author: author, log).broken {
            // A fact held already is not judged again: applying it twice changes nothing (a
            // station pulling its county's log again after a restore gets every voucher twice).
            if collection.policy == .appendOnly, !own, try log.recordExists(in: collection, id: change.recordID) { return .duplicate }
            if own { throw SyncError.refused(rule: broken.rule, reason: broken.reason) }
            return try core.quarantine(change, reason: ReplicaCore.ruleReason(broken), log)
        }
        if own { try core.logChange(change, log) }
        return .applied
    }

    /// Who made a pulled change: the county if it comes from the county's origin, else a station of
    /// the record's village.
    private func author(of change: Change, countyOrigin: String, _ log: any ChangeLogTransaction) throws -> ChangeAuthor {
        if change.origin == countyOrigin { return .county }
        if !change.scope.isEmpty { return .station(village: change.scope) }
        guard let collection = core.collections[change.collection], let column = collection.scope.ownerColumn else {
            return .station(village: "")
        }
        if case .text(let village) = change.fields[column] ?? .null { return .station(village: village) }
        return .station(village: try core.storedOwner(of: collection, recordID: change.recordID, log) ?? "")
    }

    /// Why a station refuses a pulled change: county-owned records must come from the county, and
    /// nothing outside its scope is taken.
    private func refusal(of change: Change, countyOrigin: String) -> String? {
        guard let collection = core.collections[change.collection] else { return "unknown collection \(change.collection)" }
        if collection.policy == .countyAuthoritative {
            if change.origin != countyOrigin { return "\(collection.name) must come from the county" }
            guard let signature = core.signature, signature.verifies(change) else {
                return "\(collection.name) record does not carry a valid county signature"
            }
        }
        if !DivisionScopes(village: core.village ?? "").contains(change.scope) {
            return "the record belongs to another village or division, \(change.scope)"
        }
        if let unknown = change.fields.keys.first(where: { !collection.fieldSet.contains($0) }) {
            return "unknown field \(unknown) of \(collection.name)"
        }
        return nil
    }
}
