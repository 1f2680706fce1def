import Foundation
import StoreInterface

/// The change log as the engine's parts write and read it: a change's logged form, its entry, its
/// quarantine, and a change read back from its row.
extension ReplicaCore {
    /// A change's fields and bases as the log keeps them: JSON with sorted keys.
    struct LoggedForm: Sendable {
        let fields: String
        let bases: String
    }

    /// What receiving works out for a change before it takes the writer: its log form and, for an
    /// append-only record, the row to insert.
    struct Prepared: Sendable {
        let logged: LoggedForm
        let row: RecordRow?
    }

    func prepared(_ change: Change) -> Prepared {
        let appendOnly = collections[change.collection].flatMap { $0.policy == .appendOnly ? $0 : nil }
        return Prepared(
            logged: loggedForm(of: change), row: appendOnly.map { row(change.fields, of: $0, id: change.recordID) })
    }

    func loggedForm(of change: Change) -> LoggedForm {
        if let logged = change.logged { return logged }
        return LoggedForm(
            fields: CompactJSON.encode(change.fields, sortedKeys: collections[change.collection]?.sortedNames(of: change.fields)),
            bases: CompactJSON.encode(change.bases))
    }

    /// Adds a change to the log. A change of another origin is marked received by the hub's
    /// receiving, once for its batch.
    func logChange(_ change: Change, _ log: any ChangeLogTransaction, logged: LoggedForm? = nil) throws {
        let logged = logged ?? loggedForm(of: change)
        try log.append(change, fields: logged.fields, bases: logged.bases, urgent: isUrgent(change))
    }

    /// Sets a change aside with its reason, and marks it received: it will not be taken again.
    func quarantine(_ change: Change, reason: String, _ log: any ChangeLogTransaction) throws -> Outcome {
        try log.quarantine(
            QuarantineEntry(
                origin: change.origin, sequence: change.sequence, reason: reason, quarantinedAt: Date().formatted(.iso8601)),
            change: try Self.json(change))
        try log.markReceived(change.sequence, from: change.origin)
        return .quarantined(reason)
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
