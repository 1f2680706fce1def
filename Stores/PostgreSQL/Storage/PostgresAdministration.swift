import Foundation
public import Logging
import NIOPosix
import PostgresNIO

/// Databases made and dropped on a server: a test's own database, or the empty one
/// `syncserver migrate --to` moves a county into.
///
/// ```swift
/// try await PostgresAdministration.createDatabase("hub_test_1", on: server)
/// ```
public enum PostgresAdministration {
    /// Makes an empty database on the server of `server` (whose own database is the one logged into),
    /// sorting text by its bytes as a hub needs (``PostgresSchema/checkCollation(_:address:)``).
    public static func createDatabase(_ name: String, on server: PostgresAddress, logger: Logger = Logger(label: "village.postgres")) async throws {
        try await run(
            "CREATE DATABASE \(quoted(name)) TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'", on: server, logger: logger)
    }

    /// Makes a database as a copy of another no one is connected to (a test's seeded county, copied
    /// for each test rather than seeded again).
    public static func createDatabase(
        _ name: String, copying template: String, on server: PostgresAddress, logger: Logger = Logger(label: "village.postgres")
    ) async throws {
        try await run("CREATE DATABASE \(quoted(name)) TEMPLATE \(quoted(template))", on: server, logger: logger)
    }

    /// Drops a database no one is connected to. (`WITH (FORCE)` would need the right to end the
    /// server's own processes, such as an autovacuum worker, which a hub's role does not have.)
    public static func dropDatabase(_ name: String, on server: PostgresAddress, logger: Logger = Logger(label: "village.postgres")) async throws {
        try await run("DROP DATABASE IF EXISTS \(quoted(name))", on: server, logger: logger)
    }

    private static func run(_ sql: String, on server: PostgresAddress, logger: Logger) async throws {
        let connection = try await PostgresConnection.connect(configuration: server.configuration, id: 0, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw PostgresStoreError.unusable(address: server.description, reason: PostgresTransaction.describe(error))
        }
    }

    private static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
