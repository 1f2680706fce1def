import DemoData
import Foundation
import Hummingbird
import KioskService
import ServiceRuntime
import Storage
import SyncServerService
import TestSupport
import Testing
import WebAPI

/// Either program, so that what both must do is tested once for each.
enum ProgramUnderTest: String, CaseIterable, CustomTestStringConvertible {
    case kiosk, syncserver

    var testDescription: String { rawValue }

    var openAPIPath: String {
        RepositoryPaths.root + (self == .kiosk ? "/Kiosk/openapi.json" : "/SyncServer/openapi.json")
    }

    var role: String { self == .kiosk ? KioskProgram.storeRole : SyncServerProgram.storeRole }

    var schemaVersion: Int { self == .kiosk ? KioskProgram.schema.version : SyncServerProgram.schema.version }

    /// The program assembled over a new store in `folder`, seeded with the demo's data.
    func assemble(in folder: TemporaryFolder) async throws -> any ProgramAssembly {
        let settings = ServiceSettings(program: rawValue, port: 0, dataDirectory: folder.path)
        switch self {
        case .kiosk:
            let store = try ServiceLauncher.openStore(KioskProgram.self, dataDirectory: folder.path)
            try await DemoSeeder.seedStation(store)
            return KioskProgram.assemble(settings: settings, store: store, webRoot: KioskProgram.sourceWebFolder)
        case .syncserver:
            let store = try ServiceLauncher.openStore(SyncServerProgram.self, dataDirectory: folder.path)
            try await DemoSeeder.seedCounty(store)
            return SyncServerProgram.assemble(
                settings: settings, store: store, webRoot: SyncServerProgram.sourceWebFolder)
        }
    }
}
