import Foundation
import StoreInterface

/// Taking a change into the store: the one way every path — capture, a push received, a pull
/// accepted — writes a change's data, its field clocks and what its domain derives from it.
extension ReplicaCore {
    /// What became of one change offered to this replica.
    enum Outcome: Equatable {
        case applied
        case duplicate
        case quarantined(String)
    }

    /// What taking a change came to.
    struct Taking {
        /// The rule the change breaks, if it breaks one; then nothing was written.
        var broken: (rule: String, reason: String)?
        /// The concurrent edits the merge found (only at the county, only in a station's change):
        /// the hub records them (``HubReceiver``).
        var conflicts: [FieldConflict] = []
        /// The record written, when its domain derives from it later, with its push's others.
        var arrived: ArrivedRecord?
    }

    /// A field two writers changed without seeing each other's value: the value kept and the other.
    struct FieldConflict {
        let field: String
        let kept: SyncValue
        let other: SyncValue
        let keptOrigin: String
        let otherOrigin: String
    }

    /// Judges a change by its collection's rules and, if it passes, takes it into the store in the
    /// caller's transaction: the data, its field clocks, and what its domain derives from it
    /// (``RecordArrival``).
    ///
    /// What else a change's arrival does — whether it may be held already, whether it is logged,
    /// what a broken rule costs — belongs to the path it came by: ``ChangeCapture``,
    /// ``HubReceiver`` or ``StationPuller``.
    ///
    /// - Parameters:
    ///   - row: for an append-only record, its row as worked out before the writer was taken
    ///     (``Prepared``).
    ///   - held: whether the record is held, when the caller read it beforehand (``PushedRecords``):
    ///     a new fact is then inserted without awaiting the store's answer.
    ///   - derivingLater: the caller derives from the records of its batch together, where the
    ///     domain can (``RecordArrival``): the record written is handed back in ``Taking/arrived``.
    func take(
        _ change: Change, into collection: SyncCollection, author: ChangeAuthor, row: RecordRow? = nil, held: Bool? = nil,
        derivingLater: Bool = false, _ log: any ChangeLogTransaction
    ) throws -> Taking {
        if let broken = try collection.brokenRule(
            ProposedChange(change: change, collection: collection, author: author, here: role, transaction: log))
        {
            return Taking(broken: broken)
        }
        clock.observe(change.timestamp)
        var taking = Taking()
        let arrive = { (fields: [String: SyncValue]) in
            let record = ArrivedRecord(id: change.recordID, fields: fields)
            if derivingLater, collection.arrival?.derivesTogether == true {
                taking.arrived = record
            } else {
                try collection.arrival?.derive(from: record, log)
            }
        }
        switch collection.policy {
        case .appendOnly:
            // A fact held already derives nothing again.
            if try insertFact(row ?? self.row(change.fields, of: collection, id: change.recordID), held: held, log) {
                try arrive(change.fields)
            }
        case .countyAuthoritative:
            // One writer, so the record moves as a whole to the later stamp: one clock, not one a field.
            if try advanceClock(collection.name, change.recordID, Self.wholeRecord, to: change, log) {
                try upsert(change.fields, into: collection, id: change.recordID, division: change.scope, log)
                try arrive(change.fields)
            }
        case .mergeable:
            taking.conflicts = try merge(change, into: collection, log, arrive: arrive)
        }
        return taking
    }

    /// Inserts an append-only fact unless it is held; whether it was new.
    private func insertFact(_ row: RecordRow, held: Bool?, _ log: any ChangeLogTransaction) throws -> Bool {
        switch held {
        case true?: return false
        case false?:
            try log.insertNewRecord(row)
            return true
        case nil: return try log.insertRecord(row, replacing: false)
        }
    }

    /// Derives what the record's domain derives from it (``RecordArrival``), right after the write.
    func arrive(_ collection: SyncCollection, id: String, _ fields: [String: SyncValue], _ log: any ChangeLogTransaction) throws {
        try collection.arrival?.derive(from: ArrivedRecord(id: id, fields: fields), log)
    }

    /// How a quarantined change names the rule it broke.
    static func ruleReason(_ broken: (rule: String, reason: String)) -> String { "rule \(broken.rule): \(broken.reason)" }

    /// The clock name of a record merged as a whole.
    static let wholeRecord = "*"

    /// Moves a clock to the change's (timestamp, origin) if that is later; whether it moved.
    private func advanceClock(
        _ collection: String, _ recordID: String, _ field: String, to change: Change, _ log: any ChangeLogTransaction
    ) throws -> Bool {
        if let held = try log.fieldClock(collection: collection, recordID: recordID, field: field),
            (change.timestamp, change.origin) <= (held.timestamp, held.origin)
        {
            return false
        }
        try log.setFieldClock(
            collection: collection, recordID: recordID, field: field,
            to: FieldClock(timestamp: change.timestamp, origin: change.origin))
        return true
    }

    /// Field by field, the later (timestamp, origin) wins. At the county, an incoming change to a
    /// review-worthy field whose writer had not seen the value held here is a concurrent edit: the
    /// merge keeps the winner and answers the conflict.
    private func merge(
        _ change: Change, into collection: SyncCollection, _ log: any ChangeLogTransaction,
        arrive: ([String: SyncValue]) throws -> Void
    ) throws -> [FieldConflict] {
        var winners: [String: SyncValue] = [:]
        var conflicts: [FieldConflict] = []
        for (field, value) in change.fields {
            let held = try log.fieldClock(collection: collection.name, recordID: change.recordID, field: field)
            let incomingWins = held.map { (change.timestamp, change.origin) > ($0.timestamp, $0.origin) } ?? true
            if let held, role == .county, change.origin != origin, collection.isReviewWorthy(field),
                change.bases[field] != held.timestamp
            {
                let current = try log.recordValue(field, in: collection, id: change.recordID)
                if current != value {
                    conflicts.append(
                        incomingWins
                            ? FieldConflict(field: field, kept: value, other: current, keptOrigin: change.origin, otherOrigin: held.origin)
                            : FieldConflict(field: field, kept: current, other: value, keptOrigin: held.origin, otherOrigin: change.origin))
                }
            }
            if incomingWins, try advanceClock(collection.name, change.recordID, field, to: change, log) {
                winners[field] = value
            }
        }
        if !winners.isEmpty {
            try upsert(winners, into: collection, id: change.recordID, log)
            try arrive(winners)
        }
        return conflicts
    }

    /// Writes the given fields of a record: the whole row if they are all its fields, else an update
    /// of the held row. (An upsert of some fields would first build a whole new row, and fail the
    /// table's NOT NULL columns the change does not carry: a county record changed in one field.)
    /// A division's record (``SyncCollection/Scope/division(column:)``) also writes its division's
    /// code, which its change carries as its scope.
    func upsert(
        _ fields: [String: SyncValue], into collection: SyncCollection, id: String, division: String? = nil,
        _ log: any ChangeLogTransaction
    ) throws {
        var row = row(fields, of: collection, id: id)
        if let column = collection.divisionColumn, let division {
            row = RecordRow(
                table: row.table, idColumn: row.idColumn, id: id, names: row.names + [column], values: row.values + [.text(division)],
                isWhole: row.isWhole)
        }
        if !row.isWhole, try log.recordExists(in: collection, id: id) {
            try log.updateRecord(row)
        } else {
            _ = try log.insertRecord(row, replacing: true)
        }
    }

    /// A record's row: the fields written, in the collection's order.
    func row(_ fields: [String: SyncValue], of collection: SyncCollection, id: String) -> RecordRow {
        let names = collection.sortedNames(of: fields)
        // every name is a field: checked before
        return RecordRow(
            table: collection.table, idColumn: collection.idColumn, id: id, names: names,
            values: names.map { fields[$0] ?? .null }, isWhole: names.count == collection.fields.count)
    }
}
