public import Foundation
import GRDB
import Storage
public import StoreInterface

/// A conflict someone resolved, as a domain's audit trail shows it: what was in conflict, the
/// value chosen, who chose it and when (the wall time of the change that carried the resolution,
/// where this side logs it). Read through ``ConflictLog/resolved(in:scope:collectionsPrefixed:limit:)``,
/// so that no domain reads the sync layer's tables or the bits of its clock.
///
/// ```swift
/// let resolved = try await ConflictLog.resolved(in: store, scope: "441422107201", collectionsPrefixed: "ledger.")
/// resolved.first?.resolvedAt   // the instant, if this side logged the resolution
/// ```
public struct ResolvedConflict: Sendable, Equatable {
    public let id: String
    public let scope: String
    public let collection: String
    public let recordID: String
    public let field: String
    /// The value chosen, as the resolution stores it.
    public let chosenValue: String
    public let resolvedBy: String
    public let resolvedAt: Date?
}

extension ConflictLog {
    /// The conflicts of a scope's collections whose names begin with `prefix` that were resolved,
    /// the latest logged first.
    public static func resolved(in store: any TransactionStore, scope: String, collectionsPrefixed prefix: String, limit: Int = 200)
        async throws -> [ResolvedConflict]
    {
        try await store.reading { transaction in
            let db = transaction.sqliteDatabase
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT r.id, r.scope, c.collection, c.record_id, c.field, r.chosen_value, r.resolved_by, log.timestamp
                    FROM sync_resolution r JOIN sync_conflict c ON c.id = r.conflict_id
                    LEFT JOIN sync_change log ON log.collection = 'sync.resolution' AND log.record_id = r.id
                    WHERE r.scope = ?1 AND substr(c.collection, 1, length(?2)) = ?2
                    ORDER BY log.timestamp DESC LIMIT ?3
                    """,
                arguments: [scope, prefix, limit]
            ).map { row in
                let stamp = (row["timestamp"] as Int64?).map(HybridTimestamp.init(rawValue:))
                return ResolvedConflict(
                    id: row["id"], scope: row["scope"], collection: row["collection"], recordID: row["record_id"],
                    field: row["field"], chosenValue: row["chosen_value"], resolvedBy: row["resolved_by"],
                    resolvedAt: stamp.map { Date(timeIntervalSince1970: Double($0.wallMilliseconds / 1000)) })
            }
        }
    }
}
