public import ArgumentParser
import DemoData
import Foundation
import KioskService
import Logging
import ServiceLifecycle
import ServiceRuntime
import Storage
import SyncHTTP
import SyncHTTPSQLite
import SyncServerService
import Villages
import Sync
import UnixSignals

/// `demo`: the product working on one machine: a county server and one village station on
/// loopback, each with its own data directory under one folder, filled with sample data.
@main
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a county server and a village station on loopback with sample data for 大埔县.")

    @Option(help: "Folder holding both programs' data directories.")
    var folder = "demo-data"

    @Option(help: "Port of the county server; 0 picks a free one.")
    var countyPort = SyncServerProgram.defaultPort

    @Option(help: "Port of the station; 0 picks a free one.")
    var kioskPort = KioskProgram.defaultPort

    @Option(help: "Port of the station's listener for phones (on this machine's loopback); 0 picks a free one.")
    var phonePort = 8081

    @Flag(help: "Keep the data already in the folder instead of starting afresh.")
    var keep = false

    @Flag(help: "Start, check both programs answer /healthz, then stop (for scripts and CI).")
    var check = false

    @Option(help: "Log level of both programs (trace…critical).")
    var logLevel: Logger.Level = .warning

    func run() async throws {
        let root = URL(fileURLWithPath: folder).standardizedFileURL
        if !keep { try? FileManager.default.removeItem(at: root) }
        let county = settings(SyncServerProgram.self, port: countyPort, folder: root.appendingPathComponent("county"))
        let village = SampleCounty.stationVillage
        let station = settings(
            KioskProgram.self, port: kioskPort, folder: root.appendingPathComponent("station-\(village.code)"))

        let ports = PortBoard()
        let countyApp: SyncServerApplication
        let stationApp: KioskApplication
        do {
            let countyStore = try ServiceLauncher.openStore(SyncServerProgram.self, dataDirectory: county.dataDirectory)
            let stationStore = try ServiceLauncher.openStore(KioskProgram.self, dataDirectory: station.dataDirectory)
            countyApp = try SyncServerApplication(
                settings: county, store: countyStore, webRoot: SyncServerProgram.sourceWebFolder)
            let phone = PhoneAccess(host: station.host, port: phonePort) { await ports.record(phone: $0) }
            stationApp = KioskApplication(settings: station, store: stationStore, webRoot: KioskProgram.sourceWebFolder, phone: phone)
        } catch let failure as StartupFailure {
            ServiceLauncher.exit(with: failure, program: "demo")
        }
        try await DemoSeeder.seedCounty(countyApp.replica)
        try await DemoAccounts.add(station: stationApp, county: countyApp)

        let logger = LogSetup.logger(for: county)
        let group = ServiceGroup(
            services: [
                ListeningService(
                    settings: county, application: countyApp.application(logger: logger) { await ports.record(county: $0) }),
                ListeningService(
                    settings: station, application: stationApp.application(logger: logger) { await ports.record(station: $0) }),
            ] + stationApp.backgroundServices(logger: logger),
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)

        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask {
                do { try await group.run() } catch let failure as StartupFailure {
                    ServiceLauncher.exit(with: failure, program: "demo")
                }
            }
            tasks.addTask {
                let (countyPort, stationPort, phonePort) = await ports.all()
                let urls = DemoURLs(host: county.host, countyPort: countyPort, stationPort: stationPort, phonePort: phonePort)
                let enrolled = try await enroll(stationApp, at: countyApp, village: village, server: urls.county)
                // Written unbuffered: into a file or a pipe, print would keep it until the demo ends.
                FileHandle.standardOutput.write(
                    Data(urls.banner(village: village.name, folder: root.path, check: check, enrolled: enrolled).utf8 + [10]))
                if check {
                    try await urls.checkHealth()
                    print("Both programs answer /healthz. 检查通过。")
                    await group.triggerGracefulShutdown()
                }
            }
            try await tasks.waitForAll()
        }
    }

    /// Enrolls the demo's station with the county (once) and runs its first sync round.
    private func enroll(
        _ station: KioskApplication, at county: SyncServerApplication, village: Village, server: String
    ) async throws -> String {
        if try await StationEnrollment.load(from: station.store) == nil {
            let (_, code) = try await county.registry.add(village: village.code, name: "\(village.name)信息服务站")
            _ = try await StationEnrollment.enroll(
                store: station.store, server: URL(string: server)!, code: code, fingerprint: try county.registry.countyFingerprint())
        }
        let report = try await station.link.syncOnce()
        return "the station is enrolled; its first sync pulled \(report.pulled) records from the county"
    }

    private func settings<Program: ServiceProgram>(_: Program.Type, port: Int, folder: URL) -> ServiceSettings {
        ServiceSettings(program: Program.name, port: port, dataDirectory: folder.path, logLevel: logLevel)
    }
}

extension Logger.Level: @retroactive ExpressibleByArgument {}
