import Foundation
public import PostgresStorage
import StoreInterface
public import Sync

/// The rest of the engine's storage in a PostgreSQL transaction: quarantine, urgent receipts,
/// conflicts, the collections' rows, and the transaction's savepoints and end.
extension PostgresTransaction {
    // MARK: Quarantine, urgent receipts, conflicts

    public func quarantine(_ entry: QuarantineEntry, change json: String) throws {
        try execute(
            """
            INSERT INTO sync_quarantine(origin, sequence, change, reason, quarantined_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT DO NOTHING
            """, entry.origin, entry.sequence, json, entry.reason, entry.quarantinedAt)
    }

    public func quarantined(limit: Int, from origins: Set<String>?) throws -> [QuarantineEntry] {
        try rows(
            "SELECT origin, sequence, reason, quarantined_at FROM sync_quarantine \(Self.quarantineOf) ORDER BY quarantined_at DESC LIMIT $2",
            CompactJSON.encode(origins: origins), limit
        ).map {
            QuarantineEntry(
                origin: $0.text(at: 0) ?? "", sequence: $0.integer(at: 1) ?? 0, reason: $0.text(at: 2) ?? "",
                quarantinedAt: $0.text(at: 3) ?? "")
        }
    }

    public func quarantinedCount(from origins: Set<String>?) throws -> Int {
        Int(try integer("SELECT COUNT(*) FROM sync_quarantine \(Self.quarantineOf)", CompactJSON.encode(origins: origins)) ?? 0)
    }

    /// Where a quarantine query keeps the changes of the origins in `$1`, one JSON array (null for
    /// all): one statement however many stations a division has.
    private static let quarantineOf = "WHERE $1::jsonb IS NULL OR origin IN (SELECT jsonb_array_elements_text($1::jsonb))"

    public func hasUnrecordedUrgent(through position: Int64, reaching scopes: DivisionScopes, station: String) throws -> Bool {
        (try rows(
            """
            SELECT EXISTS (
                SELECT 1 FROM sync_change c WHERE c.urgent AND c.position <= $1 AND c.scope IN (\(DivisionScopes.marks(from: 3)))
                AND NOT EXISTS (SELECT 1 FROM sync_urgent_receipt r
                    WHERE r.origin = c.origin AND r.sequence = c.sequence AND r.station = $2))::int
            """, arguments: [position, station] + scopes.list.map { $0 as any PostgresArgument }
        ).first?.integer(at: 0) ?? 0) != 0
    }

    public func recordUrgentReceipts(station: String, through position: Int64, reaching scopes: DivisionScopes, at time: String) throws {
        try execute(
            """
            INSERT INTO sync_urgent_receipt(station, origin, sequence, received_at)
            SELECT $1::text, origin, sequence, $2::text FROM sync_change
            WHERE urgent AND position <= $3 AND scope IN (\(DivisionScopes.marks(from: 4)))
            ON CONFLICT DO NOTHING
            """, arguments: [station, time, position] + scopes.list.map { $0 as any PostgresArgument })
    }

    public func recordUrgentReceipt(station: String, origin: String, sequence: Int64, at time: String) throws {
        try execute(
            """
            INSERT INTO sync_urgent_receipt(station, origin, sequence, received_at)
            SELECT $1::text, origin, sequence, $2::text FROM sync_change WHERE origin = $3 AND sequence = $4 AND urgent
            ON CONFLICT DO NOTHING
            """, station, time, origin, sequence)
    }

    public func urgentReceipts(collection: String, recordID: String) throws -> [Replica.UrgentReceipt] {
        try rows(
            """
            SELECT r.station, MIN(r.received_at) FROM sync_urgent_receipt r
            JOIN sync_change c ON c.origin = r.origin AND c.sequence = r.sequence
            WHERE c.collection = $1 AND c.record_id = $2 AND c.urgent
            GROUP BY r.station ORDER BY r.station
            """, collection, recordID
        ).map { Replica.UrgentReceipt(station: $0.text(at: 0) ?? "", receivedAt: $0.text(at: 1) ?? "") }
    }

    /// The conflicts not yet resolved, of one scope or of all.
    private static let openConflictsWhere = """
        FROM sync_conflict c
        WHERE ($1::text IS NULL OR c.scope = $1) AND NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.conflict_id = c.id)
        """

    public func openConflicts(scope: String?) throws -> [Conflict] {
        try rows("SELECT c.* \(Self.openConflictsWhere) ORDER BY c.id", scope).map(Conflict.init(row:))
    }

    public func openConflict(id: String) throws -> Conflict? {
        try row(
            """
            SELECT c.* FROM sync_conflict c WHERE c.id = $1
            AND NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.conflict_id = c.id)
            """, id
        ).map(Conflict.init(row:))
    }

    public func openConflictCount(scope: String?) throws -> Int {
        Int(try integer("SELECT COUNT(*) \(Self.openConflictsWhere)", scope) ?? 0)
    }

    public func conflictScope(id: String) throws -> String? {
        try text("SELECT scope FROM sync_conflict WHERE id = $1", id)
    }

    public func resolvedConflicts(scope: String, collectionsPrefixed prefix: String, limit: Int) throws -> [ResolvedConflict] {
        try rows(
            """
            SELECT r.id, r.scope, c.collection, c.record_id, c.field, r.chosen_value, r.resolved_by, log.timestamp
            FROM sync_resolution r JOIN sync_conflict c ON c.id = r.conflict_id
            LEFT JOIN sync_change log ON log.collection = 'sync.resolution' AND log.record_id = r.id
            WHERE r.scope = $1 AND starts_with(c.collection, $2)
            ORDER BY log.timestamp DESC NULLS LAST LIMIT $3
            """, scope, prefix, limit
        ).map(ResolvedConflict.init(row:))
    }

    // MARK: The collections' rows

    public func insertRecord(_ row: RecordRow, replacing: Bool) throws -> Bool {
        let columns = ([row.idColumn] + row.names).map(\.quotedIdentifier).joined(separator: ", ")
        let marks = (1...(row.names.count + 1)).map { "$\($0)" }.joined(separator: ", ")
        let onConflict =
            replacing && !row.names.isEmpty
            ? "DO UPDATE SET " + row.names.map { "\($0.quotedIdentifier) = excluded.\($0.quotedIdentifier)" }.joined(separator: ", ")
            : "DO NOTHING"
        let sql = """
            INSERT INTO \(row.table.quotedIdentifier) (\(columns)) VALUES (\(marks))
            ON CONFLICT (\(row.idColumn.quotedIdentifier)) \(onConflict)
            """
        return try execute(sql, arguments: [row.id as any PostgresArgument] + row.values.map { $0 as any PostgresArgument }) > 0
    }

    public func updateRecord(_ row: RecordRow) throws {
        let sets = row.names.enumerated().map { "\($1.quotedIdentifier) = $\($0 + 1)" }.joined(separator: ", ")
        try execute(
            "UPDATE \(row.table.quotedIdentifier) SET \(sets) WHERE \(row.idColumn.quotedIdentifier) = $\(row.names.count + 1)",
            arguments: row.values.map { $0 as any PostgresArgument } + [row.id])
    }

    public func recordExists(in collection: SyncCollection, id: String) throws -> Bool {
        try isTrue(
            "SELECT EXISTS(SELECT 1 FROM \(collection.table.quotedIdentifier) WHERE \(collection.idColumn.quotedIdentifier) = $1)::int",
            id)
    }

    public func recordValue(_ field: String, in collection: SyncCollection, id: String) throws -> SyncValue {
        guard let row = try self.row(
            "SELECT \(field.quotedIdentifier) FROM \(collection.table.quotedIdentifier) WHERE \(collection.idColumn.quotedIdentifier) = $1",
            id)
        else { return .null }
        return SyncValue(row, at: 0)
    }

    public func recordValues(_ field: String?, in collection: SyncCollection, ids: [String]) throws -> [String: SyncValue] {
        guard !ids.isEmpty else { return [:] }
        let id = collection.idColumn.quotedIdentifier
        let rows = try self.rows(
            """
            SELECT \(id), \(field?.quotedIdentifier ?? "NULL") FROM \(collection.table.quotedIdentifier)
            WHERE \(id) IN (SELECT jsonb_array_elements_text($1::jsonb))
            """, String(decoding: try JSONEncoder().encode(ids), as: UTF8.self))
        var values: [String: SyncValue] = [:]
        for row in rows { values[row.text(at: 0) ?? ""] = SyncValue(row, at: 1) }
        return values
    }

    public func insertNewRecord(_ row: RecordRow) throws {
        try insertAhead(
            into: row.table, columns: [row.idColumn] + row.names, [row.id as any PostgresArgument] + row.values.map { $0 as any PostgresArgument },
            onConflict: "ON CONFLICT (\(row.idColumn.quotedIdentifier)) DO NOTHING")
    }

    public func eachRecord(
        in collection: SyncCollection, fields: [String], where selection: (column: String, value: String)?,
        _ body: (String, [SyncValue]) throws -> Void
    ) throws {
        // In pages by id, so that a bucket of a million records is never held whole.
        var after: String?
        while true {
            let page = try records(in: collection, fields: fields, where: selection, after: after, limit: Self.recordPage)
            for (recordID, values) in page { try body(recordID, values) }
            after = page.last?.0
            if page.count < Self.recordPage { return }
        }
    }

    private static let recordPage = 5_000

    public func records(
        in collection: SyncCollection, fields: [String], where selection: (column: String, value: String)?, after id: String?, limit: Int
    ) throws -> [(String, [SyncValue])] {
        let idColumn = collection.idColumn.quotedIdentifier
        let columns = ([collection.idColumn] + fields).map(\.quotedIdentifier).joined(separator: ", ")
        let filter = selection.map { "AND \($0.column.quotedIdentifier) = $4" } ?? ""
        return try rows(
            """
            SELECT \(columns) FROM \(collection.table.quotedIdentifier)
            WHERE ($1::text IS NULL OR \(idColumn) > $2) \(filter) ORDER BY \(idColumn) LIMIT $3
            """, arguments: [id, id ?? "", limit] + (selection.map { [$0.value as any PostgresArgument] } ?? [])
        ).compactMap { row in
            guard let recordID = row.text(at: 0) else { return nil }
            return (recordID, fields.indices.map { SyncValue(row, at: $0 + 1) })
        }
    }

    public func deleteRecord(in collection: SyncCollection, id: String) throws {
        try execute(
            "DELETE FROM \(collection.table.quotedIdentifier) WHERE \(collection.idColumn.quotedIdentifier) = $1", id)
    }

    public func hasChanges(after position: Int64, collection: String, scope: String, notFrom origin: String) throws -> Bool {
        try isTrue(
            "SELECT EXISTS(SELECT 1 FROM sync_change WHERE scope = $1 AND position > $2 AND collection = $3 AND origin <> $4)::int",
            scope, position, collection, origin)
    }

    public func changeOutlines(below position: Int64, limit: Int) throws -> [ChangeOutline] {
        try rows(
            """
            SELECT position, origin, timestamp, collection, record_id, urgent::int,
                (SELECT string_agg(key, ',') FROM json_object_keys(fields::json) AS key)
            FROM sync_change WHERE position < $1 ORDER BY position DESC LIMIT $2
            """, position, limit
        ).map { row in
            ChangeOutline(
                position: row.integer(at: 0) ?? 0, origin: row.text(at: 1) ?? "", timestamp: row.integer(at: 2) ?? 0,
                collection: row.text(at: 3) ?? "", recordID: row.text(at: 4) ?? "", urgent: row.integer(at: 5) == 1,
                fields: row.text(at: 6)?.split(separator: ",").map(String.init) ?? [])
        }
    }

    public func removeChanges(at positions: [Int64]) throws -> Int {
        guard !positions.isEmpty else { return 0 }
        try sendRowsAhead()
        return try execute(
            "DELETE FROM sync_change WHERE position = ANY(string_to_array($1, ',')::bigint[])",
            positions.map(String.init).joined(separator: ","))
    }

    // MARK: The transaction

    public func sendHeldWrites() throws {
        try sendRowsAhead()
    }

    public func inSavepoint(_ body: () throws -> Void) throws {
        try withSavepoint(body)
    }

    public func faultOfTheChange(_ error: any Error) -> String? {
        Self.faultOfTheStatement(error)
    }
}
