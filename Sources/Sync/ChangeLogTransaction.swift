public import StoreInterface

/// What the sync engine reads and writes in one transaction of its store: the change log
/// (DESIGN §2), the marks of what it received, the field clocks of merged records, quarantine,
/// small stored facts, urgent receipts and conflicts, and the rows of the collections it syncs.
///
/// The storage side of the engine. Every decision (what is a duplicate, a gap, a conflict; who
/// may write what; which stamp wins) is made in Swift above it, once; a store brings only the
/// statements that keep these. The SQLite store adopts it in `Stores/SQLite/Sync`.
///
/// ```swift
/// try await store.reading { transaction in
///     let log = try transaction.changeLog
///     return try log.state("pull_position")
/// }
/// ```
public protocol ChangeLogTransaction: StoreTransaction {
    // MARK: The log

    /// The latest timestamp logged, or 0 when the log is empty.
    func lastTimestamp() throws -> Int64
    /// The latest timestamp logged below a limit, if any.
    func lastTimestamp(below limit: Int64) throws -> Int64?
    /// The last change logged from an origin, by sequence.
    func lastLogged(from origin: String) throws -> (sequence: Int64, timestamp: Int64)?
    /// Appends a change to the log, its fields and bases as the JSON text it travels in.
    func append(_ change: Change, fields: String, bases: String, urgent: Bool) throws
    /// Whether an origin's change is held, in the log or in quarantine.
    func holds(origin: String, sequence: Int64) throws -> Bool
    /// An origin's change as the log holds it.
    func loggedChange(origin: String, sequence: Int64) throws -> LoggedChange?
    /// The log after a position, in order, of the scopes that reach a station (``DivisionScopes``), leaving out
    /// one origin's: a pull's batch.
    func changes(after position: Int64, reaching scopes: DivisionScopes, notFrom origin: String, limit: Int) throws -> [LoggedChange]
    /// The urgent changes after a position, of the scopes that reach a station, in order.
    func urgentChanges(after position: Int64, reaching scopes: DivisionScopes, limit: Int) throws -> [LoggedChange]
    /// The last position of the log, or `nil` when it is empty.
    func lastPosition() throws -> Int64?
    /// An origin's changes after a sequence, in order, each handed over as it is read.
    func changes(from origin: String, after sequence: Int64, limit: Int, _ each: (LoggedChange) throws -> Void) throws
    /// How many of an origin's changes are logged, how many distinct sequences, and the last.
    func logCounts(from origin: String) throws -> (count: Int64, distinct: Int64, last: Int64)
    /// For every origin marked received: the mark, and the last sequence logged and quarantined from it.
    func receivedMarks() throws -> [(origin: String, received: Int64, logged: Int64, quarantined: Int64)]
    /// Logs an origin's changes after a sequence again under a new origin, numbered from 1 in their
    /// order and keeping their stamps; answers how many.
    func relog(from old: String, to new: String, after sequence: Int64) throws -> Int
    /// Whether an origin has been seen in the log, as a change logged or one received.
    func hasSeen(origin: String) throws -> Bool
    /// A page of the log read downward from below a position: each change's place, stamp, record,
    /// urgency and the names of the fields it sets, not their values (``LogCompaction``).
    func changeOutlines(below position: Int64, limit: Int) throws -> [ChangeOutline]
    /// Removes the changes at these positions (superseded ones a compaction found); answers how
    /// many were there to remove.
    func removeChanges(at positions: [Int64]) throws -> Int
    /// Whether the log keeps the index a hub's pulls read it by (scope, position).
    func keepsScopeIndex() throws -> Bool
    /// Keeps or drops that index: a station never serves a pull, and would pay for it on every capture.
    func setScopeIndex(_ keeps: Bool) throws

    // MARK: Received marks and stored facts

    /// The highest gap-free sequence received from an origin, if any.
    func received(from origin: String) throws -> Int64?
    /// Raises an origin's received mark to a sequence (never lowers it).
    func markReceived(_ sequence: Int64, from origin: String) throws
    /// A small stored fact (`pull_position`, `clock_offset`, …).
    func state(_ key: String) throws -> String?
    func setState(_ key: String, to value: String) throws

    // MARK: Field clocks

    /// The stamp and origin of the value a record's field (or the whole record, `*`) holds.
    func fieldClock(collection: String, recordID: String, field: String) throws -> FieldClock?
    func setFieldClock(collection: String, recordID: String, field: String, to clock: FieldClock) throws
    /// Moves the clocks one origin set on a record at one stamp to another stamp.
    func moveFieldClocks(
        collection: String, recordID: String, origin: String, from stamp: HybridTimestamp, to newStamp: HybridTimestamp) throws

    // MARK: Quarantine, urgent receipts, conflicts

    /// Holds a refused change with its reason; a change held already stays as it was.
    func quarantine(_ entry: QuarantineEntry, change json: String) throws
    /// The changes in quarantine, newest first: of these origins, or of all.
    func quarantined(limit: Int, from origins: Set<String>?) throws -> [QuarantineEntry]
    /// How many changes are in quarantine: of these origins, or of all.
    func quarantinedCount(from origins: Set<String>?) throws -> Int
    /// Whether an urgent change up to a position, of the scopes that reach a station, is not yet recorded as its.
    func hasUnrecordedUrgent(through position: Int64, reaching scopes: DivisionScopes, station: String) throws -> Bool
    /// Records that a station holds every urgent change up to a position of the scopes that reach it.
    func recordUrgentReceipts(station: String, through position: Int64, reaching scopes: DivisionScopes, at time: String) throws
    /// Records that a station holds one urgent change, if it is one the log holds.
    func recordUrgentReceipt(station: String, origin: String, sequence: Int64, at time: String) throws
    /// The stations holding the urgent changes of a record, each with its first receipt.
    func urgentReceipts(collection: String, recordID: String) throws -> [Replica.UrgentReceipt]
    /// Conflicts not yet resolved, of one scope or of all, by id.
    func openConflicts(scope: String?) throws -> [Conflict]
    /// A conflict not yet resolved.
    func openConflict(id: String) throws -> Conflict?
    func openConflictCount(scope: String?) throws -> Int
    /// The scope of a conflict held, resolved or not.
    func conflictScope(id: String) throws -> String?
    /// A scope's resolved conflicts of the collections whose names begin with a prefix, latest first.
    func resolvedConflicts(scope: String, collectionsPrefixed prefix: String, limit: Int) throws -> [ResolvedConflict]

    // MARK: The collections' rows

    /// Inserts a row; with `replacing`, an existing row takes the row's fields. Whether a row was written.
    func insertRecord(_ row: RecordRow, replacing: Bool) throws -> Bool
    /// Inserts the row of a record known not to be held, with no answer awaited: a store that
    /// gathers such rows into one statement may hold it back until ``sendHeldWrites()``.
    func insertNewRecord(_ row: RecordRow) throws
    /// Sets the row's fields of a held record.
    func updateRecord(_ row: RecordRow) throws
    func recordExists(in collection: SyncCollection, id: String) throws -> Bool
    /// A field of a held record (`.null` when the record is not held).
    func recordValue(_ field: String, in collection: SyncCollection, id: String) throws -> SyncValue
    /// A field of each of the records held among `ids` (`.null` for a record held without it),
    /// or only whether they are held when `field` is `nil`: a push's records, read together.
    func recordValues(_ field: String?, in collection: SyncCollection, ids: [String]) throws -> [String: SyncValue]

    /// Hands over each record of a collection, its id and the given fields' values in their order;
    /// only the rows whose column holds the value, when a selection is given (a bucket's rows).
    func eachRecord(
        in collection: SyncCollection, fields: [String], where selection: (column: String, value: String)?,
        _ body: (String, [SyncValue]) throws -> Void) throws
    /// A page of a collection's records by id, after an id (from the first when `nil`): each id and
    /// the given fields' values, as ``eachRecord(in:fields:where:_:)`` hands them over.
    func records(
        in collection: SyncCollection, fields: [String], where selection: (column: String, value: String)?, after id: String?, limit: Int
    ) throws -> [(String, [SyncValue])]
    /// Removes a record's row (one a station held by mistake, ``Reconciliation``).
    func deleteRecord(in collection: SyncCollection, id: String) throws
    /// Whether the log holds a change of a collection in a scope after a position, leaving out one
    /// origin's (a station holds its own).
    func hasChanges(after position: Int64, collection: String, scope: String, notFrom origin: String) throws -> Bool

    // MARK: The transaction

    /// Runs `body` in a savepoint: what it wrote is undone if it throws.
    func inSavepoint(_ body: () throws -> Void) throws
    /// Runs `body` once the transaction ends, committed or rolled back.
    func whenTransactionEnds(_ body: @escaping @Sendable () -> Void)
    /// Sends the writes held back (``insertNewRecord(_:)``, the log's changes), so that a row its
    /// table refuses fails here, where the caller can tell which change it was.
    func sendHeldWrites() throws
    /// The store's account of an error when the change being written caused it (a constraint, a
    /// value of the wrong kind), or `nil` when it is the store's own (a full disk, a broken file).
    func faultOfTheChange(_ error: any Error) -> String?
}

extension ChangeLogTransaction {
    /// A store that writes each statement at once inserts a new record as any other.
    public func insertNewRecord(_ row: RecordRow) throws {
        _ = try insertRecord(row, replacing: false)
    }

    /// A store that writes each statement at once holds nothing back.
    public func sendHeldWrites() throws {}
}

extension StoreTransaction {
    /// The transaction as the sync engine reads and writes its log in it.
    public var changeLog: any ChangeLogTransaction {
        get throws { try self.as((any ChangeLogTransaction).self) }
    }
}

/// A change as the log holds it: its fields and bases still the JSON text they were logged in, to
/// be sent on as they are.
public struct LoggedChange: Sendable {
    public var origin: String
    public var sequence: Int64
    public var timestamp: Int64
    public var collection: String
    public var recordID: String
    public var scope: String
    public var fields: String
    public var bases: String
    public var signature: String?
    public var position: Int64

    public init(
        origin: String, sequence: Int64, timestamp: Int64, collection: String, recordID: String, scope: String, fields: String,
        bases: String, signature: String?, position: Int64
    ) {
        self.origin = origin
        self.sequence = sequence
        self.timestamp = timestamp
        self.collection = collection
        self.recordID = recordID
        self.scope = scope
        self.fields = fields
        self.bases = bases
        self.signature = signature
        self.position = position
    }
}

/// What a compaction reads of a logged change: where it stands, who made it when, of which record,
/// and which fields it sets.
public struct ChangeOutline: Sendable {
    public var position: Int64
    public var origin: String
    public var timestamp: Int64
    public var collection: String
    public var recordID: String
    public var urgent: Bool
    public var fields: [String]

    public init(position: Int64, origin: String, timestamp: Int64, collection: String, recordID: String, urgent: Bool, fields: [String]) {
        self.position = position
        self.origin = origin
        self.timestamp = timestamp
        self.collection = collection
        self.recordID = recordID
        self.urgent = urgent
        self.fields = fields
    }
}

/// The stamp and origin of the value a merged field holds: the later (stamp, origin) wins.
public struct FieldClock: Sendable, Equatable {
    public let timestamp: HybridTimestamp
    public let origin: String

    public init(timestamp: HybridTimestamp, origin: String) {
        self.timestamp = timestamp
        self.origin = origin
    }
}

/// A record's row as the engine writes it: the collection's table, the record's id, and the
/// fields written, named in the collection's order (worked out before the writer is taken).
public struct RecordRow: Sendable {
    public let table: String
    public let idColumn: String
    public let id: String
    public let names: [String]
    public let values: [SyncValue]
    /// Whether the row carries every field of its collection.
    public let isWhole: Bool

    public init(table: String, idColumn: String, id: String, names: [String], values: [SyncValue], isWhole: Bool) {
        (self.table, self.idColumn, self.id, self.names, self.values, self.isWhole) = (table, idColumn, id, names, values, isWhole)
    }
}
