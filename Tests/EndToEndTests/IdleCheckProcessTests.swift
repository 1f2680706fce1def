import Foundation
import TestSupport
import Testing

/// A station with nothing to push learns it is up to date in one short exchange (protocol 2's idle
/// check), learns of what the county published by the next round's pull,. Against a county of one process, and a hub of
/// two on one PostgreSQL database (whose processes share the key and what each station reported).
@Suite(.timeLimit(.minutes(20))) struct IdleCheckProcessTests {
    let folder = try! TemporaryFolder()

    @Test(.serialized, arguments: HubLayout.allCases)
    func anUpToDateStationLearnsSoInOneShortExchange(layout: HubLayout) async throws {
        let status = try await layout.withCounty(in: folder) { county, port in
            let station = folder.file("station-\(layout)")
            try await county.station(in: station, through: "http://127.0.0.1:\(port)")  // the first round agrees on the key
            let sync = { try await ProgramProcess.succeed("kiosk", ["sync", "--data-dir", station]) }

            for _ in 1...2 {  // each process of a hub of two answers one (its bytes are `bench link`'s to measure)
                let idle = try await sync()
                #expect(idle.contains("pushed 0, pulled 0") && idle.contains("in 1 exchanges"), "\(idle)")
            }
            try await county.publishNotices(1, prefix: "IDLE")
            let news = try await sync()
            #expect(news.contains("pulled 1,"), "\(news)")
            let idleAgain = try await sync()
            #expect(idleAgain.contains("in 1 exchanges"), "\(idleAgain)")
        }
        #expect(status == 0)
    }
}
