public import ArgumentParser
import Foundation
import PostgresStorage
import Storage

/// `<program> backup`: a consistent copy of the program's store, written while the program runs.
/// A hub's PostgreSQL database is copied by `pg_dump` (custom format), whichever process serves.
///
/// ```sh
/// kiosk backup --to /media/usb/kiosk-2026-11-22.sqlite
/// syncserver backup --database postgres://hub@db/province --to /backup/province.dump
/// ```
public struct BackupCommand<Program: ServiceProgram>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "backup", abstract: "Write a consistent copy of the store, while the program runs.")
    }

    @OptionGroup var storage: DataDirectoryOption<Program>
    @Option(help: "The file to write, such as /media/usb/\(Program.name)-backup.sqlite.") var to: String

    public init() {}

    public func run() async throws {
        do {
            if let address = try storage.database() {
                try PostgresTools.dump(address, to: to)
                print("备份完成 — backed up \(address) to \(to) (pg_dump, custom format)")
                return
            }
            let store = ServiceLauncher.openStoreOrExit(Program.self, dataDirectory: storage.path())
            try store.backup(to: to)
            print("备份完成 — backed up \(store.path) to \(to)")
        } catch let failure as StartupFailure {
            ServiceLauncher.exit(with: failure, program: Program.name)
        } catch {
            ServiceLauncher.fail("备份失败 — backup failed: \(error)", program: Program.name)
        }
    }
}

/// `<program> restore`: puts a backup in place of the program's store. The program must be stopped
/// (every process of a hub). A hub's dump is brought back by `pg_restore`, then adjusted as any
/// restored store is (the county's log starts a new epoch).
///
/// ```sh
/// systemctl stop kiosk && kiosk restore --from /media/usb/kiosk-2026-11-22.sqlite
/// syncserver restore --database postgres://hub@db/province --from /backup/province.dump
/// ```
public struct RestoreCommand<Program: ServiceProgram>: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: "restore", abstract: "Replace the store with a backup; stop the program first.")
    }

    @OptionGroup var storage: DataDirectoryOption<Program>
    @Option(help: "The backup file, written by `\(Program.name) backup`.") var from: String

    public init() {}

    public func run() async throws {
        do {
            if let address = try storage.database() {
                try await restoreDatabase(address)
                return
            }
            let directory = try DataDirectory.prepare(at: storage.path())
            var message: String?
            try await Store.restore(
                from: from, to: directory.file(Program.storeFileName), role: Program.storeRole, schema: Program.schema
            ) { store in message = try await Program.prepareRestored(store) }
            print("已从备份恢复 — restored \(from) into \(directory.file(Program.storeFileName))")
            if let message { print(message) }
        } catch {
            ServiceLauncher.fail("恢复失败 — restore failed: \(error)", program: Program.name)
        }
    }

    /// `pg_restore` into the hub's database, then the program's own adjustment of a restored store.
    private func restoreDatabase(_ address: PostgresAddress) async throws {
        try PostgresTools.restore(address, from: from)
        let store = await ServiceLauncher.openStoreOrExit(Program.self, storage: storage)
        let message = try await Program.prepareRestored(store.transactions)
        await store.close()
        print("已从备份恢复 — restored \(from) into \(address) (pg_restore)")
        if let message { print(message) }
    }
}
