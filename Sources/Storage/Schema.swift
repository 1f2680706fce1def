import GRDB

/// The ordered list of migrations a program's store runs at start.
///
/// A program builds it from the modules it uses; the storage module's own migration always comes
/// first. Applying it is idempotent: migrations already recorded in the store are skipped.
///
/// ```swift
/// let schema = Schema(modules: [Villages.migrations, Prices.migrations])
/// ```
public struct Schema: Sendable {
    /// Every migration, in the order they run.
    public let migrations: [Migration]
    /// A schema made of the storage module's own migrations followed by each module's, in order.
    public init(modules: [[Migration]]) {
        self.migrations = StoreInfo.migrations + modules.flatMap { $0 }
        Self.checkNumbering(migrations)
    }

    /// The schema version a store reaches once this schema is applied: the count of migrations.
    public var version: Int { migrations.count }

    var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            migrator.registerMigration(migration.identifier, migrate: migration.apply)
        }
        return migrator
    }

    /// Gapless numbering per module is a rule of the codebase, so a break is a programmer error.
    private static func checkNumbering(_ migrations: [Migration]) {
        var next: [String: Int] = [:]
        for migration in migrations {
            let expected = next[migration.module, default: 1]
            precondition(
                migration.number == expected,
                "migration \(migration.identifier) should be number \(expected) of module \(migration.module)")
            next[migration.module] = expected + 1
        }
    }
}
