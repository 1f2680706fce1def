import Foundation
public import PostgresStorage

/// The PostgreSQL server the hub's suites run against (`Scripts/start-postgres`, which `.ci/run`
/// calls), and a database of a test's own on it: made empty, dropped when the test ends, so that
/// tests run side by side and leave nothing behind.
///
/// ```swift
/// try await PostgresForTests.withDatabase { address in
///     let store = try await PostgresStore.open(address, role: "county", schema: schema)
/// }
/// ```
public enum PostgresForTests {
    /// `VILLAGE_POSTGRES_URL`, or the role `Scripts/start-postgres` makes on loopback.
    public static var server: PostgresAddress {
        get throws {
            try PostgresAddress(
                ProcessInfo.processInfo.environment["VILLAGE_POSTGRES_URL"] ?? "postgres://village:village@127.0.0.1:5432/postgres")
        }
    }

    /// Runs `body` with the address of a new empty database, then drops the database.
    public static func withDatabase<Answer>(_ body: (PostgresAddress) async throws -> Answer) async throws -> Answer {
        let server = try server
        let name = "village_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await PostgresAdministration.createDatabase(name, on: server)
        do {
            let answer = try await body(server.database(name))
            await drop(name, on: server)
            return answer
        } catch {
            await drop(name, on: server)
            throw error
        }
    }

    /// Drops a test's database; one still in use (a process the test left running) is left for the
    /// machine's next start, said on standard error, and fails no test.
    private static func drop(_ name: String, on server: PostgresAddress) async {
        do {
            try await PostgresAdministration.dropDatabase(name, on: server)
        } catch {
            FileHandle.standardError.write(Data("test database \(name) left behind: \(error)\n".utf8))
        }
    }
}
