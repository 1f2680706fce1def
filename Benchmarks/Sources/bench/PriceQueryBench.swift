import SyncSQLite
import ChinaLocale
import Crypto
import DemoData
import Foundation
import SQLiteBaselines
import Prices
import PricesSQLite
import Storage
import Sync
import StoreInterface

/// Latency of the station's price board and 365-day history over many price rows, through the
/// prices module, against the same SQL statements stepped on bare SQLite (``BareSQLite``) on the
/// same file in the same run.
///
/// The store holds 250 varieties at 20 markets, one bulletin a day: 5,000,000 rows is 1,000 days.
struct PriceQueryBench {
    let rows: Int
    let queries: Int
    static let varietyCount = 250
    static let marketCount = 20
    static let today = BeijingDay("2026-11-20")!

    func run() async throws -> [Figure] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-prices-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("prices.sqlite").path
        // At least 400 days, so that a year's history has its year-on-year point.
        let days = max(400, rows / (Self.varietyCount * Self.marketCount))
        let total = days * Self.varietyCount * Self.marketCount
        let load = try await Measure.time { try await fill(path, days: days) }
        print("filled \(total.formatted()) rows in \(String(format: "%.0f", Measure.seconds(load))) s")

        let store = try Store.open(path: path, role: "county", schema: Self.schema)
        let prices = PriceQueries(store: store, today: { Self.today })
        let bare = try BareSQLite(path: path)
        var random = SplitMix(seed: 7)
        let boardDays = (0..<queries).map { _ in Self.today.adding(days: -Int(random.next() % UInt64(days - 30))) }
        let varieties = (0..<queries).map { _ in Self.varietyCode(Int(random.next() % UInt64(Self.varietyCount))) }

        var board: [Duration] = [], bareBoard: [Duration] = [], history: [Duration] = [], bareHistory: [Duration] = []
        // Interleaved, and each pair in turn led by one side, so that neither a slow spell of the
        // machine nor a cold page favours one side.
        for index in 0..<queries {
            let (day, variety) = (boardDays[index], varieties[index])
            let projectFirst = index % 2 == 0
            if !projectFirst { bareBoard.append(try Self.clock { try bare.board(on: day) }) }
            board.append(try await Measure.time { _ = try await prices.board(on: day) })
            if projectFirst { bareBoard.append(try Self.clock { try bare.board(on: day) }) }
            if !projectFirst { bareHistory.append(try Self.clock { try bare.history(variety: variety, through: Self.today, days: 365) }) }
            history.append(try await Measure.time { _ = try await prices.history(variety: variety, days: 365) })
            if projectFirst { bareHistory.append(try Self.clock { try bare.history(variety: variety, through: Self.today, days: 365) }) }
        }
        var hops: [Duration] = []
        for _ in 0..<queries { hops.append(try await Measure.time { try await store.reading { _ in } }) }
        print("an empty async read: p50 \(Measure.milliseconds(Measure.percentile(50, hops))), p99 \(Measure.milliseconds(Measure.percentile(99, hops)))")
        return [
            figure("board (\(Self.varietyCount) varieties × \(Self.marketCount) markets on one day)", total, board, bareBoard),
            figure("365-day history of one variety", total, history, bareHistory),
        ]
    }

    func figure(_ name: String, _ total: Int, _ project: [Duration], _ bare: [Duration]) -> Figure {
        let (p50, p99) = (Measure.percentile(50, project), Measure.percentile(99, project))
        let (bare50, bare99) = (Measure.percentile(50, bare), Measure.percentile(99, bare))
        return Figure(
            name: "\(name): p50 / p99 over \(project.count) queries, \(total.formatted()) rows",
            value: "\(Measure.milliseconds(p50)) / \(Measure.milliseconds(p99))",
            baseline: "\(Measure.milliseconds(bare50)) / \(Measure.milliseconds(bare99))",
            ratio: "\(Measure.ratio(p50, bare50))× / \(Measure.ratio(p99, bare99))×", goal: "p99 under 5 ms and within 1.5×")
    }

    static func clock(_ work: () throws -> Void) rethrows -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        try work()
        return clock.now - start
    }

    static let schema = Schema(modules: [SyncSchema.migrations, PricesSchema.migrations])

    /// The benchmark's varieties: the demo's, each category filled up with more, numbered from 50.
    static let varieties: [Variety] = {
        var serials: [String: Int] = [:]
        return (0..<varietyCount).map { index in
            let sample = SamplePrices.varieties[index % SamplePrices.varieties.count]
            let serial = serials[sample.categoryCode, default: 50]
            serials[sample.categoryCode] = serial + 1
            return Variety(code: sample.categoryCode + String(serial), name: "\(sample.name)\(index)", categoryCode: sample.categoryCode)
        }
    }()

    static func varietyCode(_ index: Int) -> String { varieties[index].code }

    /// The catalogue, then one bulletin a day through the county's replica, as the county publishes.
    func fill(_ path: String, days: Int) async throws {
        let county = try Replica(
            store: try Store.open(path: path, role: "county", schema: Self.schema), role: .county,
            collections: PricesCollections.all, signature: ChangeSignature(signingKey: Curve25519.Signing.PrivateKey()))
        let varieties = Self.varieties
        let markets = (1...Self.marketCount).map {
            Market(id: String(format: "M%02d", $0), name: "市场\($0)", regionCode: "441422", kind: .wholesale)
        }
        let publisher = PricePublisher(replica: county, today: { Self.today })
        try await publisher.publish(PriceCatalogue(categories: SamplePrices.categories, varieties: varieties, markets: markets))
        // The rows go straight into the table, ten days a transaction, rather than through signed
        // bulletins (which the sync figures measure): the daily summary is kept as it is for a bulletin.
        let insert = SQLiteBulkInsert(
            table: "price_observation",
            columns: [
                "id", "bulletin_id", "source", "variety_code", "market_id", "region_code", "observed_on", "min_fen", "avg_fen", "max_fen",
                "unit", "recorded_at",
            ])
        for first in stride(from: days - 1, through: 0, by: -10) {
            try await SQLiteBulkInsert.session(in: county.sqliteStore) { session in
                for offset in stride(from: first, to: max(first - 10, -1), by: -1) {
                    let day = Self.today.adding(days: -offset).text
                    let bulletin = "PB-\(day)-1"
                    var number = 0
                    for (v, variety) in varieties.enumerated() {
                        for (m, market) in markets.enumerated() {
                            number += 1
                            let avg = Int64(300 + (v * 37 + m * 11 + (days - offset) * 3) % 900)
                            try session.insert(
                                [
                                    .text("\(bulletin)-\(number)"), .text(bulletin), "县农业农村局", .text(variety.code), .text(market.id),
                                    "441422", .text(day), .integer(avg - 20), .integer(avg), .integer(avg + 20), "元/公斤",
                                    "2026-11-20T15:00:00+08:00",
                                ], into: insert)
                            try PricesArrivals.observation.derive(
                                from: ArrivedRecord(
                                    id: "\(bulletin)-\(number)",
                                    fields: [
                                        "observed_on": .text(day), "variety_code": .text(variety.code), "min_fen": .integer(avg - 20),
                                        "avg_fen": .integer(avg), "max_fen": .integer(avg + 20),
                                    ]), session.transaction)
                        }
                    }
                }
            }
        }
    }
}
