public import GRDB

/// One numbered, never-edited change to a store's schema (数据库迁移).
///
/// Each module owns its migrations and numbers them from 1; a program lists the modules it uses
/// in a ``Schema``. Once a migration has shipped it is never changed: a later change is a new
/// number.
///
/// ```swift
/// let migrations = [
///     Migration(module: "villages", number: 1, name: "divisions") { db in
///         try db.create(table: "village") { t in t.primaryKey("code", .text) }
///     },
/// ]
/// ```
public struct Migration: Sendable {
    /// The module that owns the migration, such as `storage` or `prices`.
    public let module: String
    /// Its number within the module, from 1, without gaps.
    public let number: Int
    /// A short name of what it does.
    public let name: String
    /// The schema change; runs inside a transaction.
    public let apply: @Sendable (Database) throws -> Void

    public init(module: String, number: Int, name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.module = module
        self.number = number
        self.name = name
        self.apply = apply
    }

    /// The identifier recorded in the store, such as `villages.0001-divisions`.
    public var identifier: String {
        let padded = String(repeating: "0", count: max(0, 4 - String(number).count)) + String(number)
        return "\(module).\(padded)-\(name)"
    }
}
