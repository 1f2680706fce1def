public import GRDB

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
    /// try await store.pool.write { db in
    ///     try Replica.handOver(db, from: old, to: try StoreInfo.renewReplicaID(db))
    /// }
    /// ```
    public static func handOver(_ db: Database, from old: String, to new: String) throws -> Int {
        let acknowledged = try acknowledged(db)
        try db.execute(
            sql: """
                INSERT INTO sync_change(origin, sequence, timestamp, collection, record_id, scope, fields, bases, signature, urgent)
                SELECT ?, ROW_NUMBER() OVER (ORDER BY sequence), timestamp, collection, record_id, scope, fields, bases, signature, urgent
                FROM sync_change WHERE origin = ? AND sequence > ? ORDER BY sequence
                """,
            arguments: [new, old, acknowledged])
        let handed = db.changesCount
        try setState(db, "acknowledged", "0")
        return handed
    }
}
