import StoreInterface

extension Replica {
    /// A change that failed in the store (a constraint, a value of the wrong kind, a record its
    /// domain cannot derive from): the change's fault, not the store's, so the batch is applied
    /// again carefully.
    struct FailedInStore: Error {}

    /// Applies one change of a batch that arrived. Carelessly (the usual way) a failure in the store
    /// is thrown as ``FailedInStore``, and the caller applies the batch again carefully: each change
    /// in a savepoint of its own, so that one that fails is undone alone and quarantined with the
    /// store's reason, and the queue goes on. (A savepoint for every change would cost the usual
    /// batch a copy of every page it touches.) A full disk, a busy or broken file is the store's
    /// fault, and fails the whole batch as before.
    func guarded(
        _ change: Change, careful: Bool, marksReceived: Bool, _ log: any ChangeLogTransaction, _ apply: () throws -> Outcome
    ) throws -> Outcome {
        guard careful else {
            do { return try apply() } catch let error where log.faultOfTheChange(error) != nil {
                throw FailedInStore()
            } catch is UnderivableRecord {
                throw FailedInStore()
            }
        }
        var outcome = Outcome.duplicate
        do {
            try log.inSavepoint { outcome = try apply() }
            return outcome
        } catch let error as UnderivableRecord {
            return try quarantine(change, reason: "failed in the store: \(error)", log, marksReceived: marksReceived)
        } catch {
            guard let fault = log.faultOfTheChange(error) else { throw error }
            return try quarantine(change, reason: "failed in the store: \(fault)", log, marksReceived: marksReceived)
        }
    }
}
