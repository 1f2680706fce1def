public import ArgumentParser
import Foundation
import Ledger
import ServiceRuntime
import SyncServerService

/// `syncserver ledger`: the county's part of the villages' books (三资): checking a village's voucher
/// chain, and saying which side posts its vouchers.
struct LedgerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger", abstract: "Check village books and say who posts them.", subcommands: [Verify.self, Poster.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the chain of a village's posted vouchers; exits 1 and names the first broken entry if any.")
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
        @Option(help: "The village's 12-digit code.") var village: String

        func run() async throws {
            var report: VoucherChain.Report?
            try await CountyPublishing.run(storage: storage, reading: "") { county in
                report = await LedgerWatch(replica: county).check(village: village)
            }
            guard let report else { throw ExitCode(1) }
            print(report.summary)
            if !report.intact { throw ExitCode(1) }
        }
    }

    struct Poster: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Say who posts a village's vouchers: the county (township agency, the default) or its station.")
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
        @Option(help: "The village's 12-digit code.") var village: String
        @Option(help: "county or station.") var side: ChartPublisher.Poster

        func run() async throws {
            try await CountyPublishing.run(storage: storage, reading: "") { county in
                try await ChartPublisher(replica: county).setPoster(side, for: village)
                print("\(village): vouchers are now posted by the \(side.rawValue)")
            }
        }
    }
}

extension ChartPublisher.Poster: ExpressibleByArgument {}
