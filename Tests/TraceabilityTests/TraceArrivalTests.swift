import SyncSQLite
import GRDB
import Storage
import Sync
import Testing
import TestSupport
import Traceability
import TraceabilitySQLite

/// What the traceability module derives as its facts arrive does not depend on their order: a
/// retraction may reach a store before the event it retracts.
@Suite struct TraceArrivalTests {
    static let events: [(id: String, kind: String, retracts: String?, inputs: String, outputs: String)] = [
        ("e1", "planting", nil, "[]", "[]"),
        ("e2", "pesticide", nil, "[]", "[]"),
        ("e3", "inspecting", nil, "[]", "[]"),
        ("r2", "planting", "e2", "[]", "[]"),
        ("r3", "inspecting", "e3", "[]", "[]"),
        ("mix", "transforming", nil, #"["L1","L2"]"#, #"["L3","L4","L5"]"#),
    ]

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func retractionsLinksAndCodeKeysAreTheSameInAnyOrder(seed: UInt64) async throws {
        let folder = try TemporaryFolder(inMemory: true)
        let store = try Store.open(
            path: folder.file("trace.sqlite"), role: "county", schema: Schema(modules: [SyncSchema.migrations, TraceSchema.migrations]))
        var random = SeededRandom(seed: seed)
        let order = Self.events.shuffled(using: &random)
        try await store.pool.write { db in
            for event in order {
                try db.execute(
                    sql: """
                        INSERT INTO trace_event(id, village_code, lot_id, kind, occurred_at, inputs, outputs, retracts, recorded_at)
                        VALUES (?, '441422107201', 'L1', ?, '2026-11-20T09:00:00+08:00', ?, ?, ?, '2026-11-20T09:00:00+08:00')
                        """,
                    arguments: [event.id, event.kind, event.inputs, event.outputs, event.retracts])
                let fields: [String: SyncValue] = [
                    "kind": .text(event.kind), "inputs": .text(event.inputs), "outputs": .text(event.outputs),
                    "retracts": event.retracts.map(SyncValue.text) ?? .null,
                ]
                try TraceArrivals.event.derive(from: ArrivedRecord(id: event.id, fields: fields), db)
            }
            try db.execute(
                sql: """
                    INSERT INTO trace_lot(id, village_code, trace_code, product_name, created_at)
                    VALUES ('L1', '441422107201', 'https://id.example.cn/01/09521234543213/10/a1', '蜜柚', '2026-11-20T09:00:00+08:00')
                    """)
            try TraceArrivals.lot.derive(
                from: ArrivedRecord(id: "L1", fields: ["trace_code": "https://id.example.cn/01/09521234543213/10/a1"]), db)
        }
        try await store.pool.read { db in
            #expect(try Set(String.fetchAll(db, sql: "SELECT id FROM trace_event WHERE retracted = 1")) == ["e2", "e3"])
            let links = try Row.fetchAll(db, sql: "SELECT input_lot, output_lot FROM trace_link WHERE event_id = 'mix'")
            #expect(links.count == 6)
            #expect(try String.fetchOne(db, sql: "SELECT code_key FROM trace_lot WHERE id = 'L1'") == "01 09521234543213 10 A1")
        }
    }
}
