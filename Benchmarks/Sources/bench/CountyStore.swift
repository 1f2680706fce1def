import Foundation
import PostgresBaselines
import PostgresStorage
import ServiceRuntime
import SQLiteBaselines
import SyncHTTP
import SyncServerService

/// The store `bench county` runs its county on: the SQLite file in a data directory, or a
/// PostgreSQL database of its own made on a server (and dropped at the end).
///
/// ```swift
/// let hub = try await CountyStore(postgres: server, folder: countyFolder)
/// let county = try ChildProgram.launch("syncserver", ["serve"] + hub.storage, log: log)
/// ```
struct CountyStore {
    let folder: URL
    /// The hub's database, when the county runs on PostgreSQL.
    let postgres: PostgresAddress?
    let server: PostgresAddress?

    init(postgres server: PostgresAddress?, folder: URL) async throws {
        self.folder = folder
        self.server = server
        guard let server else {
            postgres = nil
            return
        }
        let name = "bench_county_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        try await PostgresAdministration.createDatabase(name, on: server)
        postgres = server.database(name)
    }

    /// How every `syncserver` command names this store.
    var storage: [String] { postgres.map { ["--database", $0.url] } ?? ["--data-dir", folder.path] }

    /// The county's station registry, the store opened as the program opens it.
    func registry() async throws -> StationRegistry {
        let settings = ServiceSettings(program: SyncServerProgram.name, port: 0, dataDirectory: folder.path, database: postgres)
        return StationRegistry(store: SyncServerProgram.stations(of: try await ServiceLauncher.openStore(SyncServerProgram.self, settings: settings)))
    }

    /// How many prices stations recorded the county holds, counted in its store's own SQL.
    func stationPrices() async throws -> Int {
        guard let postgres else {
            return try SQLiteBaselines.stationPriceCount(inFile: folder.appendingPathComponent(SyncServerProgram.storeFileName).path)
        }
        let store = try await PostgresStore.open(postgres, role: SyncServerProgram.storeRole, schema: SyncServerProgram.postgresSchema!)
        let count = try await PostgresBaselines.stationPriceCount(in: store)
        await store.close()
        return count
    }

    /// Drops the county's database, if it made one.
    func drop() async {
        guard let server, let postgres else { return }
        try? await PostgresAdministration.dropDatabase(postgres.database, on: server)
    }
}
