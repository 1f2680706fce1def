public import Foundation
public import StoreInterface
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
    let store: any TransactionStore
    let policy: LoginPolicy
    let now: @Sendable () -> Date

    public init(store: any TransactionStore, policy: LoginPolicy, now: @escaping @Sendable () -> Date = Date.init) {
        self.store = store
        self.policy = policy
        self.now = now
    }

    /// Adds the account, or replaces its name, roles and secret and unlocks it.
    public func save(_ account: Account, secret: String) async throws {
        try Self.validate(account)
        try policy.check(secret: secret)
        let hash = try CredentialHash.make(for: secret)
        let at = now()
        try await store.writing { try $0.access.saveAccount(account, secretHash: hash, at: at) }
    }

    public func accounts() async throws -> [Account] {
        try await store.reading { try $0.access.accounts() }
    }

    /// Removes the account and ends its sessions.
    public func remove(login: String) async throws {
        guard try await store.writing({ try $0.access.removeAccount(login: login) }) else { throw AccountError.unknownAccount(login) }
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
        let reserved = try await updateStanding(of: login) { account, hash -> Result<(Account, String, Int), AccountError> in
            if let until = account.lockedUntil, until > at { return .failure(.locked(until: until)) }
            let attempt = (account.lockedUntil == nil ? account.failures : 0) + 1
            guard attempt <= limit else {
                let until = at.addingTimeInterval(duration)
                (account.failures, account.lockedUntil) = (0, until)
                return .failure(.locked(until: until))
            }
            (account.failures, account.lockedUntil) = (attempt, nil)
            return .success((account, hash, attempt))
        }
        return try reserved?.get()
    }

    /// A good secret clears the count; a bad one keeps the try counted, and the last allowed locks.
    private func settle(good: Bool, attempt: Int, of account: Account, at: Date) async throws -> Account {
        let locks = !good && attempt >= policy.failuresBeforeLock
        if good || locks {
            let until = locks ? at.addingTimeInterval(policy.lockDuration) : nil
            _ = try await updateStanding(of: account.login) { standing, _ in
                (standing.failures, standing.lockedUntil) = (0, until)
            }
            if let until { throw AccountError.locked(until: until) }
        }
        guard good else { throw AccountError.badCredentials }
        return account
    }

    /// Changes an account's failures and lock in one write, so that logins racing each other count
    /// every try: `change` gets the account and its secret's hash; `nil` for an unknown login.
    private func updateStanding<Answer: Sendable>(
        of login: String, _ change: @escaping @Sendable (inout Account, _ secretHash: String) throws -> Answer
    ) async throws -> Answer? {
        try await store.writing { transaction in
            let access = try transaction.access
            guard let found = try access.account(login: login) else { return nil }
            var account = found.account
            let answer = try change(&account, found.secretHash)
            try access.setStanding(login: login, failures: account.failures, lockedUntil: account.lockedUntil)
            return answer
        }
    }

    static func validate(_ account: Account) throws(AccountError) {
        guard (2...32).contains(account.login.count),
            account.login.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else { throw .invalid("login", "登录名须为 2 至 32 个英文字母、数字或 ._-", "a login is 2 to 32 ASCII letters, digits or ._-") }
        guard (1...40).contains(account.name.trimmingCharacters(in: .whitespaces).count) else {
            throw .invalid("name", "姓名须为 1 至 40 个字", "a name is 1 to 40 characters")
        }
        guard !account.roles.isEmpty else { throw .invalid("roles", "至少要有一个角色", "an account needs at least one role") }
        guard Account.isDivisionCode(account.division) else {
            throw .invalid(
                "division", "区划代码须为省 2 位、市 4 位、县 6 位或乡镇 9 位数字，留空为全部",
                "a division is the 2, 4, 6 or 9 digits of a province, city, county or township, or empty for all")
        }
    }

    /// A hash of nothing anyone knows, checked for unknown logins so they take as long as known ones.
    static let decoy = "scrypt$\(CredentialHash.costExponent)$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
}
