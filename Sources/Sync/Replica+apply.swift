import Foundation

extension Replica {
    /// What became of one change offered to this replica.
    enum Outcome: Equatable {
        case applied
        case duplicate
        case quarantined(String)
    }

    /// Judges a change by its collection's rules and, if it passes, takes it into the store in the
    /// caller's transaction: the data, its field clocks, and what its domain derives from it
    /// (``RecordArrival``). The rule it breaks, if it breaks one; then nothing was written.
    ///
    /// What else a change's arrival does — whether it may be held already, whether it is logged,
    /// what a broken rule costs — belongs to the path it came by: captured here
    /// (``write(_:to:id:fields:)``), pushed to the county (``receive(_:from:admission:)``) or
    /// pulled by a station (``accept(_:)``).
    ///
    /// - Parameter row: for an append-only record, its row as worked out before the writer was
    ///   taken (``Prepared``).
    func take(
        _ change: Change, into collection: SyncCollection, author: ChangeAuthor, row: RecordRow? = nil,
        _ log: any ChangeLogTransaction
    ) throws -> (rule: String, reason: String)? {
        if let broken = try collection.brokenRule(
            ProposedChange(change: change, collection: collection, author: author, here: role, transaction: log))
        {
            return broken
        }
        clock.observe(change.timestamp)
        switch collection.policy {
        case .appendOnly:
            // A fact held already derives nothing again.
            if try log.insertRecord(row ?? self.row(change.fields, of: collection, id: change.recordID), replacing: false) {
                try arrive(collection, id: change.recordID, change.fields, log)
            }
        case .countyAuthoritative:
            // One writer, so the record moves as a whole to the later stamp: one clock, not one a field.
            if try advanceClock(collection.name, change.recordID, Self.wholeRecord, to: change, log) {
                try upsert(change.fields, into: collection, id: change.recordID, log)
                try arrive(collection, id: change.recordID, change.fields, log)
            }
        case .mergeable:
            try merge(change, into: collection, log)
        }
        return nil
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
    func advanceClock(
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

    /// Field by field, the later (timestamp, origin) wins. At the county, an incoming change to a
    /// review-worthy field whose writer had not seen the value held here is a concurrent edit:
    /// the merge keeps the winner and records one conflict.
    func merge(_ change: Change, into collection: SyncCollection, _ log: any ChangeLogTransaction) throws {
        var winners: [String: SyncValue] = [:]
        var conflicts: [(field: String, kept: SyncValue, other: SyncValue, keptOrigin: String, otherOrigin: String)] = []
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
                            ? (field, value, current, change.origin, held.origin)
                            : (field, current, value, held.origin, change.origin))
                }
            }
            if incomingWins, try advanceClock(collection.name, change.recordID, field, to: change, log) {
                winners[field] = value
            }
        }
        if !winners.isEmpty {
            try upsert(winners, into: collection, id: change.recordID, log)
            try arrive(collection, id: change.recordID, winners, log)
        }
        // A conflict belongs to the record's village, which a record read county-wide names in its column.
        let village = try change.scope.isEmpty ? storedOwner(of: collection, recordID: change.recordID, log) ?? "" : change.scope
        for conflict in conflicts {
            try write(
                log, to: ConflictLog.conflicts.name, id: "\(change.origin):\(change.sequence):\(conflict.field)",
                fields: [
                    "scope": .text(village), "collection": .text(collection.name),
                    "record_id": .text(change.recordID), "field": .text(conflict.field),
                    "kept_value": .text(try Self.json(conflict.kept)), "kept_origin": .text(conflict.keptOrigin),
                    "other_value": .text(try Self.json(conflict.other)), "other_origin": .text(conflict.otherOrigin),
                ])
        }
    }

    /// Writes the given fields of a record: the whole row if they are all its fields, else an update
    /// of the held row. (An upsert of some fields would first build a whole new row, and fail the
    /// table's NOT NULL columns the change does not carry: a county record changed in one field.)
    func upsert(_ fields: [String: SyncValue], into collection: SyncCollection, id: String, _ log: any ChangeLogTransaction)
        throws
    {
        let row = row(fields, of: collection, id: id)
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

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
