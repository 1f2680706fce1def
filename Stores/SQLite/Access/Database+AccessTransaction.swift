public import Access
public import Foundation
public import GRDB
public import Storage
import StoreInterface
public import WebAPI

/// A SQLite transaction as the access module reads and writes in it (the tables of ``AccessSchema``).
extension Database: AccessTransaction {
    public func saveAccount(_ account: Account, secretHash: String, at: Date) throws {
        try execute(
            sql: """
                INSERT INTO access_account (login, name, roles, secret_hash, failures, locked_until, created_at, division)
                VALUES (?, ?, ?, ?, 0, NULL, ?, ?)
                ON CONFLICT(login) DO UPDATE SET name = excluded.name, roles = excluded.roles,
                    secret_hash = excluded.secret_hash, failures = 0, locked_until = NULL, division = excluded.division
                """,
            arguments: [
                account.login, account.name, Account.text(of: account.roles), secretHash, at.timeIntervalSince1970, account.division,
            ])
        try execute(sql: "DELETE FROM access_session WHERE login = ?", arguments: [account.login])
    }

    public func accounts() throws -> [Account] {
        try Row.fetchAll(self, sql: "SELECT * FROM access_account ORDER BY login").map(Self.account)
    }

    public func removeAccount(login: String) throws -> Bool {
        try execute(sql: "DELETE FROM access_account WHERE login = ?", arguments: [login])
        return changesCount > 0
    }

    public func account(login: String) throws -> (account: Account, secretHash: String)? {
        try Row.fetchOne(self, sql: "SELECT * FROM access_account WHERE login = ?", arguments: [login]).map {
            (Self.account($0), $0["secret_hash"])
        }
    }

    public func setStanding(login: String, failures: Int, lockedUntil: Date?) throws {
        try execute(
            sql: "UPDATE access_account SET failures = ?, locked_until = ? WHERE login = ?",
            arguments: [failures, lockedUntil?.timeIntervalSince1970, login])
    }

    public func openSession(tokenHash: String, login: String, at: Date, expires: Date, maximumAge: TimeInterval) throws {
        let now = at.timeIntervalSince1970
        try execute(sql: "DELETE FROM access_session WHERE expires_at <= ? OR created_at <= ?", arguments: [now, now - maximumAge])
        try execute(
            sql: "INSERT INTO access_session (token_hash, login, created_at, expires_at) VALUES (?, ?, ?, ?)",
            arguments: [tokenHash, login, now, expires.timeIntervalSince1970])
    }

    public func session(tokenHash: String, at: Date, maximumAge: TimeInterval) throws -> (account: Account, expires: Date)? {
        let now = at.timeIntervalSince1970
        return try Row.fetchOne(
            self,
            sql: """
                SELECT a.*, s.expires_at AS session_expires FROM access_session s
                JOIN access_account a ON a.login = s.login
                WHERE s.token_hash = ? AND s.expires_at > ? AND s.created_at > ?
                """, arguments: [tokenHash, now, now - maximumAge]
        ).map { (Self.account($0), Date(timeIntervalSince1970: $0["session_expires"])) }
    }

    public func extendSession(tokenHash: String, to expires: Date) throws {
        try execute(
            sql: "UPDATE access_session SET expires_at = MAX(expires_at, ?) WHERE token_hash = ?",
            arguments: [expires.timeIntervalSince1970, tokenHash])
    }

    public func closeSession(tokenHash: String) throws {
        try execute(sql: "DELETE FROM access_session WHERE token_hash = ?", arguments: [tokenHash])
    }

    public func sessionCount() throws -> Int {
        try Int.fetchOne(self, sql: "SELECT COUNT(*) FROM access_session") ?? 0
    }

    public func answer(under key: String, since: Date) throws -> RecordedAnswer? {
        try Row.fetchOne(
            self, sql: "SELECT status, content_type, body FROM access_request_answer WHERE key = ? AND recorded_at >= ? AND status <> 0",
            arguments: [key, since.timeIntervalSince1970]
        ).map { RecordedAnswer(status: $0["status"], contentType: $0["content_type"], body: [UInt8]($0["body"] as Data)) }
    }

    public func claimAnswer(under key: String, at: Date, staleBefore: Date) throws -> Bool {
        try execute(
            sql: "DELETE FROM access_request_answer WHERE key = ? AND status = 0 AND recorded_at < ?",
            arguments: [key, staleBefore.timeIntervalSince1970])
        try execute(
            sql: "INSERT OR IGNORE INTO access_request_answer(key, status, content_type, body, recorded_at) VALUES (?, 0, NULL, x'', ?)",
            arguments: [key, at.timeIntervalSince1970])
        return changesCount == 1
    }

    public func releaseAnswerClaim(under key: String) throws {
        try execute(sql: "DELETE FROM access_request_answer WHERE key = ? AND status = 0", arguments: [key])
    }

    public func record(_ answer: RecordedAnswer, under key: String, at: Date, forgettingBefore: Date) throws {
        try execute(sql: "DELETE FROM access_request_answer WHERE recorded_at < ?", arguments: [forgettingBefore.timeIntervalSince1970])
        try execute(
            sql: "INSERT OR REPLACE INTO access_request_answer(key, status, content_type, body, recorded_at) VALUES (?, ?, ?, ?, ?)",
            arguments: [key, answer.status, answer.contentType, Data(answer.body), at.timeIntervalSince1970])
    }

    static func account(_ row: Row) -> Account {
        Account(
            login: row["login"], name: row["name"], roles: Account.roles(from: row["roles"]), failures: row["failures"],
            lockedUntil: (row["locked_until"] as Double?).map(Date.init(timeIntervalSince1970:)),
            division: (try? row.decode(String?.self, forColumn: "division")) ?? "")
    }
}
