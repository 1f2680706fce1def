public import Foundation
import NIOSSL
import PostgresNIO

/// Where a PostgreSQL hub's database is: a `postgres://user:password@host:port/database` address, as
/// `syncserver serve --database` and `SYNCSERVER_DATABASE` take it (libpq's form, so that the same
/// line works in `psql`). An address without a password takes `PGPASSWORD`'s, as libpq does, so
/// that the password need not stand on a command line, which every user of the machine can read.
///
/// The link to the database may be encrypted as libpq's `sslmode` says: `disable` (the default),
/// `require` (encrypted, the server's certificate not checked), `verify-ca` and `verify-full` (checked
/// against the system's roots or `sslrootcert`, and for `verify-full` against the host's name).
///
/// ```swift
/// let address = try PostgresAddress("postgres://hub:secret@10.0.0.5:5432/province?sslmode=verify-full")
/// print(address)   // postgres://hub@10.0.0.5:5432/province?sslmode=verify-full — never the password
/// ```
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    public let host: String
    public let port: Int
    public let user: String
    public let password: String?
    public let database: String
    /// How the link to the server is encrypted.
    public let tls: TLSMode

    /// libpq's `sslmode`s this store speaks, and the roots a certificate is checked against.
    public enum TLSMode: Sendable, Equatable {
        case disable
        case require
        case verifyCA(roots: String?)
        case verifyFull(roots: String?)
    }

    /// Reads an address; a clear error names what is wrong with it.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(PostgresStoreError) {
        guard let url = URLComponents(string: text), ["postgres", "postgresql"].contains(url.scheme ?? "") else {
            throw .badAddress(text: Self.redacted(text), rule: "it must read postgres://user:password@host:port/database")
        }
        guard let host = url.host, !host.isEmpty else { throw .badAddress(text: Self.redacted(text), rule: "it names no host") }
        guard let user = url.user, !user.isEmpty else { throw .badAddress(text: Self.redacted(text), rule: "it names no user") }
        let database = String(url.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty else { throw .badAddress(text: Self.redacted(text), rule: "it names no database") }
        let tls = try Self.tlsMode(url.queryItems ?? [], in: text)
        self.init(
            host: host, port: url.port ?? 5432, user: user, password: url.password ?? environment["PGPASSWORD"], database: database,
            tls: tls)
    }

    public init(host: String, port: Int = 5432, user: String, password: String?, database: String, tls: TLSMode = .disable) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.tls = tls
    }

    /// The `sslmode` and `sslrootcert` of an address's query; anything else is refused by name.
    private static func tlsMode(_ items: [URLQueryItem], in text: String) throws(PostgresStoreError) -> TLSMode {
        var mode = "disable"
        var roots: String?
        for item in items {
            switch (item.name, item.value ?? "") {
            case ("sslmode", let value) where ["disable", "require", "verify-ca", "verify-full"].contains(value): mode = value
            case ("sslrootcert", let path) where !path.isEmpty: roots = path
            default:
                throw .badAddress(
                    text: redacted(text),
                    rule: "\(item.name)=\(item.value ?? "") is not supported (sslmode=disable, require, verify-ca or verify-full; sslrootcert=path)")
            }
        }
        switch mode {
        case "require": return .require
        case "verify-ca": return .verifyCA(roots: roots)
        case "verify-full": return .verifyFull(roots: roots)
        default: return .disable
        }
    }

    /// The same server and login, another database (a test's own, or the server's `postgres`).
    public func database(_ name: String) -> PostgresAddress {
        PostgresAddress(host: host, port: port, user: user, password: password, database: name, tls: tls)
    }

    /// The address without its password, for logs and messages.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)\(query)" }

    /// The address with its password, for a child process or a test's own tools.
    public var url: String {
        let login = password.map { "\(user):\($0)" } ?? user
        return "postgres://\(login)@\(host):\(port)/\(database)\(query)"
    }

    /// The TLS settings as libpq reads them, so that `psql`, `pg_dump` and a child process agree.
    private var query: String {
        switch tls {
        case .disable: ""
        case .require: "?sslmode=require"
        case .verifyCA(let roots): "?sslmode=verify-ca" + (roots.map { "&sslrootcert=\($0)" } ?? "")
        case .verifyFull(let roots): "?sslmode=verify-full" + (roots.map { "&sslrootcert=\($0)" } ?? "")
        }
    }

    /// The TLS settings as libpq's environment names them (`PGSSLMODE`, `PGSSLROOTCERT`), for
    /// PostgreSQL's own tools run for the hub.
    public var libpqTLSEnvironment: [String: String] {
        switch tls {
        case .disable: ["PGSSLMODE": "disable"]
        case .require: ["PGSSLMODE": "require"]
        case .verifyCA(let roots): ["PGSSLMODE": "verify-ca"].merging(roots.map { ["PGSSLROOTCERT": $0] } ?? [:]) { $1 }
        case .verifyFull(let roots): ["PGSSLMODE": "verify-full"].merging(roots.map { ["PGSSLROOTCERT": $0] } ?? [:]) { $1 }
        }
    }

    var configuration: PostgresConnection.Configuration {
        get throws {
            PostgresConnection.Configuration(
                host: host, port: port, username: user, password: password, database: database, tls: try connectionTLS)
        }
    }

    /// PostgresNIO's TLS for the mode: `require` encrypts without checking the certificate, as
    /// libpq's does; the `verify` modes check it against the roots given or the system's.
    private var connectionTLS: PostgresConnection.Configuration.TLS {
        get throws {
            var configuration = TLSConfiguration.makeClientConfiguration()
            switch tls {
            case .disable: return .disable
            case .require: configuration.certificateVerification = .none
            case .verifyCA(let roots), .verifyFull(let roots):
                configuration.certificateVerification = tls == .verifyCA(roots: roots) ? .noHostnameVerification : .fullVerification
                if let roots { configuration.trustRoots = .file(roots) }
            }
            return .require(try NIOSSLContext(configuration: configuration))
        }
    }

    /// An address as typed, its password replaced, so that an error never repeats a secret.
    static func redacted(_ text: String) -> String {
        text.replacingOccurrences(of: #"(://[^:/@]*:)[^@]*@"#, with: "$1***@", options: .regularExpression)
    }
}
