import Crypto
public import Foundation
public import StoreInterface
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
    let store: any TransactionStore
    let policy: LoginPolicy
    let now: @Sendable () -> Date

    public init(store: any TransactionStore, policy: LoginPolicy, now: @escaping @Sendable () -> Date = Date.init) {
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
        let (at, tokenHash, policy) = (now(), Self.hash(token), policy)
        try await store.writing { transaction in
            try transaction.access.openSession(
                tokenHash: tokenHash, login: account.login, at: at, expires: at.addingTimeInterval(policy.idleTimeout),
                maximumAge: policy.maximumAge)
        }
        return token
    }

    /// The person the token speaks for, with the idle deadline pushed on; nil for a token that is
    /// unknown, idle too long or too old. The deadline is written only when it has moved by more than
    /// ``deadlineStep``, so that a screen's burst of requests reads the session instead of committing
    /// (and syncing to disk) once for each.
    public func principal(for token: String) async throws -> Principal? {
        let (at, hash) = (now(), Self.hash(token))
        let maximumAge = policy.maximumAge
        guard let found = try await store.reading({ try $0.access.session(tokenHash: hash, at: at, maximumAge: maximumAge) }) else {
            return nil
        }
        let deadline = at.addingTimeInterval(policy.idleTimeout)
        if deadline.timeIntervalSince(found.expires) > Self.deadlineStep {
            try await store.writing { try $0.access.extendSession(tokenHash: hash, to: deadline) }
        }
        return found.account.principal
    }

    /// How far the idle deadline may lag behind the last use: a session may end this much before
    /// its full idle time.
    static let deadlineStep: TimeInterval = 5

    /// Ends the session (logout).
    public func close(_ token: String) async throws {
        let tokenHash = Self.hash(token)
        try await store.writing { try $0.access.closeSession(tokenHash: tokenHash) }
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
