import SyncSQLite
import ChinaLocale
import Crypto
import CZlib
import DemoData
import Foundation
import SQLiteBaselines
import Prices
import PricesSQLite
import Storage
import Sync

/// The sync layer's figures, each beside a baseline measured in the same run:
///
/// - capture: rows written through the replica (data + change log) against plain INSERTs;
/// - apply: rows a station applies from pulled batches (signed bulletins; unsigned facts) against
///   plain INSERTs of the same rows;
/// - wire: deflated JSON bytes per row, pushed and pulled, against the rows as gzip'd CSV.
struct SyncBench {
    let rows: [PriceRow]
    /// The same rows as the plain-insert baseline binds them.
    let plainRows: [PlainPriceInserts.Row]
    let folder: URL

    init(rows count: Int) throws {
        var random = SplitMix(seed: 2026)
        rows = (0..<count).map { PriceRow.random(index: $0, using: &random) }
        plainRows = rows.map {
            PlainPriceInserts.Row(
                id: $0.id, village: $0.village, variety: $0.variety, market: $0.market, observedOn: $0.observedOn, min: $0.min,
                avg: $0.avg, max: $0.max, unit: $0.unit)
        }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func run() async throws -> [Figure] {
        defer { try? FileManager.default.removeItem(at: folder) }
        let n = Double(rows.count)
        var plainWrites: [Duration] = []
        var captures: [Duration] = []
        var station: Replica! = nil
        for run in 1...5 {  // interleaved, so that a slow spell of the machine hits both sides
            let store = try store("plain-write-\(run)")
            plainWrites.append(try await Measure.time { try await plainInserts(into: store, batch: 200) })
            station = try replica("station-\(run)", role: .station(village: PriceRow.village))
            let replica = station!
            captures.append(try await Measure.time { try await captured(into: replica, batch: 200) })
        }
        let (plainWrite, capture) = (Measure.median(plainWrites), Measure.median(captures))

        let county = try replica("county", role: .county)
        let peer = StationPeer(origin: station.origin, village: PriceRow.village)
        var pushBytes = 0
        while true {
            let pending = try await station.pendingChanges(limit: 500)
            guard !pending.isEmpty else { break }
            pushBytes += try Deflate.compress(JSONEncoder().encode(PushRequest(changes: pending))).count
            try await station.accept(try await county.receive(PushRequest(changes: pending), from: peer))
        }
        let applyStore = try store("plain-apply")
        let plainApply = try await Measure.time { try await plainInserts(into: applyStore, batch: 500) }
        // Pulled by another station of the village: a pull leaves out the puller's own changes.
        let sibling = try replica("sibling", role: .station(village: PriceRow.village))
        let facts = try await pullAll(from: county, for: StationPeer(origin: sibling.origin, village: PriceRow.village))
        let applyFacts = try await Measure.time { for reply in facts { try await sibling.accept(reply) } }
        let csv = Measure.gzipBytes(PriceRow.csv(rows))

        let bulletins = try await bulletinFigures()
        return [
            Figure(
                name: "capture: rows/s written with change log vs plain INSERT (200 a transaction)",
                value: Measure.rate(n, capture), baseline: Measure.rate(n, plainWrite),
                ratio: "\(Measure.ratio(capture, plainWrite))× time", goal: "under 2×"),
            bulletins.apply,
            Figure(
                name: "apply, unsigned facts: rows/s a station applies from pulled batches vs plain INSERT (500 a transaction)",
                value: Measure.rate(n, applyFacts), baseline: Measure.rate(n, plainApply),
                ratio: "\(Measure.ratio(plainApply, applyFacts)) of plain speed", goal: "at least 0.5"),
            Figure(
                name: "wire, push of station prices: deflated bytes per row vs gzip'd CSV",
                value: Measure.bytes(pushBytes, n), baseline: Measure.bytes(csv, n),
                ratio: String(format: "%.2f×", Double(pushBytes) / Double(csv)), goal: "within 1.5×"),
            bulletins.wire,
        ]
    }

    /// The county publishes the demo's prices as signed bulletins (one a day); a station pulls,
    /// verifies and applies them.
    func bulletinFigures() async throws -> (apply: Figure, wire: Figure) {
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: 3, count: 32))
        let schema = Schema(modules: [SyncSchema.migrations, PricesSchema.migrations])
        let county = try Replica(
            store: try Store.open(path: folder.appendingPathComponent("bulletins.sqlite").path, role: "county", schema: schema),
            role: .county, collections: PricesCollections.all, signature: ChangeSignature(signingKey: key))
        let today = BeijingDay("2026-11-20")!
        let publisher = PricePublisher(replica: county, today: { today })
        try await publisher.publish(SamplePrices.catalogue)
        let peer = StationPeer(origin: "bench-station", village: PriceRow.village)
        let catalogue = try await pullAll(from: county, for: peer)
        let entries = SamplePrices.prices(endingOn: today, days: max(1, rows.count / 282))
        try await county.writing { transaction in
            let index = try transaction.prices.catalogue()
            _ = try publisher.publish(
                entries.map { try PriceRules.check($0, catalogue: index, today: today) }, source: "县农业农村局", transaction)
        }
        let replies = try await pullAll(from: county, for: peer, after: catalogue.last!.position)
        let bytes = try replies.reduce(0) { $0 + (try Deflate.compress(JSONEncoder().encode($1)).count) }
        let receiver = try Replica(
            store: try Store.open(path: folder.appendingPathComponent("receiver.sqlite").path, role: "kiosk", schema: schema),
            role: .station(village: PriceRow.village), collections: PricesCollections.all,
            signature: ChangeSignature(verifyingKey: key.publicKey))
        for reply in catalogue { try await receiver.accept(reply) }
        let apply = try await Measure.time { for reply in replies { try await receiver.accept(reply) } }
        let plainStore = try plainPriceStore()
        let plain = try await Measure.time { try await plainPriceInserts(entries, batch: 500, into: plainStore) }
        let csv = Measure.gzipBytes(
            "observed_on,variety_code,market_id,min_fen,avg_fen,max_fen,unit\n"
                + entries.map { "\($0.observedOn),\($0.varietyCode),\($0.marketID),\($0.minFen),\($0.avgFen),\($0.maxFen),\($0.unit)" }
                .joined(separator: "\n"))
        let n = Double(entries.count)
        return (
            Figure(
                name: "apply, signed county bulletins: price rows/s a station verifies and applies vs plain INSERT (500 a transaction)",
                value: Measure.rate(n, apply), baseline: Measure.rate(n, plain),
                ratio: "\(Measure.ratio(plain, apply)) of plain speed", goal: "at least 0.5"),
            Figure(
                name: "wire, pull of signed county bulletins: deflated bytes per price row vs gzip'd CSV",
                value: Measure.bytes(bytes, n), baseline: Measure.bytes(csv, n),
                ratio: String(format: "%.2f×", Double(bytes) / Double(csv)), goal: "within 1.5×")
        )
    }

    func pullAll(from county: Replica, for peer: StationPeer, after start: Int64 = 0) async throws -> [PullReply] {
        var replies: [PullReply] = []
        var position = start
        repeat {
            replies.append(try await county.changes(after: position, for: peer, limit: 500))
            position = replies.last!.position
        } while replies.last!.more
        return replies
    }


    // MARK: Workloads

    /// The best plain SQLite can do: one prepared statement, reused.
    func plainInserts(into store: Store, batch: Int) async throws {
        try await PlainPriceInserts.prices(plainRows, batch: batch, into: store)
    }

    func plainPriceStore() throws -> Store {
        try Store.open(
            path: folder.appendingPathComponent("plain-prices.sqlite").path, role: "kiosk",
            schema: Schema(modules: [PricesSchema.migrations]))
    }

    /// The bulletin rows inserted one by one into the same table, with its indexes, as plainly as can be.
    func plainPriceInserts(_ entries: [PriceEntry], batch: Int, into store: Store) async throws {
        let rows = entries.map {
            PlainPriceInserts.BulletinRow(
                variety: $0.varietyCode, market: $0.marketID, observedOn: $0.observedOn, min: $0.minFen, avg: $0.avgFen,
                max: $0.maxFen, unit: $0.unit)
        }
        try await PlainPriceInserts.bulletinRows(rows, batch: batch, into: store)
    }

    func captured(into replica: Replica, batch: Int) async throws {
        for chunk in rows.chunks(of: batch) {
            try await replica.writing { transaction in
                for row in chunk { try replica.write(transaction, to: "bench.observation", id: row.id, fields: row.fields) }
            }
        }
    }

    // MARK: Stores

    static let fields = ["village", "variety", "market", "observed_on", "min_fen", "avg_fen", "max_fen", "unit"]
    static let collections = [
        SyncCollection(name: "bench.observation", table: "price", fields: fields, scope: .village(column: "village"), policy: .appendOnly)
    ]
    static let tables = SQLiteBaselines.benchPrices

    func store(_ name: String) throws -> Store {
        try Store.open(
            path: folder.appendingPathComponent("\(name).sqlite").path, role: "bench",
            schema: Schema(modules: [SyncSchema.migrations, [Self.tables]]))
    }

    func replica(_ name: String, role: Replica.Role) throws -> Replica {
        try Replica(store: store(name), role: role, collections: Self.collections)
    }
}

extension Array {
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
