import Foundation
import TestSupport
import Testing

/// The county's console on a hub of two processes on one PostgreSQL, behind a balancer that sends
/// each of the browser's connections to the next process: the session, the pressed-twice publish
/// and the pages hold whichever process answers.
extension BrowserTests {
    @Test func theConsoleWorksOnAHubOfTwoProcessesOnPostgreSQL() async throws {
        let status = try await HubLayout.twoProcessesOnPostgreSQL.withCounty(in: folder) { county, port in
            // 侯南村's station, named 站, enrolled and synced before the notice is published.
            try await county.station(in: folder.file("station"), through: "http://127.0.0.1:\(port)")
            try await withBrowser { browser in
                try await logInToTheConsole(
                    browser, at: "http://127.0.0.1:\(port)", login: StationPrices.adminLogin, password: StationPrices.adminPassword)
                try await registerAStation(browser)
                try await importAPriceSheet(browser, market: "百侯镇农产品收购点")
                try await publishAnUrgentNotice(browser, width: 1920, missing: "站")
                try await everyConsolePageFits(browser, width: 1920, height: 1080)
            }
        }
        #expect(status == 0)
    }
}
