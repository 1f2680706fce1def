import ArgumentParser
import Foundation
import ServiceRuntime
import SyncHTTP
import SyncHTTPSQLite
import SyncServerService

/// `syncserver station`: the county administrator's station commands.
struct StationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "station", abstract: "Add, list and revoke village stations.",
        subcommands: [Add.self, List.self, Revoke.self])

    /// The stations of the county's store, SQLite or the hub's database.
    static func registry(_ storage: DataDirectoryOption<SyncServerProgram>) async -> StationRegistry {
        StationRegistry(store: SyncServerProgram.stations(of: await ServiceLauncher.openStoreOrExit(SyncServerProgram.self, storage: storage)))
    }

    /// `syncserver station add`: creates a station for a village and prints its one-time code.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a station and print its one-time code.")
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
        @Option(help: "The village's 12-digit code.") var village: String
        @Option(help: "The station's name, such as 侯南村信息服务站.") var name: String

        func run() async throws {
            guard village.count == 12, village.allSatisfy(\.isNumber) else {
                throw ValidationError("--village must be a 12-digit village code")
            }
            let registry = await StationCommand.registry(storage)
            let (station, code) = try await registry.add(village: village, name: name)
            let fingerprint = try registry.countyFingerprint()
            print("station \(station) for village \(village): one-time code \(code) (valid 7 days)")
            print("county key fingerprint \(fingerprint)")
            print("on the station run: kiosk enroll --server <this server's address> --code \(code) --county-fingerprint \(fingerprint)")
        }
    }

    /// `syncserver station list`: every station with its sync state.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List stations and their sync state.")
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>

        @Flag(help: "Count the stations by the sync protocol they last spoke, instead of listing them.")
        var byProtocol = false

        func run() async throws {
            let stations = try await StationCommand.registry(storage).stations()
            guard !byProtocol else {
                let counts = Dictionary(grouping: stations, by: \.protocolVersion).mapValues(\.count)
                for (version, count) in counts.sorted(by: { ($0.key ?? 0) < ($1.key ?? 0) }) {
                    print("\(version.map { "protocol \($0)" } ?? "never synced")\t\(count) stations")
                }
                return
            }
            for station in stations {
                let state = station.revokedAt != nil ? "revoked" : station.enrolledAt != nil ? "enrolled" : "waiting for enrollment"
                print(
                    "\(station.id)\t\(station.village)\t\(station.name)\t\(state)\tlast sync \(station.lastSyncAt ?? "never")"
                        + "\tpending \(station.pending)\tquarantined \(station.quarantined)\topen conflicts \(station.openConflicts)"
                        + "\tclock offset \(station.clockOffsetMs) ms\tprotocol \(station.protocolVersion.map(String.init) ?? "-")"
                        + "\tmended \(station.mended)")
            }
        }
    }

    /// `syncserver station revoke`: refuses every later request of a station.
    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Refuse every later request of a station.")
        @OptionGroup var storage: DataDirectoryOption<SyncServerProgram>
        @Argument(help: "The station's id.") var station: String

        func run() async throws {
            try await StationCommand.registry(storage).revoke(stationID: station)
            print("station \(station) revoked")
        }
    }
}
