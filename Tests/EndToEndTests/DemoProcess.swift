import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import TestSupport

/// The demo running as its own process on free ports: a county and a station with the sample data,
/// the station enrolled and synced, the demo's accounts made. What the API fuzzing and the browser
/// tests run against.
struct DemoProcess {
    let process: ProgramProcess
    let countyPort: Int
    let stationPort: Int

    var county: String { "http://127.0.0.1:\(countyPort)" }
    var station: String { "http://127.0.0.1:\(stationPort)" }

    /// Starts the demo in `folder` and waits, up to three minutes, until the station holds what
    /// its first sync brought (the village's disclosures).
    static func start(in folder: String) async throws -> DemoProcess {
        let (county, station) = (try StationPrices.freePort(), try StationPrices.freePort())
        let process = try ProgramProcess(
            "demo", ["--folder", folder, "--county-port", "\(county)", "--kiosk-port", "\(station)", "--log-level", "error"])
        let demo = DemoProcess(process: process, countyPort: county, stationPort: station)
        for _ in 0..<360 {  // the demo seeds a year of books first
            if await demo.stationSynced() { return demo }
            try await Task.sleep(for: .milliseconds(500))
        }
        process.signal(SIGTERM)
        throw ProgramFailure(message: "the demo did not start: \(process.standardError)")
    }

    func stop() async {
        process.signal(SIGTERM)
        _ = await process.exitStatus(within: 30)
    }

    private func stationSynced() async -> Bool {
        guard let (data, response) = try? await URLSession.shared.data(from: URL(string: "\(station)/api/v1/ledger/disclosures")!),
            (response as? HTTPURLResponse)?.statusCode == 200
        else { return false }
        return ((try? JSONSerialization.jsonObject(with: data) as? [String: Any])?["disclosures"] as? [Any])?.isEmpty == false
    }
}
