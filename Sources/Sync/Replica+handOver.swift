public import StoreInterface

extension Replica {
    /// Hands a station's unacknowledged changes from its old origin to a new one, in the caller's
    /// transaction, for a store brought back from a backup (``Storage/StoreInfo/renewReplicaID(_:)``).
    ///
    /// After the backup the old origin went on making changes the county holds under sequence
    /// numbers the restored store would reuse; under a new origin nothing is reused, and the county
    /// sends the old origin's later changes back as another replica's. The changes the backup held
    /// unacknowledged are logged again under the new origin, in order, with their stamps: applied
    /// twice they change nothing. Answers how many were handed over.
    ///
    /// ```swift
    /// let old = store.info.replicaID
    /// try await store.writing { transaction in
    ///     try Replica.handOver(transaction, from: old, to: renewed)
    /// }
    /// ```
    public static func handOver(_ transaction: any StoreTransaction, from old: String, to new: String) throws -> Int {
        let log = try transaction.changeLog
        let handed = try log.relog(from: old, to: new, after: try ReplicaCore.acknowledged(log))
        try log.setState("acknowledged", to: "0")
        return handed
    }
}
