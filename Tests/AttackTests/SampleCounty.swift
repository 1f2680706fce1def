import DemoData
import Foundation
import GRDB
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import PostgresStorage
import ServiceRuntime
import Storage
import StoreInterface
import Sync
import SyncServerService
import TestSupport

extension CountyUnderTest {
    /// The demo's county — 大埔县 with its prices, notices, the villages' trace records and six
    /// months of 侯南村's books, and an administrator account — served by a real `syncserver`
    /// process from a copy of the county ``SampleCountyTemplate`` seeded once.
    static func sample(in folder: TemporaryFolder) async throws -> CountyUnderTest {
        let directory = folder.file("county")
        try FileManager.default.copyItem(atPath: try await SampleCountyTemplate.shared.directory(), toPath: directory)
        let server = try ProgramProcess("syncserver", ["serve", "--port", "0", "--data-dir", directory])
        return CountyUnderTest(folder: folder, directory: directory, server: server, port: try await server.listeningPort())
    }

    /// The demo's county on the hub's store, served by a real `syncserver` process, for the length
    /// of `body`: on SQLite as ``sample(in:)``, or on a new PostgreSQL database copied from the
    /// seeded one (dropped at the end, once the process has ended).
    static func withSample(_ hub: HubStore, in folder: TemporaryFolder, _ body: (CountyUnderTest) async throws -> Void) async throws {
        guard hub == .postgres else { return try await body(try await sample(in: folder)) }
        try await PostgresForTests.withDatabase(copying: try await SampleCountyTemplate.shared.database()) { address in
            let storage = ["--database", address.url]
            let server = try ProgramProcess("syncserver", ["serve", "--port", "0"] + storage)
            let served = CountyUnderTest(
                folder: folder, directory: folder.file("county"), server: server, port: try await server.listeningPort(), storage: storage)
            do {
                try await body(served)
            } catch {
                if server.isRunning { _ = await served.stop() }
                throw error
            }
            if server.isRunning { _ = await served.stop() }
        }
    }

    /// A read of the county's store, whichever it runs on, beside the running server.
    func reading<Answer: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> Answer) async throws -> Answer {
        let database = storage.first == "--database" ? try PostgresAddress(storage[1]) : nil
        let settings = ServiceSettings(program: SyncServerProgram.name, port: 0, dataDirectory: directory, database: database)
        let store = try await ServiceLauncher.openStore(SyncServerProgram.self, settings: settings)
        do {
            let answer = try await store.transactions.reading(body)
            await store.close()
            return answer
        } catch {
            await store.close()
            throw error
        }
    }

    /// The first value of the first row a query written alike for both stores answers (arguments as
    /// `$1`, `$2`, …), read beside the running server from whichever store the county runs on.
    func value(_ sql: String, _ arguments: [SyncValue] = []) async throws -> SyncValue? {
        try await reading { try StoredRows.select(sql, arguments, $0) }.first?.first
    }

    /// Whether the server still answers its health check: nothing sent crashed it.
    func isAlive() async -> Bool {
        guard let (_, response) = try? await URLSession.shared.data(from: URL(string: "\(url)/healthz")!) else { return false }
        return (response as? HTTPURLResponse)?.statusCode == 200
    }
}

/// The demo's county seeded once per test process and store, by the county's own code, with an
/// administrator account: each test serves a copy (a directory copied, a database made from it as a
/// template), because seeding six months of books was most of what each attack test cost.
actor SampleCountyTemplate {
    static let shared = SampleCountyTemplate()
    /// Where the seeded SQLite county lies, and the name of the seeded database: both removed as the
    /// test process ends.
    static let folder = try! TemporaryFolder()
    static let databaseName = "village_test_sample_\(ProcessInfo.processInfo.processIdentifier)"
    private var sqlite: Task<String, any Error>?
    private var postgres: Task<String, any Error>?

    /// The seeded county's data directory, to copy; no process has it open.
    func directory() async throws -> String {
        if sqlite == nil { sqlite = Task { try await Self.seedSQLite() } }
        return try await sqlite!.value
    }

    /// The seeded county's database, to copy; no process is connected to it.
    func database() async throws -> String {
        if postgres == nil { postgres = Task { try await Self.seedPostgres() } }
        return try await postgres!.value
    }

    private static func seedSQLite() async throws -> String {
        atexit { try? FileManager.default.removeItem(atPath: SampleCountyTemplate.folder.path) }
        let directory = folder.file("county")
        let settings = ServiceSettings(program: SyncServerProgram.name, port: 0, dataDirectory: directory)
        try await seed(settings)
        try await StationPrices.addAdmin(dataDir: directory)
        return directory
    }

    private static func seedPostgres() async throws -> String {
        let server = try PostgresForTests.server
        try await PostgresAdministration.createDatabase(databaseName, on: server)
        atexit { PostgresForTests.dropBlocking(SampleCountyTemplate.databaseName) }
        let address = server.database(databaseName)
        try await seed(ServiceSettings(program: SyncServerProgram.name, port: 0, dataDirectory: folder.file("pg"), database: address))
        try await StationPrices.addAccount(
            "syncserver", storage: ["--database", address.url], login: StationPrices.adminLogin, name: "王科长", role: "admin",
            secret: StationPrices.adminPassword)
        return databaseName
    }

    private static func seed(_ settings: ServiceSettings) async throws {
        let store = try await ServiceLauncher.openStore(SyncServerProgram.self, settings: settings)
        do {
            let county = try SyncServerProgram.assemble(settings: settings, store: store, webRoot: nil)
            try await DemoSeeder.seedCounty(county.replica, priceDays: 3, bookMonths: 6)
        } catch {
            await store.close()
            throw error
        }
        await store.close()
    }
}
