public import Foundation
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
            try transaction.changeLog.resolvedConflicts(scope: scope, collectionsPrefixed: prefix, limit: limit)
        }
    }
}

extension ResolvedConflict {
    /// A resolution as a store's row holds it, with its conflict's record and field and the stamp
    /// of the change that logged it (`timestamp`, null where this side did not log it).
    public init(row: some StoredRow) {
        let stamp = row.optionalInteger("timestamp").map(HybridTimestamp.init(rawValue:))
        self.init(
            id: row.text("id"), scope: row.text("scope"), collection: row.text("collection"), recordID: row.text("record_id"),
            field: row.text("field"), chosenValue: row.text("chosen_value"), resolvedBy: row.text("resolved_by"),
            resolvedAt: stamp.map { Date(timeIntervalSince1970: Double($0.wallMilliseconds / 1000)) })
    }
}
