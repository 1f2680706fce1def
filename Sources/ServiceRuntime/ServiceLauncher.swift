import ArgumentParser
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
public import Storage
import PostgresStorage
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
            let store = try await openStore(program, settings: settings)
            do {
                try await serve(program, store: store, settings: settings, webRoot: webRoot)
                await store.close()
            } catch {
                await store.close()
                throw error
            }
        } catch let failure as StartupFailure {
            exit(with: failure, program: Program.name)
        }
    }

    /// Serves the program over its open store until SIGTERM or SIGINT.
    static func serve<Program: ServiceProgram>(
        _ program: Program.Type, store: ProgramStore, settings: ServiceSettings, webRoot: String?
    ) async throws {
        let logger = LogSetup.logger(for: settings)
        logger.info(
            "store \(store.location) at schema version \((try? store.health.schemaVersion()) ?? 0), replica \(store.health.replicaID)")
        let assembly = try Program.assemble(settings: settings, store: store, webRoot: webRoot)
        let application = assembly.application(logger: logger)
        try await ServiceGroup(
            services: [ListeningService(settings: settings, application: application)] + assembly.backgroundServices(logger: logger),
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
        ).run()
        logger.notice("stopped")
    }

    /// Opens the program's store: the hub's PostgreSQL database the settings name (migrated, one
    /// process at a time), or the SQLite store in the data directory.
    public static func openStore<Program: ServiceProgram>(
        _ program: Program.Type, settings: ServiceSettings
    ) async throws(StartupFailure) -> ProgramStore {
        guard let address = settings.database else {
            return .sqlite(try openStore(program, dataDirectory: settings.dataDirectory))
        }
        guard let schema = Program.postgresSchema else { throw .databaseNotServed }
        do {
            return .postgres(try await PostgresStore.open(address, role: Program.storeRole, schema: schema))
        } catch let error as PostgresStoreError {
            throw .database(error)
        } catch {
            throw .database(.unusable(address: address.description, reason: String(describing: error)))
        }
    }

    /// The program's store for a command (`--data-dir` or `--database`), or the one-line failure
    /// and exit status 1.
    public static func openStoreOrExit<Program: ServiceProgram>(_ program: Program.Type, storage: DataDirectoryOption<Program>) async
        -> ProgramStore
    {
        do {
            let settings = ServiceSettings(
                program: Program.name, port: 0, dataDirectory: storage.path(), database: try storage.database())
            return try await openStore(program, settings: settings)
        } catch {
            exit(with: error, program: Program.name)
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

    /// Runs a command's work, ending the command as ``fail(_:program:)`` does if it throws: an error
    /// that describes itself for people (`CustomStringConvertible`, such as a bundle's refusal) in
    /// its own words, any other after `failure`.
    ///
    /// ```swift
    /// let report = await ServiceLauncher.failing(program: "kiosk", failure: "同步包失败 — bundle failed") { try await work() }
    /// ```
    public static func failing<Answer>(program: String, failure: String, _ work: () async throws -> Answer) async -> Answer {
        do {
            return try await work()
        } catch let error as any Error & CustomStringConvertible {
            fail(error.description, program: program)
        } catch {
            fail("\(failure): \(error)", program: program)
        }
    }

    private static func exit(line: String) -> Never {
        FileHandle.standardError.write(Data((line + "\n").utf8))
        Foundation.exit(1)
    }
}
