import Access
import AccessPostgres
import AccessSQLite
import PostgresStorage
import Foundation
import Storage
import StoreInterface
import Synchronization
import TestSupport
import Testing
import WebAPI

/// Accounts, their slow salted hashes, the lockout and idle sessions, against a real store and a
/// clock the test moves.
@Suite struct AccessTests {
    let folder = try! TemporaryFolder()

    /// A clock that moves only when told.
    final class TestClock: Sendable {
        let time = Mutex(Date(timeIntervalSince1970: 1_795_000_000))
        var now: Date { time.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { time.withLock { $0 += seconds } }
    }

    func store() throws -> any TransactionStore {
        try Store.open(path: folder.file("access.sqlite"), role: "kiosk", schema: Schema(modules: [AccessSchema.migrations]))
    }

    /// Two processes of one hub on one store: the wrong secrets counted by either lock the account
    /// at both, and a session opened at one is kept, touched and ended at the other.
    @Test(arguments: HubStore.allCases) func lockoutsAndSessionsHoldAcrossTheProcessesOfAHub(hub: HubStore) async throws {
        let clock = TestClock()
        let postgres = PostgresSchema(modules: [AccessPostgresSchema.migrations])
        try await hub.withHandles(2, role: "county", sqlite: { try store() }, postgres: postgres) { stores in
            let accounts = stores.map { store in AccountBook(store: store, policy: .county) { clock.now } }
            let sessions = stores.map { store in SessionBook(store: store, policy: .county) { clock.now } }
            let wang = Account(login: "wang", name: "王科长", roles: [.admin])
            try await accounts[0].save(wang, secret: "county-pass-2026")
            for attempt in 0..<4 {
                await #expect(throws: AccountError.badCredentials) {
                    try await accounts[attempt % 2].authenticate(login: "wang", secret: "wrong-pass-2026")
                }
            }
            await #expect(throws: AccountError.locked(until: clock.now.addingTimeInterval(15 * 60))) {
                try await accounts[0].authenticate(login: "wang", secret: "wrong-pass-2026")
            }
            await #expect(throws: AccountError.self) { try await accounts[1].authenticate(login: "wang", secret: "county-pass-2026") }
            clock.advance(15 * 60 + 1)
            #expect(try await accounts[1].authenticate(login: "wang", secret: "county-pass-2026").login == "wang")

            let token = try await sessions[0].open(for: wang)
            clock.advance(60)
            #expect(try await sessions[1].principal(for: token) == wang.principal)
            try await sessions[1].close(token)
            #expect(try await sessions[0].principal(for: token) == nil)
        }
    }

    @Test func aSecretIsKeptAsASaltedScryptHashThatOnlyItMatches() throws {
        let first = try CredentialHash.make(for: "246810", costExponent: 10)
        let second = try CredentialHash.make(for: "246810", costExponent: 10)
        #expect(first.hasPrefix("scrypt$10$8$1$") && !first.contains("246810"))
        #expect(first != second, "each hash has a salt of its own")
        #expect(try CredentialHash.matches("246810", first) && CredentialHash.matches("246810", second))
        #expect(try !CredentialHash.matches("246811", first))
        #expect(throws: CredentialHashError.unreadable) { try CredentialHash.matches("246810", "plain:246810") }
    }

    @Test func pinsAndPasswordsFollowTheirProgramsRules() throws {
        for weak in ["12345", "1234567890123", "12a456", "000000", "123456", "987654"] {
            #expect(throws: AccountError.self, "\(weak)") { try LoginPolicy.station.check(secret: weak) }
        }
        try LoginPolicy.station.check(secret: "246810")
        #expect(throws: AccountError.self) { try LoginPolicy.county.check(secret: "short-pw") }
        try LoginPolicy.county.check(secret: "county-pass-2026")
    }

    @Test func theFifthWrongSecretLocksTheAccountForFifteenMinutes() async throws {
        let clock = TestClock()
        let accounts = AccountBook(store: try store(), policy: .station) { clock.now }
        try await accounts.save(Account(login: "li", name: "李站长", roles: [.operator]), secret: "246810")
        for _ in 1...4 {
            await #expect(throws: AccountError.badCredentials) { try await accounts.authenticate(login: "li", secret: "111111") }
        }
        let lockedUntil = clock.now.addingTimeInterval(15 * 60)
        await #expect(throws: AccountError.locked(until: lockedUntil)) { try await accounts.authenticate(login: "li", secret: "111111") }
        clock.advance(14 * 60)
        await #expect(throws: AccountError.locked(until: lockedUntil)) { try await accounts.authenticate(login: "li", secret: "246810") }
        clock.advance(61)
        #expect(try await accounts.authenticate(login: "li", secret: "246810").name == "李站长")
        // After a good login the count starts again: four wrong ones do not lock.
        for _ in 1...4 {
            await #expect(throws: AccountError.badCredentials) { try await accounts.authenticate(login: "li", secret: "111111") }
        }
        #expect(try await accounts.authenticate(login: "li", secret: "246810").login == "li")
        await #expect(throws: AccountError.badCredentials) { try await accounts.authenticate(login: "nobody", secret: "246810") }
    }

    @Test func aSessionEndsAfterTwoIdleMinutesAndWithItsAccount() async throws {
        let clock = TestClock()
        let store = try store()
        let accounts = AccountBook(store: store, policy: .station) { clock.now }
        let sessions = SessionBook(store: store, policy: .station) { clock.now }
        let li = Account(login: "li", name: "李站长", roles: [.operator, .bookkeeper])
        try await accounts.save(li, secret: "246810")
        let token = try await sessions.open(for: li)
        #expect(try await sessions.principal(for: "not-a-token") == nil)
        for _ in 1...5 {  // each touch within two minutes keeps it open
            clock.advance(100)
            #expect(try await sessions.principal(for: token) == li.principal)
        }
        clock.advance(121)
        #expect(try await sessions.principal(for: token) == nil, "two idle minutes end it")

        let again = try await sessions.open(for: li)
        try await accounts.save(li, secret: "135790")  // a new PIN ends every session of the account
        #expect(try await sessions.principal(for: again) == nil)
        let third = try await sessions.open(for: li)
        try await accounts.remove(login: "li")
        #expect(try await sessions.principal(for: third) == nil)
        let kept = try await store.reading { transaction in try transaction.access.sessionCount() }
        #expect(kept == 0)
    }

    @Test func anAccountNeedsALoginANameAndARole() async throws {
        let accounts = AccountBook(store: try store(), policy: .county)
        await #expect(throws: AccountError.invalid("login", "登录名须为 2 至 32 个英文字母、数字或 ._-", "a login is 2 to 32 ASCII letters, digits or ._-")) {
            try await accounts.save(Account(login: "李 站长", name: "李站长", roles: [.admin]), secret: "county-pass-2026")
        }
        await #expect(throws: AccountError.self) {
            try await accounts.save(Account(login: "li", name: "李站长", roles: []), secret: "county-pass-2026")
        }
        #expect(try await accounts.accounts().isEmpty)
    }
}
