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

    /// The test cluster's own certificate, which `Scripts/start-postgres` makes for 127.0.0.1
    /// (`VILLAGE_POSTGRES_ROOTCERT` names another).
    public static var rootCertificate: String {
        ProcessInfo.processInfo.environment["VILLAGE_POSTGRES_ROOTCERT"] ?? "/etc/postgresql/15/main/village-server.crt"
    }

    /// The same database over a link encrypted as `tls` says.
    public static func encrypted(_ address: PostgresAddress, _ tls: PostgresAddress.TLSMode) -> PostgresAddress {
        PostgresAddress(
            host: address.host, port: address.port, user: address.user, password: address.password, database: address.database, tls: tls)
    }

    /// How many of the server's connections to a database are encrypted, and how many are not, as
    /// the server counts them (`pg_stat_ssl`), read with `psql`.
    public static func links(to database: String) throws -> (encrypted: Int, plain: Int) {
        let server = try server
        let (_, text) = try ProgramProcess.runBlocking(
            "/usr/bin/psql",
            [
            "-qAtX", "-h", server.host, "-p", "\(server.port)", "-U", server.user, "-d", server.database, "-c",
            """
            SELECT count(*) FILTER (WHERE s.ssl) || ' ' || count(*) FILTER (WHERE NOT s.ssl)
            FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.datname = '\(database)'
            """,
            ], environment: ["PGPASSWORD": server.password ?? "", "PGSSLMODE": "disable"])
        let counts = text.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        return (counts.first ?? 0, counts.dropFirst().first ?? 0)
    }

    /// Runs `body` with a new database of its own, empty or a copy of `template`, dropped when it ends.
    public static func withDatabase<Answer>(copying template: String? = nil, _ body: (PostgresAddress) async throws -> Answer) async throws
        -> Answer
    {
        let server = try server
        let name = "village_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        if let template {
            try await PostgresAdministration.createDatabase(name, copying: template, on: server)
        } else {
            try await PostgresAdministration.createDatabase(name, on: server)
        }
        do {
            let answer = try await body(server.database(name))
            await drop(name, on: server)
            return answer
        } catch {
            await drop(name, on: server)
            throw error
        }
    }

    /// Drops a database with `psql`, waiting for it: for a process's last moment (`atexit`), where
    /// nothing asynchronous runs any more.
    public static func dropBlocking(_ name: String) {
        guard let server = try? server else { return }
        _ = try? ProgramProcess.runBlocking(
            "/usr/bin/psql",
            ["-qAtX", "-h", server.host, "-p", "\(server.port)", "-U", server.user, "-d", server.database, "-c", "DROP DATABASE IF EXISTS \"\(name)\""],
            environment: ["PGPASSWORD": server.password ?? "", "PGSSLMODE": "disable"])
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
