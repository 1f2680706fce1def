import ArgumentParser
import ServiceRuntime
import SyncServerService

/// `syncserver`: the county server every station reconciles with (县级同步服务器).
@main
struct SyncServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "syncserver",
        abstract: "The county server: publishes county content, reconciles every village station, keeps the books' audit.",
        subcommands: [
            ServeCommand<SyncServerProgram>.self, StationCommand.self, DivisionsCommand.self, PricesCommand.self, NoticesCommand.self,
            LedgerCommand.self, BackupCommand<SyncServerProgram>.self, RestoreCommand<SyncServerProgram>.self,
            CheckCommand<SyncServerProgram>.self, AccountCommand<SyncServerProgram>.self, MigrateCommand.self, BundleCommand.self, LogCommand.self,
        ])
}
