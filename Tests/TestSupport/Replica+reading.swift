public import StoreInterface
public import Sync

/// What the engine's tests read of a replica, through its store's protocols only
/// (`ChangeLogTransaction`), never its SQL: so that the suites run unchanged on any store.
extension Replica {
    /// Which of these records the replica holds.
    public func held(_ collection: SyncCollection, among ids: [String]) async throws -> [String] {
        try await store.reading { transaction in
            let log = try transaction.changeLog
            return try ids.filter { try log.recordExists(in: collection, id: $0) }
        }
    }

    /// A field of a record as held.
    public func value(_ field: String, of id: String, in collection: SyncCollection) async throws -> SyncValue {
        try await store.reading { transaction in try transaction.changeLog.recordValue(field, in: collection, id: id) }
    }

    /// How many changes the log holds: its positions run from 1 without gaps in a log kept since it began.
    public func loggedCount() async throws -> Int64 {
        try await store.reading { transaction in try transaction.changeLog.lastPosition() ?? 0 }
    }

    /// The latest stamp the log holds.
    public func latestStamp() async throws -> HybridTimestamp {
        try await store.reading { transaction in HybridTimestamp(rawValue: try transaction.changeLog.lastTimestamp()) }
    }
}
