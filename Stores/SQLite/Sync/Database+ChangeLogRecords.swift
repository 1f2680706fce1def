import Foundation
public import GRDB
import Storage
public import Sync
import Synchronization

/// The rest of the engine's storage in a SQLite transaction: quarantine, urgent receipts,
/// conflicts, the collections' rows, and the transaction's own savepoints and end.
extension Database {
    // MARK: Quarantine, urgent receipts, conflicts

    public func quarantine(_ entry: QuarantineEntry, change json: String) throws {
        try execute(
            sql: """
                INSERT INTO sync_quarantine(origin, sequence, change, reason, quarantined_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING
                """,
            arguments: [entry.origin, entry.sequence, json, entry.reason, entry.quarantinedAt])
    }

    public func quarantined(limit: Int, from origins: Set<String>?) throws -> [QuarantineEntry] {
        try Row.fetchAll(
            self, sql: "SELECT * FROM sync_quarantine \(Self.quarantineOf) ORDER BY quarantined_at DESC LIMIT ?",
            arguments: [CompactJSON.encode(origins: origins), limit]
        ).map {
            QuarantineEntry(
                origin: $0["origin"], sequence: $0["sequence"], reason: $0["reason"], quarantinedAt: $0["quarantined_at"])
        }
    }

    public func quarantinedCount(from origins: Set<String>?) throws -> Int {
        try Int.fetchOne(
            self, sql: "SELECT COUNT(*) FROM sync_quarantine \(Self.quarantineOf)", arguments: [CompactJSON.encode(origins: origins)]) ?? 0
    }

    /// Where a quarantine query keeps the changes of the origins in its first argument, one JSON
    /// array (null for all): one statement however many stations a division has.
    private static let quarantineOf = "WHERE ?1 IS NULL OR origin IN (SELECT value FROM json_each(?1))"

    public func hasUnrecordedUrgent(through position: Int64, reaching scopes: DivisionScopes, station: String) throws -> Bool {
        try Bool.fetchOne(
            cachedStatement(
                sql: """
                    SELECT EXISTS (
                        SELECT 1 FROM sync_change c WHERE c.urgent = 1 AND c.position <= ? AND c.scope IN (\(DivisionScopes.marks))
                        AND NOT EXISTS (SELECT 1 FROM sync_urgent_receipt r
                            WHERE r.origin = c.origin AND r.sequence = c.sequence AND r.station = ?))
                    """),
            arguments: StatementArguments([position]) + StatementArguments(scopes.list) + [station]) ?? false
    }

    public func recordUrgentReceipts(station: String, through position: Int64, reaching scopes: DivisionScopes, at time: String) throws {
        try execute(
            sql: """
                INSERT OR IGNORE INTO sync_urgent_receipt(station, origin, sequence, received_at)
                SELECT ?, origin, sequence, ? FROM sync_change
                WHERE urgent = 1 AND position <= ? AND scope IN (\(DivisionScopes.marks))
                """,
            arguments: [station, time, position] + StatementArguments(scopes.list))
    }

    public func recordUrgentReceipt(station: String, origin: String, sequence: Int64, at time: String) throws {
        try execute(
            sql: """
                INSERT OR IGNORE INTO sync_urgent_receipt(station, origin, sequence, received_at)
                SELECT ?, origin, sequence, ? FROM sync_change WHERE origin = ? AND sequence = ? AND urgent = 1
                """,
            arguments: [station, time, origin, sequence])
    }

    public func urgentReceipts(collection: String, recordID: String) throws -> [Replica.UrgentReceipt] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT r.station, MIN(r.received_at) AS received_at FROM sync_urgent_receipt r
                JOIN sync_change c ON c.origin = r.origin AND c.sequence = r.sequence
                WHERE c.collection = ? AND c.record_id = ? AND c.urgent = 1
                GROUP BY r.station ORDER BY r.station
                """,
            arguments: [collection, recordID]
        ).map { Replica.UrgentReceipt(station: $0["station"], receivedAt: $0["received_at"]) }
    }

    public func openConflicts(scope: String?) throws -> [Conflict] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT c.* FROM sync_conflict c
                WHERE (?1 IS NULL OR c.scope = ?1) AND NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.conflict_id = c.id)
                ORDER BY c.id
                """,
            arguments: [scope]
        ).map(Conflict.init(row:))
    }

    public func openConflict(id: String) throws -> Conflict? {
        try Row.fetchOne(
            self,
            sql: """
                SELECT c.* FROM sync_conflict c WHERE c.id = ?
                AND NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.conflict_id = c.id)
                """,
            arguments: [id]
        ).map(Conflict.init(row:))
    }

    public func openConflictCount(scope: String?) throws -> Int {
        try Int.fetchOne(
            self,
            sql: """
                SELECT COUNT(*) FROM sync_conflict c
                WHERE (?1 IS NULL OR c.scope = ?1) AND NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.conflict_id = c.id)
                """,
            arguments: [scope]) ?? 0
    }

    public func conflictScope(id: String) throws -> String? {
        try String.fetchOne(cachedStatement(sql: "SELECT scope FROM sync_conflict WHERE id = ?"), arguments: [id])
    }

    public func resolvedConflicts(scope: String, collectionsPrefixed prefix: String, limit: Int) throws -> [ResolvedConflict] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT r.id, r.scope, c.collection, c.record_id, c.field, r.chosen_value, r.resolved_by, log.timestamp
                FROM sync_resolution r JOIN sync_conflict c ON c.id = r.conflict_id
                LEFT JOIN sync_change log ON log.collection = 'sync.resolution' AND log.record_id = r.id
                WHERE r.scope = ?1 AND substr(c.collection, 1, length(?2)) = ?2
                ORDER BY log.timestamp DESC LIMIT ?3
                """,
            arguments: [scope, prefix, limit]
        ).map(ResolvedConflict.init(row:))
    }

    // MARK: The collections' rows

    public func insertRecord(_ row: RecordRow, replacing: Bool) throws -> Bool {
        var values = [row.id.databaseValue]
        values.reserveCapacity(row.values.count + 1)
        for value in row.values { values.append(value.databaseValue) }
        try recordStatement(RecordStatements.insert(row, replacing: replacing)).execute(bound: values, in: self)
        return changesCount > 0
    }

    public func updateRecord(_ row: RecordRow) throws {
        let values = row.values.map(\.databaseValue) + [row.id.databaseValue]
        try recordStatement(RecordStatements.update(row)).execute(bound: values, in: self)
    }

    /// A statement of the common shapes kept prepared; one of the rare others prepared once.
    private func recordStatement(_ built: (sql: String, kept: Bool)) throws -> Statement {
        built.kept ? try cachedStatement(sql: built.sql) : try makeStatement(sql: built.sql)
    }

    public func recordExists(in collection: SyncCollection, id: String) throws -> Bool {
        try Bool.fetchOne(
            cachedStatement(
                sql: """
                    SELECT EXISTS(SELECT 1 FROM \(collection.table.quotedDatabaseIdentifier)
                    WHERE \(collection.idColumn.quotedDatabaseIdentifier) = ?)
                    """),
            arguments: [id]) ?? false
    }

    public func recordValue(_ field: String, in collection: SyncCollection, id: String) throws -> SyncValue {
        let value = try DatabaseValue.fetchOne(
            cachedStatement(
                sql: """
                    SELECT \(field.quotedDatabaseIdentifier) FROM \(collection.table.quotedDatabaseIdentifier)
                    WHERE \(collection.idColumn.quotedDatabaseIdentifier) = ?
                    """),
            arguments: [id])
        return SyncValue(value ?? .null)
    }

    public func recordValues(_ field: String?, in collection: SyncCollection, ids: [String]) throws -> [String: SyncValue] {
        guard !ids.isEmpty else { return [:] }
        let id = collection.idColumn.quotedDatabaseIdentifier
        let statement = try cachedStatement(
            sql: """
                SELECT \(id), \(field?.quotedDatabaseIdentifier ?? "NULL") FROM \(collection.table.quotedDatabaseIdentifier)
                WHERE \(id) IN (SELECT value FROM json_each(?))
                """)
        var values: [String: SyncValue] = [:]
        let rows = try Row.fetchCursor(statement, arguments: [String(decoding: try JSONEncoder().encode(ids), as: UTF8.self)])
        while let row = try rows.next() {
            guard let id = String.fromDatabaseValue(row[0] as DatabaseValue) else { continue }
            values[id] = SyncValue(row[1] as DatabaseValue)
        }
        return values
    }

    public func eachRecord(
        in collection: SyncCollection, fields: [String], where selection: (column: String, value: String)?,
        _ body: (String, [SyncValue]) throws -> Void
    ) throws {
        let columns = ([collection.idColumn] + fields).map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let filter = selection.map { " WHERE \($0.column.quotedDatabaseIdentifier) = ?" } ?? ""
        let rows = try Row.fetchCursor(
            self, sql: "SELECT \(columns) FROM \(collection.table.quotedDatabaseIdentifier)\(filter)",
            arguments: StatementArguments(selection.map { [$0.value] } ?? []))
        var values = [SyncValue](repeating: .null, count: fields.count)
        while let row = try rows.next() {
            guard let id = String.fromDatabaseValue(row[0] as DatabaseValue) else { continue }
            for index in fields.indices { values[index] = SyncValue(row[index + 1] as DatabaseValue) }
            try body(id, values)
        }
    }

    public func records(
        in collection: SyncCollection, fields: [String], where selection: (column: String, value: String)?, after id: String?, limit: Int
    ) throws -> [(String, [SyncValue])] {
        let idColumn = collection.idColumn.quotedDatabaseIdentifier
        let columns = ([collection.idColumn] + fields).map(\.quotedDatabaseIdentifier).joined(separator: ", ")
        let filter = selection.map { " AND \($0.column.quotedDatabaseIdentifier) = ?" } ?? ""
        let rows = try Row.fetchAll(
            self,
            sql: """
                SELECT \(columns) FROM \(collection.table.quotedDatabaseIdentifier)
                WHERE (? IS NULL OR \(idColumn) > ?)\(filter) ORDER BY \(idColumn) LIMIT ?
                """,
            arguments: [id, id] + StatementArguments(selection.map { [$0.value] } ?? []) + [limit])
        return rows.compactMap { row in
            guard let recordID = String.fromDatabaseValue(row[0] as DatabaseValue) else { return nil }
            return (recordID, fields.indices.map { SyncValue(row[$0 + 1] as DatabaseValue) })
        }
    }

    public func deleteRecord(in collection: SyncCollection, id: String) throws {
        try execute(
            sql: "DELETE FROM \(collection.table.quotedDatabaseIdentifier) WHERE \(collection.idColumn.quotedDatabaseIdentifier) = ?",
            arguments: [id])
    }

    public func hasChanges(after position: Int64, collection: String, scope: String, notFrom origin: String) throws -> Bool {
        try Bool.fetchOne(
            cachedStatement(
                sql: "SELECT EXISTS(SELECT 1 FROM sync_change WHERE scope = ? AND position > ? AND collection = ? AND origin != ?)"),
            arguments: [scope, position, collection, origin]) ?? false
    }

    public func changeOutlines(below position: Int64, limit: Int) throws -> [ChangeOutline] {
        try Row.fetchAll(
            cachedStatement(
                sql: """
                    SELECT position, origin, timestamp, collection, record_id, urgent,
                        (SELECT group_concat(key, ',') FROM json_each(fields))
                    FROM sync_change WHERE position < ? ORDER BY position DESC LIMIT ?
                    """),
            arguments: [position, limit]
        ).map { row in
            ChangeOutline(
                position: row[0], origin: row[1], timestamp: row[2], collection: row[3], recordID: row[4], urgent: row[5] != 0,
                fields: (row[6] as String?)?.split(separator: ",").map(String.init) ?? [])
        }
    }

    public func removeChanges(at positions: [Int64]) throws -> Int {
        let statement = try cachedStatement(sql: "DELETE FROM sync_change WHERE position = ?")
        var removed = 0
        for position in positions {
            try statement.execute(arguments: [position])
            removed += changesCount
        }
        return removed
    }

    // MARK: The transaction

    public func inSavepoint(_ body: () throws -> Void) throws {
        try inSavepoint {
            try body()
            return .commit
        }
    }

    public func whenTransactionEnds(_ body: @escaping @Sendable () -> Void) {
        afterNextTransaction(onCommit: { _ in body() }, onRollback: { _ in body() })
    }

    /// A constraint, a value of the wrong kind or size, a statement the change's names made wrong:
    /// the change's fault. A full disk, a busy or broken file is the store's.
    public func faultOfTheChange(_ error: any Error) -> String? {
        guard let error = error as? DatabaseError,
            [.SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_TOOBIG, .SQLITE_ERROR, .SQLITE_RANGE].contains(error.resultCode)
        else { return nil }
        return error.message ?? error.resultCode.description
    }
}

/// The statements that write a collection's rows, built once per table and set of fields: capture
/// and receiving write thousands of rows of the same few shapes. (Keyed by the fields' names, never
/// by "all of them": two programs' collections in one process may share a table's name.)
///
/// The set of fields a change carries is the sender's to choose, so the shapes kept are bounded: a
/// station that pushes every subset of a record's fields gets each statement built, prepared and
/// dropped, and grows no cache, here or in the connection's cache of prepared statements.
enum RecordStatements {
    private struct Shape: Hashable {
        let table: String
        let names: [String]
        let replacing: Bool
        var updating = false
    }

    private static let built = Mutex<[Shape: String]>([:])
    /// The most shapes kept: every collection's few usual ones, with room to spare.
    static let mostKept = 512

    /// The statement's text, and whether its shape is one of those kept.
    private static func statement(_ shape: Shape, _ build: () -> String) -> (sql: String, kept: Bool) {
        if let sql = built.withLock({ $0[shape] }) { return (sql, true) }
        let sql = build()
        let kept = built.withLock { built in
            guard built.count < mostKept else { return false }
            built[shape] = sql
            return true
        }
        return (sql, kept)
    }

    /// Inserts a row; with `replacing`, a held row takes the row's fields instead.
    static func insert(_ row: RecordRow, replacing: Bool) -> (sql: String, kept: Bool) {
        statement(Shape(table: row.table, names: row.names, replacing: replacing)) {
            let columns = ([row.idColumn] + row.names).map(\.quotedDatabaseIdentifier).joined(separator: ", ")
            let marks = Array(repeating: "?", count: row.names.count + 1).joined(separator: ", ")
            let onConflict =
                replacing && !row.names.isEmpty
                ? "DO UPDATE SET "
                    + row.names.map { "\($0.quotedDatabaseIdentifier) = excluded.\($0.quotedDatabaseIdentifier)" }
                    .joined(separator: ", ")
                : "DO NOTHING"
            return """
                INSERT INTO \(row.table.quotedDatabaseIdentifier) (\(columns)) VALUES (\(marks))
                ON CONFLICT(\(row.idColumn.quotedDatabaseIdentifier)) \(onConflict)
                """
        }
    }

    /// Sets the row's fields of a held record.
    static func update(_ row: RecordRow) -> (sql: String, kept: Bool) {
        statement(Shape(table: row.table, names: row.names, replacing: true, updating: true)) {
            "UPDATE \(row.table.quotedDatabaseIdentifier) SET "
                + row.names.map { "\($0.quotedDatabaseIdentifier) = ?" }.joined(separator: ", ")
                + " WHERE \(row.idColumn.quotedDatabaseIdentifier) = ?"
        }
    }
}
