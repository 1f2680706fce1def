import Foundation
public import StoreInterface

extension Replica {
    /// Conflicts no one has resolved yet, in this replica's scope.
    public func openConflicts() async throws -> [Conflict] {
        try await store.reading { transaction in try transaction.changeLog.openConflicts(scope: nil) }
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
        try await store.writing { transaction in
            guard let conflict = try transaction.changeLog.openConflict(id: conflictID) else {
                throw SyncError.noOpenConflict(conflictID)
            }
            if let village, conflict.scope != village { throw SyncError.noOpenConflict(conflictID) }
            guard let collection = core.collections[conflict.collection], !collection.resolvers.isDisjoint(with: roles) else {
                throw SyncError.notAResolution("a conflict of \(conflict.collection) is resolved by its stewards only")
            }
            guard value == conflict.keptValue || value == conflict.otherValue || value.isSameKind(as: conflict.keptValue) else {
                throw SyncError.notAResolution("the value chosen must be one of the conflict's or of the same kind")
            }
            try write(transaction, to: conflict.collection, id: conflict.recordID, fields: [conflict.field: value])
            try write(
                transaction, to: ConflictLog.resolutions.name, id: "\(conflictID)/\(origin)",
                fields: [
                    "scope": .text(conflict.scope), "conflict_id": .text(conflictID),
                    "chosen_value": .text(try ReplicaCore.json(value)), "resolved_by": .text(person),
                ])
        }
    }
}

extension Conflict {
    /// A conflict as a store's row holds it: its two values kept as JSON text.
    public init(row: some StoredRow) throws {
        let decoder = JSONDecoder()
        func value(_ column: String) throws -> SyncValue {
            try decoder.decode(SyncValue.self, from: Data(row.text(column).utf8))
        }
        self.init(
            id: row.text("id"), scope: row.text("scope"), collection: row.text("collection"), recordID: row.text("record_id"),
            field: row.text("field"), keptValue: try value("kept_value"), keptOrigin: row.text("kept_origin"),
            otherValue: try value("other_value"), otherOrigin: row.text("other_origin"))
    }
}
