import StoreInterface

/// The built-in collections that carry conflicts and their resolutions between replicas.
///
/// Only the county detects conflicts, because every station's change passes through it, so each
/// concurrent edit is seen in one place, once; the conflict then travels to the village's station
/// like any county-owned record. A resolution is an append-only fact that either side may write.
///
/// ```swift
/// let open = try replica.openConflicts()
/// try replica.resolve(conflictID: open[0].id, choosing: open[0].otherValue, by: "经管站 王会计", holding: ["reviewer"])
/// ```
public enum ConflictLog {
    public static let conflicts = SyncCollection(
        name: "sync.conflict", table: "sync_conflict",
        fields: [
            "scope", "collection", "record_id", "field", "kept_value", "kept_origin", "other_value", "other_origin",
        ],
        scope: .village(column: "scope"), policy: .countyAuthoritative, keepsHistory: true)

    public static let resolutions = SyncCollection(
        name: "sync.resolution", table: "sync_resolution",
        fields: ["scope", "conflict_id", "chosen_value", "resolved_by"],
        scope: .village(column: "scope"), policy: .appendOnly,
        rules: [
            // A resolution is of a conflict held, of its own scope, once per replica that resolved it.
            ChangeRule.idMadeOfFields("sync.resolution.id") { change in "\(try change.text("conflict_id") ?? "")/\(change.change.origin)" },
            ChangeRule("sync.resolution.conflict") { change in
                guard let scope = try change.transaction.conflictScope(id: try change.text("conflict_id") ?? "") else {
                    return "conflict_id names no conflict held here"
                }
                return scope == (try change.text("scope")) ? nil : "the conflict belongs to \(scope)"
            },
        ], keepsHistory: true)

    static let collections = [conflicts, resolutions]
}

/// A concurrent edit of a review-worthy field: the value the merge kept and the one it did not.
public struct Conflict: Sendable, Hashable, Codable {
    public let id: String
    public let scope: String
    public let collection: String
    public let recordID: String
    public let field: String
    public let keptValue: SyncValue
    public let keptOrigin: String
    public let otherValue: SyncValue
    public let otherOrigin: String
}
