import Foundation
public import PostgresStorage

/// PostgreSQL's own tools, for what a hub's database needs beyond the program: `pg_dump` writes a
/// backup while the hub serves, `pg_restore` brings one back. The password goes through the
/// environment (`PGPASSWORD`), never the command line that `ps` shows.
///
/// ```swift
/// try PostgresTools.dump(address, to: "/backup/hub-2026-12-06.dump")
/// ```
public enum PostgresTools {
    /// Why a tool could not do its work.
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// A consistent copy of the database in `pg_dump`'s custom format, written while the hub serves.
    public static func dump(_ address: PostgresAddress, to file: String) throws {
        try run("pg_dump", ["--format=custom", "--no-owner", "--file=\(file)"] + connection(address), address)
    }

    /// The database's objects replaced by those of a dump (`pg_restore --clean`); the hubs must be stopped.
    public static func restore(_ address: PostgresAddress, from file: String) throws {
        try run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction"] + connection(address) + [file], address)
    }

    private static func connection(_ address: PostgresAddress) -> [String] {
        ["--host=\(address.host)", "--port=\(address.port)", "--username=\(address.user)", "--dbname=\(address.database)"]
    }

    private static func run(_ tool: String, _ arguments: [String], _ address: PostgresAddress) throws {
        guard let path = locate(tool) else {
            throw Failure(description: "\(tool) is not installed (Debian: apt install postgresql-client)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        if let password = address.password { environment["PGPASSWORD"] = password }
        for (name, value) in address.libpqTLSEnvironment { environment[name] = value }
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool) failed (status \(process.terminationStatus)): \(said.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    /// The tool on the PATH, or in Debian's versioned folders.
    static func locate(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let folders = path.split(separator: ":").map(String.init) + ["/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/15/bin"]
        return folders.map { "\($0)/\(tool)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
