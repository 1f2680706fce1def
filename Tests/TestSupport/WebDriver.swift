public import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import NIOFoundationCompat

/// A headless Chromium driven over the W3C WebDriver protocol by Debian's chromedriver, for tests
/// of the fronts in a real browser. Waits are bounded polls of a condition, never sleeps.
///
/// ```swift
/// let browser = try await WebDriver.start()
/// try await browser.open("http://127.0.0.1:8080/")
/// try await browser.click("[data-href='#/prices']")
/// let text = try await browser.text(of: "table.board")
/// ```
public final class WebDriver: Sendable {
    /// Where Debian puts them (`apt-get install chromium chromium-driver`).
    public static let chromium = "/usr/bin/chromium"
    public static let chromedriver = "/usr/bin/chromedriver"

    /// Whether this machine has both; `.ci/run` installs them.
    public static var isInstalled: Bool {
        FileManager.default.isExecutableFile(atPath: chromium) && FileManager.default.isExecutableFile(atPath: chromedriver)
    }

    let driver: ProgramProcess
    let port: Int
    let session: String

    private init(driver: ProgramProcess, port: Int, session: String) {
        self.driver = driver
        self.port = port
        self.session = session
    }

    /// Starts chromedriver on `port` and a headless Chromium of `width`×`height` (1080p: a kiosk).
    public static func start(port: Int, width: Int = 1920, height: Int = 1080) async throws -> WebDriver {
        let driver = try ProgramProcess(chromedriver, ["--port=\(port)", "--allowed-ips=127.0.0.1"])
        guard await driver.line(containing: "started successfully", within: 120) != nil else {
            throw ProgramFailure(message: "chromedriver did not start: \(driver.standardError)")
        }
        let capabilities: [String: Any] = [
            "capabilities": [
                "alwaysMatch": [
                    "browserName": "chrome",
                    "goog:chromeOptions": [
                        "binary": chromium,
                        "args": [
                            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN",
                            "--window-size=\(width),\(height)", "--force-device-scale-factor=1", "--no-first-run",
                            "--disable-extensions", "--proxy-server=direct://", "--proxy-bypass-list=*",
                        ],
                    ],
                ]
            ]
        ]
        let answer = try await call(port, "/session", method: "POST", body: capabilities)
        guard let session = (answer as? [String: Any])?["sessionId"] as? String else {
            driver.signal(SIGTERM)
            throw ProgramFailure(message: "no WebDriver session: \(answer.map { String(describing: $0) } ?? "no answer")")
        }
        let browser = WebDriver(driver: driver, port: port, session: session)
        try await browser.fitViewport(width: width, height: height)
        return browser
    }

    /// Sizes the window so that the page itself, not the window around it, is `width`×`height`.
    public func fitViewport(width: Int, height: Int) async throws {
        let frame = try await run("return [window.outerWidth - window.innerWidth, window.outerHeight - window.innerHeight];") as? [Int] ?? [0, 0]
        _ = try await command("window/rect", body: ["width": width + frame[0], "height": height + frame[1]])
    }

    /// Ends the browser and the driver.
    public func quit() async {
        _ = try? await Self.call(port, "/session/\(session)", method: "DELETE", body: nil)
        driver.signal(SIGTERM)
        _ = await driver.exitStatus(within: 10)
    }

    public func open(_ url: String) async throws {
        _ = try await command("url", body: ["url": url])
    }

    /// The first element the CSS selector finds, waiting for it up to `seconds`.
    public func element(_ selector: String, within seconds: Double = 120) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if let found = try? await command("element", body: ["using": "css selector", "value": selector]) as? [String: Any],
                let id = found.values.first as? String
            {
                return id
            }
            try await Task.sleep(for: .milliseconds(100))
        } while Date() < deadline
        throw ProgramFailure(message: "no element \(selector) within \(seconds) s")
    }

    public func click(_ selector: String) async throws {
        try await onElement(selector) { id in _ = try await self.command("element/\(id)/click", body: [:]) }
    }

    /// Scrolls the element to the middle of the window, as a person scrolls to what the fixed bar
    /// covers on a small screen (a scroll is no touch), then clicks it.
    public func tap(_ selector: String) async throws {
        _ = try await element(selector)
        _ = try await run("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });", [selector])
        try await click(selector)
    }

    /// Types into the element as keystrokes, as a USB scanner does (`\n` is Enter as "\u{E007}").
    public func type(_ text: String, into selector: String) async throws {
        try await onElement(selector) { id in _ = try await self.command("element/\(id)/value", body: ["text": text]) }
    }

    public func text(of selector: String) async throws -> String {
        try await onElement(selector) { id in try await self.command("element/\(id)/text", method: "GET") as? String ?? "" }
    }

    /// Acts on the element the selector finds; when the page re-rendered it between the finding and
    /// the act ("stale element reference"), finds it again, a bounded number of times.
    func onElement<Answer>(_ selector: String, _ act: (String) async throws -> Answer) async throws -> Answer {
        var tries = 0
        while true {
            let id = try await element(selector)
            do {
                return try await act(id)
            } catch let failure as ProgramFailure where failure.message.contains("stale element reference") && tries < 20 {
                tries += 1
            }
        }
    }

    /// Waits until the element's text contains `expected`; its text then.
    @discardableResult
    public func waitForText(_ expected: String, in selector: String, within seconds: Double = 120) async throws -> String {
        try await waitForText(in: selector, within: seconds, "\(expected)") { $0.contains(expected) }
    }

    /// Waits until the element's text is as `wanted` says (`what` names it in the failure).
    @discardableResult
    public func waitForText(
        in selector: String, within seconds: Double = 120, _ what: String, _ wanted: (String) -> Bool
    ) async throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var seen = ""
        repeat {
            seen = (try? await text(of: selector)) ?? ""
            if wanted(seen) { return seen }
            try await Task.sleep(for: .milliseconds(100))
        } while Date() < deadline
        throw ProgramFailure(message: "\(selector) never showed \(what); it showed: \(seen.prefix(300))")
    }

    /// Waits until a script in the page returns `true` (`what` names the condition in the failure).
    public func waitUntil(_ what: String, within seconds: Double = 120, _ script: String) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        repeat {
            if try await run(script) as? Bool == true { return }
            try await Task.sleep(for: .milliseconds(100))
        } while Date() < deadline
        throw ProgramFailure(message: "never \(what) within \(seconds) s")
    }

    /// Runs a script in the page (its body, with `arguments`) and answers its return value.
    @discardableResult
    public func run(_ script: String, _ arguments: [Any] = []) async throws -> Any? {
        try await command("execute/sync", body: ["script": script, "args": arguments])
    }

    /// Runs a script that ends by calling its last argument with a value, and answers that value.
    public func runAsync(_ script: String) async throws -> Any? {
        try await command("execute/async", body: ["script": script, "args": []])
    }

    /// A PNG of the window.
    public func screenshot() async throws -> Data {
        guard let text = try await command("screenshot", method: "GET") as? String, let png = Data(base64Encoded: text) else {
            throw ProgramFailure(message: "no screenshot")
        }
        return png
    }

    func command(_ path: String, method: String = "POST", body: [String: Any]? = nil) async throws -> Any? {
        try await Self.call(port, "/session/\(session)/\(path)", method: method, body: method == "GET" ? nil : (body ?? [:]))
    }

    /// One WebDriver call to the driver on `port`; the answer's `value`.
    static func call(_ port: Int, _ path: String, method: String, body: [String: Any]?) async throws -> Any? {
        let payload = try body.map { try JSONSerialization.data(withJSONObject: $0) }
        let request = TestClient.Request(
            path, method: HTTPRequest.Method(method)!, authority: "127.0.0.1:\(port)", headers: [.contentType: "application/json"],
            body: payload.map { ByteBuffer(bytes: $0) })
        let response = try await TestClient.withClient(
            host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60))
        ) { client in try await client.execute(request) }
        let data = response.body.map { Data(buffer: $0) } ?? Data()
        let value = (try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) as? [String: Any])?["value"]
        guard response.status == .ok else {
            throw ProgramFailure(message: "WebDriver \(method) \(path): \(value ?? "")")
        }
        return value is NSNull ? nil : value
    }
}
