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
    /// months of 侯南村's books — made in this process by the county's own code, then served by a
    /// real `syncserver` process with an administrator account.
    static func sample(in folder: TemporaryFolder) async throws -> CountyUnderTest {
        let directory = folder.file("county")
        do {
            let store = try ServiceLauncher.openStore(SyncServerProgram.self, dataDirectory: directory)
            let county = try SyncServerApplication(
                settings: ServiceSettings(program: SyncServerProgram.name, port: 0, dataDirectory: directory), store: store,
                webRoot: nil)
            try await DemoSeeder.seedCounty(county.replica, priceDays: 3, bookMonths: 6)
            try store.pool.close()
        }
        try await StationPrices.addAdmin(dataDir: directory)
        let server = try ProgramProcess("syncserver", ["serve", "--port", "0", "--data-dir", directory])
        return CountyUnderTest(folder: folder, directory: directory, server: server, port: try await server.listeningPort())
    }

    /// The demo's county on the hub's store, served by a real `syncserver` process, for the length
    /// of `body`: on SQLite as ``sample(in:)``, or on a new PostgreSQL database (dropped at the end,
    /// once the process has ended).
    static func withSample(_ hub: HubStore, in folder: TemporaryFolder, _ body: (CountyUnderTest) async throws -> Void) async throws {
        guard hub == .postgres else { return try await body(try await sample(in: folder)) }
        try await hub.withProgramStore(SyncServerProgram.self, in: folder.file("county")) { settings, store in
            let county = try SyncServerProgram.assemble(settings: settings, store: store, webRoot: nil)
            try await DemoSeeder.seedCounty(county.replica, priceDays: 3, bookMonths: 6)
            let storage = ["--database", settings.database?.url ?? ""]
            try await StationPrices.addAccount(
                "syncserver", storage: storage, login: StationPrices.adminLogin, name: "王科长", role: "admin",
                secret: StationPrices.adminPassword)
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
