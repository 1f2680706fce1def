import Foundation
import TestSupport
import Testing

/// The county's console on a hub of two processes on one PostgreSQL, behind a balancer that sends
/// each of the browser's connections to the next process: the session, the pressed-twice publish
/// and the pages hold whichever process answers.
extension BrowserTests {
    @Test func theConsoleWorksOnAHubOfTwoProcessesOnPostgreSQL() async throws {
        try #require(WebDriver.isInstalled, "chromium and chromium-driver are missing: apt-get install chromium chromium-driver (.ci/run does)")
        let status = try await HubLayout.twoProcessesOnPostgreSQL.withCounty(in: folder) { county, port in
            // 侯南村's station, named 站, enrolled and synced before the notice is published.
            try await county.station(in: folder.file("station"), through: "http://127.0.0.1:\(port)")
            let browser = try await WebDriver.start(port: try StationPrices.freePort())
            do {
                try await logInToTheConsole(
                    browser, at: "http://127.0.0.1:\(port)", login: StationPrices.adminLogin, password: StationPrices.adminPassword)
                try await browser.type("北塘村信息服务站", into: "#new-station-name")
                try await browser.click("#new-station-add")
                let code = try await browser.waitForText("kiosk enroll", in: "#new-station-code")
                #expect(code.contains(/[A-Z0-9]{5}-[A-Z0-9]{5}/), "\(code)")
                try await importAPriceSheet(browser, market: "百侯镇农产品收购点")
                try await publishAnUrgentNotice(browser, width: 1920, missing: "站")
                try await everyConsolePageFits(browser, width: 1920, height: 1080)
            } catch {
                try? await shoot(browser, "failure", into: NSTemporaryDirectory())
                await browser.quit()
                throw error
            }
            await browser.quit()
        }
        #expect(status == 0)
    }
}
