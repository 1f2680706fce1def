import ChinaLocale
import DemoData
import Foundation
import KioskService
import Logging
import Prices
import ServiceLifecycle
import ServiceRuntime
import SlowLink
import Storage
import Sync
import SyncHTTP
import SyncHTTPSQLite
import SyncServerService
import Villages
import VillagesSQLite

/// A station that missed a month catches up over each slow link: the county assembled in this
/// process, each station's rounds run as `kiosk sync` processes (so that their memory is their
/// own), and a ``SlowLink`` between them; then an up-to-date station checks in.
///
/// The gap: `days` days of county bulletins (100 varieties × 20 markets, 2,000 rows a day), 40
/// notices, and a year of the village's books (about 300 vouchers, with their drafts and audit
/// trail). Every profile's station catches up at once, each on its own link. Bytes are what crossed
/// the link both ways; the baseline is everything the station pulled as gzip'd CSV (a bulletin's
/// rows one line each), and the time bound (the bandwidth bound) is those CSV bytes at the link's
/// rate, with no round trip.
struct LinkBench {
    let days: Int
    let profiles: [LinkProfile]
    static let village = SampleCounty.stationVillage.code
    static let open = LinkProfile(name: "loopback", kilobitsPerSecond: 1_000_000, latencyMilliseconds: 0)

    struct Station {
        let profile: LinkProfile
        let link: SlowLink
        let directory: URL
        let position: Int64
    }

    /// What one station's catch-up measured.
    struct CatchUp {
        let index: Int
        let figure: Figure
        let bytes: Int
        let seconds: Double
        let exchanges: Int
        let peakBytes: Int
    }

    /// Runs the measurement; `meanwhile` starts once every link but the slowest has caught up, so
    /// that other measurements use the minutes the slowest link spends mostly idle.
    func run<Other: Sendable>(meanwhile: @escaping @Sendable () async throws -> Other) async throws -> ([Figure], Other) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-link-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let settings = ServiceSettings(program: SyncServerProgram.name, port: 0, dataDirectory: folder.path, logLevel: .error)
        let countyStore = try Store.open(path: folder.appendingPathComponent("county.sqlite").path, role: "county", schema: SyncServerProgram.schema)
        let county = try SyncServerApplication(settings: settings, store: countyStore, webRoot: nil)
        try await VillageDirectory(store: countyStore).publish(SampleCounty.divisions, through: county.replica)
        try await PricePublisher(replica: county.replica, today: { .today() }).publish(Self.catalogue)

        let (portStream, portReceiver) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "bench")
        logger.logLevel = .error
        let group = ServiceGroup(
            services: [ListeningService(settings: settings, application: county.application(logger: logger) { portReceiver.yield($0) })],
            gracefulShutdownSignals: [], logger: logger)
        let server = Task { try await group.run() }
        var ports = portStream.makeAsyncIterator()
        guard let countyPort = await ports.next() else { throw CancellationError() }
        defer { server.cancel() }

        var stations: [Station] = []
        for profile in profiles {
            stations.append(try await enrolledStation(profile, county: county, port: countyPort, folder: folder))
        }
        let load = try await Measure.time { try await publishGap(county.replica) }
        print("published the gap in \(String(format: "%.0f", Measure.seconds(load))) s")
        let csv = try await gzipCSVBytes(county.replica, after: stations[0].position)

        var figures: [Figure] = []
        let (results, other) = try await withThrowingTaskGroup(of: CatchUp.self) { tasks in
            for (index, station) in stations.enumerated() {
                tasks.addTask { try await catchUp(station, index: index, csvBytes: csv, folder: folder) }
            }
            var results: [CatchUp] = []
            var other: Task<Other, any Error>?
            for try await result in tasks {
                results.append(result)
                if results.count == max(stations.count - 1, 1) { other = Task { try await meanwhile() } }
            }
            return (results.sorted { $0.index < $1.index }, try await other!.value)
        }
        figures += results.map(\.figure)
        if let steady = results.first(where: { stations[$0.index].profile == .edge }) {
            for result in results where stations[result.index].profile.flapping != nil || stations[result.index].profile.cutAfterBytes != nil {
                figures += cutFigures(result, station: stations[result.index], steady: steady)
            }
        }
        let idle = try await idleCheck(stations.first { $0.profile == .threeG } ?? stations[0], folder: folder)
        figures.append(idle.figure)
        let peak = results.max { $0.peakBytes < $1.peakBytes }!
        figures.append(
            Figure(
                name: "station peak memory: largest resident set of `kiosk sync` catching up (over \(stations[peak.index].profile.name))",
                value: Measure.megabytes(peak.peakBytes), baseline: "idle check \(Measure.megabytes(idle.peakBytes))",
                ratio: String(format: "%.2f× idle", Double(peak.peakBytes) / Double(max(idle.peakBytes, 1))),
                goal: "under 100 MB"))
        for station in stations { try await station.link.stop() }
        figures += try await accuracyFigures()
        await group.triggerGracefulShutdown()
        return (figures, other)
    }

    /// A station of the village, enrolled and synced over an open link, which then takes its profile.
    func enrolledStation(_ profile: LinkProfile, county: SyncServerApplication, port: Int, folder: URL) async throws -> Station {
        let link = try await SlowLink.start(forwardingTo: port, profile: Self.open)
        let (_, code) = try await county.registry.add(village: Self.village, name: "bench \(profile.name)")
        let directory = folder.appendingPathComponent("station-\(profile.name)")
        let store = try ServiceLauncher.openStore(KioskProgram.self, dataDirectory: directory.path)
        _ = try await StationEnrollment.enroll(
            store: store, server: URL(string: "http://127.0.0.1:\(link.port)")!, code: code,
            fingerprint: try county.registry.countyFingerprint())
        let station = KioskProgram.link(store)
        _ = try await station.syncOnce()
        return Station(profile: profile, link: link, directory: directory, position: try await station.replica()!.pullPosition())
    }

    /// One `kiosk sync` of the station, as an operator would run it: its exit status, the
    /// exchanges it reports and its peak resident set.
    func kioskSync(_ station: Station, log: URL) async throws -> (succeeded: Bool, exchanges: Int, peakBytes: Int) {
        let (status, output, peak) = try await ChildProgram.run(
            "kiosk", ["sync", "--data-dir", station.directory.path, "--batch-size", "200"], log: log)
        let exchanges = output.firstMatch(of: /in (\d+) exchanges/).flatMap { Int($0.1) } ?? 0
        return (status == 0, exchanges, peak)
    }

    /// Runs `kiosk sync` over the station's link until one round completes, after each failed round
    /// pausing as `kiosk serve` would after a round the link cut (``BackgroundSync``'s first retry).
    func catchUp(_ station: Station, index: Int, csvBytes: Int, folder: URL) async throws -> CatchUp {
        station.link.change(to: station.profile)
        let (up, down) = station.link.bytesDelivered
        var (exchanges, peakBytes) = (0, 0)
        let elapsed = try await Measure.time {
            for attempt in 1...600 {
                let log = folder.appendingPathComponent("sync-\(station.profile.name)-\(attempt).log")
                let round = try await kioskSync(station, log: log)
                peakBytes = max(peakBytes, round.peakBytes)
                if round.succeeded {
                    exchanges += round.exchanges
                    return
                }
                guard attempt < 600 else { throw ChildProgram.Failed(description: "kiosk sync: \(try String(contentsOf: log, encoding: .utf8))") }
                try await Task.sleep(for: BackgroundSync.wait(after: 1, interval: .zero, longest: .seconds(3_600), jitter: 1))
            }
        }
        let after = station.link.bytesDelivered
        let bytes = after.upstream - up + after.downstream - down
        // The bandwidth bound: the least the catch-up could take, its records as gzip'd CSV at the
        // link's rate with no round trip; beside it, what the bytes that crossed took at that rate.
        let bound = Double(csvBytes) / station.profile.bytesPerSecond
        let carried = Double(bytes) / station.profile.bytesPerSecond
        let timeGoal =
            station.profile == .edge
            ? "bytes under CSV; time within 1.2× of the bound"
            : station.profile.cutAfterBytes != nil ? "reported: what its cuts cost is below" : "bytes under CSV"
        return CatchUp(
            index: index,
            figure: Figure(
                name: "catch-up over \(station.profile): bytes / seconds for a \(days)-day gap",
                value: "\(bytes.formatted()) B / \(String(format: "%.1f", Measure.seconds(elapsed))) s",
                baseline: "gzip'd CSV \(csvBytes.formatted()) B / bound \(String(format: "%.1f", bound)) s "
                    + "(the bytes carried at the link's rate: \(String(format: "%.1f", carried)) s)",
                ratio: String(format: "%.2f× bytes, %.2f× the bound", Double(bytes) / Double(csvBytes), Measure.seconds(elapsed) / bound),
                goal: timeGoal),
            bytes: bytes, seconds: Measure.seconds(elapsed), exchanges: exchanges, peakBytes: peakBytes)
    }

    /// An up-to-date station checks in: what crosses the link, and how many exchanges.
    func idleCheck(_ station: Station, folder: URL) async throws -> (figure: Figure, peakBytes: Int) {
        // The books the catch-up brought change what the station reports of them: its next round
        // tells the county, which answers with its seal on them. Idle is the round after that one.
        guard try await kioskSync(station, log: folder.appendingPathComponent("sync-settle.log")).succeeded else {
            throw ChildProgram.Failed(description: "the round after the catch-up failed")
        }
        let (up, down) = station.link.bytesDelivered
        let round = try await kioskSync(station, log: folder.appendingPathComponent("sync-idle.log"))
        guard round.succeeded else { throw ChildProgram.Failed(description: "the idle check failed") }
        let after = station.link.bytesDelivered
        let bytes = after.upstream - up + after.downstream - down
        return (
            Figure(
                name: "idle check of an up-to-date station over \(station.profile.name): bytes and round trips",
                value: "\(bytes) B, \(round.exchanges) round trip\(round.exchanges == 1 ? "" : "s")", baseline: "300 B, 1 round trip",
                ratio: String(format: "%.2f× of 300 B", Double(bytes) / 300), goal: "one round trip, under 300 B"),
            round.peakBytes
        )
    }
}
