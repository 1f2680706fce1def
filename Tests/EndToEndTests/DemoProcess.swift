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
    let phonePort: Int

    var county: String { "http://127.0.0.1:\(countyPort)" }
    var station: String { "http://127.0.0.1:\(stationPort)" }
    /// The station's listener for villagers' phones: its public screens and reads only.
    var phone: String { "http://127.0.0.1:\(phonePort)" }

    /// Starts the demo in `folder` and waits until it says it is running, which it does once the
    /// station's first sync has brought the county's data (the demo seeds a year of books first).
    static func start(in folder: String) async throws -> DemoProcess {
        let (county, station, phone) = (try StationPrices.freePort(), try StationPrices.freePort(), try StationPrices.freePort())
        let process = try ProgramProcess(
            "demo",
            ["--folder", folder, "--county-port", "\(county)", "--kiosk-port", "\(station)", "--phone-port", "\(phone)", "--log-level", "error"])
        let demo = DemoProcess(process: process, countyPort: county, stationPort: station, phonePort: phone)
        // A generous outer bound: the wait ends on the line, or when the demo exits without it.
        if await process.line(containing: "demo is running", within: 1_200) != nil, await demo.stationSynced() { return demo }
        process.signal(SIGTERM)
        throw ProgramFailure(message: "the demo did not start: \(process.standardOutput) \(process.standardError)")
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
