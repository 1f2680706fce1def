import ArgumentParser
import Foundation
import ServiceRuntime
import Sync
import SyncBundles
import SyncServerService

/// `syncserver bundle`: sync carried on a USB stick (U盘同步包) for a village whose link is down.
struct BundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle", abstract: "Write a station's sync bundle, or import one a station exported and write the answer.",
        subcommands: [Write.self, Import.self], defaultSubcommand: Write.self)

    /// `syncserver bundle --station ID --out FILE`: the county's changes for a station.
    struct Write: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "write",
            abstract: "Write the county's changes for a station to a signed file, for `kiosk bundle import`.",
            discussion: "The answer to a station's own bundle (`syncserver bundle import`) carries only what the station lacks; this one carries the log after --after, by default all of it, for a station whose position is unknown; with --snapshot, or when --after is below the floor of the compacted log (`syncserver log compact`), the station's scope as the county holds it, and the log after it.")
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
        @Option(help: "The station's id (syncserver station list).") var station: String
        @Option(help: "The file to write.") var out: String
        @Option(help: "The position of the county's log the station holds.") var after: Int64 = 0
        @Flag(help: "For a new station: a snapshot of its scope instead of the log from the start.") var snapshot = false

        func run() async throws {
            try await CountyPublishing.run(storage: storage, reading: out) { (county: SyncServerApplication) in
                let bundle = await BundleCommand.failing {
                    let bundle = try await SyncBundle.county(
                        for: station, after: after, county: county.replica, registry: county.registry, snapshot: snapshot)
                    try bundle.write(to: URL(fileURLWithPath: out))
                    return bundle
                }
                let what = bundle.snapshot != nil ? "a snapshot of its scope (\(bundle.snapshot?.count ?? 0) parts) and the county's log after position \(bundle.position)"
                    : "the county's log after position \(after)"
                print("wrote \(out): for station \(station), \(what), in \(bundle.pulls.count) parts")
            }
        }
    }

    /// `syncserver bundle import FILE --answer FILE`: a station's changes taken, and the answer written.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a station's bundle (`kiosk bundle export`) and write the answer to carry back.")
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
        @Argument(help: "The station's bundle.") var file: String
        @Option(help: "The answer to write: the acknowledgement and what the station lacks.") var answer: String

        func run() async throws {
            try await CountyPublishing.run(storage: storage, reading: file) { (county: SyncServerApplication) in
                let (reply, report) = await BundleCommand.failing {
                    let (reply, report) = try await SyncBundle.read(from: URL(fileURLWithPath: file))
                        .receive(at: county.replica, registry: county.registry)
                    try reply.write(to: URL(fileURLWithPath: answer))
                    return (reply, report)
                }
                print(
                    "imported \(file): \(report.changes) changes of station \(reply.station), held through \(report.acknowledged), "
                        + "quarantined \(report.quarantined.count); wrote \(answer) for the station to import")
                for notice in report.quarantined { print("quarantined \(notice.origin) #\(notice.sequence): \(notice.reason)") }
            }
        }
    }

    /// Runs `work`, ending the command with its failure in one line: a bundle's refusal as it says it.
    static func failing<Answer>(_ work: () async throws -> Answer) async -> Answer {
        await ServiceLauncher.failing(program: SyncServerProgram.name, failure: "bundle failed", work)
    }
}
