import ChinaLocale
import DemoData
import Foundation
import Notices
import PostgresStorage
import Prices
import ServiceRuntime
import Sync
import SyncHTTP
import SyncServerService

/// One hub for a province on one PostgreSQL database: thousands of stations in several counties,
/// simulated in the benchmark's process (``SimulatedStation``), against one and then two
/// `syncserver serve` processes on the same database.
///
/// Each county publishes its own bulletins and notices for its division, the province a few
/// notices for all: a station's first pull brings its county's content and the province's, and no
/// other county's. Then every station pushes its operator's prices and pulls, all at the same
/// moment: changes applied a second, each station's sync time, each process's peak memory.
/// Baselines: PostgreSQL's plain insert of the same rows, and the gzip'd CSV of what a station's
/// division publishes.
struct ProvinceBench {
    let stations: Int
    let counties: Int
    let changes: Int
    /// Days of bulletins each county publishes (2,000 prices a day).
    let days: Int
    let server: PostgresAddress

    /// The county of a station: 梅州's, numbered from 441421.
    func county(of station: Int) -> String { "4414\(21 + station % counties)" }

    /// The station's village: its county's, township 100–, village 200–229 of it.
    func village(of station: Int) -> String {
        let local = station / counties
        return county(of: station) + String(100 + local / 30) + String(200 + local % 30)
    }

    /// The most stations syncing at one moment: the benchmark's one HTTP client keeps at most 1,024
    /// connections to a server, and a request waiting longer than its connect timeout for one fails.
    static let atOnce = 1_000

    func run() async throws -> [Figure] {
        var figures: [Figure] = []
        let plain = try await CountyThroughputBench(stations: stations, changes: changes, postgres: server).plainInsertsOnPostgres()
        for processes in [1, 2] {
            figures += try await round(processes: processes, plain: plain)
        }
        return figures
    }

    /// A province's hub on a new database, served by `processes` programs, synced by every station.
    func round(processes: Int, plain: Duration) async throws -> [Figure] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-province-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let hub = try await CountyStore(postgres: server, folder: folder.appendingPathComponent("hub"))
        let (codes, fingerprint, csvBytes) = try await prepare(hub)
        let programs = try (0..<processes).map { index in
            try ChildProgram.launch(
                "syncserver", ["serve", "--port", "0", "--log-level", "notice"] + hub.storage,
                log: folder.appendingPathComponent("hub-\(index).log"))
        }
        var servers: [URL] = []
        for program in programs { servers.append(URL(string: "http://127.0.0.1:\(try await program.listeningPort())")!) }
        let resting = programs.map(\.residentBytes)

        let enrolled = try await enroll(codes: codes, fingerprint: fingerprint, servers: servers)
        let firstPulls = try await inParallel(enrolled.count, width: 64) { index in try await enrolled[index].pullAll() }
        guard Set(firstPulls).count == 1 else {
            throw ChildProgram.Failed(description: "stations pulled unequal content: \(Set(firstPulls).sorted())")
        }
        let pulledBytes = enrolled.map(\.meter.received).reduce(0, +)

        var durations: [Duration] = []
        let wall = try await Measure.time {
            durations = try await inParallel(enrolled.count, width: Self.atOnce) { index in
                try await Measure.time {
                    let acknowledged = try await enrolled[index].pushPrices(changes, region: county(of: index))
                    guard acknowledged == changes else { throw ChildProgram.Failed(description: "acknowledged \(acknowledged)") }
                    _ = try await enrolled[index].pullAll()
                }
            }
        }
        var peaks: [Int] = []
        for program in programs {
            program.signal(SIGTERM)
            let (status, peak) = await program.wait()
            guard status == 0 else { throw ChildProgram.Failed(description: "syncserver ended with \(status): \(program.output)") }
            peaks.append(peak)
        }
        let applied = try await hub.stationPrices()
        await hub.drop()
        guard applied == stations * changes else {
            throw ChildProgram.Failed(description: "the hub holds \(applied) station prices, not \(stations * changes)")
        }
        return figures(
            processes: processes, wall: wall, durations: durations, plain: plain, peaks: peaks, resting: resting,
            pulledBytes: pulledBytes, csvBytes: csvBytes, firstPull: firstPulls[0])
    }

    func figures(
        processes: Int, wall: Duration, durations: [Duration], plain: Duration, peaks: [Int], resting: [Int], pulledBytes: Int,
        csvBytes: Int, firstPull: Int
    ) -> [Figure] {
        let total = Double(stations * changes)
        let on = "\(processes) process\(processes == 1 ? "" : "es") on one PostgreSQL"
        var figures = [
            Figure(
                name: "province, \(on): \(stations.formatted()) stations in \(counties) counties, \(Self.atOnce.formatted()) at a time, \(changes) prices each: "
                    + "changes applied/s; p50 / p99 sync time (push and pull)",
                value: "\(Measure.rate(total, wall)) changes/s; \(Measure.seconds(percentile: 50, durations)) / \(Measure.seconds(percentile: 99, durations))",
                baseline: "PostgreSQL plain INSERT, 1,000 a statement and a transaction: \(Measure.rate(total, plain)) rows/s",
                ratio: "\(Measure.ratio(plain, wall)) of plain speed", goal: "reported"),
            Figure(
                name: "province peak memory, \(on): largest resident set of each `syncserver serve`",
                value: peaks.map(Measure.megabytes).joined(separator: ", "),
                baseline: "at rest " + resting.map(Measure.megabytes).joined(separator: ", "),
                ratio: peaks.indices.map { String(format: "%.2f×", Double(peaks[$0]) / Double(max(resting[$0], 1))) }.joined(separator: ", "),
                goal: "reported"),
        ]
        if processes == 1 {
            figures.append(
                Figure(
                    name: "province first pull: bytes per station for its county's \(days) days of bulletins and notices, the province's "
                        + "notices and the catalogue (\(firstPull) changes; the other \(counties - 1) counties' content is not sent)",
                    value: "\((pulledBytes / stations).formatted()) B", baseline: "gzip'd CSV of the same records \(csvBytes.formatted()) B",
                    ratio: String(format: "%.2f× the CSV", Double(pulledBytes / stations) / Double(max(csvBytes, 1))),
                    goal: "under 1.0× the gzip'd CSV"))
        }
        return figures
    }

    /// Runs `work` for every index, at most `width` at a time; the answers in index order.
    func inParallel<Answer: Sendable>(
        _ count: Int, width: Int, _ work: @escaping @Sendable (Int) async throws -> Answer
    ) async throws -> [Answer] {
        try await withThrowingTaskGroup(of: (Int, Answer).self) { tasks in
            var answers = [Answer?](repeating: nil, count: count)
            for index in 0..<count {
                if index >= width, let (done, answer) = try await tasks.next() { answers[done] = answer }
                tasks.addTask { (index, try await work(index)) }
            }
            for try await (done, answer) in tasks { answers[done] = answer }
            return answers.map { $0! }
        }
    }

    /// Every station enrolled at the process it syncs with (station `i` at process `i` modulo their count).
    func enroll(codes: [String], fingerprint: String, servers: [URL]) async throws -> [SimulatedStation] {
        try await inParallel(codes.count, width: 32) { index in
            try await SimulatedStation.enroll(server: servers[index % servers.count], code: codes[index], fingerprint: fingerprint)
        }
    }
}
