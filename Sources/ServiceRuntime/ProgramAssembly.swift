public import Access
public import Hummingbird
public import Logging
public import ServiceLifecycle
import Storage
public import WebAPI

/// A program put together: its settings, its store, and the endpoints of the modules it serves.
///
/// A conforming type lists its modules' routes in ``addRoutes(to:)``; the application, with the
/// shared middleware and web front, comes from the default ``application(logger:onListening:)``.
///
/// ```swift
/// struct KioskApplication: ProgramAssembly {
///     func addRoutes(to router: some RouterMethods<APIRequestContext>) {
///         VillageRoutes(store: store).addRoutes(to: router.group("api/v1"))
///     }
/// }
/// ```
public protocol ProgramAssembly: Sendable {
    var settings: ServiceSettings { get }
    var webRoot: String? { get }
    /// Its accounts and sessions: who may use the endpoints that need a login.
    var logins: Logins { get }
    /// Adds every endpoint the program serves; the OpenAPI test reads the same list.
    func addRoutes(to router: some RouterMethods<APIRequestContext>)
    /// Work the program runs beside its HTTP server, such as a station's sync loop.
    func backgroundServices(logger: Logger) -> [any Service]
    /// Where its rate limits count: its own memory, unless several processes serve one store.
    var rateLimits: any RateLimits { get }
}

extension ProgramAssembly {
    public func backgroundServices(logger: Logger) -> [any Service] { [] }
    public var rateLimits: any RateLimits { InProcessRateLimits() }
}

extension ProgramAssembly {
    /// The application, ready to run.
    public func application(
        logger: Logger, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = APIApplication.router(settings: settings, webRoot: webRoot, rateLimits: rateLimits)
        router.add(middleware: logins.middleware)
        router.add(middleware: logins.idempotency)
        addRoutes(to: router)
        return APIApplication.make(router: router, settings: settings, logger: logger, onListening: onListening)
    }
}
