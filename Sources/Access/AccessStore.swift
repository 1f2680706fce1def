public import Foundation

/// Where a program keeps its accounts and sessions: what the access module reads and writes, in
/// its own words. The SQLite store (`AccessSQLite`) implements it; the rules (hashes, locks, idle
/// deadlines) stay in ``AccountBook`` and ``SessionBook``.
///
/// ```swift
/// let accounts = AccountBook(store: SQLiteAccessStore(store), policy: .station)
/// ```
public protocol AccessStore: Sendable {
    /// Adds the account with its secret's hash, or replaces its name, roles and hash, clears its
    /// failures and lock, and ends its sessions.
    func save(_ account: Account, secretHash: String, at: Date) async throws
    /// Every account, ordered by login.
    func accounts() async throws -> [Account]
    /// Removes the account and its sessions; `false` if there was none.
    func remove(login: String) async throws -> Bool
    /// Changes an account's failures and lock in one write, so that logins racing each other
    /// count every try: `change` gets the account and its secret's hash and may set
    /// ``Account/failures`` and ``Account/lockedUntil``; its answer is returned. `nil` for an
    /// unknown login.
    func updateStanding<Answer: Sendable>(
        of login: String, _ change: @Sendable (inout Account, _ secretHash: String) throws -> Answer
    ) async throws -> Answer?

    /// Keeps a new session by its token's hash, first forgetting every session idle past its
    /// deadline or older than `maximumAge`.
    func openSession(tokenHash: String, login: String, at: Date, expires: Date, maximumAge: TimeInterval) async throws
    /// The account of a session still open at `at` (not past its deadline, not older than
    /// `maximumAge`) and its idle deadline.
    func session(tokenHash: String, at: Date, maximumAge: TimeInterval) async throws -> (account: Account, expires: Date)?
    /// Moves a session's idle deadline on to `expires` (never back).
    func extendSession(tokenHash: String, to expires: Date) async throws
    /// Ends a session.
    func closeSession(tokenHash: String) async throws
}
