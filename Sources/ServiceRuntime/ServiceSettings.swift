public import Logging
public import PostgresStorage

/// Everything a program needs to start serving, once flags, environment and defaults are resolved.
///
/// ```swift
/// let settings = ServiceSettings(program: "kiosk", host: "127.0.0.1", port: 0, dataDirectory: dir)
/// ```
public struct ServiceSettings: Sendable, Equatable {
    public var program: String
    public var host: String
    public var port: Int
    public var dataDirectory: String
    /// A hub's PostgreSQL database, in place of the SQLite store in the data directory.
    public var database: PostgresAddress?
    public var maxBodyBytes: Int
    public var logLevel: Logger.Level

    public init(
        program: String, host: String = "127.0.0.1", port: Int, dataDirectory: String, database: PostgresAddress? = nil,
        maxBodyBytes: Int = 2 * 1024 * 1024, logLevel: Logger.Level = .info
    ) {
        self.program = program
        self.host = host
        self.port = port
        self.dataDirectory = dataDirectory
        self.database = database
        self.maxBodyBytes = maxBodyBytes
        self.logLevel = logLevel
    }
}
