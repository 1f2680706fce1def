import StoreInterface

extension Replica {
    /// A change that failed in the store (a constraint, a value of the wrong kind, a record its
    /// domain cannot derive from): the change's fault, not the store's, so the batch is applied
    /// again with each change on its own.
    struct FailedInStore: Error {}

    /// How the changes of a batch that arrived are applied. A savepoint for every change would cost
    /// the usual batch a copy of every page it touches, so a batch is first applied ``together``;
    /// a change that fails in the store then aborts it, and it is applied again ``oneByOne``: each
    /// change in a savepoint of its own, so that one that fails is undone alone and quarantined with
    /// the store's reason, and the queue goes on. A full disk, a busy or broken file is the store's
    /// fault, and fails the whole batch either way.
    enum BatchApplication {
        case together, oneByOne

        /// Applies a batch together and, if a change of it failed in the store, one by one.
        static func applying<Result>(_ batch: (BatchApplication) async throws -> Result) async throws -> Result {
            do { return try await batch(.together) } catch is FailedInStore { return try await batch(.oneByOne) }
        }
    }

    /// Applies one change of a batch that arrived, as the batch is applied.
    func guarded(
        _ change: Change, _ application: BatchApplication, _ log: any ChangeLogTransaction, _ apply: () throws -> Outcome
    ) throws -> Outcome {
        guard application == .oneByOne else {
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
            return try quarantine(change, reason: "failed in the store: \(error)", log)
        } catch {
            guard let fault = log.faultOfTheChange(error) else { throw error }
            return try quarantine(change, reason: "failed in the store: \(fault)", log)
        }
    }
}
