public import Storage
public import Sync

extension Replica {
    /// The SQLite store of a replica that runs on one: for the SQLite store's own targets and their
    /// tests, which read its tables directly.
    public var sqliteStore: Store {
        guard let store = store as? Store else { preconditionFailure("a replica on \(type(of: store)) is not on SQLite") }
        return store
    }
}
