import ArgumentParser
import KioskService
import ServiceRuntime

/// `kiosk`: the program of a village information station (农村信息服务站).
@main
struct KioskCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "The village information station: prices, traceability, village books and notices, served offline.",
        subcommands: [
            ServeCommand<KioskProgram>.self, EnrollCommand.self, SyncCommand.self, BundleCommand.self, LedgerCommand.self,
            BackupCommand<KioskProgram>.self, RestoreCommand<KioskProgram>.self, CheckCommand<KioskProgram>.self, AccountCommand<KioskProgram>.self,
        ])
}
