/// One numbered, never-edited change to a PostgreSQL store's schema (数据库迁移), the PostgreSQL
/// side of a module's SQLite `Migration`: each module numbers its own from 1, and a shipped one
/// is never changed.
///
/// ```swift
/// let migrations = [
///     PostgresMigration(module: "villages", number: 1, name: "divisions", sql: "CREATE TABLE village (code TEXT PRIMARY KEY)"),
/// ]
/// ```
public struct PostgresMigration: Sendable {
    public let module: String
    public let number: Int
    public let name: String
    /// The statements, run in one transaction with the others of the same start.
    public let sql: String

    public init(module: String, number: Int, name: String, sql: String) {
        self.module = module
        self.number = number
        self.name = name
        self.sql = sql
    }

    /// The identifier recorded in the store, such as `villages.0001-divisions`.
    public var identifier: String {
        let padded = String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
        return "\(module).\(padded)-\(name)"
    }
}
