import Foundation
import TestSupport
import Testing

/// The kiosk's operator screens at every size they are met at.
extension BrowserTests {
    /// An operator's work on a kiosk's screen (1920×1080, 1366×768) or a narrow one (360×740): the unit
    /// typed echoed back, a 斤/公斤 slip said at once, a refusal naming its field in Chinese, a double
    /// tap registering one lot, the idle countdown and the half-filled form kept, each screen within
    /// the sizes of REFERENCE §6 and none wider than the window. (A villager's phone, on its own
    /// listener, can neither log in nor write: `aPhoneOpensTheStationByItsQRCode`.)
    func operatorsWork(_ browser: WebDriver, _ demo: DemoProcess, width: Int, height: Int) async throws {
        let size = "\(width)×\(height)"
        try await browser.fitViewport(width: width, height: height)
        try await browser.open(demo.station + "/#/login")
        try await browser.type("li", into: "#login")
        try await browser.type("246810\u{E007}", into: "#pin")
        try await browser.waitForText("李站长", in: "#who")
        try await browser.tap("[data-href='#/operator/price']")
        let usual = try await typeAUsualPrice(browser)
        try await checkSizes(browser, on: "record a price at \(size)")
        try await expectNoSidewaysScrolling(browser, on: "record a price", at: width)
        try await browser.tap("#price-save")
        try await browser.waitForText("平均价 \(usual.perJin) 元/斤", in: "#message")  // in the unit typed
        try await browser.click("#go-home")
        try await browser.tap("[data-href='#/operator']")
        try await browser.tap("[data-href='#/operator/price']")
        try await typeAUnitSlip(browser)

        try await browser.click("#go-home")
        try await browser.tap("[data-href='#/operator']")
        try await browser.tap("[data-href='#/operator/lot']")
        try await expectNoSidewaysScrolling(browser, on: "register a lot", at: width)
        // A lot sent without its product: the answer is on screen, naming the field in Chinese.
        try await browser.type("300", into: "#lot-kilos")
        try await browser.tap("#lot-save")
        let refusal = try await browser.waitForText("品名", in: "#message")
        #expect(refusal.range(of: "[A-Za-z_]{4,}", options: .regularExpression) == nil, "\(size): \(refusal)")
        try await browser.run("document.getElementById('lot-kilos').value = '';")
        try await registerALotWithADoubleTap(browser, kilos: "300", on: "register a lot at \(size)")

        try await watchTheIdleRule(browser, demo, typing: "2.95", at: size)
        try await browser.fitViewport(width: 1920, height: 1080)
    }

    /// The 斤/公斤 slips typed at the station synced, and flagged at the county on
    /// its console at every size.
    func theCountySeesEverySlip(_ browser: WebDriver, _ demo: DemoProcess, typed: Int) async throws {
        try await browser.open(demo.station + "/?at=slips#/login")
        try await browser.type("li", into: "#login")
        try await browser.type("246810\u{E007}", into: "#pin")  // the operator's screen once the login is answered
        try await syncAtTheStation(browser)
        try await logInToTheConsole(browser, at: demo.county)
        for (width, height) in Self.sizes {
            try await browser.fitViewport(width: width, height: height)
            let seen = try await browser.waitForText("疑似斤/公斤填错", in: "#observations")
            #expect(seen.components(separatedBy: "疑似斤/公斤填错").count - 1 == typed, "\(width)×\(height): \(seen)")
            try await expectNoSidewaysScrolling(browser, on: "the console's prices recorded", at: width)
        }
        try await browser.fitViewport(width: 1920, height: 1080)
    }

    /// The operator's 立即同步, from the operator's screen, until it is done.
    func syncAtTheStation(_ browser: WebDriver) async throws {
        try await browser.tap("[data-href='#/operator/sync']")
        try await browser.tap("#sync-now")
        try await browser.waitForText("同步完成", in: "#message", within: 300)
    }

    /// The last price of the form's variety at its market, per 公斤, typed as if it were per 斤: twice
    /// the last one, which the station flags to the operator at once (and sends to the county flagged).
    func typeAUnitSlip(_ browser: WebDriver) async throws {
        let typed = Self.yuan(try await lastPrice(browser))  // last 元/公斤, typed as 元/斤
        try await browser.run("for (const id of ['price-min', 'price-avg', 'price-max']) document.getElementById(id).value = '';")
        for field in ["#price-min", "#price-avg", "#price-max"] { try await browser.type(typed, into: field) }
        try await browser.tap("#price-save")
        try await browser.waitForText("请核对单位", in: "#message")
    }

    /// A usual price typed on the form, per 斤 as it asks: half the last price per 公斤, so that it is
    /// no slip whatever the demo's prices of the day before (a fixed 3.36 元/斤 was twice the last
    /// price on some days, and flagged). What was typed as the average, and the same per 公斤.
    func typeAUsualPrice(_ browser: WebDriver) async throws -> (perJin: String, perKilogram: String) {
        let average = try await lastPrice(browser) / 2
        let typed = [average - 20, average, average + 15].map(Self.yuan)
        try await browser.run("for (const id of ['price-min', 'price-avg', 'price-max']) document.getElementById(id).value = '';")
        for (field, text) in zip(["#price-min", "#price-avg", "#price-max"], typed) { try await browser.type(text, into: field) }
        return (typed[1], Self.yuan(average * 2))
    }

    /// The last price of the form's variety at its market before the form's day, in 分 per 公斤.
    func lastPrice(_ browser: WebDriver) async throws -> Int {
        _ = try await browser.element("#price-variety option")  // the form drawn, with its choices
        return try await browser.runAsync("""
            const done = arguments[0];
            const [v, m, day] = ["price-variety", "price-market", "price-day"].map((id) => document.getElementById(id).value);
            fetch(`/api/v1/prices/varieties/${v}/history?days=30&market=${m}`).then((r) => r.json())
              .then((h) => done(h.points.filter((p) => p.day < day).pop().avg_fen));
            """) as? Int ?? 0
    }

    static func yuan(_ fen: Int) -> String { String(format: "%d.%02d", fen / 100, fen % 100) }

    /// A lot typed on the form and 登记 tapped twice at once: one lot registered, and both taps answered.
    func registerALotWithADoubleTap(_ browser: WebDriver, kilos: String, on screen: String) async throws {
        try await browser.type("大埔蜜柚", into: "#lot-product")
        try await browser.type(kilos, into: "#lot-kilos")
        try await browser.type("张建国", into: "#lot-producer")
        try await checkSizes(browser, on: screen)
        let lots = "const done = arguments[0]; fetch('/api/v1/trace/lots?limit=200').then((r) => r.json()).then((j) => done(j.lots.length));"
        let before = try await browser.runAsync(lots) as? Int ?? -1
        let requests = "performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/v1/trace/lots')).length"
        let sent = try await browser.run("return \(requests);") as? Int ?? 0
        try await browser.run("const save = document.getElementById('lot-save'); save.click(); save.click();")  // a double tap
        try await browser.waitForText("追溯码", in: "#message")
        try await browser.waitUntil("both taps answered", "return \(requests) >= \(sent + 2);")
        #expect(try await browser.runAsync(lots) as? Int == before + 1, "\(screen): a second tap of 登记 registers no second lot")
    }
}
