public import Foundation
public import StoreInterface
public import WebAPI

/// What the access module reads and writes in a transaction of the program's store: accounts,
/// sessions and the answers kept by idempotency key. Each store's transaction adopts it
/// (`AccessSQLite` for SQLite); the rules (hashes, locks, idle deadlines, how long an answer is
/// kept) stay in ``AccountBook``, ``SessionBook`` and ``StoredAnswers``.
///
/// ```swift
/// let accounts = try await store.reading { transaction in try transaction.access.accounts() }
/// ```
public protocol AccessTransaction: StoreTransaction {
    /// Adds the account with its secret's hash, or replaces its name, roles and hash, clears its
    /// failures and lock, and ends its sessions.
    func saveAccount(_ account: Account, secretHash: String, at: Date) throws
    /// Every account, ordered by login.
    func accounts() throws -> [Account]
    /// Removes the account and its sessions; `false` if there was none.
    func removeAccount(login: String) throws -> Bool
    /// An account and its secret's hash.
    func account(login: String) throws -> (account: Account, secretHash: String)?
    /// Sets an account's failures in a row and its lock.
    func setStanding(login: String, failures: Int, lockedUntil: Date?) throws

    /// Keeps a new session by its token's hash, first forgetting every session idle past its
    /// deadline or older than `maximumAge`.
    func openSession(tokenHash: String, login: String, at: Date, expires: Date, maximumAge: TimeInterval) throws
    /// The account of a session still open at `at` (not past its deadline, not older than
    /// `maximumAge`) and its idle deadline.
    func session(tokenHash: String, at: Date, maximumAge: TimeInterval) throws -> (account: Account, expires: Date)?
    /// Moves a session's idle deadline on to `expires` (never back).
    func extendSession(tokenHash: String, to expires: Date) throws
    func closeSession(tokenHash: String) throws
    /// How many sessions the store keeps, open or not yet forgotten: none outlives its account.
    func sessionCount() throws -> Int

    /// The answer kept under a key, if it was recorded since `since` (a claim is no answer).
    func answer(under key: String, since: Date) throws -> RecordedAnswer?
    /// Holds a key for the request that runs under it, unless a claim made since `staleBefore` or
    /// an answer holds it already: whether this one took it. A claim is a row of status 0, which
    /// the request's answer replaces, so every process of a hub sees it.
    func claimAnswer(under key: String, at: Date, staleBefore: Date) throws -> Bool
    /// Lets go of a key's claim whose request kept no answer.
    func releaseAnswerClaim(under key: String) throws
    /// Keeps an answer under a key, first forgetting those recorded before `forgettingBefore`.
    func record(_ answer: RecordedAnswer, under key: String, at: Date, forgettingBefore: Date) throws
}

extension StoreTransaction {
    /// The transaction as the access module reads and writes in it.
    public var access: any AccessTransaction {
        get throws { try self.as((any AccessTransaction).self) }
    }
}
