import SyncSQLite
import Crypto
import Foundation
import GRDB
import PostgresStorage
import Storage
import StoreInterface
import Sync
import SyncPostgres
import TestSupport

/// Collections of the sync tests' own, one per merge policy, so the engine is tested without any domain.
enum TestCollections {
    static let bulletin = SyncCollection(
        name: "test.bulletin", table: "bulletin", fields: ["title", "price_fen"], scope: .countyWide,
        policy: .countyAuthoritative)
    static let observation = SyncCollection(
        name: "test.observation", table: "observation", fields: ["village", "value"],
        scope: .village(column: "village"), policy: .appendOnly,
        rules: [
            ChangeRule("test.observation.value") { change in
                guard let value = try change.integer("value") else { return nil }  // a missing one fails in the store
                return value >= 0 ? nil : "value must not be negative"
            }
        ])
    static let contract = SyncCollection(
        name: "test.contract", table: "contract", fields: ["village", "party", "amount_fen", "note"],
        scope: .village(column: "village"), policy: .mergeable(reviewWorthy: ["party", "amount_fen"]),
        rules: [
            // The simulation's contract ids name their village: no station may take another's first.
            ChangeRule("test.contract.id") { change in
                guard change.recordID.hasPrefix("contract-") else { return nil }
                let village = try change.text("village") ?? ""
                return change.recordID.hasPrefix("contract-\(village)-") ? nil : "the id must name the contract's village"
            }
        ])

    /// Published for a division: the hub's whole area, a province, a city, a county or a township.
    static let notice = SyncCollection(
        name: "test.notice", table: "notice", fields: ["title"], scope: .division(column: "division"),
        policy: .countyAuthoritative)

    static let all = [bulletin, observation, contract, notice]

    static let migrations = [
        Migration(module: "synctest", number: 1, name: "tables") { db in
            try db.execute(
                sql: """
                    CREATE TABLE bulletin (id TEXT PRIMARY KEY, title TEXT, price_fen INTEGER);
                    CREATE TABLE observation (id TEXT PRIMARY KEY, village TEXT NOT NULL, value INTEGER NOT NULL);
                    CREATE TABLE contract (id TEXT PRIMARY KEY, village TEXT, party TEXT, amount_fen INTEGER, note TEXT);
                    CREATE TABLE notice (id TEXT PRIMARY KEY, division TEXT NOT NULL DEFAULT '', title TEXT);
                    """)
        }
    ]

    static let schema = Schema(modules: [SyncSchema.migrations, migrations])

    /// The same tables on PostgreSQL, for a county on a hub's database.
    static let postgresSchema = PostgresSchema(modules: [
        SyncPostgresSchema.migrations,
        [
            PostgresMigration(
                module: "synctest", number: 1, name: "tables",
                sql: """
                    CREATE TABLE bulletin (id TEXT PRIMARY KEY, title TEXT, price_fen BIGINT);
                    CREATE TABLE observation (id TEXT PRIMARY KEY, village TEXT NOT NULL, value BIGINT NOT NULL);
                    CREATE TABLE contract (id TEXT PRIMARY KEY, village TEXT, party TEXT, amount_fen BIGINT, note TEXT);
                    CREATE TABLE notice (id TEXT PRIMARY KEY, division TEXT NOT NULL DEFAULT '', title TEXT);
                    """)
        ],
    ])

    /// The county's signing key in these tests: fixed, so that schedules replay exactly.
    static let countyKey = try! Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: 7, count: 32))

    /// A replica over a new store in a folder: the county signs with ``countyKey``, a station verifies.
    static func replica(
        _ name: String, in folder: TemporaryFolder, role: Replica.Role,
        wallTime: @escaping @Sendable () -> Int64
    ) throws -> Replica {
        let store = try Store.open(
            path: folder.file("\(name).sqlite"), role: role == .county ? "county" : "kiosk", schema: schema)
        let signature =
            role == .county
            ? ChangeSignature(signingKey: countyKey) : ChangeSignature(verifyingKey: countyKey.publicKey)
        return try Replica(store: store, role: role, collections: all, signature: signature, wallTime: wallTime)
    }
}

extension HubStore {
    /// Runs `body` with a county replica on this store, then closes it (and drops its database).
    func withCounty<Answer>(
        in folder: TemporaryFolder, wallTime: @escaping @Sendable () -> Int64, _ body: (Replica) async throws -> Answer
    ) async throws -> Answer {
        try await withHandles(
            role: "county", sqlite: { try Store.open(path: folder.file("county.sqlite"), role: "county", schema: TestCollections.schema) },
            postgres: TestCollections.postgresSchema
        ) { stores in
            try await body(TestCollections.county(on: stores[0], wallTime: wallTime))
        }
    }
}

extension TestCollections {
    /// A county replica over a store opened elsewhere (one of a hub's several processes).
    static func county(on store: any TransactionStore, wallTime: @escaping @Sendable () -> Int64) throws -> Replica {
        try Replica(store: store, role: .county, collections: all, signature: ChangeSignature(signingKey: countyKey), wallTime: wallTime)
    }
}

/// The county reached in memory, optionally through a link that fails as a test says.
struct InMemoryLink: SyncTransport {
    let county: Replica
    let station: StationPeer
    /// Decides, for each call, whether the request is lost before the county, or the reply after it.
    var fault: @Sendable (_ call: String) -> LinkFault = { _ in .none }
    /// A station of protocol 1: it neither verifies nor takes snapshots, and replays what is left of
    /// a compacted log.
    var previousProtocol = false

    enum LinkFault { case none, requestLost, replyLost, repeated }

    struct Cut: Error {}

    var direct: LocalTransport { LocalTransport(county: county, station: station, verifying: !previousProtocol) }

    /// Every round through it proves the station's data, through the same faults.
    var verifiesData: Bool { !previousProtocol }

    func verify(_ request: VerifyRequest) async throws -> VerifyReply? {
        try await faulty("verify") { try await direct.verify(request) }
    }

    func mend(_ request: MendRequest) async throws -> MendReply {
        try await faulty("mend") { try await direct.mend(request) }
    }

    func snapshot(_ request: SnapshotRequest) async throws -> SnapshotReply? {
        try await faulty("snapshot") { try await direct.snapshot(request) }
    }

    func push(_ request: PushRequest) async throws -> PushReply {
        try await faulty("push") { try await direct.push(request) }
    }

    func pull(_ request: PullRequest) async throws -> PullReply {
        try await faulty("pull") { try await direct.pull(request) }
    }

    /// Runs an exchange through the link's fault for this call: lost before, repeated, or lost after.
    private func faulty<Reply>(_ call: String, _ exchange: () async throws -> Reply) async throws -> Reply {
        let fault = fault(call)
        if fault == .requestLost { throw Cut() }
        let reply = try await exchange()
        if fault == .repeated { _ = try await exchange() }
        if fault == .replyLost { throw Cut() }
        return reply
    }
}
