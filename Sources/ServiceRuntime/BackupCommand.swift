public import ArgumentParser
import Foundation
import Storage

/// `<program> backup`: a consistent copy of the program's store, written while the program runs.
///
/// ```sh
/// kiosk backup --to /media/usb/kiosk-2026-11-22.sqlite
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
        let store = ServiceLauncher.openStoreOrExit(Program.self, dataDirectory: storage.path())
        do {
            try store.backup(to: to)
            print("备份完成 — backed up \(store.path) to \(to)")
        } catch {
            ServiceLauncher.fail("备份失败 — backup failed: \(error)", program: Program.name)
        }
    }
}

/// `<program> restore`: puts a backup in place of the program's store. The program must be stopped.
///
/// ```sh
/// systemctl stop kiosk && kiosk restore --from /media/usb/kiosk-2026-11-22.sqlite
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
}
