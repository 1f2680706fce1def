import DemoData
import Foundation
import Hummingbird
import KioskService
import ServiceRuntime
import Storage
import Sync
import SyncServerService
import TestSupport
import Testing
import WebAPI
import Villages

/// Either program, so that what both must do is tested once for each.
enum ProgramUnderTest: String, CaseIterable, CustomTestStringConvertible {
    case kiosk, syncserver

    var testDescription: String { rawValue }

    var openAPIPath: String {
        RepositoryPaths.root + (self == .kiosk ? "/Kiosk/openapi.json" : "/SyncServer/openapi.json")
    }

    var role: String { self == .kiosk ? KioskProgram.storeRole : SyncServerProgram.storeRole }

    var schemaVersion: Int { self == .kiosk ? KioskProgram.schema.version : SyncServerProgram.schema.version }

    /// The program assembled over a new store in `folder`, with the demo's data: the county's
    /// published, the station's received from that county by one in-process sync round.
    func assemble(in folder: TemporaryFolder) async throws -> any ProgramAssembly {
        let countyStore = try ServiceLauncher.openStore(SyncServerProgram.self, dataDirectory: folder.file("county"))
        let county = try SyncServerProgram.assemble(
            settings: ServiceSettings(program: "syncserver", port: 0, dataDirectory: folder.file("county")),
            store: countyStore, webRoot: SyncServerProgram.sourceWebFolder)
        try await DemoSeeder.seedCounty(county.replica, priceDays: 7, bookMonths: 1)
        guard self == .kiosk else { return county }

        let store = try ServiceLauncher.openStore(KioskProgram.self, dataDirectory: folder.file("kiosk"))
        let village = SampleCounty.stationVillage.code
        let station = try Replica(
            store: store, role: .station(village: village), collections: KioskProgram.collections,
            signature: county.replica.signature?.verifier)
        let link = LocalTransport(county: county.replica, station: StationPeer(origin: station.origin, village: village))
        _ = try await SyncRound(station: station, transport: link).run()
        return try KioskProgram.assemble(
            settings: ServiceSettings(program: "kiosk", port: 0, dataDirectory: folder.file("kiosk")), store: store,
            webRoot: KioskProgram.sourceWebFolder)
    }
}
