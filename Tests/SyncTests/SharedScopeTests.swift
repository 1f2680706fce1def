import GRDB
import SyncSQLite
import Storage
import Sync
import TestSupport
import Testing

/// The `villageShared` scope without any domain: records one village writes and every station reads.
@Suite struct SharedScopeTests {
    static let listing = SyncCollection(
        name: "test.listing", table: "listing", fields: ["village", "title", "amount"],
        scope: .villageShared(column: "village"), policy: .mergeable(reviewWorthy: ["amount"]))
    static let schema = Schema(modules: [
        SyncSchema.migrations,
        [Migration(module: "sharedtest", number: 1, name: "listing") { db in
            try db.execute(sql: "CREATE TABLE listing (id TEXT PRIMARY KEY, village TEXT NOT NULL, title TEXT NOT NULL, amount INTEGER NOT NULL)")
        }],
    ])

    func title(_ replica: Replica, _ id: String) async throws -> SyncValue {
        try await replica.value("title", of: id, in: Self.listing)
    }

    @Test func everyStationReadsAVillagesRecordAndOnlyThatVillageWritesIt() async throws {
        let world = try CountyWorld(schema: Self.schema, collections: [Self.listing])
        let a = try world.station("441422107201", name: "a")
        let b = try world.station("441422113203", name: "b")
        try await a.writing { db in
            _ = try a.write(db, to: "test.listing", id: "L1", fields: ["village": "441422107201", "title": "蜜柚", "amount": 5])
        }
        try await world.sync(a)
        try await world.sync(b)
        #expect(try await title(b, "L1") == "蜜柚")

        await #expect(throws: SyncError.self) {
            try await b.writing { db in _ = try b.write(db, to: "test.listing", id: "L1", fields: ["title": "冒名"]) }
        }
        // some fields of a held record, whose table has NOT NULL columns the change does not carry
        try await a.writing { db in _ = try a.write(db, to: "test.listing", id: "L1", fields: ["title": "大埔蜜柚"]) }
        try await world.sync(a)
        try await world.sync(b)
        #expect(try await title(world.county, "L1") == "大埔蜜柚")
        #expect(try await title(b, "L1") == "大埔蜜柚")
    }

    @Test func theCountyRefusesAStationWritingAnotherVillagesRecord() async throws {
        let world = try CountyWorld(schema: Self.schema, collections: [Self.listing])
        let a = try world.station("441422107201", name: "a")
        try await a.writing { db in
            _ = try a.write(db, to: "test.listing", id: "L1", fields: ["village": "441422107201", "title": "蜜柚", "amount": 5])
        }
        try await world.sync(a)
        // enrolled for 北塘村, it writes as 侯南村: first a change naming 侯南村, then one naming no village
        let impostor = try world.station("441422107201", name: "impostor")
        try await impostor.writing { db in
            _ = try impostor.write(db, to: "test.listing", id: "L1", fields: ["village": "441422107201", "title": "冒名", "amount": 1])
            _ = try impostor.write(db, to: "test.listing", id: "L1", fields: ["title": "再冒名"])
        }
        try await world.sync(impostor, as: "441422113203")
        #expect(try await title(world.county, "L1") == "蜜柚")
        #expect(try await world.county.status().quarantined == 2)
    }
}
