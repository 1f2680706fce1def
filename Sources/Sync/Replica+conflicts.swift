import Foundation
import GRDB
import Storage

extension Replica {
    /// Conflicts no one has resolved yet, in this replica's scope.
    public func openConflicts() async throws -> [Conflict] {
        try await store.pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.* FROM sync_conflict c
                    WHERE NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.conflict_id = c.id)
                    ORDER BY c.id
                    """
            ).map(Self.conflict(from:))
        }
    }

    /// Resolves a conflict by choosing the value the field keeps: the choice is written as a normal
    /// change of the field, and the resolution as a fact naming the person; both sync.
    ///
    /// Only a conflict in this replica's scope, only by a person holding one of the roles that own
    /// its collection (``SyncCollection/resolvers``), and only to one of its two values or a value
    /// of the same kind that passes the collection's rules (the field's change is checked by them).
    public func resolve(conflictID: String, choosing value: SyncValue, by person: String, holding roles: Set<String>)
        async throws
    {
        try await store.pool.write { db in
            let row = try Row.fetchOne(
                db,
                sql: """
                    SELECT c.* FROM sync_conflict c WHERE c.id = ?
                    AND NOT EXISTS (SELECT 1 FROM sync_resolution r WHERE r.conflict_id = c.id)
                    """,
                arguments: [conflictID])
            guard let row else { throw SyncError.noOpenConflict(conflictID) }
            let conflict = try Self.conflict(from: row)
            if let village, conflict.scope != village { throw SyncError.noOpenConflict(conflictID) }
            guard let collection = collections[conflict.collection], !collection.resolvers.isDisjoint(with: roles) else {
                throw SyncError.notAResolution("a conflict of \(conflict.collection) is resolved by its stewards only")
            }
            guard value == conflict.keptValue || value == conflict.otherValue || value.isSameKind(as: conflict.keptValue) else {
                throw SyncError.notAResolution("the value chosen must be one of the conflict's or of the same kind")
            }
            try write(db, to: conflict.collection, id: conflict.recordID, fields: [conflict.field: value])
            try write(
                db, to: ConflictLog.resolutions.name, id: "\(conflictID)/\(origin)",
                fields: [
                    "scope": .text(conflict.scope), "conflict_id": .text(conflictID),
                    "chosen_value": .text(try Self.json(value)), "resolved_by": .text(person),
                ])
        }
    }

    static func conflict(from row: Row) throws -> Conflict {
        let decoder = JSONDecoder()
        func value(_ column: String) throws -> SyncValue {
            try decoder.decode(SyncValue.self, from: Data((row[column] as String).utf8))
        }
        return Conflict(
            id: row["id"], scope: row["scope"], collection: row["collection"], recordID: row["record_id"],
            field: row["field"], keptValue: try value("kept_value"), keptOrigin: row["kept_origin"],
            otherValue: try value("other_value"), otherOrigin: row["other_origin"])
    }
}
