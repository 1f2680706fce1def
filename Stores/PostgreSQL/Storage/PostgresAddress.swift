public import Foundation
import PostgresNIO

/// Where a PostgreSQL hub's database is: a `postgres://user:password@host:port/database` address, as
/// `syncserver serve --database` and `SYNCSERVER_DATABASE` take it (libpq's form, so that the same
/// line works in `psql`). An address without a password takes `PGPASSWORD`'s, as libpq does, so
/// that the password need not stand on a command line, which every user of the machine can read.
///
/// ```swift
/// let address = try PostgresAddress("postgres://hub:secret@10.0.0.5:5432/province")
/// print(address)   // postgres://hub@10.0.0.5:5432/province — never the password
/// ```
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let user: String
    public let password: String?
    public let database: String

    /// Reads an address; a clear error names what is wrong with it.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresStoreError) {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? "") else {
            throw .badAddress(text: Self.redacted(text), rule: "it must read postgres://user:password@host:port/database")
        }
        guard let host = url.host, !host.isEmpty else { throw .badAddress(text: Self.redacted(text), rule: "it names no host") }
        guard let user = url.user, !user.isEmpty else { throw .badAddress(text: Self.redacted(text), rule: "it names no user") }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw .badAddress(text: Self.redacted(text), rule: "it names no database") }
        for item in url.queryItems ?? [] where !(item.name == "sslmode" && item.value == "disable") {
            throw .badAddress(text: Self.redacted(text), rule: "\(item.name)=\(item.value ?? "") is not supported (only sslmode=disable)")
        }
        self.init(host: host, port: url.port ?? 5432, user: user, password: url.password ?? environment["PGPASSWORD"], database: database)
    }

    public init(host: String, port: Int = 5432, user: String, password: String?, database: String) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
    }

    /// The same server and login, another database (a test's own, or the server's `postgres`).
    public func database(_ name: String) -> PostgresAddress {
        PostgresAddress(host: host, port: port, user: user, password: password, database: name)
    }

    /// The address without its password, for logs and messages.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// The address with its password, for a child process or a test's own tools.
    public var url: String {
        let login = password.map { "\(user):\($0)" } ?? user
        return "postgres://\(login)@\(host):\(port)/\(database)"
    }

    var configuration: PostgresConnection.Configuration {
        PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: .disable)
    }

    /// An address as typed, its password replaced, so that an error never repeats a secret.
    static func redacted(_ text: String) -> String {
        text.replacingOccurrences(of: #"(://[^:/@]*:)[^@]*@"#, with: "$1***@", options: .regularExpression)
    }
}
