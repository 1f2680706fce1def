public import Access
public import Foundation
public import PostgresStorage
import StoreInterface
public import WebAPI

/// A PostgreSQL transaction as the access module reads and writes in it (the tables of
/// ``AccessPostgresSchema``). Times are kept as seconds since 1970, as on SQLite.
extension PostgresTransaction: AccessTransaction {
    public func saveAccount(_ account: Account, secretHash: String, at: Date) throws {
        try execute(
            """
            INSERT INTO access_account (login, name, roles, secret_hash, failures, locked_until, created_at, division)
            VALUES ($1, $2, $3, $4, 0, NULL, $5, $6)
            ON CONFLICT (login) DO UPDATE SET name = excluded.name, roles = excluded.roles,
                secret_hash = excluded.secret_hash, failures = 0, locked_until = NULL, division = excluded.division
            """, account.login, account.name, Account.text(of: account.roles), secretHash, at.timeIntervalSince1970, account.division)
        try execute("DELETE FROM access_session WHERE login = $1", account.login)
    }

    public func accounts() throws -> [Account] {
        try rows("SELECT * FROM access_account ORDER BY login").map(Self.account)
    }

    public func removeAccount(login: String) throws -> Bool {
        try execute("DELETE FROM access_account WHERE login = $1", login) > 0
    }

    public func account(login: String) throws -> (account: Account, secretHash: String)? {
        try row("SELECT * FROM access_account WHERE login = $1", login).map { (Self.account($0), $0.text("secret_hash")) }
    }

    public func setStanding(login: String, failures: Int, lockedUntil: Date?) throws {
        try execute(
            "UPDATE access_account SET failures = $1, locked_until = $2 WHERE login = $3", failures, lockedUntil?.timeIntervalSince1970,
            login)
    }

    public func openSession(tokenHash: String, login: String, at: Date, expires: Date, maximumAge: TimeInterval) throws {
        let now = at.timeIntervalSince1970
        try execute("DELETE FROM access_session WHERE expires_at <= $1 OR created_at <= $2", now, now - maximumAge)
        try execute(
            "INSERT INTO access_session (token_hash, login, created_at, expires_at) VALUES ($1, $2, $3, $4)", tokenHash, login, now,
            expires.timeIntervalSince1970)
    }

    public func session(tokenHash: String, at: Date, maximumAge: TimeInterval) throws -> (account: Account, expires: Date)? {
        let now = at.timeIntervalSince1970
        return try row(
            """
            SELECT a.*, s.expires_at AS session_expires FROM access_session s
            JOIN access_account a ON a.login = s.login
            WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.created_at > $3
            """, tokenHash, now, now - maximumAge
        ).map { (Self.account($0), Date(timeIntervalSince1970: $0.optionalReal("session_expires") ?? 0)) }
    }

    public func extendSession(tokenHash: String, to expires: Date) throws {
        try execute(
            "UPDATE access_session SET expires_at = GREATEST(expires_at, $1) WHERE token_hash = $2", expires.timeIntervalSince1970,
            tokenHash)
    }

    public func closeSession(tokenHash: String) throws {
        try execute("DELETE FROM access_session WHERE token_hash = $1", tokenHash)
    }

    public func sessionCount() throws -> Int {
        Int(try integer("SELECT COUNT(*) FROM access_session") ?? 0)
    }

    public func answer(under key: String, since: Date) throws -> RecordedAnswer? {
        try row(
            "SELECT status, content_type, body FROM access_request_answer WHERE key = $1 AND recorded_at >= $2 AND status <> 0", key,
            since.timeIntervalSince1970
        ).map { RecordedAnswer(status: Int($0.integer("status")), contentType: $0.optionalText("content_type"), body: $0.bytes("body")) }
    }

    public func claimAnswer(under key: String, at: Date, staleBefore: Date) throws -> Bool {
        try execute(
            "DELETE FROM access_request_answer WHERE key = $1 AND status = 0 AND recorded_at < $2", key, staleBefore.timeIntervalSince1970)
        return try row(
            """
            INSERT INTO access_request_answer(key, status, content_type, body, recorded_at) VALUES ($1, 0, NULL, '\\x', $2)
            ON CONFLICT (key) DO NOTHING RETURNING key
            """, key, at.timeIntervalSince1970) != nil
    }

    public func releaseAnswerClaim(under key: String) throws {
        try execute("DELETE FROM access_request_answer WHERE key = $1 AND status = 0", key)
    }

    public func record(_ answer: RecordedAnswer, under key: String, at: Date, forgettingBefore: Date) throws {
        try execute("DELETE FROM access_request_answer WHERE recorded_at < $1", forgettingBefore.timeIntervalSince1970)
        try execute(
            """
            INSERT INTO access_request_answer(key, status, content_type, body, recorded_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (key) DO UPDATE SET status = excluded.status, content_type = excluded.content_type,
                body = excluded.body, recorded_at = excluded.recorded_at
            """, key, answer.status, answer.contentType, answer.body, at.timeIntervalSince1970)
    }

    static func account(_ row: PostgresStoredRow) -> Account {
        Account(
            login: row.text("login"), name: row.text("name"), roles: Account.roles(from: row.text("roles")),
            failures: Int(row.integer("failures")), lockedUntil: row.optionalReal("locked_until").map(Date.init(timeIntervalSince1970:)),
            division: row.optionalText("division") ?? "")
    }
}
