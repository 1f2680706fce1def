import ArgumentParser
import Foundation
import KioskService
import Ledger
import ServiceRuntime
import SyncHTTP
import Sync

/// `kiosk ledger verify`: checks the hash chain of the village's posted vouchers (凭证链校验).
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "The village's books at this station.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the chain of posted vouchers; exits 1 and names the first broken entry if any.")
        @OptionGroup var storage: DataDirectoryOption<KioskProgram>

        func run() async throws {
            let store = ServiceLauncher.openStoreOrExit(KioskProgram.self, dataDirectory: storage.path())
            guard let station = try await KioskProgram.link(store).replica(), let village = station.village else {
                ServiceLauncher.fail("本站尚未注册 — the station is not enrolled", program: KioskProgram.name)
            }
            // Held against the county's seal too: an edit whose hashes were recomputed is named.
            let report = try await LedgerQueries(store: store).verifyChain(village: village, sealedBy: station.signature)
            print(report.summary)
            if !report.intact { throw ExitCode(1) }
        }
    }
}
