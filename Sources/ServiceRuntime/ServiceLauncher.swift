import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
public import Storage
import UnixSignals

/// Starts a program: prepares its data directory, opens and migrates its store, serves until
/// SIGTERM or SIGINT, and turns every failure an operator can fix into one line on standard
/// error and exit status 1, never a stack trace.
///
/// ```swift
/// try await ServiceLauncher.run(KioskProgram.self, settings: settings, webRoot: "Kiosk/Web")
/// ```
public enum ServiceLauncher {
    public static func run<Program: ServiceProgram>(
        _ program: Program.Type, settings: ServiceSettings, webRoot: String?
    ) async throws {
        do {
            let store = try openStore(program, dataDirectory: settings.dataDirectory)
            let logger = LogSetup.logger(for: settings)
            logger.info(
                "store \(store.path) at schema version \(Program.schema.version), replica \(store.info.replicaID)")
            let assembly = try Program.assemble(settings: settings, store: store, webRoot: webRoot)
            let application = assembly.application(logger: logger)
            try await ServiceGroup(
                services: [ListeningService(settings: settings, application: application)]
                    + assembly.backgroundServices(logger: logger),
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
            ).run()
            logger.notice("stopped")
        } catch let failure as StartupFailure {
            exit(with: failure, program: Program.name)
        }
    }

    /// Prepares the data directory and opens the program's store in it.
    public static func openStore<Program: ServiceProgram>(
        _ program: Program.Type, dataDirectory: String
    ) throws(StartupFailure) -> Store {
        do {
            let directory = try DataDirectory.prepare(at: dataDirectory)
            return try Store.open(
                in: directory, fileName: Program.storeFileName, role: Program.storeRole, schema: Program.schema,
                writerCacheMegabytes: Program.writerCacheMegabytes)
        } catch {
            throw .storage(error)
        }
    }

    /// The program's store for a command, or the one-line failure and exit status 1.
    public static func openStoreOrExit<Program: ServiceProgram>(_ program: Program.Type, dataDirectory: String) -> Store {
        do {
            return try openStore(program, dataDirectory: dataDirectory)
        } catch {
            exit(with: error, program: Program.name)
        }
    }

    /// Prints the failure's one line on standard error and ends the command with status 1.
    public static func exit(with failure: StartupFailure, program: String) -> Never {
        exit(line: failure.line(program: program))
    }

    /// Ends a command that failed: `program: message` on standard error, and status 1.
    ///
    /// ```swift
    /// ServiceLauncher.fail("备份失败 — backup failed: \(error)", program: "kiosk")
    /// ```
    public static func fail(_ message: String, program: String) -> Never {
        exit(line: "\(program): \(message)")
    }

    private static func exit(line: String) -> Never {
        FileHandle.standardError.write(Data((line + "\n").utf8))
        Foundation.exit(1)
    }
}
