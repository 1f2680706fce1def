import SyncSQLite
import ChinaLocale
import Foundation
import SQLiteBaselines
import Storage
import Sync
import Traceability
import TraceabilitySQLite

/// Latency of a trace-code lookup over a county's worth of events, through the traceability
/// module (code recognised, lot, certificate, lineage both ways, events of the lot and its
/// sources, safety check, masking), against the same statements stepped on bare SQLite from the
/// precomputed key (``BareSQLite/lookUp(key:)``), on the same file in the same run.
///
/// Each group of six lots is five farmers' lots of nine events each, mixed at a cooperative into
/// one lot with five more: 50 events a group, so 1,000,000 events is 20,000 groups, 120,000 lots.
/// Codes looked up: cooperative lots' GS1 codes, farmers' lot codes, certificate codes, and
/// codes not held, in proportion 4:3:2:1.
struct TraceLookupBench {
    let events: Int
    let queries: Int
    static let eventsPerGroup = 50

    func run() async throws -> [Figure] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-trace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("trace.sqlite").path
        let store = try Store.open(
            path: path, role: "kiosk",
            schema: Schema(modules: [SyncSchema.migrations, TraceSchema.migrations]))
        let groups = max(1, events / Self.eventsPerGroup)
        let load = try await Measure.time { try await fill(store, groups: groups) }
        print("filled \((groups * Self.eventsPerGroup).formatted()) events in \(String(format: "%.0f", Measure.seconds(load))) s")

        let queries = TraceQueries(store: store)
        let bare = try BareSQLite(path: path)
        var random = SplitMix(seed: 11)
        let codes = (0..<self.queries).map { _ in Self.probe(Int(random.next() % 10), group: Int(random.next() % UInt64(groups))) }
        var project: [Duration] = [], baseline: [Duration] = []
        var found = 0
        for (index, code) in codes.enumerated() {
            let key = try TraceCode(code).lookupKey
            if index % 2 == 1 { baseline.append(try PriceQueryBench.clock { try bare.lookUp(key: key) }) }
            project.append(try PriceQueryBench.clock { found += try queries.lookup(code).found == nil ? 0 : 1 })
            if index % 2 == 0 { baseline.append(try PriceQueryBench.clock { try bare.lookUp(key: key) }) }
        }
        print("\(found) of \(codes.count) codes found")
        let (p50, p99) = (Measure.percentile(50, project), Measure.percentile(99, project))
        let (bare50, bare99) = (Measure.percentile(50, baseline), Measure.percentile(99, baseline))
        return [
            Figure(
                name: "trace-code lookup: p50 / p99 over \(codes.count) codes, \((groups * Self.eventsPerGroup).formatted()) events",
                value: "\(Measure.milliseconds(p50)) / \(Measure.milliseconds(p99))",
                baseline: "\(Measure.milliseconds(bare50)) / \(Measure.milliseconds(bare99))",
                ratio: "\(Measure.ratio(p50, bare50))× / \(Measure.ratio(p99, bare99))×", goal: "p99 under 5 ms")
        ]
    }

    /// A code of one of the four kinds, by a draw of 0…9.
    static func probe(_ draw: Int, group: Int) -> String {
        switch draw {
        case 0..<4: "(01)06901234567892(10)C\(group)"
        case 4..<7: "HN\(group)-\(draw)"
        case 7..<9: "HG\(group)"
        default: "UNKNOWN-\(group)"
        }
    }

    func fill(_ store: Store, groups: Int) async throws {
        let kinds = ["planting", "fertilising", "pesticide", "inspecting", "harvesting", "packing", "receiving", "storing", "shipping"]
        let lot = SQLiteBulkInsert(
            table: "trace_lot",
            columns: [
                "id", "village_code", "trace_code", "quantity_g", "producer_name", "producer_kind", "created_at", "product_name",
                "producer_phone", "origin",
            ])
        let event = SQLiteBulkInsert(
            table: "trace_event",
            columns: [
                "id", "village_code", "lot_id", "kind", "occurred_at", "input_name", "safety_interval_days", "test_kind", "test_item",
                "test_passed", "inputs", "outputs", "recorded_at",
            ])
        let certificate = SQLiteBulkInsert(
            table: "trace_certificate",
            columns: [
                "id", "code", "lot_id", "village_code", "producer_name", "issued_on", "recorded_at", "product_name", "quantity_g",
                "producer_kind", "promise",
            ])
        for first in stride(from: 0, to: groups, by: 1_000) {
            try await SQLiteBulkInsert.session(in: store) { session in
                let lotConstants: [SyncValue] = ["大埔蜜柚", "13812345678", "三组"]
                let certificateConstants: [SyncValue] = ["大埔蜜柚", 1000, "person", "承诺"]
                // What the traceability module derives from each row, as when it arrives through sync.
                func derive(_ arrival: RecordArrival, _ id: String, _ fields: [String: SyncValue]) throws {
                    try arrival.derive(from: ArrivedRecord(id: id, fields: fields), session.transaction)
                }
                for group in first..<min(first + 1_000, groups) {
                    let village = String(format: "441422%03d%03d", group % 13, group % 211)
                    let day = Date(timeIntervalSince1970: 1_780_000_000 - Double(group % 1_000) * 86_400)
                    let at = { (hours: Double) in BeijingTime.timestamp(day.addingTimeInterval(hours * 3_600)) }
                    var farms: [String] = []
                    for farm in 0..<5 {
                        let id = "F\(group)-\(farm)"
                        farms.append(id)
                        try session.insert(
                            [.text(id), .text(village), .text("HN\(group)-\(farm + 4)"), 200_000, .text("农户\(farm)"), "person", .text(at(0))]
                                + lotConstants, into: lot)
                        try derive(TraceArrivals.lot, id, ["trace_code": .text("HN\(group)-\(farm + 4)")])
                        for (index, kind) in kinds.enumerated() {
                            try session.insert(
                                [
                                    .text("\(id)-\(index)"), .text(village), .text(id), .text(kind), .text(at(Double(index * 24))),
                                    kind == "pesticide" ? "阿维菌素" : "", kind == "pesticide" ? 7 : .null, kind == "inspecting" ? "self" : .null,
                                    kind == "inspecting" ? "农残" : "", kind == "inspecting" ? 1 : .null, "[]", "[]", .text(at(0)),
                                ], into: event)
                            try derive(TraceArrivals.event, "\(id)-\(index)", ["kind": .text(kind)])
                        }
                    }
                    let coop = "C\(group)"
                    try session.insert(
                        [.text(coop), .text(village), .text("(01)06901234567892(10)C\(group)"), 1_000_000, "合作社", "cooperative", .text(at(240))]
                            + lotConstants, into: lot)
                    try derive(TraceArrivals.lot, coop, ["trace_code": .text("(01)06901234567892(10)C\(group)")])
                    let inputs = "[" + farms.map { "\"\($0)\"" }.joined(separator: ",") + "]"
                    try session.insert(
                        [
                            .text("\(coop)-mix"), .text(village), .text(coop), "transforming", .text(at(240)), "", .null, .null, "", .null,
                            .text(inputs), .text("[\"\(coop)\"]"), .text(at(240)),
                        ], into: event)
                    try derive(
                        TraceArrivals.event, "\(coop)-mix",
                        ["kind": "transforming", "inputs": .text(inputs), "outputs": .text("[\"\(coop)\"]")])
                    for (index, kind) in ["inspecting", "packing", "shipping", "retail_selling"].enumerated() {
                        try session.insert(
                            [
                                .text("\(coop)-\(index)"), .text(village), .text(coop), .text(kind), .text(at(Double(250 + index * 12))), "",
                                .null, kind == "inspecting" ? "lab" : .null, "", kind == "inspecting" ? 1 : .null, "[]", "[]", .text(at(250)),
                            ], into: event)
                        try derive(TraceArrivals.event, "\(coop)-\(index)", ["kind": .text(kind)])
                    }
                    try session.insert(
                        [.text("cert-\(group)"), .text("HG\(group)"), .text(coop), .text(village), "合作社", "2026-06-01", .text(at(260))]
                            + certificateConstants, into: certificate)
                    try derive(TraceArrivals.certificate, "cert-\(group)", ["code": .text("HG\(group)")])
                }
            }
        }
    }
}
