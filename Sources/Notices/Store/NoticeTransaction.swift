public import Sync

/// What the notices module reads and derives inside a write transaction (``StoreTransaction``):
/// each store's transaction adopts it, so that publishing and the arrival hook are written once.
///
/// ```swift
/// try await replica.writing { transaction in
///     let notices = try transaction.notices
///     let known = try notices.noticeIDs()
/// }
/// ```
public protocol NoticeTransaction: StoreTransaction {
    /// The ids of every notice held.
    func noticeIDs() throws -> Set<String>
    /// Whether a notice is held.
    func noticeExists(_ id: String) throws -> Bool
    /// A notice's relations, in place of those it had (`kind` as written, such as `repeals`).
    func replaceRelations(of noticeID: String, with relations: [(kind: String, target: String)]) throws
    /// The notice's entry in the search index, made again from its title and text as they now stand.
    func reindexNotice(_ noticeID: String) throws
}

extension StoreTransaction {
    /// The transaction as the notices module reads and derives in it.
    public var notices: any NoticeTransaction {
        get throws { try self.as((any NoticeTransaction).self) }
    }
}
