import Foundation
import GRDB
import Synchronization

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
    /// - Parameter insertion: for an append-only record, its row as worked out before the writer
    ///   was taken (``Prepared``).
    func take(
        _ change: Change, into collection: SyncCollection, author: ChangeAuthor, insertion: Insertion? = nil, _ db: Database
    ) throws -> (rule: String, reason: String)? {
        if let broken = try collection.brokenRule(ProposedChange(change: change, collection: collection, author: author, here: role, db: db)) {
            return broken
        }
        clock.observe(change.timestamp)
        switch collection.policy {
        case .appendOnly:
            try (insertion ?? self.insertion(change.fields, into: collection, id: change.recordID, replacing: false)).execute(db)
            // A fact held already derives nothing again.
            if db.changesCount > 0 { try arrive(collection, id: change.recordID, change.fields, db) }
        case .countyAuthoritative:
            // One writer, so the record moves as a whole to the later stamp: one clock, not one a field.
            if try advanceClock(collection.name, change.recordID, Self.wholeRecord, to: change, db) {
                try upsert(change.fields, into: collection, id: change.recordID, db)
                try arrive(collection, id: change.recordID, change.fields, db)
            }
        case .mergeable:
            try merge(change, into: collection, db)
        }
        return nil
    }

    /// Derives what the record's domain derives from it (``RecordArrival``), right after the write.
    func arrive(_ collection: SyncCollection, id: String, _ fields: [String: SyncValue], _ db: Database) throws {
        try collection.arrival?.derive(from: ArrivedRecord(id: id, fields: fields), db)
    }

    /// How a quarantined change names the rule it broke.
    static func ruleReason(_ broken: (rule: String, reason: String)) -> String { "rule \(broken.rule): \(broken.reason)" }

    /// The clock name of a record merged as a whole.
    static let wholeRecord = "*"

    /// Moves a clock to the change's (timestamp, origin) if that is later; whether it moved.
    func advanceClock(_ collection: String, _ recordID: String, _ field: String, to change: Change, _ db: Database) throws
        -> Bool
    {
        if let held = try fieldClock(collection, recordID, field, db),
            (change.timestamp, change.origin) <= (held.timestamp, held.origin)
        {
            return false
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO sync_field_clock(collection, record_id, field, timestamp, origin) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET timestamp = excluded.timestamp, origin = excluded.origin
                """
        ).execute(arguments: [collection, recordID, field, change.timestamp.rawValue, change.origin])
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
        let insertion: Insertion?
    }

    /// A statement's text and the values it binds.
    struct Insertion: Sendable {
        let sql: String
        let values: [DatabaseValue]

        func execute(_ db: Database) throws {
            try db.cachedStatement(sql: sql).execute(bound: values, in: db)
        }
    }

    func prepared(_ change: Change) -> Prepared {
        let appendOnly = collections[change.collection].flatMap { $0.policy == .appendOnly ? $0 : nil }
        return Prepared(
            logged: loggedForm(of: change),
            insertion: appendOnly.map { insertion(change.fields, into: $0, id: change.recordID, replacing: false) })
    }

    func loggedForm(of change: Change) -> LoggedForm {
        if let logged = change.logged { return logged }
        return LoggedForm(
            fields: CompactJSON.encode(change.fields, sortedKeys: collections[change.collection]?.sortedNames(of: change.fields)),
            bases: CompactJSON.encode(change.bases))
    }

    /// Adds a change to the log and, unless the caller marks a whole batch, its sequence received.
    func log(_ change: Change, _ db: Database, logged: LoggedForm? = nil, marksReceived: Bool = true) throws {
        let logged = logged ?? loggedForm(of: change)
        try db.cachedStatement(
            sql: """
                INSERT INTO sync_change(origin, sequence, timestamp, collection, record_id, scope, fields, bases, signature, urgent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            bound: [
                change.origin.databaseValue, change.sequence.databaseValue, change.timestamp.rawValue.databaseValue,
                change.collection.databaseValue, change.recordID.databaseValue, change.scope.databaseValue,
                logged.fields.databaseValue, logged.bases.databaseValue,
                change.signature.databaseValue, (isUrgent(change) ? 1 : 0).databaseValue,
            ], in: db)
        if marksReceived, change.origin != origin { try markReceived(change.sequence, from: change.origin, db) }
    }

    func isHeld(_ change: Change, _ db: Database) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT EXISTS(SELECT 1 FROM sync_change WHERE origin = ?1 AND sequence = ?2)
                        OR EXISTS(SELECT 1 FROM sync_quarantine WHERE origin = ?1 AND sequence = ?2)
                    """),
            arguments: [change.origin, change.sequence]) ?? false
    }

    func quarantine(_ change: Change, reason: String, _ db: Database, marksReceived: Bool = true) throws -> Outcome {
        try db.execute(
            sql: """
                INSERT INTO sync_quarantine(origin, sequence, change, reason, quarantined_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
            arguments: [change.origin, change.sequence, try Self.json(change), reason, Date().formatted(.iso8601)])
        if marksReceived { try markReceived(change.sequence, from: change.origin, db) }
        return .quarantined(reason)
    }

    /// Field by field, the later (timestamp, origin) wins. At the county, an incoming change to a
    /// review-worthy field whose writer had not seen the value held here is a concurrent edit:
    /// the merge keeps the winner and records one conflict.
    func merge(_ change: Change, into collection: SyncCollection, _ db: Database) throws {
        var winners: [String: SyncValue] = [:]
        var conflicts: [(field: String, kept: SyncValue, other: SyncValue, keptOrigin: String, otherOrigin: String)] = []
        for (field, value) in change.fields {
            let held = try fieldClock(collection.name, change.recordID, field, db)
            let incomingWins = held.map { (change.timestamp, change.origin) > ($0.timestamp, $0.origin) } ?? true
            if let held, role == .county, change.origin != origin, collection.isReviewWorthy(field),
                change.bases[field] != held.timestamp
            {
                let current = try self.value(of: field, in: collection, id: change.recordID, db)
                if current != value {
                    conflicts.append(
                        incomingWins
                            ? (field, value, current, change.origin, held.origin)
                            : (field, current, value, held.origin, change.origin))
                }
            }
            if incomingWins, try advanceClock(collection.name, change.recordID, field, to: change, db) {
                winners[field] = value
            }
        }
        if !winners.isEmpty {
            try upsert(winners, into: collection, id: change.recordID, db)
            try arrive(collection, id: change.recordID, winners, db)
        }
        // A conflict belongs to the record's village, which a record read county-wide names in its column.
        let village = try change.scope.isEmpty ? storedOwner(of: collection, recordID: change.recordID, db) ?? "" : change.scope
        for conflict in conflicts {
            try write(
                db, to: ConflictLog.conflicts.name, id: "\(change.origin):\(change.sequence):\(conflict.field)",
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
    func upsert(_ fields: [String: SyncValue], into collection: SyncCollection, id: String, _ db: Database) throws {
        if fields.count < collection.fields.count, try rowExists(collection, id, db) {
            try update(fields, in: collection, id: id, db)
        } else {
            try insert(fields, into: collection, id: id, replacing: true, db)
        }
    }

    /// Inserts a row, or with `replacing`, updates the given fields of an existing one.
    func insert(
        _ fields: [String: SyncValue], into collection: SyncCollection, id: String, replacing: Bool, _ db: Database
    ) throws {
        try insertion(fields, into: collection, id: id, replacing: replacing).execute(db)
    }

    func insertion(_ fields: [String: SyncValue], into collection: SyncCollection, id: String, replacing: Bool) -> Insertion {
        let names = collection.sortedNames(of: fields)
        var values = [id.databaseValue]
        values.reserveCapacity(names.count + 1)
        for name in names { values.append((fields[name] ?? .null).databaseValue) }  // every name is a field: checked before
        return Insertion(sql: insertSQL(collection, names, replacing: replacing), values: values)
    }

    /// Sets the given fields of a held row.
    func update(_ fields: [String: SyncValue], in collection: SyncCollection, id: String, _ db: Database) throws {
        let names = collection.sortedNames(of: fields)
        let key = InsertShape(collection: collection.name, names: names, replacing: true, updating: true)
        let sql =
            insertStatements.withLock({ $0[key] })
            ?? "UPDATE \(collection.table.quotedDatabaseIdentifier) SET "
            + names.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")
            + " WHERE \(collection.idColumn.quotedDatabaseIdentifier) = ?"
        insertStatements.withLock { $0[key] = sql }
        let values = names.map { (fields[$0] ?? .null).databaseValue } + [id.databaseValue]
        try db.cachedStatement(sql: sql).execute(bound: values, in: db)
    }

    /// The insert statement's text, built once per collection and set of fields.
    private func insertSQL(_ collection: SyncCollection, _ names: [String], replacing: Bool) -> String {
        let key = InsertShape(
            collection: collection.name, names: names.count == collection.fields.count ? [] : names, replacing: replacing)
        if let sql = insertStatements.withLock({ $0[key] }) { return sql }
        let idColumn = collection.idColumn.quotedDatabaseIdentifier
        let columns = ([collection.idColumn] + names).map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let marks = Array(repeating: "?", count: names.count + 1).joined(separator: ", ")
        let onConflict =
            replacing && !names.isEmpty
            ? "DO UPDATE SET " + names.map { "\($0.quotedDatabaseIdentifier) = excluded.\($0.quotedDatabaseIdentifier)" }
                .joined(separator: ", ")
            : "DO NOTHING"
        let sql = """
            INSERT INTO \(collection.table.quotedDatabaseIdentifier) (\(columns)) VALUES (\(marks))
            ON CONFLICT(\(idColumn)) \(onConflict)
            """
        insertStatements.withLock { $0[key] = sql }
        return sql
    }

    struct InsertShape: Hashable {
        let collection: String
        let names: [String]
        let replacing: Bool
        var updating = false
    }

    func fieldClock(_ collection: String, _ recordID: String, _ field: String, _ db: Database) throws
        -> (timestamp: HybridTimestamp, origin: String)?
    {
        let row = try Row.fetchOne(
            db.cachedStatement(
                sql: "SELECT timestamp, origin FROM sync_field_clock WHERE collection = ? AND record_id = ? AND field = ?"),
            arguments: [collection, recordID, field])
        return row.map { (HybridTimestamp(rawValue: $0["timestamp"]), $0["origin"]) }
    }

    func value(of field: String, in collection: SyncCollection, id: String, _ db: Database) throws -> SyncValue {
        let value = try DatabaseValue.fetchOne(
            db.cachedStatement(
                sql: """
                    SELECT \(field.quotedDatabaseIdentifier) FROM \(collection.table.quotedDatabaseIdentifier)
                    WHERE \(collection.idColumn.quotedDatabaseIdentifier) = ?
                    """),
            arguments: [id])
        return SyncValue(value ?? .null)
    }

    static func json(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
