import ArgumentParser
import Foundation
import ServiceRuntime
import SyncServerService
import Villages
import WebAPI

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
            let store = ServiceLauncher.openStoreOrExit(SyncServerProgram.self, dataDirectory: storage.path())
            do {
                let divisions = try JSONCoding.decoder.decode(
                    Divisions.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
                let county = try SyncServerApplication(
                    settings: ServiceSettings(program: SyncServerProgram.name, port: 0, dataDirectory: storage.path()),
                    store: store, webRoot: nil)
                try await VillageDirectory(store: store).publish(divisions, through: county.replica)
                print("published \(divisions.county.name): \(divisions.townships.count) townships, \(divisions.villages.count) villages")
            } catch let error as APIError {
                FileHandle.standardError.write(Data("syncserver: \(error.message) — \(error.messageEN)\n".utf8))
                throw ExitCode(1)
            } catch {
                FileHandle.standardError.write(Data("syncserver: cannot read \(file): \(error)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
