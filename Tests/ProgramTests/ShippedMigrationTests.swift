import Crypto
import Foundation
import GRDB
import KioskService
import Storage
import SyncServerService
import TestSupport
import Testing

/// Migrations are append-only: a store in a village has run every shipped migration once and will
/// never run it again, so a migration edited after it shipped leaves that store different from a
/// new one. Each migration's effect (the schema it leaves and the rows it writes, counted per table,
/// after everything shipped before it) is fingerprinted, and the fingerprints of every migration that
/// has shipped are kept in `ShippedMigrations.txt`, one line each, in the order they shipped — the
/// order a store kept since the first release ran them in, so that a new migration of an earlier
/// module changes no fingerprint of a later one. Editing a shipped migration fails here;
/// a new one is appended to the file (`RECORD_SHIPPED_MIGRATIONS=1 swift test --filter
/// ShippedMigrationTests` appends every migration not yet in it).
@Suite struct ShippedMigrationTests {
    static let ledger = RepositoryPaths.root + "/Tests/ProgramTests/ShippedMigrations.txt"

    @Test func noShippedMigrationChangedAndEveryMigrationIsInTheLedger() throws {
        if ProcessInfo.processInfo.environment["RECORD_SHIPPED_MIGRATIONS"] == "1" { try Self.appendNew() }
        let shipped = Dictionary(uniqueKeysWithValues: try Self.readLedger())
        // Both programs take the one schema of DomainModules: one pass reads every migration.
        #expect(KioskProgram.schema.migrations.map(\.identifier) == SyncServerProgram.schema.migrations.map(\.identifier))
        let fingerprints = try Self.fingerprints(of: Self.inShippedOrder(KioskProgram.schema.migrations))
        for (identifier, fingerprint) in fingerprints {
            let recorded = try #require(
                shipped[identifier], "\(identifier) is not in ShippedMigrations.txt; once it ships, append: \(identifier) \(fingerprint)")
            #expect(recorded == fingerprint, "\(identifier) changed after it shipped: write a new migration instead")
            if recorded != fingerprint { return }  // every later fingerprint follows from this one
        }
        let missing = Set(shipped.keys).subtracting(fingerprints.map(\.0))
        #expect(missing.isEmpty, "shipped migrations no longer in the schema: \(missing.sorted())")
    }

    @Test func anEditedMigrationChangesItsFingerprint() throws {
        let migrations = [
            Migration(module: "test", number: 1, name: "t") { db in try db.execute(sql: "CREATE TABLE t (a TEXT)") },
        ]
        let edited = [
            Migration(module: "test", number: 1, name: "t") { db in try db.execute(sql: "CREATE TABLE t (a TEXT NOT NULL)") },
        ]
        let seeded = [
            Migration(module: "test", number: 1, name: "t") { db in
                try db.execute(sql: "CREATE TABLE t (a TEXT); INSERT INTO t VALUES ('x')")
            },
        ]
        let prints = try [migrations, edited, seeded].map { try Self.fingerprints(of: Schema(modules: [$0]).migrations).last!.1 }
        #expect(Set(prints).count == 3)
    }

    /// The migrations in the order they shipped, then those not shipped yet in the schema's order.
    static func inShippedOrder(_ migrations: [Migration]) throws -> [Migration] {
        let position = Dictionary(uniqueKeysWithValues: try readLedger().enumerated().map { ($1.0, $0) })
        return migrations.enumerated().sorted { left, right in
            (position[left.element.identifier] ?? Int.max, left.offset) < (position[right.element.identifier] ?? Int.max, right.offset)
        }.map(\.element)
    }

    /// Each migration's identifier and the fingerprint of the store it leaves, in order.
    static func fingerprints(of migrations: [Migration]) throws -> [(String, String)] {
        let queue = try DatabaseQueue()
        return try migrations.map { migration in
            try queue.inTransaction { db in
                try migration.apply(db)
                return .commit
            }
            return (migration.identifier, try queue.read(state))
        }
    }

    /// The schema's text and each table's row count, hashed.
    static func state(_ db: Database) throws -> String {
        var text = ""
        let objects = try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
        for object in objects {
            let (type, name): (String, String) = (object["type"], object["name"])
            text += "\(type) \(name) \(object["tbl_name"] as String? ?? "") \(object["sql"] as String? ?? "")\n"
            if type == "table", !name.hasPrefix("sqlite_") {
                text += "rows \(try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(name)\"") ?? 0)\n"
            }
        }
        return SHA256.hash(data: Data(text.utf8)).prefix(12).map { String(format: "%02x", $0) }.joined()
    }

    /// Appends the migrations the ledger does not hold yet; never rewrites a line.
    static func appendNew() throws {
        let shipped = Dictionary(uniqueKeysWithValues: (try? readLedger()) ?? [])
        var text = (try? String(contentsOfFile: ledger, encoding: .utf8))
            ?? "# Every shipped migration and the fingerprint of the store it leaves (ShippedMigrationTests). Append only.\n"
        for (identifier, fingerprint) in try fingerprints(of: inShippedOrder(KioskProgram.schema.migrations))
        where shipped[identifier] == nil {
            text += "\(identifier) \(fingerprint)\n"
        }
        try text.write(toFile: ledger, atomically: true, encoding: .utf8)
    }

    /// Each shipped migration's identifier and fingerprint, in the order they shipped.
    static func readLedger() throws -> [(String, String)] {
        try String(contentsOfFile: ledger, encoding: .utf8).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            return line.hasPrefix("#") || parts.count != 2 ? nil : (String(parts[0]), String(parts[1]))
        }
    }
}
