public import StoreInterface

/// Capture (``ChangeCapture``): the replica's own writes.
extension Replica {
    /// Writes a record's fields and records the change, in the caller's transaction, so that the
    /// data and its change log entry commit or vanish together.
    ///
    /// For an append-only collection a second write of the same id is a no-op and returns `nil`.
    @discardableResult
    public func write(
        _ transaction: some StoreTransaction, to collectionName: String, id recordID: String, fields: [String: SyncValue]
    ) throws -> Change? {
        try capture.write(transaction, to: collectionName, id: recordID, fields: fields)
    }

    /// Writes a whole record, its fields encoded from its declaration (``SyncRecord``); the
    /// collection's id and unsynced columns are left out.
    @discardableResult
    public func write(
        _ transaction: some StoreTransaction, record: some SyncRecord, id recordID: String, to collection: SyncCollection
    ) throws -> Change? {
        try capture.write(transaction, record: record, id: recordID, to: collection)
    }
}
