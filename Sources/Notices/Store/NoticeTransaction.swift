public import Foundation
import Sync
public import StoreInterface

/// What the notices module reads and writes in a transaction of its store (``StoreTransaction``):
/// each store's transaction adopts it (`NoticesSQLite` for SQLite), so that the queries,
/// publishing and the arrival hook are written once.
///
/// Each notice's ``NoticeStatus`` and whether it is a warning in force are derived by the store
/// for the day asked (``NoticeDay``), by the rules those types state, so that a list can filter
/// and order by them.
///
/// ```swift
/// let current = try await store.reading { transaction in
///     try transaction.notices.list(category: nil, statuses: [.inForce], limit: 20, offset: 0, on: day)
/// }
/// ```
public protocol NoticeTransaction: StoreTransaction {
    /// Notices with one of `statuses`, warnings in force first, then newest published first.
    func list(category: String?, statuses: [NoticeStatus], limit: Int, offset: Int, on day: NoticeDay) throws
        -> [NoticeQueries.Summary]
    /// The warnings in force, newest first, at most `limit`.
    func warnings(limit: Int, on day: NoticeDay) throws -> [NoticeQueries.Summary]
    /// One notice with its relations both ways and its files.
    func notice(id: String, on day: NoticeDay) throws -> NoticeQueries.Detail?
    /// A file of a notice, with its bytes as kept.
    func attachment(_ id: String, of noticeID: String) throws -> (entry: NoticeQueries.AttachmentEntry, content: Data)?
    /// Notices whose title matches `text` (tier 0), then those whose text does (tier 1), each tier
    /// newest first and at most `limit`: Chinese of any length, title pinyin or initials.
    func search(_ text: String, limit: Int, on day: NoticeDay) throws -> [NoticeMatch]
    /// Each village's first showing of a notice on its screen.
    func firstShown(of noticeID: String) throws -> [String: String]

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
