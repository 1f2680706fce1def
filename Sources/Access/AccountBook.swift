public import Foundation
import GRDB
public import Storage
import WebAPI

/// The program's accounts: made and removed by its command line, checked at every login, locked
/// after too many wrong secrets in a row.
///
/// ```swift
/// let accounts = AccountBook(store: store, policy: .station)
/// try await accounts.save(Account(login: "li", name: "李站长", roles: [.operator]), secret: "246810")
/// let li = try await accounts.authenticate(login: "li", secret: "246810")
/// ```
public struct AccountBook: Sendable {
    let store: Store
    let policy: LoginPolicy
    let now: @Sendable () -> Date

    public init(store: Store, policy: LoginPolicy, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.policy = policy
        self.now = now
    }

    /// Adds the account, or replaces its name, roles and secret and unlocks it.
    public func save(_ account: Account, secret: String) async throws {
        try Self.validate(account)
        try policy.check(secret: secret)
        let hash = try CredentialHash.make(for: secret)
        let created = now().timeIntervalSince1970
        try await store.pool.write { db in
            try db.execute(
                sql: """
                    INSERT INTO access_account (login, name, roles, secret_hash, failures, locked_until, created_at)
                    VALUES (?, ?, ?, ?, 0, NULL, ?)
                    ON CONFLICT(login) DO UPDATE SET name = excluded.name, roles = excluded.roles,
                        secret_hash = excluded.secret_hash, failures = 0, locked_until = NULL
                    """, arguments: [account.login, account.name, Account.text(of: account.roles), hash, created])
            try db.execute(sql: "DELETE FROM access_session WHERE login = ?", arguments: [account.login])
        }
    }

    public func accounts() async throws -> [Account] {
        try await store.pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM access_account ORDER BY login").map(Account.init(row:))
        }
    }

    /// Removes the account and ends its sessions.
    public func remove(login: String) async throws {
        let removed = try await store.pool.write { db in
            try db.execute(sql: "DELETE FROM access_account WHERE login = ?", arguments: [login])
            return db.changesCount
        }
        if removed == 0 { throw AccountError.unknownAccount(login) }
    }

    /// The account whose secret this is. A wrong secret counts against the account; the last one
    /// allowed locks it. A locked account is refused before its secret is even checked, so that
    /// guessing on costs nothing but time. An unknown login costs the same hash as a known one.
    public func authenticate(login: String, secret: String) async throws -> Account {
        let at = now()
        // The try is counted before the hash, in one write: guesses racing each other cannot all
        // pass the lock, and a locked account costs no hash at all.
        guard let (account, hash, attempt) = try await reserveAttempt(login: login, at: at) else {
            _ = try? await Self.hashing.admit { try CredentialHash.matches(secret, Self.decoy) }
            throw AccountError.badCredentials
        }
        let good = (try? await Self.hashing.admit { try CredentialHash.matches(secret, hash) }) ?? false
        return try await settle(good: good, attempt: attempt, of: account, at: at)
    }

    /// At most two hashes at once, whoever asks: each takes 16 MiB and tens of milliseconds, and
    /// a flood of logins must not take the machine's memory or both of its cores.
    static let hashing = AdmissionLimit(2)

    /// Counts a try against the account before its secret is checked: the account, its hash and
    /// the try's number in the row, or `nil` for an unknown login. A try past the last allowed
    /// locks the account and is refused.
    private func reserveAttempt(login: String, at: Date) async throws -> (Account, String, Int)? {
        let (limit, duration) = (policy.failuresBeforeLock, policy.lockDuration)
        let reserved: Result<(Account, String, Int)?, AccountError> = try await store.pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM access_account WHERE login = ?", arguments: [login]) else {
                return .success(nil)
            }
            let account = Account(row: row)
            if let until = account.lockedUntil, until > at { return .failure(.locked(until: until)) }
            let attempt = (account.lockedUntil == nil ? (row["failures"] as Int? ?? 0) : 0) + 1
            guard attempt <= limit else {
                let until = at.addingTimeInterval(duration)
                try db.execute(
                    sql: "UPDATE access_account SET failures = 0, locked_until = ? WHERE login = ?",
                    arguments: [until.timeIntervalSince1970, login])
                return .failure(.locked(until: until))
            }
            try db.execute(
                sql: "UPDATE access_account SET failures = ?, locked_until = NULL WHERE login = ?", arguments: [attempt, login])
            return .success((account, row["secret_hash"], attempt))
        }
        return try reserved.get()
    }

    /// A good secret clears the count; a bad one keeps the try counted, and the last allowed locks.
    private func settle(good: Bool, attempt: Int, of account: Account, at: Date) async throws -> Account {
        let locks = !good && attempt >= policy.failuresBeforeLock
        if good || locks {
            let until = locks ? at.addingTimeInterval(policy.lockDuration) : nil
            try await store.pool.write { db in
                try db.execute(
                    sql: "UPDATE access_account SET failures = 0, locked_until = ? WHERE login = ?",
                    arguments: [until?.timeIntervalSince1970, account.login])
            }
            if let until { throw AccountError.locked(until: until) }
        }
        guard good else { throw AccountError.badCredentials }
        return account
    }

    static func validate(_ account: Account) throws(AccountError) {
        guard (2...32).contains(account.login.count),
            account.login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else { throw .invalid("login", "登录名须为 2 至 32 个英文字母、数字或 ._-", "a login is 2 to 32 ASCII letters, digits or ._-") }
        guard (1...40).contains(account.name.trimmingCharacters(in: .whitespaces).count) else {
            throw .invalid("name", "姓名须为 1 至 40 个字", "a name is 1 to 40 characters")
        }
        guard !account.roles.isEmpty else { throw .invalid("roles", "至少要有一个角色", "an account needs at least one role") }
    }

    /// A hash of nothing anyone knows, checked for unknown logins so they take as long as known ones.
    static let decoy = "scrypt$\(CredentialHash.costExponent)$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
}
