public import Access
public import Foundation
import GRDB
public import Storage

/// A program's accounts and sessions in its SQLite store (the tables of ``AccessSchema``).
///
/// ```swift
/// let logins = Logins(store: SQLiteAccessStore(store), answers: SQLiteRecordedAnswers(store), policy: .station)
/// ```
public struct SQLiteAccessStore: AccessStore {
    let store: Store

    public init(_ store: Store) {
        self.store = store
    }

    public func save(_ account: Account, secretHash: String, at: Date) async throws {
        try await store.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO access_account (login, name, roles, secret_hash, failures, locked_until, created_at)
                    VALUES (?, ?, ?, ?, 0, NULL, ?)
                    ON CONFLICT(login) DO UPDATE SET name = excluded.name, roles = excluded.roles,
                        secret_hash = excluded.secret_hash, failures = 0, locked_until = NULL
                    """,
                arguments: [account.login, account.name, Account.text(of: account.roles), secretHash, at.timeIntervalSince1970])
            try db.execute(sql: "DELETE FROM access_session WHERE login = ?", arguments: [account.login])
        }
    }

    public func accounts() async throws -> [Account] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM access_account ORDER BY login").map(Self.account)
        }
    }

    public func remove(login: String) async throws -> Bool {
        try await store.pool.write { db in
            try db.execute(sql: "DELETE FROM access_account WHERE login = ?", arguments: [login])
            return db.changesCount > 0
        }
    }

    public func updateStanding<Answer: Sendable>(
        of login: String, _ change: @Sendable (inout Account, _ secretHash: String) throws -> Answer
    ) async throws -> Answer? {
        try await store.pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM access_account WHERE login = ?", arguments: [login]) else {
                return nil
            }
            var account = Self.account(row)
            let answer = try change(&account, row["secret_hash"])
            try db.execute(
                sql: "UPDATE access_account SET failures = ?, locked_until = ? WHERE login = ?",
                arguments: [account.failures, account.lockedUntil?.timeIntervalSince1970, login])
            return answer
        }
    }

    public func openSession(tokenHash: String, login: String, at: Date, expires: Date, maximumAge: TimeInterval) async throws {
        let now = at.timeIntervalSince1970
        try await store.pool.write { db in
            try db.execute(
                sql: "DELETE FROM access_session WHERE expires_at <= ? OR created_at <= ?", arguments: [now, now - maximumAge])
            try db.execute(
                sql: "INSERT INTO access_session (token_hash, login, created_at, expires_at) VALUES (?, ?, ?, ?)",
                arguments: [tokenHash, login, now, expires.timeIntervalSince1970])
        }
    }

    public func session(tokenHash: String, at: Date, maximumAge: TimeInterval) async throws -> (account: Account, expires: Date)? {
        let now = at.timeIntervalSince1970
        return try await store.pool.read { db in
            try Row.fetchOne(
                db,
                sql: """
                    SELECT a.*, s.expires_at AS session_expires FROM access_session s
                    JOIN access_account a ON a.login = s.login
                    WHERE s.token_hash = ? AND s.expires_at > ? AND s.created_at > ?
                    """, arguments: [tokenHash, now, now - maximumAge]
            ).map { (Self.account($0), Date(timeIntervalSince1970: $0["session_expires"])) }
        }
    }

    public func extendSession(tokenHash: String, to expires: Date) async throws {
        try await store.pool.write { db in
            try db.execute(
                sql: "UPDATE access_session SET expires_at = MAX(expires_at, ?) WHERE token_hash = ?",
                arguments: [expires.timeIntervalSince1970, tokenHash])
        }
    }

    public func closeSession(tokenHash: String) async throws {
        try await store.pool.write { db in
            try db.execute(sql: "DELETE FROM access_session WHERE token_hash = ?", arguments: [tokenHash])
        }
    }

    static func account(_ row: Row) -> Account {
        Account(
            login: row["login"], name: row["name"], roles: Account.roles(from: row["roles"]), failures: row["failures"],
            lockedUntil: (row["locked_until"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }
}

extension Logins {
    /// A program's logins kept in its SQLite store.
    public init(store: Store, policy: LoginPolicy) {
        self.init(store: SQLiteAccessStore(store), answers: SQLiteRecordedAnswers(store), policy: policy)
    }
}

extension AccountBook {
    /// The accounts of a SQLite store.
    public init(store: Store, policy: LoginPolicy) {
        self.init(store: SQLiteAccessStore(store), policy: policy)
    }
}

extension SessionBook {
    /// The sessions of a SQLite store.
    public init(store: Store, policy: LoginPolicy) {
        self.init(store: SQLiteAccessStore(store), policy: policy)
    }
}
