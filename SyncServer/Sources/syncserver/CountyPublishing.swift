import ArgumentParser
import ChinaLocale
import Foundation
import ServiceRuntime
import Sync
import SyncServerService
import WebAPI

/// What every command that publishes county content shares: the county's replica opened from the
/// data directory or the hub's database, and failures told in one line on stderr with exit status 1.
///
/// ```swift
/// try await CountyPublishing.run(storage: storage, reading: file) { county in
///     try await VillageDirectory(store: county.store).publish(divisions, through: county)
/// }
/// ```
enum CountyPublishing {
    static func run(
        storage: DataDirectoryOption<SyncServerProgram>, reading file: String, _ work: (Replica) async throws -> Void
    ) async throws {
        try await run(storage: storage, reading: file) { (county: SyncServerApplication) in try await work(county.replica) }
    }

    /// The same, with the whole county: its replica and its stations.
    static func run(
        storage: DataDirectoryOption<SyncServerProgram>, reading file: String, _ work: (SyncServerApplication) async throws -> Void
    ) async throws {
        let store = await ServiceLauncher.openStoreOrExit(SyncServerProgram.self, storage: storage)
        do {
            let county = try SyncServerProgram.assemble(
                settings: ServiceSettings(program: SyncServerProgram.name, port: 0, dataDirectory: storage.path()), store: store,
                webRoot: nil)
            try await work(county)
            await store.close()
        } catch let refusal as any APIErrorConvertible {
            let error = refusal.apiError
            fail("\(error.field.map { "\($0): " } ?? "")\(error.message) — \(error.messageEN)")
        } catch let error as SpreadsheetCSV.Failure {
            fail("cannot import \(file): \(error.description); nothing was imported")
        } catch {
            fail("cannot read \(file): \(error)")
        }
    }

    static func fail(_ message: String) -> Never {
        ServiceLauncher.fail(message, program: SyncServerProgram.name)
    }
}
