import DomainCore
import ChinaLocale
import Foundation
import KioskService
import Prices
import PricesSQLite
import ServiceRuntime
import SQLiteBaselines
import Storage
import Sync
import SyncHTTP
import SyncHTTPSQLite
import SyncServerService
import PostgresBaselines
import PostgresStorage
import PricesPostgres

/// Many stations push at once to the county program, run as a process of its own (`syncserver
/// serve`), over real HTTP on loopback: changes applied a second, each station's sync time, and
/// the county's peak resident set. On SQLite in its data directory, or on a PostgreSQL database of
/// its own on a server (`bench county --postgres URL`), with PostgreSQL's plain inserts as that
/// figure's baseline.
///
/// Every station is enrolled and synced once beforehand, then records `changes` local prices
/// (append-only facts of the prices module) and all sync at the same moment, pushing in batches
/// of 1,000. The baseline is plain INSERTs of the same rows into the same table, 1,000 a
/// transaction (on PostgreSQL, 1,000 a statement too, as the hub writes a push's rows); the
/// county's memory at rest before the run is the memory baseline.
struct CountyThroughputBench {
    let stations: Int
    let changes: Int
    /// The PostgreSQL server the hub's database is made on; `nil`: the SQLite county.
    var postgres: PostgresAddress? = nil

    func run() async throws -> [Figure] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-county-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let countyFolder = folder.appendingPathComponent("county")
        let hub = try await CountyStore(postgres: postgres, folder: countyFolder)
        let codes = try await enrollmentCodes(hub)
        let county = try ChildProgram.launch(
            "syncserver", ["serve", "--port", "0", "--log-level", "notice"] + hub.storage,
            log: folder.appendingPathComponent("county.log"))
        let server = URL(string: "http://127.0.0.1:\(try await county.listeningPort())")!

        let links = try await prepareStations(codes: codes.codes, fingerprint: codes.fingerprint, server: server, folder: folder)
        let restingBytes = county.residentBytes
        var durations: [Duration] = []
        let wall = try await Measure.time {
            durations = try await withThrowingTaskGroup(of: Duration.self) { tasks in
                for link in links {
                    tasks.addTask { try await Measure.time { _ = try await link.syncOnce(batchSize: 1_000) } }
                }
                return try await tasks.reduce(into: []) { $0.append($1) }
            }
        }
        county.signal(SIGTERM)
        let (status, peakBytes) = await county.wait()
        guard status == 0 else { throw ChildProgram.Failed(description: "syncserver ended with \(status): \(county.output)") }
        let applied = try await hub.stationPrices()
        guard applied == stations * changes else {
            throw ChildProgram.Failed(description: "the county holds \(applied) station prices, not \(stations * changes)")
        }
        let plain = try await hub.postgres == nil ? plainInserts(folder.appendingPathComponent("plain.sqlite")) : plainInsertsOnPostgres()
        await hub.drop()
        let total = Double(applied)
        let on = hub.postgres == nil ? "" : " on PostgreSQL"
        return [
            Figure(
                name: "county throughput\(on): \(stations) stations at once, \(changes.formatted()) price records each: changes applied/s; "
                    + "p50 / p99 sync time",
                value: "\(Measure.rate(total, wall)) changes/s; \(Measure.seconds(percentile: 50, durations)) / \(Measure.seconds(percentile: 99, durations))",
                baseline: "plain INSERT, 1,000 a transaction\(hub.postgres == nil ? "" : " and a statement"): \(Measure.rate(total, plain)) rows/s",
                ratio: "\(Measure.ratio(plain, wall)) of plain speed", goal: "over 20,000 changes/s"),
            Figure(
                name: "county peak memory\(on): largest resident set of `syncserver serve` during the \(stations)-station run",
                value: Measure.megabytes(peakBytes), baseline: "at rest before the run \(Measure.megabytes(restingBytes))",
                ratio: String(format: "%.2f× at rest", Double(peakBytes) / Double(max(restingBytes, 1))), goal: "reported"),
        ]
    }

    /// The county's store, opened as the program opens it, with a station for each village.
    func enrollmentCodes(_ hub: CountyStore) async throws -> (codes: [String], fingerprint: String) {
        let registry = try await hub.registry()
        var codes: [String] = []
        for number in 1...stations {
            codes.append(try await registry.add(village: Self.village(number), name: "bench \(number)").code)
        }
        return (codes, try registry.countyFingerprint())
    }

    static func village(_ number: Int) -> String { String(format: "441422%06d", number) }

    /// Enrolls every station, syncs it once, and records its prices; eight stations at a time.
    func prepareStations(codes: [String], fingerprint: String, server: URL, folder: URL) async throws -> [StationLink] {
        try await withThrowingTaskGroup(of: StationLink.self) { tasks in
            var links: [StationLink] = []
            for (index, code) in codes.enumerated() {
                if index >= 8, let link = try await tasks.next() { links.append(link) }
                tasks.addTask {
                    let store = try ServiceLauncher.openStore(
                        KioskProgram.self, dataDirectory: folder.appendingPathComponent("station-\(index + 1)").path)
                    _ = try await StationEnrollment.enroll(store: store, server: server, code: code, fingerprint: fingerprint)
                    let link = KioskProgram.link(store)
                    _ = try await link.syncOnce(batchSize: 1_000)
                    try await record(into: try await link.replica()!, station: index + 1)
                    return link
                }
            }
            return try await tasks.reduce(into: links) { $0.append($1) }
        }
    }

    /// A station's prices as `PriceRecorder` writes them, in one transaction.
    func record(into replica: Replica, station: Int) async throws {
        let village = Self.village(station)
        try await replica.writing { [changes] transaction in
            for index in 0..<changes {
                try replica.write(
                    transaction, to: PricesCollections.observation.name, id: RecordID.make(),
                    fields: Self.fields(village: village, index: index))
            }
        }
    }

    static let lastDay = BeijingDay("2026-11-20")!

    /// The `index`th price a station recorded while it was cut off: the last 30 days, about 33 a
    /// day, of the county's varieties at 20 markets.
    static func fields(village: String, index: Int) -> [String: SyncValue] {
        let varieties = LinkBench.catalogue.varieties
        let avg = Int64(300 + (index * 37) % 900)
        return [
            "village_code": .text(village), "source": "信息站", "variety_code": .text(varieties[index % varieties.count].code),
            "market_id": .text(String(format: "M%02d", 1 + index % 20)), "region_code": "441422",
            "observed_on": .text(Self.lastDay.adding(days: index * 30 / 1_000 - 29).text),
            "min_fen": .integer(avg - 20), "avg_fen": .integer(avg), "max_fen": .integer(avg + 20), "unit": "元/公斤",
            "spec": "", "origin": "", "volume_kg": .null, "corrects": .null, "flags": "", "recorded_by": "operator",
            "recorded_at": "2026-11-20T15:00:00+08:00",
        ]
    }


    /// The same rows inserted plainly into the same table of a PostgreSQL database of its own, 1,000
    /// a statement and a transaction: a statement a row would measure round trips, not the server.
    func plainInsertsOnPostgres() async throws -> Duration {
        guard let server = postgres else { return .zero }
        let name = "bench_plain_\(UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))"
        try await PostgresAdministration.createDatabase(name, on: server)
        let store = try await PostgresStore.open(
            server.database(name), role: "county", schema: PostgresSchema(modules: [PricesPostgresSchema.migrations]))
        let (columns, rows) = plainRows()
        let time = try await Measure.time { try await PostgresBaselines.plainInserts(rows, columns: columns, into: "price_observation", of: store) }
        await store.close()
        try? await PostgresAdministration.dropDatabase(name, on: server)
        return time
    }

    /// The rows every station pushed, with their columns, laid out before a baseline's clock starts.
    func plainRows() -> (columns: [String], rows: [[SyncValue]]) {
        let columns = ["id"] + Self.fields(village: "", index: 0).keys.sorted()
        let rows = (1...stations).flatMap { station in
            let village = Self.village(station)
            return (0..<changes).map { index in
                let fields = Self.fields(village: village, index: index)
                return [SyncValue.text(RecordID.make())] + columns.dropFirst().map { fields[$0]! }
            }
        }
        return (columns, rows)
    }

    /// The same rows inserted plainly into the same table, with its indexes and triggers; the
    /// values are laid out before the clock starts.
    func plainInserts(_ file: URL) async throws -> Duration {
        let store = try Store.open(
            path: file.path, role: "county", schema: Schema(modules: [PricesSchema.migrations]),
            writerCacheMegabytes: SyncServerProgram.writerCacheMegabytes)
        let (columns, all) = plainRows()
        let insert = SQLiteBulkInsert(table: "price_observation", columns: columns)
        let rows = stride(from: 0, to: all.count, by: 1_000).map { Array(all[$0..<min($0 + 1_000, all.count)]) }.map(insert.prepare)
        return try await Measure.time {
            for batch in rows { try await insert.insert(batch, into: store) }
        }
    }
}
