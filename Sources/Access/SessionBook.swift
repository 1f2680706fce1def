import Crypto
public import Foundation
import GRDB
public import Storage
public import WebAPI

/// Open sessions: a random token handed to the client at login, kept only as its SHA-256. Each use
/// pushes the idle deadline on, up to the session's maximum age; a session left idle is over, so an
/// operator who walks away from the kiosk is logged out.
///
/// ```swift
/// let sessions = SessionBook(store: store, policy: .station)
/// let token = try await sessions.open(for: account)
/// let person = try await sessions.principal(for: token)   // nil once idle too long
/// ```
public struct SessionBook: Sendable {
    let store: Store
    let policy: LoginPolicy
    let now: @Sendable () -> Date

    public init(store: Store, policy: LoginPolicy, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.policy = policy
        self.now = now
    }

    /// A new session for the account: its token, shown to the client once.
    public func open(for account: Account) async throws -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in bytes.indices { bytes[index] = generator.next() }
        let token = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let at = now().timeIntervalSince1970
        let (idle, maximum) = (policy.idleTimeout, policy.maximumAge)
        try await store.pool.write { db in
            try db.execute(sql: "DELETE FROM access_session WHERE expires_at <= ? OR created_at <= ?", arguments: [at, at - maximum])
            try db.execute(
                sql: "INSERT INTO access_session (token_hash, login, created_at, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [Self.hash(token), account.login, at, at + idle])
        }
        return token
    }

    /// The person the token speaks for, with the idle deadline pushed on; nil for a token that is
    /// unknown, idle too long or too old. The deadline is written only when it has moved by more than
    /// ``deadlineStep``, so that a screen's burst of requests reads the session instead of committing
    /// (and syncing to disk) once for each.
    public func principal(for token: String) async throws -> Principal? {
        let at = now().timeIntervalSince1970
        let (idle, maximum, hash) = (policy.idleTimeout, policy.maximumAge, Self.hash(token))
        let found = try await store.pool.read { db -> (account: Account, expires: Double)? in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT a.*, s.expires_at AS session_expires FROM access_session s
                    JOIN access_account a ON a.login = s.login
                    WHERE s.token_hash = ? AND s.expires_at > ? AND s.created_at > ?
                    """, arguments: [hash, at, at - maximum]
            ).map { (Account(row: $0), $0["session_expires"]) }
        }
        guard let found else { return nil }
        if at + idle - found.expires > Self.deadlineStep {
            try await store.pool.write { db in
                try db.execute(
                    sql: "UPDATE access_session SET expires_at = MAX(expires_at, ?) WHERE token_hash = ?",
                    arguments: [at + idle, hash])
            }
        }
        return found.account.principal
    }

    /// How far the idle deadline may lag behind the last use: a session may end this much before
    /// its full idle time.
    static let deadlineStep: TimeInterval = 5

    /// Ends the session (logout).
    public func close(_ token: String) async throws {
        try await store.pool.write { db in
            try db.execute(sql: "DELETE FROM access_session WHERE token_hash = ?", arguments: [Self.hash(token)])
        }
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
