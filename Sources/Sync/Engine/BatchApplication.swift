import StoreInterface

/// How the changes of a batch that arrived (a station's push at the county, the county's pull
/// reply at a station) are applied.
///
/// A savepoint for every change would cost the usual batch a copy of every page it touches, so a
/// batch is first applied ``together``; a change that fails in the store then aborts it, and it is
/// applied again ``oneByOne``: each change in a savepoint of its own, so that one that fails is
/// undone alone and quarantined with the store's reason, and the queue goes on. A full disk, a busy
/// or broken file is the store's fault, and fails the whole batch either way.
///
/// ```swift
/// try await BatchApplication.applying { application in
///     try await store.writing { transaction in
///         for change in batch { _ = try application.apply(change, log, core) { try take(change) } }
///     }
/// }
/// ```
enum BatchApplication {
    case together, oneByOne

    /// A change that failed in the store (a constraint, a value of the wrong kind, a record its
    /// domain cannot derive from): the change's fault, not the store's.
    struct FailedInStore: Error {}

    /// Applies a batch together and, if a change of it failed in the store, one by one.
    static func applying<Result>(_ batch: (BatchApplication) async throws -> Result) async throws -> Result {
        do { return try await batch(.together) } catch is FailedInStore { return try await batch(.oneByOne) }
    }

    /// Whether the batch's records are derived from together once they are all written
    /// (``RecordArrival``): only when applied together, as one by one each change's derivation
    /// must fail inside its savepoint, for the change that caused it to be quarantined.
    var derivesTogether: Bool { self == .together }

    /// Derives from the batch's records together, collection by collection, and sends the writes
    /// the store held back (``ChangeLogTransaction/sendHeldWrites()``): what fails in the store
    /// then is a change's fault, and the batch is applied again one by one.
    func finish(deriving records: [String: [ArrivedRecord]], _ core: ReplicaCore, _ log: any ChangeLogTransaction) throws {
        try Self.failingTogether(log) {
            for (name, arrived) in records.sorted(by: { $0.key < $1.key }) {
                try core.collections[name]?.arrival?.derive(fromAll: arrived, log)
            }
            try log.sendHeldWrites()
        }
    }

    /// Runs part of a batch applied together: a failure in the store is ``FailedInStore``.
    private static func failingTogether<Answer>(_ log: any ChangeLogTransaction, _ body: () throws -> Answer) throws -> Answer {
        do { return try body() } catch let error where log.faultOfTheChange(error) != nil {
            throw FailedInStore()
        } catch is UnderivableRecord {
            throw FailedInStore()
        }
    }

    /// Applies one change of the batch, as the batch is applied; one that fails in the store is
    /// quarantined by `core` when applied on its own.
    func apply(
        _ change: Change, _ log: any ChangeLogTransaction, _ core: ReplicaCore, _ take: () throws -> ReplicaCore.Outcome
    ) throws -> ReplicaCore.Outcome {
        guard self == .oneByOne else { return try Self.failingTogether(log, take) }
        var outcome = ReplicaCore.Outcome.duplicate
        do {
            try log.inSavepoint { outcome = try take() }
            return outcome
        } catch let error as UnderivableRecord {
            return try core.quarantine(change, reason: "failed in the store: \(error)", log)
        } catch {
            guard let fault = log.faultOfTheChange(error) else { throw error }
            return try core.quarantine(change, reason: "failed in the store: \(fault)", log)
        }
    }
}
