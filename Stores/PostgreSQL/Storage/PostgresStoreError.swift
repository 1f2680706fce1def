/// Why a PostgreSQL store could not be reached, opened or used, in words an operator can act on.
///
/// ```swift
/// do { _ = try PostgresAddress("postgres://hub@db") }
/// catch { print(error.messageEN) }   // "database address postgres://hub@db cannot be used: it names no database"
/// ```
public enum PostgresStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `--database` address cannot be read.
    case badAddress(text: String, rule: String)
    /// The server cannot be reached, refuses the login, or the database cannot be migrated.
    case unusable(address: String, reason: String)
    /// The store holds another program's data (a station's, where the county's is expected).
    case wrongRole(address: String, holds: String, expected: String)

    /// The message in Chinese, for the county's administrator.
    public var message: String {
        switch self {
        case .badAddress(let text, let rule): "数据库地址 \(text) 无法使用（\(rule)）"
        case .unusable(let address, let reason): "数据库 \(address) 无法使用（\(reason)）"
        case .wrongRole(let address, let holds, let expected): "数据库 \(address) 存的是 \(holds) 的数据，不是 \(expected) 的"
        }
    }

    /// The message in English, for logs.
    public var messageEN: String {
        switch self {
        case .badAddress(let text, let rule): "database address \(text) cannot be used: \(rule)"
        case .unusable(let address, let reason): "database \(address) cannot be used: \(reason)"
        case .wrongRole(let address, let holds, let expected): "database \(address) holds a \(holds) store, not a \(expected) store"
        }
    }

    public var description: String { messageEN }
}
