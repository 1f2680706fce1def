/// A store's open write transaction, as the sync engine hands it to what runs inside it: a
/// domain's writes (``Replica/writing(_:)``) and its arrival hooks (``RecordArrival``).
///
/// Above the store it is opaque. A domain reads and derives through it by its own protocol, which
/// each store's transaction adopts (`NoticeTransaction` for notices), so that the domain's logic
/// is written once and each store holds only its own SQL.
///
/// ```swift
/// try await replica.writing { transaction in
///     let notices = try transaction.notices
///     if try notices.noticeExists("DB-2026-27") { try replica.write(transaction, to: …, id: …, fields: …) }
/// }
/// ```
public protocol StoreTransaction: AnyObject {}

extension StoreTransaction {
    /// The transaction as the domain protocol its store adopts. A store that does not adopt it is
    /// a program assembled wrong, reported as such rather than trapped.
    public func `as`<Domain>(_ domain: Domain.Type) throws -> Domain {
        guard let adopted = self as? Domain else { throw StoreMismatch(transaction: "\(type(of: self))", protocol: "\(domain)") }
        return adopted
    }
}

/// A transaction of a store that does not keep a domain the program asked it for.
public struct StoreMismatch: Error, CustomStringConvertible {
    public let transaction: String
    public let `protocol`: String

    public var description: String { "a \(transaction) transaction does not keep \(`protocol`): the program's store lacks a domain" }
}

/// A store whose transactions the domains read and write through their own protocols: each
/// domain's reads are Swift over its `<Domain>Transaction`, run in one transaction of the store.
///
/// ```swift
/// let lot = try await store.reading { transaction in try transaction.trace.lot(id: "L-1") }
/// ```
public protocol TransactionStore: Sendable {
    /// Runs `body` in a read transaction: what it reads is one state of the store.
    func reading<Answer: Sendable>(_ body: @Sendable (any StoreTransaction) throws -> Answer) async throws -> Answer
    /// The same on the calling thread, for a read too short to be worth a hop (a scan's lookup).
    func readingNow<Answer>(_ body: (any StoreTransaction) throws -> Answer) throws -> Answer
    /// Runs `body` in a write transaction; a domain's synced records are written through
    /// ``Replica/writing(_:)`` instead, so that they are logged.
    func writing<Answer: Sendable>(_ body: @Sendable (any StoreTransaction) throws -> Answer) async throws -> Answer
    /// The same, blocking the calling thread.
    func writingNow<Answer>(_ body: (any StoreTransaction) throws -> Answer) throws -> Answer
    /// Runs `body` in a write transaction it may share with writes that arrive at the same moment
    /// (a group commit), for the hub's pushes; `body` may run more than once, each time in a fresh
    /// transaction, so it must not act outside the store. A store without groups writes alone.
    func writingTogether<Answer: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> Answer)
        async throws -> Answer
    /// The id this store's replica speaks as, until it is renewed (a store restored from a backup).
    var replicaID: String { get }
}

extension TransactionStore {
    public func writingTogether<Answer: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> Answer)
        async throws -> Answer
    {
        try await writing(body)
    }
}
