import ArgumentParser
import Foundation
import KioskService
import ServiceRuntime
import SyncHTTP
import Sync

/// `kiosk sync`: runs one sync round with the county and prints what moved.
struct SyncCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync", abstract: "Run one sync round with the county server and print what moved.")

    @OptionGroup var storage: DataDirectoryOption<KioskProgram>

    @Option(help: "Changes per batch; smaller batches lose less on a link that drops.")
    var batchSize = 100

    func run() async throws {
        let store = ServiceLauncher.openStoreOrExit(KioskProgram.self, dataDirectory: storage.path())
        let link = KioskProgram.link(store)
        do {
            let report = try await link.syncOnce(batchSize: batchSize) {
                // Unbuffered: the operator (or a test) reads it while the command waits.
                FileHandle.standardOutput.write(Data("另一轮同步正在进行，等它结束 — waiting for the sync round in progress to end\n".utf8))
            }
            let status = try await link.replica()!.status()
            print(
                "pushed \(report.pushed), pulled \(report.pulled), quarantined \(report.quarantined), mended \(report.mended) "
                    + "in \(report.exchanges) exchanges; "
                    + "pending \(status.pendingPush), open conflicts \(status.openConflicts), "
                    + "clock offset \(status.clockOffsetMilliseconds) ms"
                    + (report.fromSnapshot > 0 ? "; \(report.fromSnapshot) records from a snapshot of the county's data" : ""))
        } catch {
            ServiceLauncher.fail("同步失败 — sync failed: \(error)", program: KioskProgram.name)
        }
    }
}
