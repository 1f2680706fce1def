import Foundation
public import Hummingbird
import Logging
import ServiceLifecycle
public import ServiceRuntime
import Synchronization
public import WebAPI

/// What a villager's phone reaches of the station on its Wi-Fi (手机访问): the public screens and
/// every read, on a listener of their own. Logging in and every write answer the kiosk's own
/// screen only, on its listener (127.0.0.1 by default): a phone in the village is nobody's login.
///
/// Set by the environment: `KIOSK_PHONE_PORT` (unset: no phone listener), `KIOSK_PHONE_HOST`
/// (default 0.0.0.0, every interface) and `KIOSK_PHONE_URL`, the address phones open (the QR code
/// on the home screen holds it; by default `http://HOST:PORT` when the host is one address).
///
/// ```swift
/// let phone = try PhoneAccess(environment: ["KIOSK_PHONE_PORT": "8081", "KIOSK_PHONE_URL": "http://192.168.4.1:8081"])
/// phone?.url   // "http://192.168.4.1:8081"
/// ```
public final class PhoneAccess: Sendable {
    public let host: String
    public let port: Int
    /// The address phones open, once known: given, or the listener's own once it listens.
    private let address: Mutex<String?>
    /// Called with the port once the listener listens (the demo prints it).
    let onListening: @Sendable (Int) async -> Void

    public init(host: String = "0.0.0.0", port: Int, url: String? = nil, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) {
        self.host = host
        self.port = port
        self.address = Mutex(url)
        self.onListening = onListening
    }

    /// The phone listener the environment asks for, or `nil` when it asks for none.
    public convenience init?(environment: [String: String]) throws(StartupFailure) {
        guard let portText = environment["KIOSK_PHONE_PORT"] else { return nil }
        guard let port = Int(portText), (0...65_535).contains(port) else {
            throw .invalidSetting("KIOSK_PHONE_PORT", rule: "0–65535", value: portText)
        }
        let url = environment["KIOSK_PHONE_URL"]
        if let url, URL(string: url)?.scheme?.hasPrefix("http") != true || url.utf8.count > 200 {
            throw .invalidSetting("KIOSK_PHONE_URL", rule: "an http:// or https:// address of at most 200 bytes", value: url)
        }
        self.init(host: environment["KIOSK_PHONE_HOST"] ?? "0.0.0.0", port: port, url: url)
    }

    /// The address phones open, or `nil` while it is not known (a listener on every interface,
    /// whose Wi-Fi address was not given).
    public var url: String? { address.withLock { $0 } }

    /// Once the listener listens: the address phones open is its own, unless one was given or it
    /// listens on every interface (which has no one address).
    private func listening(on port: Int, logger: Logger) async {
        let everywhere = host == "0.0.0.0" || host == "::"
        let url = address.withLock { url in
            if url == nil, !everywhere { url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)" }
            return url
        }
        logger.notice("phones open \(url ?? "(no address: set KIOSK_PHONE_URL)")")
        await onListening(port)
    }

    /// The listener: the program's middleware and its GET endpoints only (``ReadOnlyRoutes``).
    func application(
        settings: ServiceSettings, webRoot: String?, middleware: [any MiddlewareProtocol<Request, Response, APIRequestContext>],
        logger: Logger, routes: (ReadOnlyRoutes) -> Void
    ) -> some Service {
        var phoneSettings = settings
        (phoneSettings.host, phoneSettings.port) = (host, port)
        let router = APIApplication.router(settings: phoneSettings, webRoot: webRoot)
        for each in middleware { router.add(middleware: each) }
        routes(ReadOnlyRoutes(router: router))
        return APIApplication.make(router: router, settings: phoneSettings, logger: logger, listener: "phones") { [self] port in
            await listening(on: port, logger: logger)
        }
    }
}

/// The routes a phone reaches: a program's routes added through it keep only their GET endpoints,
/// so that nothing a phone sends writes, whatever the endpoint.
///
/// ```swift
/// KioskApplication(…).addRoutes(to: ReadOnlyRoutes(router: router))   // POST prices/observations is not there
/// ```
public struct ReadOnlyRoutes: RouterMethods {
    public typealias Context = APIRequestContext
    let router: Router<APIRequestContext>

    @discardableResult
    public func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
    where Responder.Context == APIRequestContext {
        if method == .get { router.on(path, method: method, responder: responder) }
        return self
    }

    @discardableResult
    public func add(middleware: any MiddlewareProtocol<Request, Response, APIRequestContext>) -> Self {
        router.add(middleware: middleware)
        return self
    }
}
