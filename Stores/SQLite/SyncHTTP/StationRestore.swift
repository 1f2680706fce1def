import GRDB
public import Storage
import Sync

/// What a station's store needs after it is brought back from a backup: a new origin, its
/// unacknowledged changes handed over to it, and a new enrollment.
///
/// The county knows a station by the origin it enrolled with, so the restored store forgets its
/// enrollment and enrolls again with a new one-time code; its pull position stays, so the county
/// sends it everything after the backup, the old origin's later changes included.
///
/// ```swift
/// let handed = try await StationRestore.prepare(store)   // then: kiosk enroll --server … --code …
/// ```
public enum StationRestore {
    /// Prepares a restored store; answers how many unacknowledged changes were handed over.
    @discardableResult
    public static func prepare(_ store: Store) async throws -> Int {
        let old = store.info.replicaID
        return try await store.pool.write { db in
            let handed = try Replica.handOver(db, from: old, to: try StoreInfo.renewReplicaID(db))
            try db.execute(sql: "DELETE FROM sync_enrollment")
            return handed
        }
    }
}
