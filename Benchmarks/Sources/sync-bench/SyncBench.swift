import Crypto
import CZlib
import Foundation
import GRDB
import Storage
import Sync

/// `sync-bench`: the sync layer's figures, each beside a baseline measured in the same run.
///
/// - capture: rows written through the replica (data + change log) against plain INSERTs;
/// - apply: rows a station applies from pulled batches against plain INSERTs of the same rows;
/// - wire: deflated JSON bytes per record, pushed and pulled (signed), against the rows as gzip'd CSV.
///
/// `swift run -c release sync-bench [rows]` prints a Markdown table; `--write FILE` also writes it.
@main
struct SyncBench {
    static func main() async throws {
        let arguments = CommandLine.arguments.dropFirst()
        let rows = arguments.first.flatMap(Int.init) ?? 20_000
        let output = arguments.firstIndex(of: "--write").flatMap { arguments.index(after: $0) < arguments.endIndex ? arguments[arguments.index(after: $0)] : nil }
        let bench = try SyncBench(rows: rows)
        let table = try await bench.run()
        print(table)
        if let output { try table.write(toFile: output, atomically: true, encoding: .utf8) }
    }

    let rows: [PriceRow]
    let folder: URL

    init(rows count: Int) throws {
        var random = SplitMix(seed: 2026)
        rows = (0..<count).map { PriceRow.random(index: $0, using: &random) }
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("sync-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func run() async throws -> String {
        defer { try? FileManager.default.removeItem(at: folder) }
        let plainWrite = try await time { try await plainInserts(into: store("plain-write"), batch: 200) }
        let station = try replica("station", role: .station(village: PriceRow.village))
        let capture = try await time { try await captured(into: station, batch: 200) }

        let county = try replica("county", role: .county)
        let peer = StationPeer(origin: station.origin, village: PriceRow.village)
        var pushBytes = 0
        while true {
            let pending = try await station.pendingChanges(limit: 500)
            guard !pending.isEmpty else { break }
            pushBytes += try Deflate.compress(JSONEncoder().encode(PushRequest(changes: pending))).count
            try await station.accept(try await county.receive(PushRequest(changes: pending), from: peer))
        }

        let bulletins = try replica("bulletins", role: .county, signing: true)
        try await publish(into: bulletins, batch: 200)
        var replies: [PullReply] = []
        var position: Int64 = 0
        repeat {
            replies.append(try await bulletins.changes(after: position, for: peer, limit: 500))
            position = replies.last!.position
        } while replies.last!.more
        let pullBytes = try replies.reduce(0) { $0 + (try Deflate.compress(JSONEncoder().encode($1)).count) }
        let receiver = try replica("receiver", role: .station(village: PriceRow.village), verifying: bulletins.signature)
        let apply = try await time { for reply in replies { try await receiver.accept(reply) } }
        let plainApply = try await time { try await plainInserts(into: store("plain-apply"), batch: 500) }

        // The same rows as unsigned facts, relayed by the county to another station of the village.
        var facts: [PullReply] = []
        position = 0
        repeat {
            facts.append(try await county.changes(after: position, for: peer, limit: 500))
            position = facts.last!.position
        } while facts.last!.more
        let sibling = try replica("sibling", role: .station(village: PriceRow.village))
        let applyFacts = try await time { for reply in facts { try await sibling.accept(reply) } }

        let csv = try Deflate.compress(Data(PriceRow.csv(rows).utf8)).count + 18  // + gzip's header and trailer
        let n = Double(rows.count)
        return """
            | figure (\(rows.count) price rows) | sync | baseline in the same run | ratio | goal |
            | --- | ---: | ---: | ---: | --- |
            | capture: rows/s written with change log vs plain INSERT (200 a transaction) | \(rate(n, capture)) | \(rate(n, plainWrite)) | \(ratio(capture, plainWrite))× time | under 2× |
            | apply, signed county records: rows/s a station verifies and applies from pulled batches vs plain INSERT (500 a transaction) | \(rate(n, apply)) | \(rate(n, plainApply)) | \(ratio(plainApply, apply)) of plain speed | at least 0.5 |
            | apply, unsigned facts: rows/s a station applies from pulled batches vs plain INSERT (500 a transaction) | \(rate(n, applyFacts)) | \(rate(n, plainApply)) | \(ratio(plainApply, applyFacts)) of plain speed | at least 0.5 |
            | wire, push: deflated bytes per record vs gzip'd CSV | \(bytes(pushBytes, n)) | \(bytes(csv, n)) | \(String(format: "%.2f", Double(pushBytes) / Double(csv)))× | within 1.5× |
            | wire, pull of signed county records: deflated bytes per record vs gzip'd CSV | \(bytes(pullBytes, n)) | \(bytes(csv, n)) | \(String(format: "%.2f", Double(pullBytes) / Double(csv)))× | within 1.5× |
            """
    }

    // MARK: Workloads

    func plainInserts(into store: Store, batch: Int) async throws {
        for chunk in rows.chunks(of: batch) {
            try await store.pool.write { db in
                // The best plain SQLite can do: one prepared statement, reused.
                let insert = try db.cachedStatement(
                    sql: "INSERT INTO price(id, village, variety, market, observed_on, min_fen, avg_fen, max_fen, unit) VALUES (?,?,?,?,?,?,?,?,?)")
                for row in chunk {
                    try insert.execute(
                        arguments: [row.id, row.village, row.variety, row.market, row.observedOn, row.min, row.avg, row.max, row.unit])
                }
            }
        }
    }

    func captured(into replica: Replica, batch: Int) async throws {
        for chunk in rows.chunks(of: batch) {
            try await replica.store.pool.write { db in
                for row in chunk { try replica.write(db, to: "bench.observation", id: row.id, fields: row.fields) }
            }
        }
    }

    func publish(into county: Replica, batch: Int) async throws {
        for chunk in rows.chunks(of: batch) {
            try await county.store.pool.write { db in
                for row in chunk { try county.write(db, to: "bench.bulletin", id: row.id, fields: row.fields) }
            }
        }
    }

    // MARK: Stores

    static let fields = ["village", "variety", "market", "observed_on", "min_fen", "avg_fen", "max_fen", "unit"]
    static let collections = [
        SyncCollection(name: "bench.observation", table: "price", fields: fields, scope: .village(column: "village"), policy: .appendOnly),
        SyncCollection(name: "bench.bulletin", table: "bulletin", fields: fields, scope: .countyWide, policy: .countyAuthoritative),
    ]
    static let tables = Migration(module: "bench", number: 1, name: "prices") { db in
        for table in ["price", "bulletin"] {
            try db.execute(
                sql: """
                    CREATE TABLE \(table) (id TEXT PRIMARY KEY, village TEXT NOT NULL, variety TEXT NOT NULL, market TEXT NOT NULL,
                        observed_on TEXT NOT NULL, min_fen INTEGER NOT NULL, avg_fen INTEGER NOT NULL, max_fen INTEGER NOT NULL, unit TEXT NOT NULL)
                    """)
        }
    }
    static let countyKey = try! Curve25519.Signing.PrivateKey(rawRepresentation: Data(repeating: 3, count: 32))

    func store(_ name: String) throws -> Store {
        try Store.open(
            path: folder.appendingPathComponent("\(name).sqlite").path, role: "bench",
            schema: Schema(modules: [SyncSchema.migrations, [Self.tables]]))
    }

    func replica(_ name: String, role: Replica.Role, signing: Bool = false, verifying: ChangeSignature? = nil) throws -> Replica {
        let signature = signing ? ChangeSignature(signingKey: Self.countyKey) : verifying
        return try Replica(store: store(name), role: role, collections: Self.collections, signature: signature)
    }

    // MARK: Measuring

    func time(_ work: () async throws -> Void) async throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try await work()
        return clock.now - start
    }

    func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    func rate(_ count: Double, _ duration: Duration) -> String { String(format: "%.0f", count / seconds(duration)) }
    func ratio(_ a: Duration, _ b: Duration) -> String { String(format: "%.2f", seconds(a) / seconds(b)) }
    func bytes(_ total: Int, _ count: Double) -> String { String(format: "%.1f B", Double(total) / count) }
}

extension Array {
    func chunks(of size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
