import ArgumentParser
import DomainCore
import Foundation
import ServiceRuntime
import SyncServerService
import Villages
import VillagesSQLite
import WebAPI
import Sync

/// `syncserver divisions import`: publishes the county's townships and villages from a JSON file.
struct DivisionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "divisions", abstract: "Publish the county's townships and villages (行政区划).",
        subcommands: [Import.self])

    /// Reads `{"county": {…}, "townships": […], "villages": […]}` and publishes it to every station.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Publish divisions from a JSON file.")
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
        @Argument(help: "The JSON file.") var file: String

        func run() async throws {
            try await CountyPublishing.run(storage: storage, reading: file) { county in
                let divisions = try JSONCoding.decoder.decode(Divisions.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
                try await VillageDirectory(store: county.store).publish(divisions, through: county)
                print("published \(divisions.county.name): \(divisions.townships.count) townships, \(divisions.villages.count) villages")
            }
        }
    }
}
