import Foundation
import TestSupport
import Testing

/// A station's store changed by hand — a notice deleted, a price edited, a price added — is found
/// different from the county's on its next sync and mended, record by record, with nothing else
/// sent again; the county counts what it mended for the station. Against a county of one process,
/// and a hub of two on one PostgreSQL database.
@Suite(.timeLimit(.minutes(20))) struct RepairProcessTests {
    let folder = try! TemporaryFolder()

    @Test(.serialized, arguments: HubLayout.allCases)
    func rowsChangedByHandAreFoundAndMendedOnTheNextSync(layout: HubLayout) async throws {
        let status = try await layout.withCounty(in: folder) { county, port in
            let station = folder.file("station-\(layout)")
            let stationID = try await county.station(in: station, through: "http://127.0.0.1:\(port)")
            let kiosk = try ProgramProcess("kiosk", ["serve", "--port", "0", "--data-dir", station])
            let kioskPort = try await kiosk.listeningPort()
            var prices: [String] = []
            for avg in [310, 320, 330] { prices.append(try #require(try await StationPrices.record(kioskPort, avg: avg))) }
            kiosk.signal(SIGTERM)
            #expect(await kiosk.exitStatus() == 0)
            try await county.publishNotices(3, prefix: "R")
            let sync = { try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station]) }
            let first = try await sync()
            #expect(first.contains("pushed 3") && first.contains("mended 0"), "\(first)")

            let store = "\(station)/kiosk.sqlite"
            let before = try await Self.query(store, "SELECT id, avg_fen FROM price_observation WHERE id = '\(prices[1])'")
            try await Self.query(
                store,
                """
                DELETE FROM notice WHERE id = 'R-2';
                UPDATE price_observation SET avg_fen = avg_fen + 1 WHERE id = '\(prices[1])';
                CREATE TEMP TABLE copied AS SELECT * FROM price_observation WHERE id = '\(prices[0])';
                UPDATE copied SET id = 'BY-HAND-1';
                INSERT INTO price_observation SELECT * FROM copied;
                """)

            let mending = try await sync()
            #expect(mending.contains("pushed 0, pulled 0") && mending.contains("mended 3"), "\(mending)")
            #expect(try await Self.query(store, "SELECT id FROM notice WHERE id = 'R-2'") == "R-2")
            #expect(try await Self.query(store, "SELECT id, avg_fen FROM price_observation WHERE id = '\(prices[1])'") == before)
            #expect(try await Self.query(store, "SELECT COUNT(*) FROM price_observation WHERE id = 'BY-HAND-1'") == "0")

            // Mended, the data sums to what was proved: the next round is the idle check alone.
            let idle = try await sync()
            #expect(idle.contains("mended 0") && idle.contains("in 1 exchanges"), "\(idle)")
            let list = try await ProgramProcess.succeed("syncserver", ["station", "list"] + county.storage)
            let line = list.split(separator: "\n").first { $0.hasPrefix(stationID) } ?? ""
            #expect(line.contains("mended 3"), "\(list)")
        }
        #expect(status == 0)
    }

    /// Runs SQL on a store as a hand at the kiosk would, with the `sqlite3` shell; its output, trimmed.
    @discardableResult
    static func query(_ store: String, _ sql: String) async throws -> String {
        let run = try await ProgramProcess.run("/usr/bin/sqlite3", [store, sql])
        #expect(run.status == 0, "\(run.error)")
        return run.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
