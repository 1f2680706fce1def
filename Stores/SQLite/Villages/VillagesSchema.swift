import GRDB
public import Storage

/// The tables of the villages module, as numbered migrations.
///
/// ```swift
/// let schema = Schema(modules: [VillagesSchema.migrations])
/// ```
public enum VillagesSchema {
    public static let migrations: [Migration] = [
        Migration(module: "villages", number: 1, name: "divisions") { db in
            try db.create(table: "county") { table in
                table.primaryKey("code", .text)
                table.column("name", .text).notNull()
                table.column("city", .text).notNull()
                table.column("province", .text).notNull()
            }
            try db.create(table: "township") { table in
                table.primaryKey("code", .text)
                table.column("county_code", .text).notNull().references("county", onDelete: .cascade)
                table.column("name", .text).notNull()
            }
            try db.create(table: "village") { table in
                table.primaryKey("code", .text)
                table.column("township_code", .text).notNull().indexed().references("township", onDelete: .cascade)
                table.column("name", .text).notNull()
                table.column("households", .integer).notNull()
                table.column("population", .integer).notNull()
            }
        }
    ]
}
