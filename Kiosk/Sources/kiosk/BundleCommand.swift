import ArgumentParser
import Foundation
import KioskService
import ServiceRuntime
import SyncBundles
import SyncHTTP

/// `kiosk bundle`: sync carried on a USB stick (U盘同步包) while the link to the county is down.
struct BundleCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bundle", abstract: "Export the station's pending changes to a file, or import the county's bundle.",
        subcommands: [Export.self, Import.self])

    /// `kiosk bundle export --out FILE`.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the changes the county has not acknowledged to a signed file, for `syncserver bundle import`.")
        @OptionGroup var storage: DataDirectoryOption<KioskProgram>
        @Option(help: "The file to write (on the USB stick).") var out: String

        func run() async throws {
            let changes = await BundleCommand.failing(storage) { link in
                let export = try await SyncBundle.export(from: link)
                try export.bundle.write(to: URL(fileURLWithPath: out))
                return export.changes
            }
            print("已导出 \(changes) 条待上传的记录 — wrote \(out): \(changes) changes for the county, who answers with a bundle to import here")
        }
    }

    /// `kiosk bundle import FILE`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Take the county's bundle: the acknowledgement of this station's changes and the county's own.")
        @OptionGroup var storage: DataDirectoryOption<KioskProgram>
        @Argument(help: "The county's bundle.") var file: String

        func run() async throws {
            let report = await BundleCommand.failing(storage) { link in
                try await SyncBundle.read(from: URL(fileURLWithPath: file)).apply(at: link)
            }
            print(
                "已导入 — imported \(file): acknowledged \(report.acknowledged) (quarantined \(report.quarantined)), "
                    + "pulled \(report.pulled), county log position \(report.position)")
        }
    }

    /// Runs `work` with the station's link, ending the command with its failure in one line.
    static func failing<Answer>(_ storage: DataDirectoryOption<KioskProgram>, _ work: (StationLink) async throws -> Answer) async -> Answer {
        let link = KioskProgram.link(ServiceLauncher.openStoreOrExit(KioskProgram.self, dataDirectory: storage.path()))
        return await ServiceLauncher.failing(program: KioskProgram.name, failure: "同步包失败 — bundle failed") { try await work(link) }
    }
}
