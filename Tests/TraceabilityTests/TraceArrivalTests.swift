import SyncSQLite
import PostgresStorage
import StoreInterface
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

    @Test(arguments: HubStore.allCases, [1, 2, 3, 4] as [UInt64])
    func retractionsLinksAndCodeKeysAreTheSameInAnyOrder(hub: HubStore, seed: UInt64) async throws {
        let folder = try TemporaryFolder(inMemory: true)
        try await hub.withCountyStore(postgres: TraceWorld.postgresSchema) { postgres in
            let store = try postgres ?? Store.open(
                path: folder.file("trace.sqlite"), role: "county", schema: Schema(modules: [SyncSchema.migrations, TraceSchema.migrations]))
            var random = SeededRandom(seed: seed)
            let order = Self.events.shuffled(using: &random)
            let at: SyncValue = "2026-11-20T09:00:00+08:00"
            try await store.writing { transaction in
                for event in order {
                    let fields: [String: SyncValue] = [
                        "kind": .text(event.kind), "inputs": .text(event.inputs), "outputs": .text(event.outputs),
                        "retracts": event.retracts.map(SyncValue.text) ?? .null,
                    ]
                    try StoredRows.insert(
                        into: "trace_event",
                        fields.merging(["id": .text(event.id), "village_code": "441422107201", "lot_id": "L1", "occurred_at": at, "recorded_at": at]) { $1 },
                        transaction)
                    try TraceArrivals.event.derive(from: ArrivedRecord(id: event.id, fields: fields), transaction)
                }
                let code: SyncValue = "https://id.example.cn/01/09521234543213/10/a1"
                try StoredRows.insert(
                    into: "trace_lot",
                    ["id": "L1", "village_code": "441422107201", "trace_code": code, "product_name": "蜜柚", "created_at": at], transaction)
                try TraceArrivals.lot.derive(from: ArrivedRecord(id: "L1", fields: ["trace_code": code]), transaction)
            }
            try await store.reading { transaction in
                let trace = try transaction.trace
                #expect(try Self.events.map(\.id).filter { try trace.event(id: $0)?.retracted == true } == ["e2", "e3"])
                for input in ["L1", "L2"] {
                    let outputs = try trace.lineage(from: input, direction: .downstream, maximumDepth: 1)
                    #expect(outputs.map(\.lotID) == ["L3", "L4", "L5"] && outputs.allSatisfy { $0.viaEventID == "mix" })
                }
                #expect(try trace.lot(codeKey: "01 09521234543213 10 A1")?.id == "L1")
            }
        }
    }
}
