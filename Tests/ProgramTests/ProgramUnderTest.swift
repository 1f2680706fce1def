import DemoData
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import PostgresStorage
import KioskService
import ServiceRuntime
import Storage
import Sync
import SyncServerService
import TestSupport
import Testing
import WebAPI
import Villages

/// Either program, and the county's on each of its stores, so that what every program must do is
/// tested once for each.
///
/// ```swift
/// @Test(arguments: ProgramUnderTest.allCases) func …(program: ProgramUnderTest) async throws {
///     try await program.withAssembly(in: folder) { assembly in … }
/// }
/// ```
enum ProgramUnderTest: String, CaseIterable, CustomTestStringConvertible {
    case kiosk, syncserver
    case syncserverOnPostgreSQL = "syncserver on PostgreSQL"

    /// The county's program on each store.
    static let hubs: [ProgramUnderTest] = [.syncserver, .syncserverOnPostgreSQL]

    var testDescription: String { rawValue }

    var isKiosk: Bool { self == .kiosk }

    /// The program's name, as `GET /healthz` reports it.
    var name: String { isKiosk ? KioskProgram.name : SyncServerProgram.name }

    /// The county's store, or SQLite for the kiosk's county.
    var hub: HubStore { self == .syncserverOnPostgreSQL ? .postgres : .sqlite }

    var openAPIPath: String {
        RepositoryPaths.root + (isKiosk ? "/Kiosk/openapi.json" : "/SyncServer/openapi.json")
    }

    var role: String { isKiosk ? KioskProgram.storeRole : SyncServerProgram.storeRole }

    var schemaVersion: Int {
        switch self {
        case .kiosk: KioskProgram.schema.version
        case .syncserver: SyncServerProgram.schema.version
        case .syncserverOnPostgreSQL: SyncServerProgram.postgresSchema?.migrations.count ?? 0
        }
    }

    /// Runs `body` with the program assembled over a new store in `folder`, with the demo's data: the
    /// county's published, the station's received from that county by one in-process sync round. A
    /// PostgreSQL store is closed and dropped when `body` ends.
    func withAssembly<Answer>(in folder: TemporaryFolder, _ body: (any ProgramAssembly) async throws -> Answer) async throws -> Answer {
        if isKiosk { return try await body(try await Self.assembleKiosk(in: folder)) }
        return try await hub.withProgramStore(SyncServerProgram.self, in: folder.file("county")) { settings, store in
            try await body(try await Self.assembleCounty(settings: settings, store: store))
        }
    }

    /// The station's program over a new store in `folder`, holding what one sync round took from a
    /// county on SQLite beside it.
    static func assembleKiosk(in folder: TemporaryFolder) async throws -> KioskApplication {
        let settings = ServiceSettings(program: SyncServerProgram.name, port: 0, dataDirectory: folder.file("county"))
        let county = try await assembleCounty(settings: settings, store: try await ServiceLauncher.openStore(SyncServerProgram.self, settings: settings))
        let store = try ServiceLauncher.openStore(KioskProgram.self, dataDirectory: folder.file("kiosk"))
        let village = SampleCounty.stationVillage.code
        let station = try Replica(
            store: store, role: .station(village: village), collections: KioskProgram.collections,
            signature: county.replica.signature?.verifier)
        let link = LocalTransport(county: county.replica, station: StationPeer(origin: station.origin, village: village))
        _ = try await SyncRound(station: station, transport: link).run()
        return try KioskProgram.assemble(
            settings: ServiceSettings(program: KioskProgram.name, port: 0, dataDirectory: folder.file("kiosk")), store: store,
            webRoot: KioskProgram.sourceWebFolder)
    }

    /// The county's program over `store`, with the demo's data published.
    private static func assembleCounty(settings: ServiceSettings, store: ProgramStore) async throws -> SyncServerApplication {
        let county = try SyncServerProgram.assemble(settings: settings, store: store, webRoot: SyncServerProgram.sourceWebFolder)
        try await DemoSeeder.seedCounty(county.replica, priceDays: 7, bookMonths: 1)
        return county
    }

    /// Runs `body` with a client of the program assembled as `withAssembly` does, served through
    /// `setup` (the router alone unless a test needs real HTTP).
    func withClient<Answer>(
        in folder: TemporaryFolder, _ setup: TestingSetup = .router, _ body: @Sendable (any TestClientProtocol) async throws -> Answer
    ) async throws -> Answer {
        try await withAssembly(in: folder) { assembly in
            try await assembly.application(logger: Logger(label: "test")).test(setup, body)
        }
    }

    /// Runs `body` with the county's program assembled as `withAssembly` does.
    func withCounty<Answer>(in folder: TemporaryFolder, _ body: (SyncServerApplication) async throws -> Answer) async throws -> Answer {
        precondition(!isKiosk, "the kiosk is no county")
        return try await withAssembly(in: folder) { assembly in
            try await body(try #require(assembly as? SyncServerApplication))
        }
    }
}
