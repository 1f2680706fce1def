import Foundation
import TestSupport
import Testing

/// The county's console as a clerk meets it, at every size it is opened at.
extension BrowserTests {
    /// The console's points at a size: an urgent notice published (``publishAnUrgentNotice(_:width:missing:)``);
    /// the vouchers opened on the village with vouchers waiting, each line naming its account, 退回
    /// asking a reason, then reviewed and posted; every page within the window.
    func consoleWork(_ browser: WebDriver, _ demo: DemoProcess, width: Int, height: Int) async throws {
        let size = "\(width)×\(height)"
        try await publishAnUrgentNotice(browser, width: width, missing: "侯南村信息服务站")

        try await browser.tap("a[href='#/vouchers']")
        // Opened on the village with vouchers waiting, each line naming its account.
        let card = try await browser.waitForText("陈会计", in: "main .card")
        #expect(card.contains("101 库存现金"), "\(size): \(card)")
        #expect(try await browser.run("return document.getElementById('voucher-village').value;") as? String == "441422107201")
        try await browser.tap("main .card button.return")  // 退回 without a reason is not sent
        try await browser.waitForText("请填写退回原因", in: "#message")
        try await browser.tap("main .card button.primary")  // 审核通过
        try await browser.waitForText("已审核", in: "#message")
        try await browser.waitForText("待记账", in: "main .card")  // the list drawn again, its button now 记账
        try await browser.tap("main .card button.primary")  // 记账
        try await browser.waitForText("已记账", in: "#message")
        if width == 1920 { try await shoot(browser, "console-vouchers") }
        try await everyConsolePageFits(browser, width: width, height: height)
    }

    /// An urgent notice published once by 发布 pressed twice, with 紧急 as a real switch that asks the
    /// day it is lifted, from the data's own categories; and `station`, enrolled and not yet synced,
    /// still missing it.
    func publishAnUrgentNotice(_ browser: WebDriver, width: Int, missing station: String) async throws {
        let size = "width \(width)"
        try await browser.tap("a[href='#/notices']")
        try await browser.type("关于做好寒潮防御工作的紧急通知（\(width)）", into: "#notice-title")
        try await browser.type("埔三防〔2026〕\(width)号", into: "#notice-number")
        try await browser.type("今晚起气温骤降，请做好防寒。", into: "#notice-summary")
        try await browser.type("各村请通知农户做好作物和畜禽防寒。", into: "#notice-body")
        // The form offers every category the county's notices are filed under.
        let missing = try await browser.runAsync(
            """
            const done = arguments[0];
            const offered = [...document.querySelectorAll("#notice-category option")].map((o) => o.textContent);
            fetch("/api/v1/notices?all=true&limit=100", { credentials: "same-origin" }).then((r) => r.json())
              .then((list) => done([...new Set(list.notices.map((n) => n.category))].filter((c) => !offered.includes(c))))
              .catch(() => done(null));
            """) as? [String]
        #expect(missing == [], "\(size): categories of the data the form does not offer: \(missing ?? ["the list did not load"])")
        try await browser.tap("#notice-urgent")  // a switch, and a warning carries the day it is lifted
        #expect(try await browser.run("return document.getElementById('notice-expires').closest('label').hidden;") as? Bool == false)
        let switchSize = try await browser.run(
            "const box = document.getElementById('notice-urgent').getBoundingClientRect(); return box.height >= 44 && box.width >= 120;")
        #expect(switchSize as? Bool == true, "\(size): 紧急 is a control a finger can press")
        // 发布 pressed twice at once: one notice.
        try await browser.run("const publish = document.getElementById('notice-publish'); publish.click(); publish.click();")
        try await browser.waitForText("已发布", in: "#message")
        let published = try await browser.runAsync(
            """
            const done = arguments[0];
            fetch("/api/v1/notices?all=true&limit=100", { credentials: "same-origin" }).then((r) => r.json())
              .then((list) => done(list.notices.filter((n) => n.title.includes("（\(width)）")).length)).catch(() => done(-1));
            """) as? Int
        #expect(published == 1, "\(size): 发布 pressed twice published \(published ?? -1) notices")
        try await browser.tap("a[href='#/urgent']")
        let receipts = try await browser.waitForText("（\(width)）", in: "main")
        #expect(receipts.contains("未收到：\(station)"), "\(size): \(receipts)")  // enrolled, not yet synced
    }

    /// 北塘村's station registered at the console, which shows its one-time code.
    func registerAStation(_ browser: WebDriver) async throws {
        try await browser.type("北塘村信息服务站", into: "#new-station-name")
        try await browser.click("#new-station-add")
        let code = try await browser.waitForText("kiosk enroll", in: "#new-station-code")
        #expect(code.contains(/[A-Z0-9]{5}-[A-Z0-9]{5}/), "\(code)")
    }

    /// A spreadsheet of prices imported: its good row taken, its bad one named by its line.
    func importAPriceSheet(_ browser: WebDriver, market: String = "大埔县城农贸市场") async throws {
        let sheet = folder.file("prices.csv")
        try "日期,品种,市场,最低价,平均价,最高价,单位\n2026-11-20,玉米,\(market),2.40,2.60,2.80,元/公斤\n2026-11-20,玉米,\(market),abc,2.60,2.80,元/公斤\n"
            .write(toFile: sheet, atomically: true, encoding: .utf8)
        try await browser.tap("a[href='#/prices']")
        try await browser.type(sheet, into: "#prices-file")
        try await browser.tap("#prices-import")
        let report = try await browser.waitForText("导入 1 行", in: "#prices-report")
        #expect(report.contains("第 3 行"), "\(report)")
    }

    /// Every page of the console within the window's width, its navigation and its first control in
    /// view without scrolling sideways.
    func everyConsolePageFits(_ browser: WebDriver, width: Int, height: Int) async throws {
        for (page, ready) in [
            ("stations", "#stations"), ("conflicts", "main"), ("vouchers", "main"), ("notices", "#notice-title"),
            ("prices", "#prices-file"), ("urgent", "main"),
        ] {
            try await browser.tap("a[href='#/\(page)']")
            _ = try await browser.element(ready)
            try await expectNoSidewaysScrolling(browser, on: "the console's \(page)", at: width)
            let inView = try await browser.run(
                """
                const nav = document.querySelector("a[href='#/\(page)']").getBoundingClientRect();
                const first = document.querySelector("main input, main select, main button, main table, main .card, main p");
                const box = first ? first.getBoundingClientRect() : nav;
                return nav.right <= innerWidth && box.left >= 0 && box.left < innerWidth;
                """) as? Bool
            #expect(inView == true, "the console's \(page) page is in view at \(width)×\(height)")
        }
    }

}
