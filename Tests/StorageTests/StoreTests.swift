import Foundation
import GRDB
import StoreInterface
import TestSupport
import Testing

@testable import Storage

@Suite struct StoreTests {
    static let sample = Migration(module: "sample", number: 1, name: "things") { db in
        try db.create(table: "thing") { $0.primaryKey("id", .text) }
    }
    let folder = try! TemporaryFolder()

    @Test func opensInWALWithForeignKeysAndFullSync() async throws {
        let store = try Store.open(path: folder.file("a.sqlite"), role: "kiosk", schema: Schema(modules: [[Self.sample]]))
        let (mode, foreignKeys, readerSync) = try await store.pool.read { db in
            (
                try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys"),
                try Int.fetchOne(db, sql: "PRAGMA synchronous")
            )
        }
        let writerSync = try await store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(mode == "wal")
        #expect(foreignKeys == 1)
        #expect(readerSync == 2 && writerSync == 2)  // 2 is FULL
    }

    @Test func migratesOnceAndKeepsItsIdentity() throws {
        let schema = Schema(modules: [[Self.sample]])
        let first = try Store.open(path: folder.file("b.sqlite"), role: "county", schema: schema)
        #expect(try first.schemaVersion() == 2)
        #expect(try first.appliedMigrations() == ["sample.0001-things", "storage.0001-store-info"])
        let again = try Store.open(path: folder.file("b.sqlite"), role: "county", schema: schema)
        #expect(again.info == first.info)
        #expect(try again.schemaVersion() == schema.version)
    }

    @Test func laterMigrationsRunOnAnOlderStore() throws {
        let second = Migration(module: "sample", number: 2, name: "more") { db in
            try db.alter(table: "thing") { $0.add(column: "name", .text) }
        }
        _ = try Store.open(path: folder.file("c.sqlite"), role: "kiosk", schema: Schema(modules: [[Self.sample]]))
        let upgraded = try Store.open(
            path: folder.file("c.sqlite"), role: "kiosk", schema: Schema(modules: [[Self.sample, second]]))
        #expect(try upgraded.schemaVersion() == 3)
        let columns = try upgraded.pool.read { db in try db.columns(in: "thing").map(\.name) }
        #expect(columns == ["id", "name"])
    }

    @Test func refusesTheOtherProgramsStore() throws {
        let path = folder.file("d.sqlite")
        _ = try Store.open(path: path, role: "county", schema: Schema(modules: []))
        #expect(throws: StorageError.self) {
            try Store.open(path: path, role: "kiosk", schema: Schema(modules: []))
        }
    }

    /// A hand-edited store may hold an integer where a record keeps text: the record reads it as
    /// absent (and its decoder refuses it by name), where GRDB's conversion would stop the program.
    @Test func aValueOfTheWrongTypeReadsAsAbsentNotAsATrap() throws {
        let row = try DatabaseQueue().read { db in try Row.fetchOne(db, sql: "SELECT 1500 AS n, 'x' AS t, NULL AS z")! }
        #expect(row.optionalText("n") == nil && row.optionalInteger("n") == 1500)
        #expect(row.optionalInteger("t") == nil && row.optionalText("t") == "x")
        #expect(row.optionalText("z") == nil && row.optionalInteger("z") == nil && row.text("missing") == "")
    }

    @Test func migrationIdentifiersAreNumbered() {
        #expect(Self.sample.identifier == "sample.0001-things")
        #expect(Migration(module: "m", number: 12, name: "x") { _ in }.identifier == "m.0012-x")
    }
}

@Suite struct DataDirectoryTests {
    let folder = try! TemporaryFolder()

    @Test func createsMissingFolders() throws {
        let directory = try DataDirectory.prepare(at: folder.file("x/y/z"))
        #expect(FileManager.default.fileExists(atPath: directory.path))
        #expect(directory.file("kiosk.sqlite").hasSuffix("x/y/z/kiosk.sqlite"))
    }

    @Test func refusesAFolderUnderAFile() throws {
        let file = folder.file("plain")
        #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
        #expect(throws: StorageError.self) { try DataDirectory.prepare(at: file + "/data") }
        #expect(throws: StorageError.self) { try DataDirectory.prepare(at: file) }
    }

    @Test func refusesAnUnwritablePlace() throws {
        // procfs refuses new folders even to root, so this holds on CI as on a workstation.
        do {
            _ = try DataDirectory.prepare(at: "/proc/village-station-test")
            Issue.record("expected a failure")
        } catch {
            #expect(error.messageEN.contains("/proc/village-station-test"))
            #expect(error.message.contains("数据目录"))
        }
    }

    @Test func defaultFollowsXDG() {
        #expect(DataDirectory.defaultPath(for: "kiosk", environment: ["XDG_DATA_HOME": "/d"]) == "/d/kiosk")
        #expect(DataDirectory.defaultPath(for: "kiosk", environment: ["HOME": "/h"]) == "/h/.local/share/kiosk")
    }
}
