public import GRDB
public import Storage
import StoreInterface
public import Sync

/// A SQLite transaction as the sync engine keeps its log in it: the tables of ``SyncSchema``, and
/// the collections' own tables through ``RecordStatements``.
extension Database: ChangeLogTransaction {
    // MARK: The log

    public func lastTimestamp() throws -> Int64 {
        try Int64.fetchOne(self, sql: "SELECT MAX(timestamp) FROM sync_change") ?? 0
    }

    public func lastTimestamp(below limit: Int64) throws -> Int64? {
        try Int64.fetchOne(self, sql: "SELECT MAX(timestamp) FROM sync_change WHERE timestamp < ?", arguments: [limit])
    }

    public func lastLogged(from origin: String) throws -> (sequence: Int64, timestamp: Int64)? {
        try Row.mappedFirst(
            cachedStatement(sql: "SELECT sequence, timestamp FROM sync_change WHERE origin = ? ORDER BY sequence DESC LIMIT 1"),
            arguments: [origin]
        ) { row in (row[0], row[1]) }
    }

    public func append(_ change: Change, fields: String, bases: String, urgent: Bool) throws {
        try cachedStatement(
            sql: """
                INSERT INTO sync_change(origin, sequence, timestamp, collection, record_id, scope, fields, bases, signature, urgent)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(
            bound: [
                change.origin.databaseValue, change.sequence.databaseValue, change.timestamp.rawValue.databaseValue,
                change.collection.databaseValue, change.recordID.databaseValue, change.scope.databaseValue,
                fields.databaseValue, bases.databaseValue, change.signature.databaseValue, (urgent ? 1 : 0).databaseValue,
            ], in: self)
    }

    public func holds(origin: String, sequence: Int64) throws -> Bool {
        try Bool.fetchOne(
            cachedStatement(
                sql: """
                    SELECT EXISTS(SELECT 1 FROM sync_change WHERE origin = ?1 AND sequence = ?2)
                        OR EXISTS(SELECT 1 FROM sync_quarantine WHERE origin = ?1 AND sequence = ?2)
                    """),
            arguments: [origin, sequence]) ?? false
    }

    public func loggedChange(origin: String, sequence: Int64) throws -> LoggedChange? {
        try Row.mappedFirst(
            cachedStatement(sql: "SELECT \(LogColumn.selectList) FROM sync_change WHERE origin = ? AND sequence = ?"),
            arguments: [origin, sequence], LoggedChange.init(row:))
    }

    public func changes(after position: Int64, reaching scopes: DivisionScopes, notFrom origin: String, limit: Int) throws
        -> [LoggedChange]
    {
        try Row.mapped(
            cachedStatement(
                sql: """
                    SELECT \(LogColumn.selectList) FROM sync_change
                    WHERE position > ? AND scope IN (\(DivisionScopes.marks)) AND origin != ?
                    ORDER BY position LIMIT ?
                    """),
            arguments: [position] + StatementArguments(scopes.list) + [origin, limit], LoggedChange.init(row:))
    }

    public func urgentChanges(after position: Int64, reaching scopes: DivisionScopes, limit: Int) throws -> [LoggedChange] {
        try Row.mapped(
            cachedStatement(
                sql: """
                    SELECT \(LogColumn.selectList) FROM sync_change
                    WHERE urgent = 1 AND position > ? AND scope IN (\(DivisionScopes.marks))
                    ORDER BY position LIMIT ?
                    """),
            arguments: [position] + StatementArguments(scopes.list) + [limit], LoggedChange.init(row:))
    }

    public func lastPosition() throws -> Int64? {
        try Int64.fetchOne(self, sql: "SELECT MAX(position) FROM sync_change")
    }

    public func changes(from origin: String, after sequence: Int64, limit: Int, _ each: (LoggedChange) throws -> Void)
        throws
    {
        let rows = try Row.fetchCursor(
            cachedStatement(
                sql: "SELECT \(LogColumn.selectList) FROM sync_change WHERE origin = ? AND sequence > ? ORDER BY sequence LIMIT ?"),
            arguments: [origin, sequence, limit])
        while let row = try rows.next() { try each(LoggedChange(row: row)) }
    }

    public func logCounts(from origin: String) throws -> (count: Int64, distinct: Int64, last: Int64) {
        let row = try Row.fetchOne(
            self, sql: "SELECT COUNT(*), COUNT(DISTINCT sequence), IFNULL(MAX(sequence), 0) FROM sync_change WHERE origin = ?",
            arguments: [origin])
        return (row?[0] ?? 0, row?[1] ?? 0, row?[2] ?? 0)
    }

    public func receivedMarks() throws -> [(origin: String, received: Int64, logged: Int64, quarantined: Int64)] {
        try Row.fetchAll(
            self,
            sql: """
                SELECT r.origin, r.sequence,
                    (SELECT IFNULL(MAX(sequence), 0) FROM sync_change WHERE origin = r.origin),
                    (SELECT IFNULL(MAX(sequence), 0) FROM sync_quarantine WHERE origin = r.origin)
                FROM sync_received r
                """
        ).map { ($0[0], $0[1], $0[2], $0[3]) }
    }

    public func relog(from old: String, to new: String, after sequence: Int64) throws -> Int {
        try execute(
            sql: """
                INSERT INTO sync_change(origin, sequence, timestamp, collection, record_id, scope, fields, bases, signature, urgent)
                SELECT ?, ROW_NUMBER() OVER (ORDER BY sequence), timestamp, collection, record_id, scope, fields, bases, signature, urgent
                FROM sync_change WHERE origin = ? AND sequence > ? ORDER BY sequence
                """,
            arguments: [new, old, sequence])
        return changesCount
    }

    public func hasSeen(origin: String) throws -> Bool {
        try Bool.fetchOne(
            self,
            sql: """
                SELECT EXISTS(SELECT 1 FROM sync_change WHERE origin = ?1) OR EXISTS(SELECT 1 FROM sync_received WHERE origin = ?1)
                """,
            arguments: [origin]) ?? true
    }

    public func keepsScopeIndex() throws -> Bool {
        try indexes(on: "sync_change").contains { $0.name == "sync_change_scope" }
    }

    public func setScopeIndex(_ keeps: Bool) throws {
        try execute(
            sql: keeps
                ? "CREATE INDEX IF NOT EXISTS sync_change_scope ON sync_change(scope, position)"
                : "DROP INDEX IF EXISTS sync_change_scope")
    }

    // MARK: Received marks and stored facts

    public func received(from origin: String) throws -> Int64? {
        try Int64.fetchOne(cachedStatement(sql: "SELECT sequence FROM sync_received WHERE origin = ?"), arguments: [origin])
    }

    public func markReceived(_ sequence: Int64, from origin: String) throws {
        try cachedStatement(
            sql: """
                INSERT INTO sync_received(origin, sequence) VALUES (?, ?)
                ON CONFLICT(origin) DO UPDATE SET sequence = MAX(sequence, excluded.sequence)
                """
        ).execute(arguments: [origin, sequence])
    }

    public func state(_ key: String) throws -> String? {
        try String.fetchOne(cachedStatement(sql: "SELECT value FROM sync_state WHERE key = ?"), arguments: [key])
    }

    public func setState(_ key: String, to value: String) throws {
        try cachedStatement(
            sql: "INSERT INTO sync_state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"
        ).execute(arguments: [key, value])
    }

    // MARK: Field clocks

    public func fieldClock(collection: String, recordID: String, field: String) throws -> FieldClock? {
        try Row.mappedFirst(
            cachedStatement(
                sql: "SELECT timestamp, origin FROM sync_field_clock WHERE collection = ? AND record_id = ? AND field = ?"),
            arguments: [collection, recordID, field]
        ) { row in FieldClock(timestamp: HybridTimestamp(rawValue: row[0]), origin: row[1]) }
    }

    public func setFieldClock(collection: String, recordID: String, field: String, to clock: FieldClock) throws {
        try cachedStatement(
            sql: """
                INSERT INTO sync_field_clock(collection, record_id, field, timestamp, origin) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT DO UPDATE SET timestamp = excluded.timestamp, origin = excluded.origin
                """
        ).execute(bound: [
            collection.databaseValue, recordID.databaseValue, field.databaseValue, clock.timestamp.rawValue.databaseValue,
            clock.origin.databaseValue,
        ], in: self)
    }

    public func moveFieldClocks(
        collection: String, recordID: String, origin: String, from stamp: HybridTimestamp, to newStamp: HybridTimestamp
    ) throws {
        try execute(
            sql: """
                UPDATE sync_field_clock SET timestamp = ? WHERE collection = ? AND record_id = ? AND origin = ? AND timestamp = ?
                """,
            arguments: [newStamp.rawValue, collection, recordID, origin, stamp.rawValue])
    }
}

extension DivisionScopes {
    /// A statement's marks for ``list``.
    static let marks = Array(repeating: "?", count: width).joined(separator: ", ")
}
