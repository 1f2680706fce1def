public import ArgumentParser
public import Foundation
import Logging
public import PostgresStorage
import Storage

/// The options every program's `serve` and data commands share; each falls back to an
/// environment variable and then to a default, so a systemd unit can configure a program
/// through an `EnvironmentFile` alone.
///
/// ```swift
/// struct Serve: AsyncParsableCommand {
///     @OptionGroup var options: ServeOptions<KioskProgram>
///     func run() async throws { let settings = try options.settings() }
/// }
/// ```
public struct ServeOptions<Program: ServiceProgram>: ParsableArguments {
    @Option(help: "Address to listen on (env <PREFIX>_HOST; default 127.0.0.1).")
    public var host: String?

    @Option(help: "Port to listen on; 0 picks a free one (env <PREFIX>_PORT).")
    public var port: Int?

    @OptionGroup public var storage: DataDirectoryOption<Program>

    @Option(help: "Largest request body accepted, in bytes (env <PREFIX>_MAX_BODY_BYTES; default 2 MiB).")
    public var maxBodyBytes: Int?

    @Option(help: "trace, debug, info, notice, warning, error or critical (env <PREFIX>_LOG_LEVEL; default info).")
    public var logLevel: String?

    public init() {}

    /// The settings these options, the environment and the defaults give together.
    public func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws(StartupFailure)
        -> ServiceSettings
    {
        let prefix = Program.environmentPrefix
        let environmentPort = try Self.integer(environment["\(prefix)_PORT"], name: "\(prefix)_PORT")
        let port = port ?? environmentPort ?? Program.defaultPort
        guard (0...65_535).contains(port) else {
            throw .invalidSetting("port", rule: "0–65535", value: String(port))
        }
        let environmentLimit = try Self.integer(
            environment["\(prefix)_MAX_BODY_BYTES"], name: "\(prefix)_MAX_BODY_BYTES")
        let limit = maxBodyBytes ?? environmentLimit ?? 2 * 1024 * 1024
        guard limit >= 1024 else {
            throw .invalidSetting("max-body-bytes", rule: "at least 1024", value: String(limit))
        }
        let levelText = logLevel ?? environment["\(prefix)_LOG_LEVEL"] ?? "info"
        guard let level = Logger.Level(rawValue: levelText.lowercased()) else {
            throw .invalidSetting("log-level", rule: "trace…critical", value: levelText)
        }
        return ServiceSettings(
            program: Program.name,
            host: host ?? environment["\(prefix)_HOST"] ?? "127.0.0.1",
            port: port,
            dataDirectory: storage.path(environment: environment),
            database: try storage.database(environment: environment),
            maxBodyBytes: limit,
            logLevel: level)
    }

    private static func integer(_ text: String?, name: String) throws(StartupFailure) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw .invalidSetting(name, rule: "a whole number", value: text)
        }
        return value
    }
}

/// The `--data-dir` and `--database` options, for every command that opens a program's store.
public struct DataDirectoryOption<Program: ServiceProgram>: ParsableArguments {
    @Option(help: "Folder of the program's store (env <PREFIX>_DATA_DIR; default ~/.local/share/<program>).")
    public var dataDir: String?

    @Option(help: "A hub's PostgreSQL database, postgres://user:password@host:port/database, in place of the SQLite store (env <PREFIX>_DATABASE).")
    public var database: String?

    public init() {}

    /// The folder these options, the environment and the default give.
    public func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        dataDir ?? environment["\(Program.environmentPrefix)_DATA_DIR"]
            ?? DataDirectory.defaultPath(for: Program.name, environment: environment)
    }

    /// The PostgreSQL database these options or the environment name, if any.
    public func database(environment: [String: String] = ProcessInfo.processInfo.environment) throws(StartupFailure)
        -> PostgresAddress?
    {
        guard let text = database ?? environment["\(Program.environmentPrefix)_DATABASE"], !text.isEmpty else { return nil }
        do {
            return try PostgresAddress(text)
        } catch {
            throw .database(error)
        }
    }
}
