public import PostgresStorage
import StoreInterface
public import Sync

/// A PostgreSQL transaction as the sync engine keeps its log in it: the tables of
/// ``SyncPostgresSchema``, the statements of the SQLite store's in PostgreSQL's words.
extension PostgresTransaction: ChangeLogTransaction {
    /// The columns a change is read from, in order (``LoggedChange/init(_:)``).
    static let logColumns = "origin, sequence, timestamp, collection, record_id, scope, fields, bases, signature, position"

    // MARK: The log

    public func lastTimestamp() throws -> Int64 {
        try integer("SELECT MAX(timestamp) FROM sync_change") ?? 0
    }

    public func lastTimestamp(below limit: Int64) throws -> Int64? {
        try integer("SELECT MAX(timestamp) FROM sync_change WHERE timestamp < $1", limit)
    }

    public func lastLogged(from origin: String) throws -> (sequence: Int64, timestamp: Int64)? {
        try row("SELECT sequence, timestamp FROM sync_change WHERE origin = $1 ORDER BY sequence DESC LIMIT 1", origin)
            .map { ($0.integer(at: 0) ?? 0, $0.integer(at: 1) ?? 0) }
    }

    /// Held back with the changes that follow it (``PostgresTransaction/insertAhead(into:columns:_:onConflict:)``):
    /// a push's changes are logged in one statement, their positions in their order.
    public func append(_ change: Change, fields: String, bases: String, urgent: Bool) throws {
        try insertAhead(
            into: "sync_change", columns: Self.appendedColumns,
            [
                change.origin, change.sequence, change.timestamp.rawValue, change.collection, change.recordID, change.scope, fields,
                bases, change.signature, urgent,
            ])
    }

    static let appendedColumns = [
        "origin", "sequence", "timestamp", "collection", "record_id", "scope", "fields", "bases", "signature", "urgent",
    ]

    public func holds(origin: String, sequence: Int64) throws -> Bool {
        try isTrue(
            """
            SELECT (EXISTS(SELECT 1 FROM sync_change WHERE origin = $1 AND sequence = $2)
                OR EXISTS(SELECT 1 FROM sync_quarantine WHERE origin = $1 AND sequence = $2))::int
            """, origin, sequence)
    }

    public func loggedChange(origin: String, sequence: Int64) throws -> LoggedChange? {
        try row("SELECT \(Self.logColumns) FROM sync_change WHERE origin = $1 AND sequence = $2", origin, sequence)
            .map(LoggedChange.init)
    }

    public func changes(after position: Int64, reaching scopes: DivisionScopes, notFrom origin: String, limit: Int) throws
        -> [LoggedChange]
    {
        try rows(
            """
            SELECT \(Self.logColumns) FROM sync_change WHERE position > $1 AND scope IN (\(DivisionScopes.marks(from: 4))) AND origin <> $2
            ORDER BY position LIMIT $3
            """, arguments: [position, origin, limit] + scopes.list.map { $0 as any PostgresArgument }
        ).map(LoggedChange.init)
    }

    public func urgentChanges(after position: Int64, reaching scopes: DivisionScopes, limit: Int) throws -> [LoggedChange] {
        try rows(
            """
            SELECT \(Self.logColumns) FROM sync_change WHERE urgent AND position > $1 AND scope IN (\(DivisionScopes.marks(from: 3)))
            ORDER BY position LIMIT $2
            """, arguments: [position, limit] + scopes.list.map { $0 as any PostgresArgument }
        ).map(LoggedChange.init)
    }

    public func lastPosition() throws -> Int64? {
        try integer("SELECT MAX(position) FROM sync_change")
    }

    public func changes(from origin: String, after sequence: Int64, limit: Int, _ each: (LoggedChange) throws -> Void) throws {
        for row in try rows(
            "SELECT \(Self.logColumns) FROM sync_change WHERE origin = $1 AND sequence > $2 ORDER BY sequence LIMIT $3",
            origin, sequence, limit)
        {
            try each(LoggedChange(row))
        }
    }

    public func logCounts(from origin: String) throws -> (count: Int64, distinct: Int64, last: Int64) {
        let row = try self.row(
            "SELECT COUNT(*), COUNT(DISTINCT sequence), COALESCE(MAX(sequence), 0) FROM sync_change WHERE origin = $1", origin)
        return (row?.integer(at: 0) ?? 0, row?.integer(at: 1) ?? 0, row?.integer(at: 2) ?? 0)
    }

    public func receivedMarks() throws -> [(origin: String, received: Int64, logged: Int64, quarantined: Int64)] {
        try rows(
            """
            SELECT r.origin, r.sequence,
                (SELECT COALESCE(MAX(sequence), 0) FROM sync_change WHERE origin = r.origin),
                (SELECT COALESCE(MAX(sequence), 0) FROM sync_quarantine WHERE origin = r.origin)
            FROM sync_received r
            """
        ).map { ($0.text(at: 0) ?? "", $0.integer(at: 1) ?? 0, $0.integer(at: 2) ?? 0, $0.integer(at: 3) ?? 0) }
    }

    public func relog(from old: String, to new: String, after sequence: Int64) throws -> Int {
        try execute(
            """
            INSERT INTO sync_change(origin, sequence, timestamp, collection, record_id, scope, fields, bases, signature, urgent)
            SELECT $1, ROW_NUMBER() OVER (ORDER BY sequence), timestamp, collection, record_id, scope, fields, bases, signature, urgent
            FROM sync_change WHERE origin = $2 AND sequence > $3 ORDER BY sequence
            """, new, old, sequence)
    }

    public func hasSeen(origin: String) throws -> Bool {
        try isTrue(
            """
            SELECT (EXISTS(SELECT 1 FROM sync_change WHERE origin = $1) OR EXISTS(SELECT 1 FROM sync_received WHERE origin = $1))::int
            """, origin)
    }

    /// A PostgreSQL store is a hub's: it always keeps the index its pulls read by.
    public func keepsScopeIndex() throws -> Bool { true }

    public func setScopeIndex(_ keeps: Bool) throws {}

    // MARK: Received marks and stored facts

    public func received(from origin: String) throws -> Int64? {
        try integer("SELECT sequence FROM sync_received WHERE origin = $1", origin)
    }

    public func markReceived(_ sequence: Int64, from origin: String) throws {
        try execute(
            """
            INSERT INTO sync_received(origin, sequence) VALUES ($1, $2)
            ON CONFLICT (origin) DO UPDATE SET sequence = GREATEST(sync_received.sequence, excluded.sequence)
            """, origin, sequence)
    }

    public func state(_ key: String) throws -> String? {
        try text("SELECT value FROM sync_state WHERE key = $1", key)
    }

    public func setState(_ key: String, to value: String) throws {
        try execute(
            "INSERT INTO sync_state(key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value", key, value)
    }

    // MARK: Field clocks

    public func fieldClock(collection: String, recordID: String, field: String) throws -> FieldClock? {
        try row(
            "SELECT timestamp, origin FROM sync_field_clock WHERE collection = $1 AND record_id = $2 AND field = $3",
            collection, recordID, field
        ).map { FieldClock(timestamp: HybridTimestamp(rawValue: $0.integer(at: 0) ?? 0), origin: $0.text(at: 1) ?? "") }
    }

    public func setFieldClock(collection: String, recordID: String, field: String, to clock: FieldClock) throws {
        try execute(
            """
            INSERT INTO sync_field_clock(collection, record_id, field, timestamp, origin) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (collection, record_id, field) DO UPDATE SET timestamp = excluded.timestamp, origin = excluded.origin
            """, collection, recordID, field, clock.timestamp.rawValue, clock.origin)
    }

    public func moveFieldClocks(
        collection: String, recordID: String, origin: String, from stamp: HybridTimestamp, to newStamp: HybridTimestamp
    ) throws {
        try execute(
            """
            UPDATE sync_field_clock SET timestamp = $1 WHERE collection = $2 AND record_id = $3 AND origin = $4 AND timestamp = $5
            """, newStamp.rawValue, collection, recordID, origin, stamp.rawValue)
    }
}

extension LoggedChange {
    /// A change as a row of ``PostgresTransaction/logColumns`` holds it.
    init(_ row: PostgresStoredRow) {
        self.init(
            origin: row.text(at: 0) ?? "", sequence: row.integer(at: 1) ?? 0, timestamp: row.integer(at: 2) ?? 0,
            collection: row.text(at: 3) ?? "", recordID: row.text(at: 4) ?? "", scope: row.text(at: 5) ?? "",
            fields: row.text(at: 6) ?? "", bases: row.text(at: 7) ?? "", signature: row.text(at: 8),
            position: row.integer(at: 9) ?? 0)
    }
}

extension DivisionScopes {
    /// A statement's marks for ``list``, numbered from `first`.
    static func marks(from first: Int) -> String {
        (first..<(first + width)).map { "$\($0)" }.joined(separator: ", ")
    }
}
