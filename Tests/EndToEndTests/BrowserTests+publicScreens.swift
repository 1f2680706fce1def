import Foundation
import TestSupport
import Testing

/// The public screens as a villager meets them, walked the same way at every size a station's screen
/// or a villager's phone has.
extension BrowserTests {
    /// The sizes the screens are walked at: a kiosk's full HD screen, a smaller kiosk's, a phone's.
    static let sizes = [(1920, 1080), (1366, 768), (360, 740)]

    /// The public screens and what is ready on each.
    static let publicScreens = [
        ("#/", "#home-prices"), ("#/prices", "table.board"), ("#/scan", "#trace-code"), ("#/notices", "#notice-results"),
        ("#/disclosures", "main .list"),
    ]

    /// Every public screen at a size: the warning band on it, the numbers of REFERENCE §6 hold and no
    /// page is wider than the window; on a kiosk's screen the board's pager stands above the bar.
    func everyPublicScreenFits(_ browser: WebDriver, _ demo: DemoProcess, width: Int, height: Int) async throws {
        try await browser.fitViewport(width: width, height: height)
        for (hash, ready) in Self.publicScreens {
            try await browser.open(demo.station + "/" + hash)
            _ = try await browser.element(ready)
            try await browser.waitForText("台风", in: "#warnings")  // the warning band on every public screen
            try await checkSizes(browser, on: "\(hash) at \(width)×\(height)")
            try await expectNoSidewaysScrolling(browser, on: hash, at: width)
            if hash == "#/", width == 360 { try await shoot(browser, "kiosk-phone") }
        }
        guard width > 600 else { return }  // a phone scrolls to the pager
        try await browser.open(demo.station + "/#/prices")
        _ = try await browser.element("table.board")
        let pagerClear = try await browser.run(
            """
            const pager = document.querySelector("main .pager"), bar = document.querySelector("footer.bar");
            return !!pager && pager.getBoundingClientRect().bottom <= bar.getBoundingClientRect().top;
            """) as? Bool
        #expect(pagerClear == true, "the board's pager is visible above the bar at \(width)×\(height)")
    }

    /// Each point a villager meets, at a size: 返回 never leaving the application; the warning band
    /// on every public screen, one touch from home to read it; the day's prices and the newest notice
    /// on the home screen; a variety's price in two touches, counted, on screen above the bar; search
    /// by initials and 返回 keeping it; the markets by nearness; a trace code in one touch plus the
    /// code, an overlong one answered, a wrong check digit named, and on a kiosk's screen a code
    /// tapped on the keypad alone; a failed search's answer gone when the next starts; several words
    /// without spaces finding a notice, the best first; a disclosure.
    func walkPublicScreens(_ browser: WebDriver, _ demo: DemoProcess, width: Int, height: Int) async throws {
        let size = "\(width)×\(height)"
        let fullHD = width == 1920
        try await browser.fitViewport(width: width, height: height)
        // Opened at a screen, as a bookmark would: a page of its own (its query), not a step in this tab's walk.
        try await browser.open(demo.station + "/?at=\(width)#/notices")
        try await browser.waitForText("惠农政策", in: "main h2")
        try await browser.click("#back")
        try await browser.waitForText("您好，请选择服务", in: "main h2")  // home, not out of the application
        #expect(try await browser.run("return location.href;") as? String == demo.station + "/?at=\(width)#/")
        try await browser.open(demo.station + "/")
        try await browser.waitForText("大埔县", in: "#station-name")
        try await browser.waitForText("查价格", in: "main")
        // The typhoon warning in force is above the home screen; May's forest-fire notice, urgent once
        // and never ended, is not (a warning without an end lapses after a week).
        let warnings = try await browser.waitForText("台风", in: "#warnings")
        #expect(warnings.contains("紧急") && !warnings.contains("森林"), "\(size): \(warnings)")
        // The day's prices and the newest notice are on the home screen itself.
        try await browser.waitForText("本县市场今日价格", in: "#home-prices h3")  // the village's own county's markets
        try await browser.waitForText("元/斤", in: "#home-prices h3")
        try await browser.waitForText("最新政策", in: "#home-notice")
        try await checkSizes(browser, on: "home at \(size)")
        if fullHD { try await shoot(browser, "kiosk-home") }
        try await browser.tap("#home-prices button.price-line")  // one touch from home to a variety's prices
        try await browser.waitForText("价格走势", in: "main h2")
        try await browser.click("#go-home")

        try await twoTouchesToAPrice(browser, at: size)
        try await checkSizes(browser, on: "price board at \(size)")
        if fullHD { try await shoot(browser, "kiosk-prices") }
        try await browser.type("my\u{E007}", into: "#price-search")  // initials find it too, first
        try await browser.waitForText("蜜柚", in: "table.board tbody tr:first-child")
        try await browser.tap("table.board tbody tr.pick")
        try await browser.waitForText("价格走势", in: "main h2")
        try await expectNoSidewaysScrolling(browser, on: "a variety at \(size)", at: width)
        // The station's own county's markets first, marked 本县; then its city's, marked 本市.
        let nearness = try await browser.run(
            """
            const order = ["本县", "本市", ""];
            return [...document.querySelectorAll("main table tbody tr")].map((row) => order.indexOf(row.querySelector(".tag")?.textContent ?? ""));
            """) as? [Int] ?? []
        #expect(nearness.first == 0 && nearness == nearness.sorted(), "\(size): markets by nearness: \(nearness)")
        try await browser.click("#back")  // the board as it was left: the search and what it found
        try await browser.waitForText("蜜柚", in: "table.board tbody tr:first-child")
        #expect(try await browser.run("return document.getElementById('price-search').value;") as? String == "my", "\(size)")
        try await browser.tap("[data-category='']")  // 全部
        try await browser.tap("[aria-label='单位'] button[aria-pressed='false']")  // 元/公斤
        try await browser.waitForText("元/公斤", in: "table.board thead")
        try await browser.tap("table.board tbody tr.pick")
        try await browser.waitForText("价格走势", in: "main h2")
        _ = try await browser.element("svg.chart polyline")
        try await checkSizes(browser, on: "variety history at \(size)")
        let label = try await browser.run(
            """
            const chart = document.querySelector("svg.chart");
            const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;
            return parseFloat(getComputedStyle(chart.querySelector("text")).fontSize) * scale;
            """) as? NSNumber
        #expect((label?.doubleValue ?? 0) >= 20, "\(size): the chart's labels are \(label ?? -1) px")

        try await browser.click("#go-home")
        try await traceCodes(browser, at: size, width: width)

        try await browser.click("#go-home")
        try await browser.tap("[data-href='#/notices']")
        try await browser.type(String(repeating: "补", count: 60) + "\u{E007}", into: "#notice-search")  // too long a query
        try await browser.waitForText("50", in: "#message")
        try await browser.run("document.getElementById('notice-search').value = '';")
        try await browser.type("butie\u{E007}", into: "#notice-search")  // pinyin finds 补贴
        let hits = try await browser.waitForText("补贴", in: "#notice-results mark")  // the matched words marked
        #expect(hits == "补贴", "\(size)")
        #expect(try await browser.run("return document.getElementById('message').hidden;") as? Bool == true, "\(size): the failed search's answer went")
        try await checkSizes(browser, on: "notice search at \(size)")
        try await browser.tap("#notice-results .list button")
        _ = try await browser.element("article.panel p")
        try await checkSizes(browser, on: "a notice at \(size)")
        if fullHD { try await shoot(browser, "kiosk-notice") }
        try await browser.click("#back")  // back to the search, with what was typed and found
        try await browser.waitForText("补贴", in: "#notice-results mark")
        #expect(try await browser.run("return document.getElementById('notice-search').value;") as? String == "butie")
        try await browser.run("document.getElementById('notice-search').value = '';")
        try await browser.type("耕地补贴\u{E007}", into: "#notice-search")  // two words, no space between
        _ = try await browser.waitForText("耕地", in: "#notice-results")
        let best = try await browser.text(of: "#notice-results .list button")  // the best first
        #expect(best.contains("耕地") && best.contains("补贴"), "\(size): \(best)")
        try await expectNoSidewaysScrolling(browser, on: "notice search at \(size)", at: width)

        try await browser.click("#go-home")
        try await browser.tap("#warnings button")  // one touch from home to the warning
        try await browser.waitForText("台风", in: "main h2")

        try await browser.click("#go-home")
        try await browser.tap("[data-href='#/disclosures']")
        try await browser.tap("main .list button")
        let disclosure = try await browser.waitForText("收入", in: "#disclosure-totals")
        #expect(disclosure.contains("元"), "\(size)")
        try await checkSizes(browser, on: "a disclosure at \(size)")
        if fullHD { try await shoot(browser, "kiosk-disclosure") }
        try await browser.fitViewport(width: 1920, height: 1080)
    }

    /// From home to a variety's price in two touches, counted: 查价格, then the category's chip; the
    /// price is then on screen, above the bar, scrolled to at most (a scroll is no touch), in the
    /// largest type on the screen.
    func twoTouchesToAPrice(_ browser: WebDriver, at size: String) async throws {
        var touches = 0
        try await browser.tap("[data-href='#/prices']")
        touches += 1
        let board = try await browser.waitForText("元/斤", in: "table.board")
        #expect(board.contains("比上周"), "\(size)")
        try await browser.waitForText("台风", in: "#warnings")  // on every public screen
        try await browser.tap("[data-category='0105']")  // 水果
        touches += 1
        let fruit = try await browser.waitForText("蜜柚", in: "table.board tbody")
        #expect(!fruit.contains("玉米"), "\(size): \(fruit)")
        let inView = try await browser.run(
            """
            const row = [...document.querySelectorAll("table.board tbody tr")].find((r) => r.textContent.includes("蜜柚"));
            row.scrollIntoView({ block: "center" });
            const price = row.querySelector("td.number").getBoundingClientRect();
            const bar = document.querySelector("footer.bar").getBoundingClientRect().top;
            return price.top >= 0 && price.bottom <= bar && price.right <= window.innerWidth;
            """) as? Bool
        #expect(touches == 2 && inView == true, "蜜柚's price in \(touches) touches, in view: \(inView ?? false), at \(size)")
        // The price is in the largest type on the screen.
        let larger = try await browser.run(
            """
            const price = parseFloat(getComputedStyle(document.querySelector("table.board td.price")).fontSize);
            return [...document.querySelectorAll("main *")]
              .filter((n) => n.getClientRects().length > 0 && [...n.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim()))
              .filter((n) => parseFloat(getComputedStyle(n).fontSize) > price).map((n) => n.textContent.trim().slice(0, 12));
            """) as? [String]
        #expect(larger == [], "\(size): text larger than the price: \(larger ?? ["the measure did not run"])")
    }

    /// A trace code from home in one touch plus the code, as a scanner types it; an overlong code and
    /// a wrong check digit answered on screen; on a kiosk's screen the demo's recalled tea tapped on
    /// the keypad alone, every character of a code having a key, in a field wide enough to read it.
    func traceCodes(_ browser: WebDriver, at size: String, width: Int) async throws {
        try await browser.tap("[data-href='#/scan']")
        _ = try await browser.element(".keypad.code")
        if width == 1920 { try await shoot(browser, "kiosk-keypad") }
        try await browser.type("HN-2611-002\u{E007}", into: "#trace-code")  // the code, then Enter
        let found = try await browser.waitForText("不合格", in: "#trace-result")
        #expect(found.contains("安全间隔期") && found.contains("王**"), "\(size): \(found)")
        try await checkSizes(browser, on: "trace lookup at \(size)")
        try await expectNoSidewaysScrolling(browser, on: "trace lookup at \(size)", at: width)
        if width == 1920 { try await shoot(browser, "kiosk-scan") }
        try await browser.run("document.getElementById('trace-code').value = '';")
        try await browser.type(String(repeating: "A", count: 300) + "\u{E007}", into: "#trace-code")
        try await browser.waitForText("128", in: "#trace-result")  // the server's answer, not 正在查询… for ever
        try await browser.run("document.getElementById('trace-code').value = '';")
        try await browser.type("(01)09521234543210(10)A1\u{E007}", into: "#trace-code")  // the GTIN's check digit is wrong
        try await browser.waitForText("商品条码（01）的第 14 位应为 3", in: "#trace-result")
        guard width > 600 else { return }  // a phone types with its own keyboard
        try await browser.run("document.getElementById('trace-code').value = '';")
        let tea = "91441422MA4W8C5X12-T0902"
        for character in tea { try await browser.tap(".keypad [data-key='\(character)']") }
        #expect(try await browser.run("return document.getElementById('trace-code').value;") as? String == tea, "\(size)")
        #expect(
            try await browser.run("return document.getElementById('trace-code').getBoundingClientRect().width >= 600;") as? Bool == true,
            "\(size)")
        try await browser.tap(".keypad button.primary")  // 确定
        try await browser.waitForText("召回", in: "#trace-result")
    }
}
