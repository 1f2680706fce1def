import GRDB

extension Replica {
    /// A change that failed in the store (a constraint, a value of the wrong kind, a record its
    /// domain cannot derive from): the change's fault, not the store's, so the batch is applied
    /// again carefully.
    struct FailedInStore: Error {}

    /// Whether a store error is the fault of the change that caused it. A full disk, a busy or
    /// broken file is the store's, and fails the whole batch as before.
    static func isChangesFault(_ error: DatabaseError) -> Bool {
        [.SQLITE_CONSTRAINT, .SQLITE_MISMATCH, .SQLITE_TOOBIG, .SQLITE_ERROR, .SQLITE_RANGE].contains(error.resultCode)
    }

    /// Applies one change of a batch that arrived. Carelessly (the usual way) a failure in the store
    /// is thrown as ``FailedInStore``, and the caller applies the batch again carefully: each change
    /// in a savepoint of its own, so that one that fails is undone alone and quarantined with the
    /// store's reason, and the queue goes on. (A savepoint for every change would cost the usual
    /// batch a copy of every page it touches.)
    func guarded(
        _ change: Change, careful: Bool, marksReceived: Bool, _ db: Database, _ apply: () throws -> Outcome
    ) throws -> Outcome {
        guard careful else {
            do { return try apply() } catch let error as DatabaseError where Self.isChangesFault(error) {
                throw FailedInStore()
            } catch is UnderivableRecord {
                throw FailedInStore()
            }
        }
        var outcome = Outcome.duplicate
        do {
            try db.inSavepoint {
                outcome = try apply()
                return .commit
            }
            return outcome
        } catch let error as DatabaseError where Self.isChangesFault(error) {
            return try quarantine(
                change, reason: "failed in the store: \(error.message ?? error.resultCode.description)", db,
                marksReceived: marksReceived)
        } catch let error as UnderivableRecord {
            return try quarantine(change, reason: "failed in the store: \(error)", db, marksReceived: marksReceived)
        }
    }
}
